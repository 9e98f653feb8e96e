import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  type DesignParameter,
  morrisDesign,
  saltelliDesign,
  saltelliRole,
} from "../../src/sensitivity/mod.ts";

const PARAMETERS: DesignParameter[] = [
  { path: "staff.turnoverPerYear", min: 0.1, max: 0.4 },
  { path: "networking.intervalWeeks", min: 9, max: 26, wholeNumber: true },
  { path: "trust.growthPerWeek", min: 0.05, max: 0.2 },
];

Deno.test("saltelliDesign() is the same for the same seed and differs for another", () => {
  const a = saltelliDesign(PARAMETERS, { samples: 64, seed: 7, secondOrder: true });
  const b = saltelliDesign(PARAMETERS, { samples: 64, seed: 7, secondOrder: true });
  deepStrictEqual(a, b);
  notDeepStrictEqual(a.points, saltelliDesign(PARAMETERS, { samples: 64, seed: 8 }).points);
});

Deno.test("saltelliDesign() builds A, A_B^(i), B_A^(i) and B from the same rows", () => {
  const k = PARAMETERS.length;
  const design = saltelliDesign(PARAMETERS, { samples: 32, seed: 3, secondOrder: true });
  strictEqual(design.blockSize, 2 * k + 2);
  strictEqual(design.points.length, 32 * (2 * k + 2));
  for (let j = 0; j < 32; j++) {
    const block = design.points.slice(j * design.blockSize, (j + 1) * design.blockSize);
    const a = block[0];
    const b = block[block.length - 1];
    for (let i = 0; i < k; i++) {
      deepStrictEqual(block[1 + i], a.map((v, m) => m === i ? b[m] : v));
      deepStrictEqual(block[1 + k + i], b.map((v, m) => m === i ? a[m] : v));
    }
  }
  deepStrictEqual(saltelliRole(design, design.blockSize + 1 + k), {
    row: 1,
    matrix: "BA",
    parameter: 0,
  });
  deepStrictEqual(saltelliRole(design, 2 * design.blockSize - 1), {
    row: 1,
    matrix: "B",
    parameter: -1,
  });
});

Deno.test("saltelliDesign() spreads values uniformly over each range; whole numbers stay whole", () => {
  const design = saltelliDesign(PARAMETERS, { samples: 1024, seed: 1 });
  const column = (i: number, matrix: number) =>
    design.points.filter((_, p) => p % design.blockSize === matrix).map((x) => x[i]);
  const turnover = column(0, 0);
  ok(turnover.every((v) => v >= 0.1 && v < 0.4));
  // A Sobol column is stratified: 1024 points, exactly 64 in each sixteenth of the range.
  const counts = new Array(16).fill(0);
  for (const v of turnover) counts[Math.floor((v - 0.1) / 0.3 * 16)]++;
  deepStrictEqual(counts, new Array(16).fill(64));
  const weeks = column(1, design.blockSize - 1);
  ok(weeks.every((v) => Number.isInteger(v) && v >= 9 && v <= 26));
  // 18 whole numbers, each within 2 of 1024/18 ≈ 56.9 (stratified, not random).
  const perValue = new Map<number, number>();
  for (const v of weeks) perValue.set(v, (perValue.get(v) ?? 0) + 1);
  strictEqual(perValue.size, 18);
  ok(
    [...perValue.values()].every((n) => Math.abs(n - 1024 / 18) <= 2),
    [...perValue.values()].join(),
  );
});

Deno.test("morrisDesign() is the same for the same seed and moves one parameter by Δ per step", () => {
  const design = morrisDesign(PARAMETERS, { trajectories: 40, levels: 4, seed: 11 });
  deepStrictEqual(design, morrisDesign(PARAMETERS, { trajectories: 40, levels: 4, seed: 11 }));
  notDeepStrictEqual(
    design.points,
    morrisDesign(PARAMETERS, { trajectories: 40, levels: 4, seed: 12 }).points,
  );
  const k = PARAMETERS.length;
  for (let t = 0; t < 40; t++) {
    deepStrictEqual([...design.steps[t]].sort(), [0, 1, 2]);
    for (let s = 0; s < k; s++) {
      const before = design.points[t * (k + 1) + s];
      const after = design.points[t * (k + 1) + s + 1];
      const i = design.steps[t][s];
      const { min, max } = PARAMETERS[i];
      const change = (after[i] - before[i]) / (max - min);
      const expected = design.directions[t][s] * (2 / 3);
      // The whole-number parameter is rounded: 2/3 of 17 weeks is 11.33, so 11 or 12 weeks.
      ok(Math.abs(change - expected) < (i === 1 ? 0.5 / 17 + 1e-9 : 1e-9), `t${t} s${s}`);
      for (let m = 0; m < k; m++) if (m !== i) strictEqual(after[m], before[m]);
    }
  }
  // Every value lies on the 4-level grid.
  const grid = [0, 1 / 3, 2 / 3, 1].map((u) => 0.1 + u * 0.3);
  ok(design.points.every((x) => grid.some((g) => Math.abs(g - x[0]) < 1e-12)));
});

Deno.test("saltelliDesign() and morrisDesign() refuse bad sizes and ranges", () => {
  throws(() => saltelliDesign(PARAMETERS, { samples: 1, seed: 1 }), RangeError);
  throws(() => saltelliDesign([], { samples: 8, seed: 1 }), RangeError);
  throws(
    () => saltelliDesign([{ path: "a", min: 1, max: 1 }], { samples: 8, seed: 1 }),
    RangeError,
  );
  throws(
    () =>
      saltelliDesign([{ path: "a", min: 0, max: 1 }, { path: "a", min: 0, max: 1 }], {
        samples: 8,
        seed: 1,
      }),
    RangeError,
  );
  throws(() => morrisDesign(PARAMETERS, { trajectories: 10, levels: 5, seed: 1 }), RangeError);
  throws(() => morrisDesign(PARAMETERS, { trajectories: 1, seed: 1 }), RangeError);
});
