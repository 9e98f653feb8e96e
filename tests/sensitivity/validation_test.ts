/**
 * The estimators against functions with known indices, from the bundled specs, through the same
 * design → outputs → analysis path the engine uses (the engine only adds the running).
 *
 * Sample sizes: the smallest power of two that passes robustly. Over 30 seeds (bootstrap 300),
 * the worst error of any S1 or ST was: Ishigami 0.0219 at N = 2048 (one seed fails ±0.02) and
 * 0.0029 at N = 4096; G-function 0.0302 at N = 256 (30 of 360 intervals missed), 0.0150 at
 * N = 512 with every interval covering. So Ishigami uses N = 4096 and the G-function N = 512.
 */
import { ok, strictEqual } from "node:assert/strict";
import {
  analyseSensitivity,
  type IndexRow,
  morrisDesign,
  morrisEffects,
} from "../../src/sensitivity/mod.ts";
import { ishigami, ishigamiIndices, sobolGIndices } from "../../src/experiment/test_functions.ts";
import { loadSpec, runSpec, specFunction } from "./_helpers.ts";

const TOLERANCE = 0.02;

function check(rows: readonly IndexRow[], index: string, parameter: string, truth: number) {
  const row = rows.find((r) => r.index === index && r.parameter === parameter);
  ok(row, `${index} of ${parameter}`);
  const label = `${index}(${parameter}) = ${row.estimate.toFixed(4)} [${row.ci_low.toFixed(4)}, ${
    row.ci_high.toFixed(4)
  }], analytic ${truth.toFixed(4)}`;
  ok(Math.abs(row.estimate - truth) <= TOLERANCE, `${label}: more than ±${TOLERANCE} away`);
  ok(row.ci_low <= truth && truth <= row.ci_high, `${label}: the interval misses it`);
}

Deno.test("analyseSensitivity() recovers the Ishigami indices (a = 7, b = 0.1) at N = 4096", async () => {
  const spec = await loadSpec("scenarios/sensitivity/ishigami.yaml");
  strictEqual(spec.method.kind === "sobol" && spec.method.samples, 4096);
  const { design, means } = runSpec(spec);
  const { rows } = analyseSensitivity(design, { metrics: spec.metrics, means }, {
    bootstrap: spec.bootstrap,
  });
  const truth = ishigamiIndices(7, 0.1);
  // The figures, to four places:
  strictEqual(truth.first.map((s) => s.toFixed(4)).join(), "0.3139,0.4424,0.0000");
  strictEqual(truth.total.map((s) => s.toFixed(4)).join(), "0.5576,0.4424,0.2437");
  ["x1", "x2", "x3"].forEach((x, i) => {
    check(rows, "S1", x, truth.first[i]);
    check(rows, "ST", x, truth.total[i]);
  });
  check(rows, "S2", "x1:x3", truth.second[0][2]);
  check(rows, "S2", "x1:x2", 0);
  check(rows, "S2", "x2:x3", 0);
});

Deno.test("analyseSensitivity() recovers the G-function indices (a = 0, 1, 4.5, 9, 99, 99) at N = 512", async () => {
  const spec = await loadSpec("scenarios/sensitivity/sobol-g.yaml");
  strictEqual(spec.method.kind === "sobol" && spec.method.samples, 512);
  const fn = specFunction(spec);
  ok(fn.kind === "sobol-g");
  const { design, means } = runSpec(spec);
  const { rows } = analyseSensitivity(design, { metrics: spec.metrics, means }, {
    bootstrap: spec.bootstrap,
  });
  const truth = sobolGIndices(fn.coefficients);
  fn.coefficients.forEach((_, i) => {
    check(rows, "S1", `x${i + 1}`, truth.first[i]);
    check(rows, "ST", `x${i + 1}`, truth.total[i]);
  });
});

/**
 * What μ* should be for Ishigami on a p-level grid: the mean of |EE| over the start levels of the
 * moved input and the levels of the other two (each uniform over the grid in a trajectory).
 */
function expectedMuStar(levels: number): number[] {
  const value = (l: number) => -Math.PI + 2 * Math.PI * l / (levels - 1);
  const delta = levels / (2 * (levels - 1));
  return [0, 1, 2].map((i) => {
    let sum = 0;
    let n = 0;
    for (let l = 0; l < levels / 2; l++) {
      for (let u = 0; u < levels; u++) {
        for (let v = 0; v < levels; v++) {
          const low = [value(u), value(v)];
          const high = [value(u), value(v)];
          low.splice(i, 0, value(l));
          high.splice(i, 0, value(l + levels / 2));
          sum += Math.abs(ishigami(high, 7, 0.1) - ishigami(low, 7, 0.1)) / delta;
          n++;
        }
      }
    }
    return sum / n;
  });
}

const ISHIGAMI_INPUTS = [1, 2, 3].map((i) => ({ path: `x${i}`, min: -Math.PI, max: Math.PI }));

Deno.test("morrisEffects() ranks x1 and x2 above x3 for Ishigami with 4 levels, as the grid predicts", () => {
  // On 4 levels μ* is 7.704, 7.875 and 6.249: x1 and x2 are close, x3 is clearly lower. The
  // total indices rank x1 > x2 > x3; μ* does not separate x1 from x2 (see the next test).
  const expected = expectedMuStar(4);
  strictEqual(expected.map((m) => m.toFixed(3)).join(), "7.704,7.875,6.249");
  const design = morrisDesign(ISHIGAMI_INPUTS, { trajectories: 1000, levels: 4, seed: 2024 });
  const effects = morrisEffects(design, design.points.map((x) => ishigami(x, 7, 0.1)), {
    bootstrap: 1000,
  });
  const [x1, x2, x3] = effects.map((e) => e.muStar);
  ok(x3.high < Math.min(x1.low, x2.low), "x3's interval is below x1's and x2's");
  effects.forEach((e, i) => {
    // x2's effects are all ±7.875, so its interval is a point: allow rounding.
    ok(e.muStar.low - 1e-9 <= expected[i] && expected[i] <= e.muStar.high + 1e-9, `x${i + 1}`);
  });
});

Deno.test("morrisEffects() on 6 levels hides x2 of Ishigami: the step aliases the period of sin²", () => {
  // Δ = 0.6 of the range (1.2π) moves sin² x2 by little, so μ*(x2) = 2.69 falls below
  // μ*(x3) = 5.54 although S_T2 = 0.44 > S_T3 = 0.24. A documented pitfall (docs/sensitivity.md).
  const expected = expectedMuStar(6);
  strictEqual(expected.map((m) => m.toFixed(3)).join(), "7.990,2.687,5.543");
  const design = morrisDesign(ISHIGAMI_INPUTS, { trajectories: 1000, levels: 6, seed: 2024 });
  const effects = morrisEffects(design, design.points.map((x) => ishigami(x, 7, 0.1)), {
    bootstrap: 1000,
  });
  const [x1, x2, x3] = effects.map((e) => e.muStar);
  ok(x2.high < x3.low && x3.high < x1.low);
  effects.forEach((e, i) => {
    ok(e.muStar.low <= expected[i] && expected[i] <= e.muStar.high, `x${i + 1}`);
  });
});
