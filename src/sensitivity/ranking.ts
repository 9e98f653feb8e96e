/**
 * The plain-text ranking printed at the end of a sensitivity run: per metric, the parameters
 * from most to least influential (by total index S_T, or by μ* for Morris), with intervals, and
 * the metric's noise share.
 *
 * @module
 */
import type { IndexRow, NoiseRow, SensitivityAnalysis } from "./analysis.ts";

/** Options of {@linkcode formatRanking}. */
export interface RankingOptions {
  /** The coverage of the intervals, for the heading. @default 0.95 */
  readonly confidence?: number;
}

/**
 * Formats the ranking of parameters for every metric.
 *
 * @param analysis Index rows and noise rows from `analyseSensitivity`.
 * @param options The intervals' coverage.
 * @returns Lines of text (ending with a newline), one block per metric.
 *
 * @example
 * ```ts
 * import { formatRanking } from "./ranking.ts";
 * import { ok } from "node:assert/strict";
 * const row = (parameter: string, index: "S1" | "ST", estimate: number) =>
 *   ({ parameter, metric: "y", index, estimate, ci_low: estimate - 0.01, ci_high: estimate + 0.01 });
 * const text = formatRanking({
 *   rows: [row("a", "S1", 0.1), row("b", "S1", 0.7), row("a", "ST", 0.2), row("b", "ST", 0.8)],
 *   noise: [],
 * });
 * ok(text.indexOf("1. b") < text.indexOf("2. a"));
 * ok(text.includes("ST 0.800 [0.790, 0.810]"));
 * ```
 */
export function formatRanking(
  analysis: SensitivityAnalysis,
  options: RankingOptions = {},
): string {
  const percent = Math.round((options.confidence ?? 0.95) * 100);
  const metrics = [...new Set(analysis.rows.map((r) => r.metric))];
  const blocks: string[] = [];
  for (const metric of metrics) {
    const rows = analysis.rows.filter((r) => r.metric === metric);
    const morris = rows.some((r) => r.index === "mu_star");
    const by = morris ? "mu_star" : "ST";
    const ranked = rows.filter((r) => r.index === by).sort((a, b) => rank(b) - rank(a));
    const width = Math.max(...ranked.map((r) => r.parameter.length));
    const lines = [
      morris
        ? `${metric}: parameters ranked by μ* (mean |elementary effect|, ${metric} per full range), ${percent}% intervals`
        : `${metric}: parameters ranked by total index ST, ${percent}% intervals`,
    ];
    ranked.forEach((r, i) => {
      const find = (index: string) =>
        rows.find((q) => q.parameter === r.parameter && q.index === index);
      const head = `${String(i + 1).padStart(3)}. ${r.parameter.padEnd(width)}`;
      if (morris) {
        const mu = find("mu");
        const sigma = find("sigma");
        lines.push(
          `${head}  μ* ${interval(r, number)}  μ ${mu ? number(mu.estimate) : "?"}  σ ${
            sigma ? number(sigma.estimate) : "?"
          }`,
        );
      } else {
        const first = find("S1");
        lines.push(`${head}  ST ${interval(r, fixed)}  S1 ${first ? interval(first, fixed) : "?"}`);
      }
    });
    const second = rows.filter((r) => r.index === "S2").sort((a, b) => rank(b) - rank(a));
    if (second.length > 0) {
      const top = second.slice(0, 3).map((r) => `${r.parameter} ${interval(r, fixed)}`);
      lines.push(`     largest interactions S2: ${top.join("; ")}`);
    }
    const noise = analysis.noise.find((n) => n.metric === metric);
    if (noise) lines.push(`     ${noiseLine(noise)}`);
    blocks.push(lines.join("\n"));
  }
  return blocks.join("\n\n") + "\n";
}

function noiseLine(noise: NoiseRow): string {
  if (Number.isNaN(noise.noise_share)) {
    return `replicate noise: not measured (${noise.replicates} replicate per point)`;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `replicate noise: ${pct(noise.noise_share)} of the variance across points ` +
    `(${noise.replicates} replicates averaged); ${pct(noise.noise_share_per_run)} for a single run`;
}

/** Ranking key: the estimate, NaN last. */
function rank(row: IndexRow): number {
  return Number.isNaN(row.estimate) ? -Infinity : row.estimate;
}

function interval(row: IndexRow, format: (x: number) => string): string {
  const ci = Number.isNaN(row.ci_low) ? "" : ` [${format(row.ci_low)}, ${format(row.ci_high)}]`;
  return `${format(row.estimate)}${ci}`;
}

function fixed(x: number): string {
  return x.toFixed(3);
}

/** Three significant digits, without exponents for everyday magnitudes. */
function number(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}
