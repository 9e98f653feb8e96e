/**
 * Saltelli sampling for Sobol indices (Saltelli 2002; Saltelli et al. 2010). Two matrices A and
 * B of N base samples each come from one Sobol sequence in 2k dimensions (A its first k columns,
 * B its last k), digitally shifted by a word per dimension drawn from the stream
 * `sensitivity.sobol.shift` of the spec's seed. For each parameter i, A_B^(i) is A with column i
 * taken from B; with second-order indices, B_A^(i) is B with column i taken from A.
 *
 * The design's points are ordered by base sample, as SALib orders them: for base row j,
 * A_j, A_B^(1)_j … A_B^(k)_j, [B_A^(1)_j … B_A^(k)_j,] B_j. A block of k + 2 points (2k + 2 with
 * second order) belongs to one base row, so any contiguous slice of the points is a shard, and
 * the bootstrap resamples whole blocks.
 *
 * @module
 */
import { createStream } from "../core/mod.ts";
import { type DesignParameter, uniformValue } from "./parameters.ts";
import { SOBOL_MAX_DIMENSIONS, sobolDigitalShift, sobolPoints } from "./sobol_sequence.ts";

/** The stream the digital shift of a Saltelli design is drawn from. */
export const SALTELLI_STREAM = "sensitivity.sobol.shift";

/** Options of {@linkcode saltelliDesign}. */
export interface SaltelliOptions {
  /** N, the number of base samples (rows of A and B), ≥ 2; a power of two is best. */
  readonly samples: number;
  /** Also build the B_A^(i) matrices, for second-order indices. @default false */
  readonly secondOrder?: boolean;
  /** The seed of the digital shift (the spec's seed). */
  readonly seed: number;
}

/** A Saltelli design: the points to run, and what the Sobol estimator needs to read them. */
export interface SaltelliDesign {
  /** Always `"sobol"`. */
  readonly method: "sobol";
  /** The parameters, in the order of each point's values. */
  readonly parameters: readonly DesignParameter[];
  /** N, the number of base samples. */
  readonly samples: number;
  /** Whether the B_A^(i) points are included. */
  readonly secondOrder: boolean;
  /** The seed the design was drawn with. */
  readonly seed: number;
  /** Points per base row: k + 2, or 2k + 2 with second order. */
  readonly blockSize: number;
  /** The points, N × blockSize of them, each a value per parameter in its own unit. */
  readonly points: readonly (readonly number[])[];
}

/** Where a point of a Saltelli design comes from. */
export interface SaltelliRole {
  /** The base row j, from 0. */
  readonly row: number;
  /** Its matrix: A, B, A_B^(i) (`"AB"`) or B_A^(i) (`"BA"`). */
  readonly matrix: "A" | "B" | "AB" | "BA";
  /** The parameter i of A_B^(i) or B_A^(i); -1 for A and B. */
  readonly parameter: number;
}

/**
 * Builds a Saltelli design: N·(k + 2) points, or N·(2k + 2) with second order.
 *
 * @param parameters The k parameters (1 ≤ k ≤ 128), with their ranges.
 * @param options N, second order, and the seed.
 * @returns The design.
 * @throws {RangeError} For N < 2, no parameters, too many, or an empty range.
 *
 * @example Two parameters, four base samples
 * ```ts
 * import { saltelliDesign } from "./saltelli.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 * const design = saltelliDesign(
 *   [{ path: "a", min: 0, max: 1 }, { path: "b", min: 10, max: 20 }],
 *   { samples: 4, seed: 1 },
 * );
 * strictEqual(design.points.length, 4 * (2 + 2));
 * // A_B^(1) is A with its first column from B:
 * const [a, ab1, , b] = design.points;
 * deepStrictEqual(ab1, [b[0], a[1]]);
 * ```
 */
export function saltelliDesign(
  parameters: readonly DesignParameter[],
  options: SaltelliOptions,
): SaltelliDesign {
  const k = parameters.length;
  const n = options.samples;
  const secondOrder = options.secondOrder ?? false;
  checkParameters(parameters, SOBOL_MAX_DIMENSIONS / 2);
  if (!Number.isInteger(n) || n < 2) {
    throw new RangeError(`Cannot build a Saltelli design with ${n} base samples: expected ≥ 2`);
  }
  const shift = sobolDigitalShift(2 * k, createStream(options.seed, SALTELLI_STREAM));
  const unit = sobolPoints(n, 2 * k, { shift });
  const blockSize = secondOrder ? 2 * k + 2 : k + 2;
  const points: number[][] = [];
  for (let j = 0; j < n; j++) {
    const a = parameters.map((p, i) => uniformValue(p, unit[j][i]));
    const b = parameters.map((p, i) => uniformValue(p, unit[j][k + i]));
    points.push(a);
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      points.push(ab);
    }
    if (secondOrder) {
      for (let i = 0; i < k; i++) {
        const ba = b.slice();
        ba[i] = a[i];
        points.push(ba);
      }
    }
    points.push(b);
  }
  return Object.freeze({
    method: "sobol",
    parameters: Object.freeze(parameters.map((p) => Object.freeze({ ...p }))),
    samples: n,
    secondOrder,
    seed: options.seed,
    blockSize,
    points,
  });
}

/**
 * Says which matrix and base row a point of a Saltelli design belongs to.
 *
 * @param design The design.
 * @param index The point's index in `design.points`.
 * @returns Its base row, matrix and parameter.
 *
 * @example
 * ```ts
 * import { saltelliDesign, saltelliRole } from "./saltelli.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const design = saltelliDesign([{ path: "a", min: 0, max: 1 }], { samples: 2, seed: 1 });
 * deepStrictEqual(saltelliRole(design, 4), { row: 1, matrix: "AB", parameter: 0 });
 * ```
 */
export function saltelliRole(design: SaltelliDesign, index: number): SaltelliRole {
  const k = design.parameters.length;
  const row = Math.floor(index / design.blockSize);
  const at = index % design.blockSize;
  if (at === 0) return { row, matrix: "A", parameter: -1 };
  if (at === design.blockSize - 1) return { row, matrix: "B", parameter: -1 };
  if (at <= k) return { row, matrix: "AB", parameter: at - 1 };
  return { row, matrix: "BA", parameter: at - 1 - k };
}

/**
 * Checks a design's parameters: at least one, at most `most`, finite ranges with min < max,
 * whole-number ends for whole-number parameters, unique paths.
 *
 * @param parameters The parameters.
 * @param most The most the design can take.
 * @throws {RangeError} Naming the first problem.
 */
export function checkParameters(parameters: readonly DesignParameter[], most: number): void {
  if (parameters.length < 1 || parameters.length > most) {
    throw new RangeError(
      `Cannot build a design for ${parameters.length} parameters: expected 1 to ${most}`,
    );
  }
  const seen = new Set<string>();
  for (const p of parameters) {
    if (!(Number.isFinite(p.min) && Number.isFinite(p.max) && p.min < p.max)) {
      throw new RangeError(`Cannot vary ${p.path} over [${p.min}, ${p.max}]: expected min < max`);
    }
    if (p.wholeNumber && !(Number.isInteger(p.min) && Number.isInteger(p.max))) {
      throw new RangeError(
        `Cannot vary whole-number ${p.path} over [${p.min}, ${p.max}]: expected whole-number ends`,
      );
    }
    if (seen.has(p.path)) throw new RangeError(`Cannot vary ${p.path} twice`);
    seen.add(p.path);
  }
}
