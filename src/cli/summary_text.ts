/**
 * Plain-text summaries for the terminal: each scenario's key metrics with their 95% intervals
 * across replicates, and paired differences between two scenarios.
 *
 * @module
 */
import {
  comparisonTable,
  type ExperimentPlan,
  pairedDifference,
  type RunResult,
  summarise,
  summariseRun,
  type Summary,
  type Table,
} from "../experiment/mod.ts";

/** A metric shown in the terminal summary. */
export interface ShownMetric {
  /** Metric name. */
  readonly name: string;
  /** Label for people. */
  readonly label: string;
  /** Decimal places. */
  readonly digits: number;
}

/** The metrics the summary shows by default. */
export const SHOWN_METRICS: readonly ShownMetric[] = [
  { name: "outcomes_achieved", label: "Outcomes achieved", digits: 0 },
  { name: "families_completed", label: "Families completing", digits: 0 },
  { name: "mean_trust", label: "Mean trust in key worker", digits: 3 },
  { name: "key_worker_changes_per_family", label: "Key-worker changes per family", digits: 3 },
  { name: "referrals_completed", label: "Referrals completed", digits: 0 },
  { name: "fell_through_gaps", label: "Families fallen through the gaps", digits: 0 },
  { name: "spend_gbp", label: "Spend (£m)", digits: 2 },
  { name: "cost_per_outcome_gbp", label: "Cost per outcome (£)", digits: 0 },
  { name: "outcomes_per_million_gbp", label: "Outcomes per £1m", digits: 1 },
];

/**
 * Formats a summary as `mean [lo, hi]`.
 *
 * @param s A summary.
 * @param digits Decimal places.
 * @param scale Divide by this first (e.g. 1e6 for £m).
 * @returns The text.
 *
 * @example
 * ```ts
 * import { formatInterval } from "./summary_text.ts";
 * import { summarise } from "../experiment/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(formatInterval(summarise([1, 1, 1]), 1), "1.0 [1.0, 1.0]");
 * ```
 */
export function formatInterval(s: Summary, digits: number, scale = 1): string {
  const f = (x: number) => Number.isNaN(x) ? "–" : (x / scale).toFixed(digits);
  return `${f(s.mean)} [${f(s.lo)}, ${f(s.hi)}]`;
}

/**
 * A table of each scenario's key metrics: mean and 95% interval of the mean across replicates.
 *
 * @param groups Results per scenario (same replicates in each).
 * @returns Text lines.
 *
 * @example
 * ```ts
 * import { scenarioSummaryLines } from "./summary_text.ts";
 * import { runReplicates } from "../experiment/mod.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { ok } from "node:assert/strict";
 * const results = runReplicates(resolveScenario({ horizonYears: 1 }, "tiny"), 2);
 * ok(scenarioSummaryLines([results]).join("\n").includes("tiny"));
 * ```
 */
export function scenarioSummaryLines(groups: readonly (readonly RunResult[])[]): string[] {
  const header = ["Metric (mean [95% interval])", ...groups.map((g) => g[0]?.scenario ?? "?")];
  const rows = SHOWN_METRICS.map((metric) => [
    metric.label,
    ...groups.map((g) => {
      const values = g.map((r) => summariseRun(r.recording)[metric.name]);
      return formatInterval(summarise(values), metric.digits, scaleOf(metric.name));
    }),
  ]);
  return alignColumns([header, ...rows]);
}

/**
 * Paired differences B − A of the key metrics, replicate by replicate, with 95% intervals.
 *
 * @param a Results of scenario A.
 * @param b Results of scenario B (same replicates and seeds).
 * @returns Text lines.
 *
 * @example
 * ```ts
 * import { pairedSummaryLines } from "./summary_text.ts";
 * import { runReplicates } from "../experiment/mod.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { ok } from "node:assert/strict";
 * const a = runReplicates(resolveScenario({ horizonYears: 1 }, "a"), 2);
 * ok(pairedSummaryLines(a, a).join("\n").includes("0"));
 * ```
 */
export function pairedSummaryLines(a: readonly RunResult[], b: readonly RunResult[]): string[] {
  const sa = a.map((r) => summariseRun(r.recording));
  const sb = b.map((r) => summariseRun(r.recording));
  const title = `${b[0]?.scenario} − ${a[0]?.scenario} (paired by replicate)`;
  const rows = SHOWN_METRICS.map((metric) => {
    const d = pairedDifference(sa.map((s) => s[metric.name]), sb.map((s) => s[metric.name]));
    const base = sa.reduce((sum, s) => sum + s[metric.name], 0) / sa.length;
    const relative = base !== 0 && !Number.isNaN(base)
      ? ` (${signed(100 * d.mean / base, 1)}%)`
      : "";
    return [metric.label, formatInterval(d, metric.digits, scaleOf(metric.name)) + relative];
  });
  return alignColumns([[`Difference ${title}`, "mean [95% interval]"], ...rows]);
}

/**
 * The terminal table of a paired comparison: for each shown metric, the mean of A, of B, and
 * the paired difference B − A with its 95% interval and relative change.
 *
 * @param plan The comparison's plan (two points, A then B).
 * @param runs Its `runs` table.
 * @returns Aligned lines.
 *
 * @example
 * ```ts
 * import * as aq from "arquero";
 * import { comparisonLines } from "./summary_text.ts";
 * import { match } from "node:assert/strict";
 * const plan = { points: [{ label: "a" }, { label: "b" }], replicates: 2 } as never;
 * const runs = aq.table({ point: [0, 0, 1, 1], scenario: ["a", "a", "b", "b"],
 *   outcomes_achieved: [10, 12, 15, 18] });
 * match(comparisonLines(plan, runs).join("\n"), /Outcomes achieved .*\+50\.0%/);
 * ```
 */
export function comparisonLines(
  plan: Pick<ExperimentPlan, "points" | "replicates">,
  runs: Table,
): string[] {
  const rows = comparisonTable(plan, runs).objects() as {
    metric: string;
    mean_a: number;
    mean_b: number;
    mean_difference: number;
    ci_low: number;
    ci_high: number;
    relative_change: number;
    n: number;
  }[];
  const [a, b] = plan.points.map((p) => p.label);
  const table = [[
    `Metric (B = ${b}, A = ${a})`,
    "A mean",
    "B mean",
    "B − A [95% interval]",
    "change",
  ]];
  for (const metric of SHOWN_METRICS) {
    const row = rows.find((r) => r.metric === metric.name);
    if (row === undefined) continue;
    const scale = scaleOf(metric.name);
    const f = (x: number) => Number.isNaN(x) ? "–" : (x / scale).toFixed(metric.digits);
    table.push([
      metric.label,
      f(row.mean_a),
      f(row.mean_b),
      `${f(row.mean_difference)} [${f(row.ci_low)}, ${f(row.ci_high)}]`,
      Number.isNaN(row.relative_change) ? "–" : `${signed(100 * row.relative_change, 1)}%`,
    ]);
  }
  return alignColumns(table);
}

function scaleOf(metric: string): number {
  return metric === "spend_gbp" ? 1e6 : 1;
}

function signed(x: number, digits: number): string {
  return (x >= 0 ? "+" : "") + x.toFixed(digits);
}

function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) =>
    r.map((cell, c) => c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])).join("  ")
  );
}
