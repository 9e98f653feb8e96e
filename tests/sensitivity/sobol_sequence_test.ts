/**
 * The Sobol sequence against SciPy's: `tests/fixtures/sobol_scipy.json` holds points of
 * `scipy.stats.qmc.Sobol(d, scramble=False)` (made by `python3 tests/fixtures/sobol_scipy.py >
 * tests/fixtures/sobol_scipy.json && deno fmt tests/fixtures/sobol_scipy.json`, SciPy 1.17.1).
 * A live comparison with SciPy over more points is in `tests/system/sobol_scipy_test.ts`.
 */
import { deepStrictEqual, ok, throws } from "node:assert/strict";
import { createStream } from "../../src/core/mod.ts";
import { SOBOL_MAX_DIMENSIONS, sobolDigitalShift, sobolPoints } from "../../src/sensitivity/mod.ts";

interface Block {
  dimensions: number;
  start: number;
  count: number;
  scaleBits: number;
  points: string[];
}

const fixture = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/sobol_scipy.json", import.meta.url)),
) as { blocks: Block[] };

Deno.test("sobolPoints() equals scipy.stats.qmc.Sobol(d, scramble=False) in 256 dimensions", () => {
  ok(fixture.blocks.length === 3);
  for (const block of fixture.blocks) {
    const expected = block.points.map((row) =>
      row.split(" ").map((k) => Number(k) / 2 ** block.scaleBits)
    );
    const got = sobolPoints(block.count, block.dimensions, { start: block.start });
    deepStrictEqual(got, expected, `block starting at ${block.start}`);
  }
});

Deno.test("sobolPoints() from a start equals the tail of the points from 0", () => {
  const all = sobolPoints(100, 7);
  deepStrictEqual(sobolPoints(37, 7, { start: 63 }), all.slice(63));
});

Deno.test("sobolPoints() fills each of the 2^m dyadic intervals once per dimension", () => {
  // A (0, m, 1)-net in every one-dimensional projection: 64 points, one per 1/64 interval.
  const points = sobolPoints(64, SOBOL_MAX_DIMENSIONS);
  for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
    const cells = new Set(points.map((p) => Math.floor(p[d] * 64)));
    ok(cells.size === 64, `dimension ${d + 1}`);
  }
});

Deno.test("sobolPoints() with a digital shift keeps the stratification and depends on the seed", () => {
  const shift = sobolDigitalShift(3, createStream(5, "sensitivity.sobol.shift"));
  const points = sobolPoints(32, 3, { shift });
  for (let d = 0; d < 3; d++) {
    ok(new Set(points.map((p) => Math.floor(p[d] * 32))).size === 32);
  }
  deepStrictEqual(sobolPoints(32, 3, { shift }), points);
  const other = sobolDigitalShift(3, createStream(6, "sensitivity.sobol.shift"));
  ok(JSON.stringify(sobolPoints(32, 3, { shift: other })) !== JSON.stringify(points));
});

Deno.test("sobolPoints() refuses dimensions, counts and shifts out of range", () => {
  throws(() => sobolPoints(4, 0), RangeError);
  throws(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1), RangeError);
  throws(() => sobolPoints(-1, 2), RangeError);
  throws(() => sobolPoints(2, 2, { shift: [1] }), RangeError);
});
