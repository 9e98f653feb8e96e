/**
 * What the explorer's charts draw, computed from the replicates received so far: per week,
 * the mean across replicates and a band of 95% of replicates (2.5–97.5% quantiles, as in the
 * command line's charts), for one side or for the paired difference B − A. Pure functions.
 *
 * @module
 */
import { quantileSorted } from "d3";

/** One week of a chart line: mean and band across replicates. */
export interface BandPoint {
  /** Week, from 0. */
  readonly week: number;
  /** Mean across the replicates with a value this week (`NaN` if none). */
  readonly mean: number;
  /** 2.5% quantile across replicates. */
  readonly lo: number;
  /** 97.5% quantile across replicates. */
  readonly hi: number;
}

/** A metric drawn as one chart panel. */
export interface PanelSpec {
  /** Recorder metric it reads, e.g. `"outcomes_achieved"`. */
  readonly metric: string;
  /** Panel title. */
  readonly label: string;
  /** Unit of the y axis. */
  readonly unit: string;
  /** Draw the running total of a weekly flow instead of the flow itself. */
  readonly cumulative?: boolean;
  /** Digits after the decimal point in captions and tables. */
  readonly digits: number;
}

/** The explorer's panels, in order; the first is "the outcome". */
export const PANELS: readonly PanelSpec[] = Object.freeze([
  panel("outcomes_achieved", "Outcomes achieved to date", "outcomes", 0, true),
  panel("mean_trust", "Mean trust in key worker", "trust in [0, 1]", 3),
  panel("families_supported", "Families supported", "families", 0),
  panel("key_worker_changes_per_family", "Key-worker changes per family", "changes per family", 3),
  panel("outcomes_per_million_gbp", "Outcomes per £1m, running", "outcomes per £1m", 1),
  panel("vacancies", "Vacancies", "posts", 1),
]);

function panel(
  metric: string,
  label: string,
  unit: string,
  digits: number,
  cumulative = false,
): PanelSpec {
  return Object.freeze({ metric, label, unit, digits, cumulative });
}

/**
 * The running total of a weekly flow; a week without a value (`NaN`) adds nothing.
 *
 * @param values Weekly values.
 * @returns Totals to date, week by week.
 *
 * @example
 * ```ts
 * import { runningTotal } from "./series.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(Array.from(runningTotal(Float64Array.of(1, NaN, 2))), [1, 1, 3]);
 * ```
 */
export function runningTotal(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let total = 0;
  for (let w = 0; w < values.length; w++) {
    if (!Number.isNaN(values[w])) total += values[w];
    out[w] = total;
  }
  return out;
}

/**
 * Mean and 95% band across replicates, week by week, ignoring `NaN`.
 *
 * @param runs One series per replicate (same length).
 * @returns One point per week.
 *
 * @example
 * ```ts
 * import { bandSeries } from "./series.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const band = bandSeries([Float64Array.of(1, 2), Float64Array.of(3, NaN)]);
 * deepStrictEqual(band[0].mean, 2);
 * deepStrictEqual(band[1], { week: 1, mean: 2, lo: 2, hi: 2 });
 * ```
 */
export function bandSeries(runs: readonly ArrayLike<number>[]): BandPoint[] {
  const weeks = runs.length === 0 ? 0 : Math.min(...runs.map((r) => r.length));
  const points: BandPoint[] = [];
  const week: number[] = [];
  for (let w = 0; w < weeks; w++) {
    week.length = 0;
    for (const run of runs) if (!Number.isNaN(run[w])) week.push(run[w]);
    week.sort((x, y) => x - y);
    let sum = 0;
    for (const v of week) sum += v;
    points.push({
      week: w,
      mean: week.length > 0 ? sum / week.length : NaN,
      lo: quantileSorted(week, 0.025) ?? NaN,
      hi: quantileSorted(week, 0.975) ?? NaN,
    });
  }
  return points;
}

/**
 * The paired difference B − A, replicate by replicate (replicate r of both sides ran with the
 * same seed), as mean and 95% band across replicates, week by week. Only replicates both sides
 * have finished are paired.
 *
 * @param a Scenario A's series, by replicate.
 * @param b Scenario B's series, by replicate.
 * @returns One point per week.
 *
 * @example
 * ```ts
 * import { pairedDifferenceSeries } from "./series.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const d = pairedDifferenceSeries([Float64Array.of(1), Float64Array.of(2)], [Float64Array.of(4)]);
 * deepStrictEqual(d, [{ week: 0, mean: 3, lo: 3, hi: 3 }]);
 * ```
 */
export function pairedDifferenceSeries(
  a: readonly ArrayLike<number>[],
  b: readonly ArrayLike<number>[],
): BandPoint[] {
  const pairs = Math.min(a.length, b.length);
  const differences: Float64Array[] = [];
  for (let r = 0; r < pairs; r++) {
    const weeks = Math.min(a[r].length, b[r].length);
    const d = new Float64Array(weeks);
    for (let w = 0; w < weeks; w++) d[w] = b[r][w] - a[r][w];
    differences.push(d);
  }
  return bandSeries(differences);
}

/**
 * The series a panel draws for one replicate's recorded column.
 *
 * @param spec The panel.
 * @param values The metric's weekly values.
 * @returns The values as drawn (the running total for a cumulative panel).
 *
 * @example
 * ```ts
 * import { PANELS, panelValues } from "./series.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(Array.from(panelValues(PANELS[0], Float64Array.of(1, 2))), [1, 3]);
 * ```
 */
export function panelValues(spec: PanelSpec, values: Float64Array): Float64Array {
  return spec.cumulative ? runningTotal(values) : values;
}
