/**
 * Experimental designs over parameters: full grids and Latin hypercubes.
 *
 * @module
 */
import { createStream } from "../core/mod.ts";
import type { PointValue } from "./plan.ts";

/**
 * Every combination of the given values (a full factorial grid). The first parameter varies
 * slowest, the last fastest, as in nested loops written in the parameters' order.
 *
 * @param values One list of values per parameter.
 * @returns The points, each with one value per parameter.
 *
 * @example
 * ```ts
 * import { gridDesign } from "./design.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(gridDesign([[1, 2], ["a", "b"]]), [[1, "a"], [1, "b"], [2, "a"], [2, "b"]]);
 * ```
 */
export function gridDesign(values: readonly (readonly PointValue[])[]): PointValue[][] {
  let points: PointValue[][] = [[]];
  for (const list of values) points = points.flatMap((p) => list.map((v) => [...p, v]));
  return points;
}

/** A parameter's range in a Latin hypercube. */
export interface DesignRange {
  /** Lowest value. */
  readonly min: number;
  /** Highest value. */
  readonly max: number;
  /** Round values to whole numbers (for fields that take whole numbers). */
  readonly whole?: boolean;
}

/**
 * A Latin hypercube of `n` points: each parameter's range is cut into `n` equal strata and each
 * stratum is used by exactly one point, at a uniformly drawn place inside it; the strata are
 * matched across parameters by independent random permutations. Draws come from the stream
 * `sweep.lhs` of the given seed, so the design is the same wherever it is built.
 *
 * @param ranges One range per parameter.
 * @param n Number of points.
 * @param seed The experiment seed.
 * @returns The points, each with one value per parameter.
 *
 * @example Each stratum used once
 * ```ts
 * import { latinHypercube } from "./design.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const points = latinHypercube([{ min: 0, max: 1 }], 4, 7);
 * deepStrictEqual(points.map(([x]) => Math.floor(x * 4)).sort(), [0, 1, 2, 3]);
 * deepStrictEqual(latinHypercube([{ min: 0, max: 1 }], 4, 7), points); // same seed, same design
 * ```
 */
export function latinHypercube(
  ranges: readonly DesignRange[],
  n: number,
  seed: number,
): number[][] {
  const random = createStream(seed, "sweep.lhs");
  const points = Array.from({ length: n }, () => new Array<number>(ranges.length));
  ranges.forEach((range, j) => {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      [strata[i], strata[k]] = [strata[k], strata[i]];
    }
    for (let i = 0; i < n; i++) {
      const x = range.min + (range.max - range.min) * (strata[i] + random()) / n;
      points[i][j] = range.whole ? Math.round(x) : x;
    }
  });
  return points;
}
