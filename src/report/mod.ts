/**
 * The HTML report: reads results folders written by `sim run`, `sim compare` and `sim sweep`
 * (and sensitivity index tables), and builds one self-contained HTML page with what was run,
 * key findings, the charts as inline SVG, summary tables, the assumptions table and how to
 * reproduce the results.
 *
 * @example Escape text from scenario files
 * ```ts
 * import { escapeHtml } from "./mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(escapeHtml("<script>"), "&lt;script&gt;");
 * ```
 *
 * @module
 */
export {
  type AssumptionRow,
  assumptionRows,
  formatParameter,
  leafValues,
  type ParameterSourceRow,
  readParameterSources,
} from "./assumptions.ts";
export {
  buildReport,
  HEATMAP_METRICS,
  type ReportChart,
  reportCharts,
  type ReportOptions,
  shellQuote,
} from "./build_report.ts";
export {
  comparisonFindings,
  KEY_METRICS,
  type KeyMetric,
  metricLabel,
  scenarioFindings,
  summariseRuns,
  sweepFindings,
  withInterval,
} from "./findings.ts";
export {
  type Cell,
  escapeHtml,
  htmlPage,
  htmlTable,
  REPORT_CSS,
  REPORT_SECTIONS,
  type TableOptions,
} from "./html.ts";
export {
  INDEX_FILES,
  readResults,
  ReportInputError,
  type Results,
  type ResultsKind,
  type ScenarioUsed,
} from "./read_results.ts";
