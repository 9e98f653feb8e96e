/**
 * Charts rendered server-side to standalone SVG with Observable Plot and linkedom (no
 * browser): a frame with title, reading guide and source line, and small-multiple time
 * series of weekly metrics by scenario. Charts read only recorder output.
 *
 * @example Render a time series chart
 * ```ts
 * import { timeseriesChart } from "./mod.ts";
 * import { match } from "node:assert/strict";
 * const rows = [0, 1, 2].map((week) => ({
 *   scenario: "baseline",
 *   replicate: 0,
 *   seed: 1,
 *   week,
 *   vacancies: 3 - week,
 * }));
 * const svg = timeseriesChart(rows, {
 *   metrics: [{ name: "vacancies", label: "Vacancies", unit: "posts" }],
 *   title: "Vacancies fall",
 * });
 * match(svg, /Vacancies fall/);
 * ```
 *
 * @module
 */
export {
  createDocument,
  createText,
  estimateTextWidth,
  renderSvg,
  type RenderSvgOptions,
  serializeSvg,
  setAttributes,
  SVG_NS,
  type TextOptions,
} from "./render_svg.ts";
export {
  type ChartMarker,
  type ChartMetric,
  DEFAULT_TIMESERIES_METRICS,
  SCENARIO_COLORS,
  SCENARIO_DASHES,
  timeseriesChart,
  type TimeseriesChartOptions,
  type TimeseriesRow,
  WEEKS_PER_YEAR,
} from "./timeseries_chart.ts";
export { networkChart, type NetworkChartOptions, type NetworkSnapshot } from "./network_chart.ts";
