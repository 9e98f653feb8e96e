/**
 * Charts rendered server-side to standalone SVG with Observable Plot and linkedom (no
 * browser), and to PNG with resvg: a frame with title, reading guide and source line around
 * every chart. The catalogue: weekly metrics by scenario ({@linkcode timeseriesChart}),
 * outcome and trust trajectories with 50% and 95% bands ({@linkcode trajectoryChart}), paired
 * differences ({@linkcode differenceChart}), sweep heatmaps ({@linkcode sweepHeatmap}), family
 * states ({@linkcode familyStatesChart}), staff dynamics ({@linkcode staffChart}), the
 * partnership network ({@linkcode networkChart}) and sensitivity tornadoes
 * ({@linkcode tornadoChart}). Charts read only recorder output.
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
export {
  formatNumber,
  listText,
  numberField,
  type Row,
  type RowsInput,
  rowsOf,
  sourceLine,
  sourceOfRuns,
  type TableLike,
} from "./chart_input.ts";
export {
  type LegendItem,
  type LegendSwatch,
  rampLegend,
  type RampLegendOptions,
  swatchLegend,
  symbolElement,
} from "./legend.ts";
export {
  TRAJECTORY_METRICS,
  trajectoryChart,
  type TrajectoryChartOptions,
  withRunningTotal,
} from "./trajectory_chart.ts";
export {
  grantEndWeeks,
  LEAVERS_WINDOW_WEEKS,
  STAFF_METRICS,
  staffChart,
  type StaffChartOptions,
  TENURE_WINDOW_WEEKS,
  withStaffWindows,
} from "./staff_chart.ts";
export {
  FAMILY_STATE_METRICS,
  FAMILY_STATES,
  type FamilyState,
  familyStates,
  familyStatesChart,
  type FamilyStatesChartOptions,
} from "./family_states_chart.ts";
export {
  type ComparisonRow,
  differenceChart,
  type DifferenceChartOptions,
  VERDICT_STYLES,
} from "./difference_chart.ts";
export {
  type HeatmapCell,
  heatmapCells,
  sweepHeatmap,
  type SweepHeatmapOptions,
} from "./sweep_heatmap.ts";
export {
  INDEX_COLORS,
  INDEX_LABELS,
  type SensitivityRow,
  tornadoChart,
  type TornadoChartOptions,
} from "./tornado_chart.ts";
export { MAX_PNG_WIDTH, PNG_FONT_FILES, svgToPng, type SvgToPngOptions } from "./png.ts";
