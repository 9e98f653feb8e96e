/**
 * Turning an experiment's chunks into its tidy tables: `points`, `runs`, `timeseries` and
 * `summary`. Rows come in run order (point by point, replicate by replicate) whatever order the
 * chunks finished in, so the tables are the same for any number of workers or shards.
 *
 * @module
 */
import * as aq from "arquero";
import type { Chunk } from "./chunk.ts";
import type { ExperimentPlan, PlanBase } from "./plan.ts";
import { fileBaseName } from "../scenario/mod.ts";
import { summaryTable, type Table } from "./tables.ts";

/** An experiment's tables. */
export interface ExperimentTables {
  /** One row per design point: `point`, `label`, `scenario`, then one column per parameter. */
  readonly points: Table;
  /**
   * One row per run: `run_id`, `scenario`, `point`, the parameter columns, `replicate`, `seed`,
   * then one summary column per metric.
   */
  readonly runs: Table;
  /**
   * One row per run and week: `run_id`, `scenario`, `point`, `replicate`, `seed`, `week`, then
   * one column per metric (absent when the plan keeps no time series).
   */
  readonly timeseries?: Table;
  /**
   * One row per point and metric across replicates: `point`, `scenario`, the parameter columns,
   * `metric`, `n`, `mean`, `sd`, `ci_low`, `ci_high` (95% interval of the mean), `median`,
   * `q025`, `q975` (2.5% and 97.5% quantiles across replicates).
   */
  readonly summary: Table;
}

/**
 * The scenario name of each point (its base scenario's name, or the test function's).
 *
 * @param plan The plan.
 * @returns One name per point.
 *
 * @example
 * ```ts
 * import { pointScenarioNames } from "./assemble.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const plan = { bases: [{ file: "a/b.yaml", data: {} }, { file: "c.yaml", data: { name: "c1" } }],
 *   points: [{ base: 0 }, { base: 1 }] } as never;
 * deepStrictEqual(pointScenarioNames(plan), ["b", "c1"]);
 * ```
 */
export function pointScenarioNames(
  plan: Pick<ExperimentPlan, "bases" | "points" | "testFunction">,
): string[] {
  if (plan.testFunction !== undefined) {
    const name = plan.testFunction.kind;
    return plan.points.map(() => name);
  }
  const names = plan.bases.map((b) => baseScenarioName(b));
  return plan.points.map((p) => names[p.base]);
}

/**
 * The name of a plan's base scenario: its `name:` field, else its file's base name (as
 * `resolveScenario` names a scenario).
 *
 * @param base A base of a plan.
 * @returns The name.
 *
 * @example
 * ```ts
 * import { baseScenarioName } from "./assemble.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(baseScenarioName({ file: "a/b.yaml", data: {} }), "b");
 * ```
 */
export function baseScenarioName(base: PlanBase): string {
  return typeof base.data.name === "string" ? base.data.name : fileBaseName(base.file);
}

/**
 * Builds the tables from every chunk of a plan.
 *
 * @param plan The plan.
 * @param chunks All its chunks, in chunk order.
 * @returns The tables.
 * @throws {RangeError} If the chunks do not cover the plan's runs exactly once, in order.
 *
 * @example
 * ```ts
 * import { assembleTables } from "./assemble.ts";
 * import { decodeChunk, runChunk } from "./chunk.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { kind: "sweep", name: "t", file: "t.yaml", fixed: [], seed: 1,
 *   bases: [{ file: "t.yaml", data: { horizonYears: 1 } }], parameters: ["staff.turnoverPerYear"],
 *   points: [{ label: "p0", base: 0, values: [0.1] }, { label: "p1", base: 0, values: [0.4] }],
 *   replicates: 2, pairing: "common", runsPerChunk: 3, timeseries: false } as const;
 * const chunks = [0, 1].map((c) => decodeChunk(runChunk(plan, "h", c)));
 * const tables = assembleTables(plan, chunks);
 * strictEqual(tables.runs.numRows(), 4);
 * strictEqual(tables.runs.get("staff.turnoverPerYear", 3), 0.4);
 * ```
 */
export function assembleTables(plan: ExperimentPlan, chunks: readonly Chunk[]): ExperimentTables {
  const names = pointScenarioNames(plan);
  const metrics = chunks[0]?.header.metrics ?? [];
  const runs = chunks.flatMap((c) => c.header.runs);
  const summaries = chunks.flatMap((c) => c.summaries);
  const series = chunks.flatMap((c) => c.timeseries);
  runs.forEach((run, k) => {
    const point = Math.floor(k / plan.replicates);
    if (run.point !== point || run.replicate !== k % plan.replicates) {
      throw new RangeError(
        `run ${k} should be replicate ${
          k % plan.replicates
        } of point ${point}, found replicate ${run.replicate} of point ${run.point}`,
      );
    }
  });
  if (runs.length !== plan.points.length * plan.replicates) {
    throw new RangeError(
      `expected ${plan.points.length * plan.replicates} runs, found ${runs.length}`,
    );
  }

  const parameterColumns = (pointOf: (row: number) => number, rows: number) =>
    Object.fromEntries(
      plan.parameters.map((path, i) => [
        path,
        Array.from({ length: rows }, (_, r) => plan.points[pointOf(r)].values[i]),
      ]),
    );

  const points = aq.table({
    point: Int32Array.from(plan.points, (_, p) => p),
    label: plan.points.map((p) => p.label),
    scenario: names,
    ...parameterColumns((r) => r, plan.points.length),
  });

  const runId = (k: number) => `${plan.points[runs[k].point].label}#${runs[k].replicate}`;
  const runColumns: Record<string, unknown[] | Int32Array | Float64Array> = {
    run_id: runs.map((_, k) => runId(k)),
    scenario: runs.map((r) => names[r.point]),
    point: Int32Array.from(runs, (r) => r.point),
    ...parameterColumns((k) => runs[k].point, runs.length),
    replicate: Int32Array.from(runs, (r) => r.replicate),
    seed: Float64Array.from(runs, (r) => r.seed),
  };
  metrics.forEach((name, m) => runColumns[name] = Float64Array.from(summaries, (s) => s[m]));

  return {
    points,
    runs: aq.table(runColumns),
    timeseries: plan.timeseries ? timeseriesTable(runs, series, metrics, names, runId) : undefined,
    summary: summaryTable(
      plan.points.map((point, p) => ({
        keys: {
          point: p,
          scenario: names[p],
          ...Object.fromEntries(plan.parameters.map((path, i) => [path, point.values[i]])),
        },
        runs: summaries.slice(p * plan.replicates, (p + 1) * plan.replicates),
      })),
      metrics,
    ),
  };
}

function timeseriesTable(
  runs: readonly { point: number; replicate: number; seed: number; weeks: number }[],
  series: readonly Float64Array[],
  metrics: readonly string[],
  names: readonly string[],
  runId: (k: number) => string,
): Table {
  const rows = runs.reduce((n, r) => n + r.weeks, 0);
  const ids: string[] = new Array(rows);
  const scenarios: string[] = new Array(rows);
  const points = new Int32Array(rows);
  const replicates = new Int32Array(rows);
  const seeds = new Float64Array(rows);
  const weeks = new Int32Array(rows);
  const values = metrics.map(() => new Float64Array(rows));
  let row = 0;
  runs.forEach((run, k) => {
    const id = runId(k);
    const data = series[k];
    for (let w = 0; w < run.weeks; w++, row++) {
      ids[row] = id;
      scenarios[row] = names[run.point];
      points[row] = run.point;
      replicates[row] = run.replicate;
      seeds[row] = run.seed;
      weeks[row] = w;
      for (let m = 0; m < metrics.length; m++) values[m][row] = data[w * metrics.length + m];
    }
  });
  const columns: Record<string, unknown[] | Int32Array | Float64Array> = {
    run_id: ids,
    scenario: scenarios,
    point: points,
    replicate: replicates,
    seed: seeds,
    week: weeks,
  };
  metrics.forEach((name, m) => columns[name] = values[m]);
  return aq.table(columns);
}
