/**
 * The Sobol low-discrepancy sequence in up to 256 dimensions, with the Joe–Kuo direction numbers
 * (`new-joe-kuo-6.21201`) and 32-bit integers, generated in Gray-code order (Antonov–Saleev), as
 * `scipy.stats.qmc.Sobol(d, scramble=False)` does: point 0 is the origin, point 1 is
 * (½, …, ½). An optional digital shift (each coordinate's bits XORed with a fixed random word per
 * dimension, drawn from a named seeded stream) randomises the sequence while keeping its net
 * structure; it is how sensitivity designs depend on their seed.
 *
 * @module
 */
import { JOE_KUO_ROWS } from "./_joe_kuo_table.ts";
import type { RandomStream } from "../core/mod.ts";

/** Dimensions available: dimension 1 (van der Corput) plus the 255 rows of the table. */
export const SOBOL_MAX_DIMENSIONS = 256;

/** Bits per coordinate: points are multiples of 2⁻³². */
const BITS = 32;
const SCALE = 2 ** -BITS;

/** Direction numbers V[d][k−1] = v_k · 2^(32−k) of each dimension d, built on first use. */
let directions: Uint32Array[] | undefined;

function allDirections(): Uint32Array[] {
  if (directions) return directions;
  const out: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = (1 << (BITS - 1 - k)) >>> 0;
  out.push(first);
  for (const line of JOE_KUO_ROWS.trim().split("\n")) {
    const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    const v = new Uint32Array(BITS);
    for (let k = 0; k < Math.min(s, BITS); k++) v[k] = (m[k] << (BITS - 1 - k)) >>> 0;
    for (let k = s; k < BITS; k++) {
      let x = v[k - s] ^ (v[k - s] >>> s);
      for (let l = 1; l < s; l++) {
        if ((a >>> (s - 1 - l)) & 1) x ^= v[k - l];
      }
      v[k] = x >>> 0;
    }
    out.push(v);
  }
  directions = out;
  return out;
}

/** Options of {@linkcode sobolPoints}. */
export interface SobolOptions {
  /** Index of the first point (points before it are skipped). @default 0 */
  readonly start?: number;
  /**
   * A digital shift: one 32-bit unsigned word per dimension, XORed into that coordinate's bits
   * (see {@linkcode sobolDigitalShift}). @default no shift
   */
  readonly shift?: readonly number[];
}

/**
 * Points of the Sobol sequence, in [0, 1)^dimensions.
 *
 * @param count How many points (an integer ≥ 0; at most 2³² − start). Balance properties hold
 *   best for a power of two.
 * @param dimensions Dimensions, 1 to {@linkcode SOBOL_MAX_DIMENSIONS}.
 * @param options Where to start, and an optional digital shift.
 * @returns `count` points, each an array of `dimensions` coordinates.
 * @throws {RangeError} For a count, dimension, start or shift out of range.
 *
 * @example The first points in two dimensions
 * ```ts
 * import { sobolPoints } from "./sobol_sequence.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(sobolPoints(4, 2), [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]);
 * deepStrictEqual(sobolPoints(2, 2, { start: 2 }), [[0.75, 0.25], [0.25, 0.75]]);
 * ```
 */
export function sobolPoints(
  count: number,
  dimensions: number,
  options: SobolOptions = {},
): number[][] {
  const start = options.start ?? 0;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(
      `Cannot generate Sobol points in ${dimensions} dimensions: expected 1 to ${SOBOL_MAX_DIMENSIONS}`,
    );
  }
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(start) || start < 0) {
    throw new RangeError(`Cannot generate Sobol points: count ${count}, start ${start}`);
  }
  if (start + count > 2 ** BITS) {
    throw new RangeError(`Cannot generate more than 2^${BITS} Sobol points: ${start + count}`);
  }
  const shift = options.shift ?? [];
  if (options.shift !== undefined && shift.length !== dimensions) {
    throw new RangeError(
      `Cannot shift Sobol points in ${dimensions} dimensions with ${shift.length} words`,
    );
  }
  const v = allDirections();
  // The state at `start`: the XOR of the direction numbers of the set bits of gray(start).
  const x = new Uint32Array(dimensions);
  const gray = start ^ Math.floor(start / 2);
  for (let bit = 0; bit < BITS; bit++) {
    if (Math.floor(gray / 2 ** bit) % 2 === 1) {
      for (let d = 0; d < dimensions; d++) x[d] ^= v[d][bit];
    }
  }
  const points: number[][] = [];
  for (let n = start; n < start + count; n++) {
    if (n > start) {
      // Antonov–Saleev: from point n − 1 to point n, flip the direction number of the lowest
      // zero bit of n − 1.
      let c = 0;
      let value = n - 1;
      while (value % 2 === 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let d = 0; d < dimensions; d++) x[d] ^= v[d][c];
    }
    const point = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d++) {
      point[d] = ((x[d] ^ (shift[d] ?? 0)) >>> 0) * SCALE;
    }
    points.push(point);
  }
  return points;
}

/**
 * Draws a digital shift for {@linkcode sobolPoints}: one uniform 32-bit word per dimension. A
 * digitally shifted Sobol sequence is still a (t, s)-sequence in base 2, so it keeps its
 * stratification, and each coordinate is uniform on [0, 1).
 *
 * @param dimensions How many words.
 * @param random The stream to draw from, e.g. `createStream(seed, "sensitivity.sobol.shift")`.
 * @returns Unsigned 32-bit integers.
 *
 * @example A shift moves the origin
 * ```ts
 * import { sobolDigitalShift, sobolPoints } from "./sobol_sequence.ts";
 * import { createStream } from "../core/mod.ts";
 * import { ok } from "node:assert/strict";
 * const shift = sobolDigitalShift(2, createStream(1, "sensitivity.sobol.shift"));
 * const [origin] = sobolPoints(1, 2, { shift });
 * ok(origin[0] > 0 && origin[0] < 1 && origin[1] > 0 && origin[1] < 1);
 * ```
 */
export function sobolDigitalShift(dimensions: number, random: RandomStream): number[] {
  const words: number[] = [];
  for (let d = 0; d < dimensions; d++) words.push(Math.floor(random() * 2 ** BITS) >>> 0);
  return words;
}
