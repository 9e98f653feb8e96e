/**
 * Bootstrap helpers shared by the estimators: resampling with replacement from a named stream,
 * and percentile intervals.
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";

/**
 * Fills `out` with indices drawn uniformly with replacement from [0, n).
 *
 * @param random The stream to draw from.
 * @param n The number of rows to resample from.
 * @param out Where to write the indices (its length is the resample size).
 */
export function resampleInto(random: RandomStream, n: number, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * n);
}

/**
 * The central percentile interval of bootstrap estimates (quantiles interpolated linearly
 * between order statistics, R's type 7), ignoring NaN.
 *
 * @param values The bootstrap estimates (reordered in place).
 * @param confidence The interval's coverage, e.g. 0.95.
 * @returns `[low, high]`, or `[NaN, NaN]` without any finite estimate.
 */
export function percentileInterval(values: Float64Array, confidence: number): [number, number] {
  const finite = values.filter((v) => !Number.isNaN(v)).sort();
  if (finite.length === 0) return [NaN, NaN];
  const tail = (1 - confidence) / 2;
  return [quantileSorted(finite, tail), quantileSorted(finite, 1 - tail)];
}

function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
