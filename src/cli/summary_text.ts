/**
 * Plain-text summaries for the terminal: each scenario's key metrics with their 95% intervals
 * across replicates, and paired differences between two scenarios.
 *
 * @module
 */
import {
  pairedDifference,
  type RunResult,
  summarise,
  summariseRun,
  type Summary,
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
