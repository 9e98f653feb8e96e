/**
 * Tidy tables of results, built with arquero: `runs` (one row per run) and `timeseries` (one
 * row per run and week, one column per metric), and their CSV and Arrow encodings.
 *
 * @module
 */
import * as aq from "arquero";
import { METRICS } from "../model/mod.ts";
import type { RunResult } from "./replicates.ts";
import { summariseRun } from "./run_summary.ts";
import { summarise } from "./stats.ts";

/** An arquero table. */
export type Table = ReturnType<typeof aq.table>;

/**
 * The `runs` table: `run_id`, `scenario`, `replicate`, `seed`, then one summary column per
 * metric (see `summariseRun`).
 *
 * @param results Finished runs.
 * @returns The table.
 *
 * @example
 * ```ts
 * import { runsTable } from "./tables.ts";
 * import { runReplicates } from "./replicates.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const t = runsTable(runReplicates(resolveScenario({ horizonYears: 1 }, "tiny"), 2));
 * deepStrictEqual(t.numRows(), 2);
 * ```
 */
export function runsTable(results: readonly RunResult[]): Table {
  const columns: Record<string, unknown[] | Float64Array> = {
    run_id: results.map(runId),
    scenario: results.map((r) => r.scenario),
    replicate: results.map((r) => r.replicate),
    seed: results.map((r) => r.seed),
  };
  const summaries = results.map((r) => summariseRun(r.recording));
  for (const spec of METRICS) {
    columns[spec.name] = Float64Array.from(summaries, (s) => s[spec.name]);
  }
  return aq.table(columns);
}

/**
 * The `timeseries` table: `run_id`, `scenario`, `replicate`, `seed`, `week`, then one column
 * per metric.
 *
 * @param results Finished runs.
 * @returns The table, runs in the order given, weeks in order.
 *
 * @example
 * ```ts
 * import { timeseriesTable } from "./tables.ts";
 * import { runReplicates } from "./replicates.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const t = timeseriesTable(runReplicates(resolveScenario({ horizonYears: 1 }, "tiny"), 2));
 * deepStrictEqual(t.numRows(), 2 * 52);
 * ```
 */
export function timeseriesTable(results: readonly RunResult[]): Table {
  const rows = results.reduce((n, r) => n + r.recording.weeks, 0);
  const ids: string[] = new Array(rows);
  const scenarios: string[] = new Array(rows);
  const replicates = new Int32Array(rows);
  const seeds = new Float64Array(rows);
  const weeks = new Int32Array(rows);
  const metricColumns = METRICS.map(() => new Float64Array(rows));
  let row = 0;
  for (const r of results) {
    const id = runId(r);
    for (let w = 0; w < r.recording.weeks; w++, row++) {
      ids[row] = id;
      scenarios[row] = r.scenario;
      replicates[row] = r.replicate;
      seeds[row] = r.seed;
      weeks[row] = w;
      for (let m = 0; m < METRICS.length; m++) metricColumns[m][row] = r.recording.columns[m][w];
    }
  }
  const columns: Record<string, unknown[] | Int32Array | Float64Array> = {
    run_id: ids,
    scenario: scenarios,
    replicate: replicates,
    seed: seeds,
    week: weeks,
  };
  METRICS.forEach((spec, m) => columns[spec.name] = metricColumns[m]);
  return aq.table(columns);
}

/**
 * The `budgets` table (M10): one row per run, organisation and year with `organisation`
 * (`funded-01`…, `statutory-1`…), `sector`, `year` (from 1), `budget_gbp` (grant awarded, or a
 * statutory service's core cost) and `spend_gbp`.
 *
 * @param results Finished runs.
 * @returns The table.
 *
 * @example
 * ```ts
 * import { budgetsTable } from "./tables.ts";
 * import { runReplicates } from "./replicates.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const t = budgetsTable(runReplicates(resolveScenario({ horizonYears: 2 }, "tiny"), 1));
 * strictEqual(t.numRows(), 41 * 2);
 * ```
 */
export function budgetsTable(results: readonly RunResult[]): Table {
  const columns: Record<string, unknown[]> = {
    run_id: [],
    scenario: [],
    replicate: [],
    seed: [],
    organisation: [],
    sector: [],
    year: [],
    budget_gbp: [],
    spend_gbp: [],
  };
  for (const r of results) {
    const { sector, years, budgetByYear, spendByYear } = r.accounts;
    let funded = 0;
    let statutory = 0;
    for (let o = 0; o < sector.length; o++) {
      const isStatutory = sector[o] === 1;
      const label = isStatutory
        ? `statutory-${++statutory}`
        : `funded-${String(++funded).padStart(2, "0")}`;
      for (let y = 0; y < years; y++) {
        columns.run_id.push(runId(r));
        columns.scenario.push(r.scenario);
        columns.replicate.push(r.replicate);
        columns.seed.push(r.seed);
        columns.organisation.push(label);
        columns.sector.push(isStatutory ? "statutory" : "voluntary");
        columns.year.push(y + 1);
        columns.budget_gbp.push(budgetByYear[o * years + y]);
        columns.spend_gbp.push(spendByYear[o * years + y]);
      }
    }
  }
  return aq.table(columns);
}

/** A group of replicates to summarise: the columns that name it, and each run's values. */
export interface SummaryGroup {
  /** Leading columns of the group's rows, e.g. `{ scenario: "baseline" }` or a sweep point's. */
  readonly keys: Readonly<Record<string, unknown>>;
  /** Each replicate's summary values, one per metric (in the metrics' order). */
  readonly runs: readonly ArrayLike<number>[];
}

/**
 * The `summary` table: one row per group and metric with the group's key columns, `metric`, `n`,
 * `mean`, `sd`, `ci_low`, `ci_high` (95% interval of the mean, Student's t), `median`, `q025`
 * and `q975` (2.5% and 97.5% quantiles across replicates). NaN values (undefined in a run) are
 * left out of `n` and of every statistic.
 *
 * @param groups The groups, in row order.
 * @param metrics Metric names, in the order of each run's values.
 * @returns The table.
 *
 * @example
 * ```ts
 * import { summaryTable } from "./tables.ts";
 * import { strictEqual } from "node:assert/strict";
 * const t = summaryTable([{ keys: { scenario: "a" }, runs: [[1], [3]] }], ["y"]);
 * strictEqual(t.get("mean", 0), 2);
 * strictEqual(t.get("n", 0), 2);
 * ```
 */
export function summaryTable(groups: readonly SummaryGroup[], metrics: readonly string[]): Table {
  const rows: Record<string, unknown>[] = [];
  for (const group of groups) {
    const values = new Float64Array(group.runs.length);
    metrics.forEach((metric, m) => {
      group.runs.forEach((run, r) => values[r] = run[m]);
      const s = summarise(values);
      rows.push({
        ...group.keys,
        metric,
        n: s.n,
        mean: s.mean,
        sd: s.sd,
        ci_low: s.lo,
        ci_high: s.hi,
        median: s.median,
        q025: s.q025,
        q975: s.q975,
      });
    });
  }
  return aq.from(rows);
}

/**
 * The `summary` table of one scenario's replicates (see {@linkcode summaryTable}).
 *
 * @param results Finished runs of one scenario.
 * @returns The table, one row per metric.
 *
 * @example
 * ```ts
 * import { runSummaryTable } from "./tables.ts";
 * import { runReplicates } from "./replicates.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const t = runSummaryTable(runReplicates(resolveScenario({ horizonYears: 1 }, "tiny"), 3));
 * strictEqual(t.get("n", 0), 3);
 * ```
 */
export function runSummaryTable(results: readonly RunResult[]): Table {
  const names = METRICS.map((m) => m.name);
  const runs = results.map((r) => {
    const s = summariseRun(r.recording);
    return names.map((name) => s[name]);
  });
  return summaryTable([{ keys: { scenario: results[0]?.scenario ?? "" }, runs }], names);
}

/**
 * A run's identifier: `scenario#replicate`.
 *
 * @param run A run.
 * @returns The identifier.
 *
 * @example
 * ```ts
 * import { runId } from "./tables.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(runId({ scenario: "baseline", replicate: 3 }), "baseline#3");
 * ```
 */
export function runId(run: { readonly scenario: string; readonly replicate: number }): string {
  return `${run.scenario}#${run.replicate}`;
}

/**
 * Encodes a table as CSV text.
 *
 * @param table An arquero table.
 * @returns CSV with a header row; undefined values are written `NaN`.
 *
 * @example
 * ```ts
 * import * as aq from "arquero";
 * import { tableToCsv } from "./tables.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(tableToCsv(aq.table({ a: [1] })), "a\n1\n");
 * ```
 */
export function tableToCsv(table: Table): string {
  const csv = aq.toCSV(table);
  return csv.endsWith("\n") ? csv : csv + "\n";
}

/**
 * Encodes a table as an Arrow IPC file.
 *
 * @param table An arquero table.
 * @returns The bytes.
 *
 * @example
 * ```ts
 * import * as aq from "arquero";
 * import { tableToArrow } from "./tables.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const bytes = tableToArrow(aq.table({ a: [1, 2] }));
 * deepStrictEqual(aq.fromArrow(bytes).numRows(), 2);
 * ```
 */
export function tableToArrow(table: Table): Uint8Array {
  return aq.toArrowIPC(table, { format: "file" }) as Uint8Array;
}
