/**
 * Test functions with known sensitivity indices, selectable in a sensitivity spec instead of a
 * scenario (`model: ishigami`, `model: sobol-g`). They run through the same sampling, execution
 * and estimation path as the simulation, so anyone can check the estimators: their analytic
 * first-order, total and second-order indices are exported too.
 *
 * - Ishigami (Ishigami & Homma 1990): y = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, each xᵢ uniform on
 *   [−π, π].
 * - Sobol G (Saltelli & Sobol 1995): y = ∏ᵢ (|4xᵢ − 2| + aᵢ) / (1 + aᵢ), each xᵢ uniform on
 *   [0, 1]; a small aᵢ makes xᵢ important, a large one unimportant.
 *
 * Pure functions, no imports: Workers evaluate them.
 *
 * @module
 */

/** A test function and its constants, as a sensitivity spec gives them. */
export type TestFunction =
  | { readonly kind: "ishigami"; readonly a: number; readonly b: number }
  | { readonly kind: "sobol-g"; readonly coefficients: readonly number[] };

/** Analytic Sobol indices of a test function, by parameter (x₁ first). */
export interface AnalyticIndices {
  /** First-order indices Sᵢ. */
  readonly first: readonly number[];
  /** Total indices S_Tᵢ. */
  readonly total: readonly number[];
  /** Second-order indices S_ij at `[i][j]` (symmetric; 0 on the diagonal). */
  readonly second: readonly (readonly number[])[];
  /** The variance of the output. */
  readonly variance: number;
}

/**
 * The Ishigami function.
 *
 * @param x The inputs x₁, x₂, x₃ (radians, each in [−π, π] for the analytic indices).
 * @param a The constant a (7 in the usual benchmark).
 * @param b The constant b (0.1 in the usual benchmark).
 * @returns sin x₁ + a sin² x₂ + b x₃⁴ sin x₁.
 *
 * @example
 * ```ts
 * import { ishigami } from "./test_functions.ts";
 * import { ok } from "node:assert/strict";
 * ok(Math.abs(ishigami([Math.PI / 2, Math.PI / 2, 1], 7, 0.1) - 8.1) < 1e-12);
 * ```
 */
export function ishigami(x: readonly number[], a: number, b: number): number {
  const s1 = Math.sin(x[0]);
  const s2 = Math.sin(x[1]);
  const x3 = x[2];
  return s1 + a * s2 * s2 + b * x3 * x3 * x3 * x3 * s1;
}

/**
 * The Sobol G-function.
 *
 * @param x The inputs, each in [0, 1].
 * @param coefficients The aᵢ (≥ 0), one per input.
 * @returns ∏ᵢ (|4xᵢ − 2| + aᵢ) / (1 + aᵢ); its mean is 1.
 *
 * @example
 * ```ts
 * import { sobolG } from "./test_functions.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(sobolG([0.5, 0.5], [0, 1]), 0); // |4·0.5 − 2| + 0 = 0
 * strictEqual(sobolG([0, 1], [1, 1]), 2.25); // (3/2)·(3/2)
 * ```
 */
export function sobolG(x: readonly number[], coefficients: readonly number[]): number {
  let y = 1;
  for (let i = 0; i < coefficients.length; i++) {
    const a = coefficients[i];
    y *= (Math.abs(4 * x[i] - 2) + a) / (1 + a);
  }
  return y;
}

/**
 * Evaluates a test function at one design point.
 *
 * @param fn The function and its constants.
 * @param x The inputs, x₁ first.
 * @returns The output y.
 *
 * @example
 * ```ts
 * import { evaluateTestFunction } from "./test_functions.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(evaluateTestFunction({ kind: "ishigami", a: 7, b: 0.1 }, [0, 0, 0]), 0);
 * ```
 */
export function evaluateTestFunction(fn: TestFunction, x: readonly number[]): number {
  return fn.kind === "ishigami" ? ishigami(x, fn.a, fn.b) : sobolG(x, fn.coefficients);
}

/**
 * The inputs of a test function with the ranges its analytic indices assume: `x1`, `x2`, … on
 * [−π, π] (Ishigami) or [0, 1] (Sobol G).
 *
 * @param fn The function.
 * @returns One `{path, min, max}` per input.
 *
 * @example
 * ```ts
 * import { testFunctionParameters } from "./test_functions.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(testFunctionParameters({ kind: "sobol-g", coefficients: [0, 9] }), [
 *   { path: "x1", min: 0, max: 1 },
 *   { path: "x2", min: 0, max: 1 },
 * ]);
 * ```
 */
export function testFunctionParameters(
  fn: TestFunction,
): { path: string; min: number; max: number }[] {
  if (fn.kind === "ishigami") {
    return [1, 2, 3].map((i) => ({ path: `x${i}`, min: -Math.PI, max: Math.PI }));
  }
  return fn.coefficients.map((_, i) => ({ path: `x${i + 1}`, min: 0, max: 1 }));
}

/**
 * The analytic indices of the Ishigami function on [−π, π]³. With D = a²/8 + bπ⁴/5 + b²π⁸/18
 * + ½: V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₃ = 0, V₁₃ = 8b²π⁸/225; S₁ = V₁/D, S_T1 = (V₁ + V₁₃)/D,
 * S_T3 = V₁₃/D.
 *
 * @param a The constant a.
 * @param b The constant b.
 * @returns First-order, total and second-order indices, and the variance D.
 *
 * @example The usual benchmark, a = 7 and b = 0.1
 * ```ts
 * import { ishigamiIndices } from "./test_functions.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const { first, total } = ishigamiIndices(7, 0.1);
 * deepStrictEqual(first.map((s) => s.toFixed(4)), ["0.3139", "0.4424", "0.0000"]);
 * deepStrictEqual(total.map((s) => s.toFixed(4)), ["0.5576", "0.4424", "0.2437"]);
 * ```
 */
export function ishigamiIndices(a: number, b: number): AnalyticIndices {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + b * pi4 / 5) ** 2;
  const v2 = a * a / 8;
  const v13 = 8 * b * b * pi8 / 225;
  const variance = v1 + v2 + v13;
  return {
    first: [v1 / variance, v2 / variance, 0],
    total: [(v1 + v13) / variance, v2 / variance, v13 / variance],
    second: [
      [0, 0, v13 / variance],
      [0, 0, 0],
      [v13 / variance, 0, 0],
    ],
    variance,
  };
}

/**
 * The analytic indices of the Sobol G-function on [0, 1]^k. With Vᵢ = 1 / (3(1 + aᵢ)²) and
 * D = ∏(1 + Vᵢ) − 1: Sᵢ = Vᵢ/D, S_Tᵢ = Vᵢ ∏_{j≠i}(1 + Vⱼ)/D, S_ij = VᵢVⱼ/D.
 *
 * @param coefficients The aᵢ (≥ 0).
 * @returns First-order, total and second-order indices, and the variance D.
 *
 * @example
 * ```ts
 * import { sobolGIndices } from "./test_functions.ts";
 * import { ok } from "node:assert/strict";
 * const { first, total } = sobolGIndices([0, 1, 4.5, 9, 99, 99]);
 * ok(Math.abs(first[0] - 0.7163) < 1e-4 && Math.abs(total[0] - 0.7873) < 1e-4);
 * ```
 */
export function sobolGIndices(coefficients: readonly number[]): AnalyticIndices {
  const v = coefficients.map((a) => 1 / (3 * (1 + a) ** 2));
  const product = v.reduce((p, vi) => p * (1 + vi), 1);
  const variance = product - 1;
  return {
    first: v.map((vi) => vi / variance),
    total: v.map((vi) => vi * (product / (1 + vi)) / variance),
    second: v.map((vi, i) => v.map((vj, j) => i === j ? 0 : vi * vj / variance)),
    variance,
  };
}
