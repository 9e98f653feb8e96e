/**
 * Sobol indices from a Saltelli design, with bootstrap confidence intervals.
 *
 * With f_A, f_B, f_ABᵢ (and f_BAᵢ) the outputs at the rows of A, B, A_B^(i) (and B_A^(i)), and
 * V the variance of all the f_A and f_B values (n denominator), the estimators are:
 *
 * - first order, Saltelli et al. 2010: Sᵢ = mean(f_B · (f_ABᵢ − f_A)) / V;
 * - total, Jansen 1999: S_Tᵢ = mean((f_A − f_ABᵢ)²) / (2V);
 * - second order (closed index, as in SALib): S_ij = mean(f_BAᵢ · f_ABⱼ − f_A · f_B) / V − Sᵢ − Sⱼ.
 *
 * The outputs are centred on the mean of the f_A and f_B values first (the expectations are
 * unchanged; the estimates are less noisy when the output's mean is large against its spread).
 * Intervals are percentile bootstrap intervals: whole base rows are resampled with replacement
 * (stream `sensitivity.bootstrap`), so each resample keeps A, B and the A_B^(i) of a row together.
 *
 * @module
 */
import { createStream } from "../core/mod.ts";
import { percentileInterval, resampleInto } from "./_bootstrap.ts";
import { BOOTSTRAP_STREAM, type Estimate, type EstimatorOptions } from "./morris.ts";
import type { SaltelliDesign } from "./saltelli.ts";

/** Sobol indices of every parameter for one output. */
export interface SobolIndices {
  /** First-order index Sᵢ of each parameter. */
  readonly first: readonly Estimate[];
  /** Total index S_Tᵢ of each parameter. */
  readonly total: readonly Estimate[];
  /** Second-order S_ij at `[i][j]` for i < j (undefined elsewhere); empty without second order. */
  readonly second: readonly (readonly (Estimate | undefined)[])[];
}

/**
 * Estimates Sobol indices for one output.
 *
 * @param design The Saltelli design.
 * @param outputs One output value per design point (replicates already averaged).
 * @param options Bootstrap resamples, seed and coverage.
 * @returns First-order, total and (with a second-order design) second-order indices.
 * @throws {RangeError} If the outputs do not match the design's points.
 *
 * @example An additive function y = x₁ + 2x₂ on [0, 1]²: S = (0.2, 0.8), no interaction
 * ```ts
 * import { saltelliDesign } from "./saltelli.ts";
 * import { sobolIndices } from "./sobol_indices.ts";
 * import { ok } from "node:assert/strict";
 * const design = saltelliDesign(
 *   [{ path: "x1", min: 0, max: 1 }, { path: "x2", min: 0, max: 1 }],
 *   { samples: 1024, seed: 1 },
 * );
 * const { first, total } = sobolIndices(design, design.points.map(([a, b]) => a + 2 * b), { bootstrap: 0 });
 * ok(Math.abs(first[0].estimate - 0.2) < 0.01 && Math.abs(first[1].estimate - 0.8) < 0.01);
 * ok(Math.abs(total[0].estimate - 0.2) < 0.01 && Math.abs(total[1].estimate - 0.8) < 0.01);
 * ```
 */
export function sobolIndices(
  design: SaltelliDesign,
  outputs: readonly number[],
  options: EstimatorOptions = {},
): SobolIndices {
  if (outputs.length !== design.points.length) {
    throw new RangeError(
      `Cannot estimate Sobol indices from ${outputs.length} outputs: the design has ${design.points.length} points`,
    );
  }
  const k = design.parameters.length;
  const n = design.samples;
  const rows = Int32Array.from({ length: n }, (_, j) => j);
  const full = estimate(design, outputs, rows);
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const width = full.length;
  const draws = Array.from({ length: width }, () => new Float64Array(bootstrap));
  const random = createStream(options.seed ?? design.seed, BOOTSTRAP_STREAM);
  for (let b = 0; b < bootstrap; b++) {
    resampleInto(random, n, rows);
    const values = estimate(design, outputs, rows);
    for (let m = 0; m < width; m++) draws[m][b] = values[m];
  }
  const at = (m: number): Estimate => {
    const [low, high] = bootstrap > 0 ? percentileInterval(draws[m], confidence) : [NaN, NaN];
    return { estimate: full[m], low, high };
  };
  const first = Array.from({ length: k }, (_, i) => at(i));
  const total = Array.from({ length: k }, (_, i) => at(k + i));
  const second: (Estimate | undefined)[][] = [];
  if (design.secondOrder) {
    let m = 2 * k;
    for (let i = 0; i < k; i++) {
      const row: (Estimate | undefined)[] = new Array(k).fill(undefined);
      for (let j = i + 1; j < k; j++) row[j] = at(m++);
      second.push(row);
    }
  }
  return { first, total, second };
}

/**
 * All indices on the base rows listed in `rows` (repeats allowed): S₁ … S_k, S_T1 … S_Tk, then
 * S_ij for i < j in row order when the design has second order.
 */
function estimate(
  design: SaltelliDesign,
  y: readonly number[],
  rows: Int32Array,
): Float64Array {
  const k = design.parameters.length;
  const size = design.blockSize;
  const n = rows.length;
  let sum = 0;
  for (const j of rows) sum += y[j * size] + y[j * size + size - 1];
  const centre = sum / (2 * n);
  let squares = 0;
  for (const j of rows) {
    squares += (y[j * size] - centre) ** 2 + (y[j * size + size - 1] - centre) ** 2;
  }
  const variance = squares / (2 * n);
  const pairs = design.secondOrder ? (k * (k - 1)) / 2 : 0;
  const out = new Float64Array(2 * k + pairs);
  for (let i = 0; i < k; i++) {
    let firstSum = 0;
    let totalSum = 0;
    for (const j of rows) {
      const a = y[j * size];
      const b = y[j * size + size - 1] - centre;
      const ab = y[j * size + 1 + i];
      firstSum += b * (ab - a);
      totalSum += (a - ab) ** 2;
    }
    out[i] = firstSum / n / variance;
    out[k + i] = totalSum / n / (2 * variance);
  }
  let m = 2 * k;
  const last = design.secondOrder ? k : 0;
  for (let i = 0; i < last; i++) {
    for (let l = i + 1; l < last; l++) {
      let closed = 0;
      for (const j of rows) {
        const a = y[j * size] - centre;
        const b = y[j * size + size - 1] - centre;
        const ba = y[j * size + 1 + k + i] - centre;
        const ab = y[j * size + 1 + l] - centre;
        closed += ba * ab - a * b;
      }
      out[m++] = closed / n / variance - out[i] - out[l];
    }
  }
  return out;
}
