/**
 * Deterministic comparison, sweep and sensitivity rows for the chart tests (no random draws).
 *
 * @module
 */
import type { ComparisonRow, SensitivityRow } from "../../src/charts/mod.ts";

/** Six metrics of long − short cycles: three above zero or below, one unclear, one with A = 0. */
export function comparisonRows(a = "short-cycles", b = "long-cycles"): ComparisonRow[] {
  const rows: [string, string, string, number, number, number, number][] = [
    ["outcomes_achieved", "Outcomes achieved", "outcomes", 17786, 14564, 14000, 15100],
    ["mean_trust", "Mean trust in key worker", "trust in [0, 1]", 0.464, 0.047, 0.041, 0.053],
    [
      "key_worker_changes_per_family",
      "Key-worker changes per family",
      "changes",
      0.141,
      -0.033,
      -0.04,
      -0.026,
    ],
    ["cost_per_outcome_gbp", "Cost per outcome", "£ per outcome", 1783, -472, -520, -420],
    ["fell_through_gaps", "Families fallen through the gaps", "families", 2996, 145, -206, 497],
    ["shocks_active", "Shocks in force", "shocks", 0, 0, 0, 0],
  ];
  return rows.map(([metric, label, unit, meanA, d, lo, hi]) => ({
    metric,
    label,
    unit,
    scenario_a: a,
    scenario_b: b,
    n: 10,
    mean_a: meanA,
    mean_b: meanA + d,
    mean_difference: d,
    ci_low: lo,
    ci_high: hi,
    relative_change: meanA === 0 ? NaN : d / meanA,
  }));
}

/** A 5 × 4 grid of grant length × turnover, 2 replicates each, as sweep runs rows. */
export function sweepRows(): Record<string, number | string>[] {
  const rows: Record<string, number | string>[] = [];
  let point = 0;
  for (const years of [1, 2, 3, 5, 7]) {
    for (const turnover of [0.1, 0.2, 0.3, 0.4]) {
      for (const replicate of [0, 1]) {
        rows.push({
          point,
          scenario: "baseline",
          replicate,
          "funding.grantLengthYears": years,
          "staff.turnoverPerYear": turnover,
          outcomes_per_million_gbp: 500 + 40 * years - 300 * turnover + 10 * replicate,
          mean_trust: point === 0 ? NaN : 0.4 + 0.01 * years,
        });
      }
      point++;
    }
  }
  return rows;
}

/** Sobol S1 and ST of five parameters for two metrics. */
export function sensitivityRows(): SensitivityRow[] {
  const parameters = [
    "trust.growthPerWeek",
    "staff.turnoverPerYear",
    "outcomes.threshold",
    "funding.grantLengthYears",
    "engagement.steepness",
  ];
  const strength = [0.3, 0.5, 0.05, 0.2, 0.1];
  return ["outcomes_achieved", "mean_trust"].flatMap((metric, m) =>
    parameters.flatMap((parameter, i) =>
      ["S1", "ST"].map((index) => {
        const estimate = strength[i] * (index === "ST" ? 1.3 : 1) * (m === 0 ? 1 : 0.5);
        return {
          parameter,
          metric,
          index,
          estimate,
          ci_low: estimate - 0.04,
          ci_high: estimate + 0.04,
        };
      })
    )
  );
}
