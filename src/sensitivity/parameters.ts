/**
 * The parameters a sensitivity design varies: a name (a dotted scenario path, or `x1`, `x2`, …
 * for a test function), a range, and whether the value must be a whole number.
 *
 * @module
 */

/** One parameter of a sensitivity design. */
export interface DesignParameter {
  /** Dotted scenario field path (e.g. `staff.turnoverPerYear`), or `x1`, `x2`, … */
  readonly path: string;
  /** Lowest value, in the parameter's own unit. */
  readonly min: number;
  /** Highest value (> min), in the parameter's own unit. */
  readonly max: number;
  /** The value must be a whole number (e.g. weeks held as integers). @default false */
  readonly wholeNumber?: boolean;
}

/**
 * Maps a coordinate u in [0, 1) to a parameter value, keeping the distribution uniform: a
 * continuous parameter takes min + u·(max − min); a whole-number one takes each of the integers
 * min, …, max with equal probability (⌊u·(max − min + 1)⌋ steps above min). Used by sampling
 * designs (Saltelli).
 *
 * @param parameter The parameter.
 * @param u A coordinate in [0, 1).
 * @returns The value.
 *
 * @example
 * ```ts
 * import { uniformValue } from "./parameters.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(uniformValue({ path: "p", min: 10, max: 20 }, 0.25), 12.5);
 * strictEqual(uniformValue({ path: "weeks", min: 1, max: 4, wholeNumber: true }, 0.99), 4);
 * ```
 */
export function uniformValue(parameter: DesignParameter, u: number): number {
  const { min, max } = parameter;
  if (!parameter.wholeNumber) return min + u * (max - min);
  return min + Math.min(Math.floor(u * (max - min + 1)), max - min);
}

/**
 * Maps a grid level u in [0, 1] to a parameter value: min + u·(max − min), rounded to the
 * nearest whole number for a whole-number parameter. Used by grid designs (Morris), whose first
 * and last levels are the ends of the range.
 *
 * @param parameter The parameter.
 * @param u A level in [0, 1].
 * @returns The value.
 *
 * @example
 * ```ts
 * import { levelValue } from "./parameters.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(levelValue({ path: "p", min: 0, max: 3 }, 1 / 3), 1);
 * strictEqual(levelValue({ path: "weeks", min: 4, max: 26, wholeNumber: true }, 1 / 3), 11);
 * ```
 */
export function levelValue(parameter: DesignParameter, u: number): number {
  const value = parameter.min + u * (parameter.max - parameter.min);
  return parameter.wholeNumber ? Math.round(value) : value;
}
