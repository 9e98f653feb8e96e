/**
 * Staff dynamics: key workers leaving, vacancies, posts filled and the tenure the current
 * leaving rate implies, with the weeks grants end marked.
 *
 * @module
 */
import { type Row, type RowsInput, rowsOf, sourceOfRuns } from "./chart_input.ts";
import {
  type ChartMarker,
  type ChartMetric,
  timeseriesChart,
  type TimeseriesRow,
  WEEKS_PER_YEAR,
} from "./timeseries_chart.ts";

/** Options of {@linkcode staffChart}. */
export interface StaffChartOptions {
  /** Chart title. @default {"Key workers: leavers, vacancies and tenure"} */
  readonly title?: string;
  /** The source line; by default the scenarios and replicate counts found in the rows. */
  readonly source?: string;
  /** Grant end weeks to mark; by default {@linkcode grantEndWeeks} of the rows. */
  readonly grantEnds?: readonly ChartMarker[];
  /** Prefix of element ids in the SVG. @default {"staff"} */
  readonly idPrefix?: string;
}

/** Weeks in the trailing window of the leavers panel (a quarter). */
export const LEAVERS_WINDOW_WEEKS = 13;
/** Weeks in the trailing window of the implied tenure. */
export const TENURE_WINDOW_WEEKS = 26;

/** The four panels; the first and last are derived from `staff_leavers` and `posts_filled`. */
export const STAFF_METRICS: readonly ChartMetric[] = Object.freeze([
  { name: "leavers_per_quarter", label: "Leavers, last 13 weeks", unit: "key workers" },
  { name: "vacancies", label: "Vacancies", unit: "posts" },
  { name: "posts_filled", label: "Posts filled", unit: "posts" },
  { name: "implied_tenure_years", label: "Implied tenure", unit: "years" },
]);

const READING_GUIDE = "Lines: mean of replicates; bands: middle 50% and 95%; grey rules: grants " +
  "end. Implied tenure: posts filled ÷ leavers a year, last 26 weeks";

/**
 * The weeks in which grants end: weeks where, on average over the runs, at least one post
 * ended (`posts_ended`, recorded when a grant ends or pauses). Grants in this model start
 * together, so their ends fall in the same weeks in every replicate.
 *
 * @param input Time series rows with `week` and `posts_ended`.
 * @param minPostsEnded The mean posts ended that makes a week a grant end. @default {1}
 * @returns One marker per such week, labelled "grants end", in week order.
 *
 * @example
 * ```ts
 * import { grantEndWeeks } from "./staff_chart.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const rows = [0, 1, 2].map((week) => ({ scenario: "a", replicate: 0, seed: 1, week, posts_ended: week === 1 ? 12 : 0 }));
 * deepStrictEqual(grantEndWeeks(rows), [{ week: 1, label: "grants end" }]);
 * ```
 */
export function grantEndWeeks(
  input: RowsInput<TimeseriesRow>,
  minPostsEnded = 1,
): ChartMarker[] {
  const rows = rowsOf(input, "time series rows");
  const sums = new Map<number, { total: number; n: number }>();
  for (const row of rows) {
    const value = row.posts_ended;
    if (typeof value !== "number" || Number.isNaN(value)) continue;
    const entry = sums.get(row.week) ?? { total: 0, n: 0 };
    entry.total += value;
    entry.n += 1;
    sums.set(row.week, entry);
  }
  return [...sums]
    .filter(([, { total, n }]) => total / n >= minPostsEnded)
    .map(([week]) => week)
    .sort((a, b) => a - b)
    .map((week) => ({ week, label: "grants end" }));
}

/**
 * Adds each run's trailing-window columns: `leavers_per_quarter` (key workers who left in the
 * last 13 weeks, this one included) and `implied_tenure_years` (mean posts filled over the
 * last 26 weeks ÷ leavers in them, per year; `NaN` before 26 weeks have passed or when nobody
 * left).
 *
 * @param rows Time series rows with `staff_leavers` and `posts_filled`.
 * @returns New rows, sorted by scenario, replicate and week, with the two columns.
 *
 * @example One leaver a week (52 a year) from 104 posts filled: tenure 2 years
 * ```ts
 * import { withStaffWindows } from "./staff_chart.ts";
 * import { strictEqual } from "node:assert/strict";
 * const rows = Array.from({ length: 26 }, (_, week) => ({ scenario: "a", replicate: 0, seed: 1, week, staff_leavers: 1, posts_filled: 104 }));
 * const out = withStaffWindows(rows);
 * strictEqual(out[25].leavers_per_quarter, 13);
 * strictEqual(out[25].implied_tenure_years, 2);
 * strictEqual(Number.isNaN(out[24].implied_tenure_years), true);
 * ```
 */
export function withStaffWindows(rows: readonly TimeseriesRow[]): TimeseriesRow[] {
  const byRun = new Map<string, TimeseriesRow[]>();
  for (const row of rows) {
    const key = `${row.scenario}\u0000${row.replicate}`;
    let run = byRun.get(key);
    if (run === undefined) byRun.set(key, run = []);
    run.push(row);
  }
  const out: TimeseriesRow[] = [];
  for (const run of byRun.values()) {
    run.sort((a, b) => a.week - b.week);
    const leavers = run.map((r) => finite(r.staff_leavers));
    const filled = run.map((r) => finite(r.posts_filled));
    run.forEach((row, i) => {
      const quarter = sum(leavers, i - LEAVERS_WINDOW_WEEKS + 1, i);
      let tenure = NaN;
      if (i + 1 >= TENURE_WINDOW_WEEKS) {
        const left = sum(leavers, i - TENURE_WINDOW_WEEKS + 1, i);
        const posts = sum(filled, i - TENURE_WINDOW_WEEKS + 1, i) / TENURE_WINDOW_WEEKS;
        const perYear = (left * WEEKS_PER_YEAR) / TENURE_WINDOW_WEEKS;
        if (perYear > 0) tenure = posts / perYear;
      }
      out.push({ ...row, leavers_per_quarter: quarter, implied_tenure_years: tenure });
    });
  }
  return out;
}

/**
 * Draws staff dynamics and returns a standalone SVG: four panels (key workers leaving in the
 * last 13 weeks, vacancies, posts filled, and the tenure that the last 26 weeks' leaving
 * implies), each with per scenario a mean line and the middle-50% and 95% bands across
 * replicates, and grey rules at the weeks grants end.
 *
 * The model records no tenure directly; the implied tenure (posts filled ÷ leavers a year)
 * is the mean time in post that the current leaving rate would give in a steady state.
 *
 * @param input Time series rows with `staff_leavers`, `vacancies`, `posts_filled` and
 * `posts_ended`, as rows or an arquero table.
 * @param options Title, source, grant ends and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If there are no rows or a metric is missing from every row.
 *
 * @example
 * ```ts
 * import { staffChart } from "./staff_chart.ts";
 * import { match } from "node:assert/strict";
 * const rows = Array.from({ length: 60 }, (_, week) => ({
 *   scenario: "baseline", replicate: 0, seed: 1, week, staff_leavers: week % 4 === 0 ? 1 : 0,
 *   vacancies: 3, posts_filled: 40, posts_ended: week === 52 ? 10 : 0,
 * }));
 * const svg = staffChart(rows);
 * match(svg, /grants end/);
 * match(svg, /Implied tenure/);
 * ```
 */
export function staffChart(
  input: RowsInput<TimeseriesRow>,
  options: StaffChartOptions = {},
): string {
  const rows = rowsOf(input, "time series rows");
  if (rows.length === 0) throw new RangeError("Cannot draw staff dynamics without rows");
  for (const name of ["staff_leavers", "posts_filled"]) {
    if (!rows.some((row) => typeof row[name] === "number")) {
      throw new RangeError(`Cannot draw metric "${name}": no row has it`);
    }
  }
  const {
    title = "Key workers: leavers, vacancies and tenure",
    source = sourceOfRuns(rows as readonly Row[]),
    grantEnds = grantEndWeeks(rows),
    idPrefix = "staff",
  } = options;
  return timeseriesChart(withStaffWindows(rows), {
    metrics: STAFF_METRICS,
    title,
    source,
    markers: grantEnds,
    idPrefix,
    bands: "50% and 95%",
    readingGuide: READING_GUIDE,
  });
}

function finite(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = Math.max(0, from); i <= to; i++) total += values[i];
  return total;
}
