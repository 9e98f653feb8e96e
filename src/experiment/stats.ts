/**
 * Summary statistics across replicates: mean, standard deviation, quantiles and the 95%
 * interval of the mean (Student's t).
 *
 * @module
 */
import { deviation, mean, quantile } from "d3";

/** Mean and spread of one metric across replicates. */
export interface Summary {
  /** Replicates with a defined (non-NaN) value. */
  readonly n: number;
  /** Mean across replicates. */
  readonly mean: number;
  /** Sample standard deviation (NaN for n < 2). */
  readonly sd: number;
  /** Lower end of the 95% interval of the mean (t with n − 1 degrees of freedom). */
  readonly lo: number;
  /** Upper end of the 95% interval of the mean. */
  readonly hi: number;
  /** 2.5% quantile across replicates. */
  readonly q025: number;
  /** Median across replicates. */
  readonly median: number;
  /** 97.5% quantile across replicates. */
  readonly q975: number;
}

/** Two-sided 95% critical values of Student's t for 1 to 30 degrees of freedom. */
const T975 = [
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042,
];

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom: a table up to 30, then the
 * Cornish–Fisher expansion (error below 0.001).
 *
 * @param df Degrees of freedom, ≥ 1.
 * @returns The critical value for a two-sided 95% interval.
 *
 * @example
 * ```ts
 * import { tCritical95 } from "./stats.ts";
 * import { ok } from "node:assert/strict";
 * ok(tCritical95(19) === 2.093);
 * ok(Math.abs(tCritical95(1000) - 1.962) < 0.001);
 * ```
 */
export function tCritical95(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/**
 * Summarises values across replicates, ignoring NaN.
 *
 * @param values One value per replicate.
 * @returns Mean, sd, 95% interval of the mean and quantiles.
 *
 * @example
 * ```ts
 * import { summarise } from "./stats.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = summarise([1, 2, 3]);
 * deepStrictEqual([s.n, s.mean, s.median], [3, 2, 2]);
 * ```
 */
export function summarise(values: ArrayLike<number>): Summary {
  const defined = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = defined.length;
  const m = n > 0 ? mean(defined) ?? NaN : NaN;
  const sd = n > 1 ? deviation(defined) ?? NaN : NaN;
  const half = n > 1 ? tCritical95(n - 1) * sd / Math.sqrt(n) : NaN;
  return {
    n,
    mean: m,
    sd,
    lo: m - half,
    hi: m + half,
    q025: quantile(defined, 0.025) ?? NaN,
    median: quantile(defined, 0.5) ?? NaN,
    q975: quantile(defined, 0.975) ?? NaN,
  };
}

/**
 * Summarises paired differences b − a (replicate by replicate).
 *
 * @param a Values of scenario A, one per replicate.
 * @param b Values of scenario B, same replicates in the same order.
 * @returns The summary of the differences.
 *
 * @example
 * ```ts
 * import { pairedDifference } from "./stats.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(pairedDifference([1, 2], [2, 4]).mean, 1.5);
 * ```
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): Summary {
  if (a.length !== b.length) {
    throw new RangeError(`Cannot pair replicates of different counts: ${a.length} and ${b.length}`);
  }
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = b[i] - a[i];
  return summarise(d);
}
