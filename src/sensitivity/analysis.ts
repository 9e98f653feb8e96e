/**
 * From the outputs of a design's points to index rows (what `indices.csv` holds) and a report of
 * how much of the outputs' variance is replicate noise.
 *
 * @module
 */
import { type EstimatorOptions, type MorrisDesign, morrisEffects } from "./morris.ts";
import type { SaltelliDesign } from "./saltelli.ts";
import { sobolIndices } from "./sobol_indices.ts";

/** A sampling design of either method. */
export type SensitivityDesign = SaltelliDesign | MorrisDesign;

/** The name of an index in a row. */
export type IndexName = "S1" | "ST" | "S2" | "mu" | "mu_star" | "sigma";

/** One row of `indices.csv`. */
export interface IndexRow {
  /** The parameter's path; for S2, the two paths joined by `:` (e.g. `x1:x3`). */
  readonly parameter: string;
  /** The output metric. */
  readonly metric: string;
  /** Which index. */
  readonly index: IndexName;
  /** The estimate from all design points. */
  readonly estimate: number;
  /** Lower end of the bootstrap interval (NaN without bootstrap). */
  readonly ci_low: number;
  /** Upper end of the bootstrap interval (NaN without bootstrap). */
  readonly ci_high: number;
}

/**
 * How much of one metric's variance across design points is replicate (stochastic) noise.
 *
 * With R replicates at each of P points, s²_p the sample variance (R − 1 denominator) of the
 * single-run outputs at point p, and ȳ_p their mean:
 *
 * - `replicate_variance` = mean over p of s²_p: the noise variance of one run;
 * - `point_variance` = the variance (P − 1 denominator) of ȳ_p across points: what the
 *   estimators analyse;
 * - `noise_share` = (replicate_variance / R) / point_variance: the share of `point_variance`
 *   that is noise (the averaged outputs still carry s²/R of it), capped at 1;
 * - `noise_share_per_run` = replicate_variance / (point_variance − replicate_variance / R +
 *   replicate_variance): the same share for a single run, capped at 1.
 *
 * A noise share near 0 means the indices describe the parameters; near 1, mostly noise: add
 * replicates or widen the ranges. Points with fewer than two finite replicate values are left
 * out of `replicate_variance`; with one replicate the shares are NaN.
 */
export interface NoiseRow {
  /** The output metric. */
  readonly metric: string;
  /** R, replicates per design point. */
  readonly replicates: number;
  /** Variance across design points of the replicate-averaged outputs. */
  readonly point_variance: number;
  /** Mean within-point variance of single runs. */
  readonly replicate_variance: number;
  /** Share of `point_variance` due to noise, in [0, 1]. */
  readonly noise_share: number;
  /** Share of a single run's variance across points due to noise, in [0, 1]. */
  readonly noise_share_per_run: number;
}

/** The outputs of every design point. */
export interface DesignOutputs {
  /** Metric names, in column order. */
  readonly metrics: readonly string[];
  /** `means[p][m]`: metric m at point p, averaged over replicates. */
  readonly means: readonly (readonly number[])[];
  /** `replicates[p][r][m]`: metric m of replicate r at point p (for the noise report). */
  readonly replicates?: readonly (readonly (readonly number[])[])[];
}

/** What {@linkcode analyseSensitivity} returns. */
export interface SensitivityAnalysis {
  /** Index rows, metric by metric, in parameter order. */
  readonly rows: readonly IndexRow[];
  /** One noise row per metric (empty without replicate outputs). */
  readonly noise: readonly NoiseRow[];
}

/**
 * Estimates the indices of every parameter for every metric, and the noise report.
 *
 * For a Saltelli design the rows are S1 and ST for each parameter (then S2 for each pair with a
 * second-order design); for a Morris design mu, mu_star and sigma. Intervals are percentile
 * bootstrap intervals (see {@linkcode sobolIndices} and {@linkcode morrisEffects}); each
 * metric uses the same resamples.
 *
 * @param design The design the points came from.
 * @param outputs The outputs at every point, in the design's point order.
 * @param options Bootstrap resamples (the spec's `bootstrap`), seed (default: the design's)
 *   and coverage.
 * @returns Index rows and noise rows.
 * @throws {RangeError} If the outputs do not match the design's points or the metrics.
 *
 * @example Morris on y = 3a + b with two noisy replicates per point
 * ```ts
 * import { analyseSensitivity } from "./analysis.ts";
 * import { morrisDesign } from "./morris.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 * const design = morrisDesign(
 *   [{ path: "a", min: 0, max: 1 }, { path: "b", min: 0, max: 1 }],
 *   { trajectories: 8, seed: 1 },
 * );
 * const replicates = design.points.map(([a, b]) => [[3 * a + b + 0.01], [3 * a + b - 0.01]]);
 * const means = replicates.map((runs) => [(runs[0][0] + runs[1][0]) / 2]);
 * const { rows, noise } = analyseSensitivity(design, { metrics: ["y"], means, replicates }, { bootstrap: 50 });
 * const muStar = rows.filter((r) => r.index === "mu_star");
 * strictEqual(muStar.map((r) => r.parameter).join(), "a,b");
 * ok(Math.abs(muStar[0].estimate - 3) < 1e-9);
 * ok(noise[0].noise_share < 0.01);
 * ```
 */
export function analyseSensitivity(
  design: SensitivityDesign,
  outputs: DesignOutputs,
  options: EstimatorOptions = {},
): SensitivityAnalysis {
  const { metrics, means } = outputs;
  if (means.length !== design.points.length) {
    throw new RangeError(
      `Cannot analyse ${means.length} outputs: the design has ${design.points.length} points`,
    );
  }
  means.forEach((row, p) => {
    if (row.length !== metrics.length) {
      throw new RangeError(
        `Cannot analyse point ${p}: ${row.length} values for ${metrics.length} metrics`,
      );
    }
  });
  const names = design.parameters.map((p) => p.path);
  const rows: IndexRow[] = [];
  metrics.forEach((metric, m) => {
    const y = means.map((row) => row[m]);
    const push = (
      parameter: string,
      index: IndexName,
      e: { estimate: number; low: number; high: number },
    ) =>
      rows.push({ parameter, metric, index, estimate: e.estimate, ci_low: e.low, ci_high: e.high });
    if (design.method === "sobol") {
      const s = sobolIndices(design, y, options);
      names.forEach((name, i) => push(name, "S1", s.first[i]));
      names.forEach((name, i) => push(name, "ST", s.total[i]));
      s.second.forEach((row, i) =>
        row.forEach((e, j) => {
          if (e) push(`${names[i]}:${names[j]}`, "S2", e);
        })
      );
    } else {
      const effects = morrisEffects(design, y, options);
      names.forEach((name, i) => push(name, "mu", effects[i].mu));
      names.forEach((name, i) => push(name, "mu_star", effects[i].muStar));
      names.forEach((name, i) => push(name, "sigma", effects[i].sigma));
    }
  });
  const noise = outputs.replicates ? replicateNoise(outputs.replicates, metrics) : [];
  return { rows, noise };
}

/**
 * The noise report: for each metric, how much of the variance across design points is
 * replicate noise (formulas in {@linkcode NoiseRow}).
 *
 * @param replicates `replicates[p][r][m]`: metric m of replicate r at point p (same R at every
 *   point).
 * @param metrics Metric names, in column order.
 * @returns One row per metric.
 *
 * @example Pure noise: every point has the same two replicate values
 * ```ts
 * import { replicateNoise } from "./analysis.ts";
 * import { strictEqual } from "node:assert/strict";
 * const [row] = replicateNoise([[[1], [3]], [[1], [3]], [[3], [1]]], ["y"]);
 * strictEqual(row.replicate_variance, 2);
 * strictEqual(row.point_variance, 0);
 * strictEqual(row.noise_share, 1);
 * ```
 */
export function replicateNoise(
  replicates: readonly (readonly (readonly number[])[])[],
  metrics: readonly string[],
): NoiseRow[] {
  const r = replicates[0]?.length ?? 0;
  return metrics.map((metric, m) => {
    const pointMeans: number[] = [];
    let within = 0;
    let counted = 0;
    for (const runs of replicates) {
      const values = runs.map((run) => run[m]).filter((v) => Number.isFinite(v));
      if (values.length === 0) continue;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      pointMeans.push(mean);
      if (values.length < 2) continue;
      within += values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
      counted++;
    }
    const replicateVariance = counted > 0 ? within / counted : NaN;
    const pointVariance = sampleVariance(pointMeans);
    const noiseOfMeans = replicateVariance / r;
    return {
      metric,
      replicates: r,
      point_variance: pointVariance,
      replicate_variance: replicateVariance,
      noise_share: share(noiseOfMeans, pointVariance),
      noise_share_per_run: share(
        replicateVariance,
        pointVariance - noiseOfMeans + replicateVariance,
      ),
    };
  });
}

/**
 * Averages replicate outputs point by point (NaN values are left out of a mean; a point whose
 * values are all NaN averages to NaN).
 *
 * @param replicates `replicates[p][r][m]`.
 * @returns `means[p][m]`.
 *
 * @example
 * ```ts
 * import { averageReplicates } from "./analysis.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(averageReplicates([[[1, 10], [3, NaN]]]), [[2, 10]]);
 * ```
 */
export function averageReplicates(
  replicates: readonly (readonly (readonly number[])[])[],
): number[][] {
  return replicates.map((runs) => {
    const width = runs[0]?.length ?? 0;
    return Array.from({ length: width }, (_, m) => {
      let sum = 0;
      let n = 0;
      for (const run of runs) {
        if (Number.isNaN(run[m])) continue;
        sum += run[m];
        n++;
      }
      return n > 0 ? sum / n : NaN;
    });
  });
}

function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
}

/** numerator / denominator capped at 1; 0 when both are 0; NaN when undefined. */
function share(numerator: number, denominator: number): number {
  if (Number.isNaN(numerator) || Number.isNaN(denominator)) return NaN;
  if (numerator <= 0) return 0;
  if (denominator <= 0) return 1;
  return Math.min(1, numerator / denominator);
}
