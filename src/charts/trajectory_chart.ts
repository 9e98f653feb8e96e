/**
 * Outcome and trust trajectories: outcomes achieved to date, outcomes per £1m, mean trust and
 * engagement over time, each scenario as a mean line with its middle-50% and 95% bands across
 * replicates.
 *
 * @module
 */
import { type Row, type RowsInput, rowsOf, sourceOfRuns } from "./chart_input.ts";
import {
  type ChartMarker,
  type ChartMetric,
  timeseriesChart,
  type TimeseriesRow,
} from "./timeseries_chart.ts";

/** Options of {@linkcode trajectoryChart}. */
export interface TrajectoryChartOptions {
  /** Chart title. @default {"Outcomes and trust over time"} */
  readonly title?: string;
  /** The source line; by default the scenarios and replicate counts found in the rows. */
  readonly source?: string;
  /** Vertical rules, e.g. grant ends or shocks. */
  readonly markers?: readonly ChartMarker[];
  /** Prefix of element ids in the SVG. @default {"trajectory"} */
  readonly idPrefix?: string;
}

/** The four panels: the cumulative outcomes are derived from `outcomes_achieved`. */
export const TRAJECTORY_METRICS: readonly ChartMetric[] = Object.freeze([
  { name: "outcomes_to_date", label: "Outcomes achieved to date", unit: "outcomes" },
  {
    name: "outcomes_per_million_gbp",
    label: "Outcomes per £1m, running",
    unit: "outcomes per £1m",
  },
  {
    name: "mean_trust",
    label: "Mean trust in key worker",
    unit: "trust in [0, 1]",
    domain: [0, 1],
  },
  { name: "engaged_share", label: "Engaged share", unit: "share in [0, 1]", domain: [0, 1] },
]);

/**
 * Adds a running total of one weekly flow to each run's rows (runs are told apart by scenario
 * and replicate; weeks are summed in order). A `NaN` week adds nothing.
 *
 * @param rows Time series rows.
 * @param flow The weekly flow, e.g. `"outcomes_achieved"`.
 * @param name Name of the new column, e.g. `"outcomes_to_date"`.
 * @returns New rows (sorted by scenario appearance, replicate and week) with the column added.
 *
 * @example
 * ```ts
 * import { withRunningTotal } from "./trajectory_chart.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const rows = [2, 0, 1].map((week) => ({ scenario: "a", replicate: 0, seed: 1, week, x: week + 1 }));
 * deepStrictEqual(withRunningTotal(rows, "x", "total").map((r) => r.total), [1, 3, 6]);
 * ```
 */
export function withRunningTotal(
  rows: readonly TimeseriesRow[],
  flow: string,
  name: string,
): TimeseriesRow[] {
  const scenarioOrder = new Map<string, number>();
  for (const row of rows) {
    if (!scenarioOrder.has(row.scenario)) scenarioOrder.set(row.scenario, scenarioOrder.size);
  }
  const sorted = [...rows].sort((a, b) =>
    (scenarioOrder.get(a.scenario) ?? 0) - (scenarioOrder.get(b.scenario) ?? 0) ||
    a.replicate - b.replicate || a.week - b.week
  );
  let run = "";
  let total = 0;
  return sorted.map((row) => {
    const key = `${row.scenario}\u0000${row.replicate}`;
    if (key !== run) {
      run = key;
      total = 0;
    }
    const value = row[flow];
    if (typeof value === "number" && !Number.isNaN(value)) total += value;
    return { ...row, [name]: total };
  });
}

/**
 * Draws outcome and trust trajectories of one or more scenarios and returns a standalone SVG:
 * four panels (outcomes achieved to date, outcomes per £1m so far, mean trust in the key worker,
 * engaged share), each with per scenario a mean line, a dark band holding the middle 50% of
 * replicates and a light band holding 95% of them, week by week.
 *
 * @param input Time series rows (one per scenario, replicate and week, with
 * `outcomes_achieved`, `outcomes_per_million_gbp`, `mean_trust` and `engaged_share`), as rows
 * or an arquero table.
 * @param options Title, source, markers and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If there are no rows or a metric is missing from every row.
 *
 * @example Two replicates of one scenario
 * ```ts
 * import { trajectoryChart } from "./trajectory_chart.ts";
 * import { match, strictEqual } from "node:assert/strict";
 * const rows = [0, 1].flatMap((replicate) =>
 *   [0, 1, 2].map((week) => ({
 *     scenario: "baseline", replicate, seed: 1, week, outcomes_achieved: week,
 *     outcomes_per_million_gbp: 700 + week, mean_trust: 0.5, engaged_share: 0.7,
 *   }))
 * );
 * const svg = trajectoryChart(rows);
 * match(svg, /Outcomes achieved to date/);
 * match(svg, /Source: Scenario baseline, 2 replicates/);
 * strictEqual(svg.includes("NaN"), false);
 * ```
 */
export function trajectoryChart(
  input: RowsInput<TimeseriesRow>,
  options: TrajectoryChartOptions = {},
): string {
  const rows = rowsOf(input, "time series rows");
  if (rows.length === 0) throw new RangeError("Cannot draw trajectories without rows");
  if (!rows.some((row) => typeof row.outcomes_achieved === "number")) {
    throw new RangeError('Cannot draw metric "outcomes_achieved": no row has it');
  }
  const {
    title = "Outcomes and trust over time",
    source = sourceOfRuns(rows as readonly Row[]),
    markers = [],
    idPrefix = "trajectory",
  } = options;
  return timeseriesChart(withRunningTotal(rows, "outcomes_achieved", "outcomes_to_date"), {
    metrics: TRAJECTORY_METRICS,
    title,
    source,
    markers,
    idPrefix,
    bands: "50% and 95%",
  });
}
