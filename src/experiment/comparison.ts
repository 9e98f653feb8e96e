/**
 * The paired comparison of two scenarios: for each metric, the mean of A, the mean of B, and the
 * mean of the differences B − A taken replicate by replicate, with its own 95% interval. When
 * both scenarios run replicate r with the same seed (common random numbers), the noise they
 * share cancels in each difference, so the interval is much narrower than the two scenarios'
 * own intervals suggest.
 *
 * @module
 */
import * as aq from "arquero";
import { METRICS } from "../model/mod.ts";
import type { ExperimentPlan } from "./plan.ts";
import { pairedDifference, summarise } from "./stats.ts";
import type { Table } from "./tables.ts";

/**
 * The `comparison` table of a two-point plan (point 0 is A, point 1 is B): one row per metric
 * with `metric`, `label`, `unit`, `scenario_a`, `scenario_b`, `n` (pairs), `mean_a`, `mean_b`,
 * `mean_difference` (B − A), `ci_low`, `ci_high` (its 95% interval, t with n − 1 degrees of
 * freedom) and `relative_change` (mean difference / mean of A; NaN when A's mean is 0).
 *
 * @param plan The plan (two points).
 * @param runs Its `runs` table (see {@linkcode assembleTables}).
 * @returns The table, metrics in the model's order.
 *
 * @example
 * ```ts
 * import * as aq from "arquero";
 * import { comparisonTable } from "./comparison.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { points: [{ label: "a" }, { label: "b" }], replicates: 2 } as never;
 * const runs = aq.table({ point: [0, 0, 1, 1], scenario: ["a", "a", "b", "b"],
 *   outcomes_achieved: [10, 12, 15, 18] });
 * const rows = comparisonTable(plan, runs).objects() as { metric: string; mean_difference: number }[];
 * strictEqual(rows.find((r) => r.metric === "outcomes_achieved")?.mean_difference, 5.5);
 * ```
 */
export function comparisonTable(
  plan: Pick<ExperimentPlan, "points" | "replicates">,
  runs: Table,
): Table {
  if (plan.points.length !== 2) {
    throw new RangeError(`A comparison needs two points, found ${plan.points.length}`);
  }
  const r = plan.replicates;
  const scenario = runs.array("scenario") as ArrayLike<string>;
  const rows = METRICS.filter((spec) => runs.columnNames().includes(spec.name)).map((spec) => {
    const values = Float64Array.from(runs.array(spec.name) as ArrayLike<number>);
    const a = values.subarray(0, r);
    const b = values.subarray(r, 2 * r);
    const d = pairedDifference(a, b);
    const meanA = summarise(a).mean;
    return {
      metric: spec.name,
      label: spec.description,
      unit: spec.unit,
      scenario_a: scenario[0],
      scenario_b: scenario[r],
      n: d.n,
      mean_a: meanA,
      mean_b: summarise(b).mean,
      mean_difference: d.mean,
      ci_low: d.lo,
      ci_high: d.hi,
      relative_change: meanA === 0 ? NaN : d.mean / meanA,
    };
  });
  return aq.from(rows);
}
