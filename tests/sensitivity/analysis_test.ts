import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { createStream, replicateSeed } from "../../src/core/mod.ts";
import {
  analyseSensitivity,
  averageReplicates,
  createDesign,
  parseSensitivitySpec,
  replicateNoise,
  saltelliDesign,
  type SensitivitySpec,
} from "../../src/sensitivity/mod.ts";
import { evaluateTestFunction } from "../../src/experiment/test_functions.ts";
import { specFunction } from "./_helpers.ts";

/**
 * Runs design points [start, end) of a spec as a shard would: it rebuilds the design from the
 * spec and evaluates its own slice, with noisy replicates whose noise depends only on the point
 * and the replicate (as the engine's run seeds do).
 */
function runShard(spec: SensitivitySpec, start: number, end: number): number[][][] {
  const design = createDesign(spec);
  const fn = specFunction(spec);
  const out: number[][][] = [];
  for (let p = start; p < end; p++) {
    const runs: number[][] = [];
    for (let r = 0; r < spec.replicates; r++) {
      const noise = createStream(replicateSeed(spec.seed, r), `point.${p}`)() - 0.5;
      runs.push([evaluateTestFunction(fn, design.points[p]) + noise]);
    }
    out.push(runs);
  }
  return out;
}

const SPECS = [
  "model: ishigami\nmethod: sobol\nsamples: 128\nsecondOrder: true\nreplicates: 3\nseed: 5\n",
  "model: sobol-g\ncoefficients: [0, 1, 9]\nmethod: morris\ntrajectories: 30\nreplicates: 2\nseed: 6\n",
];

for (const text of SPECS) {
  const spec = parseSensitivitySpec(text, "split.yaml");
  Deno.test(`analyseSensitivity() of a ${spec.method.kind} design split into shards and rejoined equals one run`, () => {
    const design = createDesign(spec);
    const n = design.points.length;
    const whole = runShard(spec, 0, n);
    const single = analyseSensitivity(
      design,
      { metrics: spec.metrics, means: averageReplicates(whole), replicates: whole },
      { bootstrap: 200 },
    );
    // 3 shards of uneven size, which cut through base rows / trajectories, finished out of order.
    const cuts = [0, 7, Math.floor(n / 2) + 1, n];
    const shards = [2, 0, 1].map((i) => ({ i, runs: runShard(spec, cuts[i], cuts[i + 1]) }));
    const merged = shards.sort((a, b) => a.i - b.i).flatMap((s) => s.runs);
    deepStrictEqual(merged, whole);
    const rejoined = analyseSensitivity(
      createDesign(spec),
      { metrics: spec.metrics, means: averageReplicates(merged), replicates: merged },
      { bootstrap: 200 },
    );
    deepStrictEqual(rejoined, single);
    ok(single.rows.length > 0 && single.rows.every((r) => Number.isFinite(r.estimate)));
  });
}

Deno.test("replicateNoise() follows its formulas on a hand-worked example", () => {
  // Points with replicates (1, 3), (5, 5), (8, 10): means 2, 5, 9; variances 2, 0, 2.
  const [row] = replicateNoise([[[1], [3]], [[5], [5]], [[8], [10]]], ["y"]);
  const replicateVariance = 4 / 3;
  const pointVariance = ((2 - 16 / 3) ** 2 + (5 - 16 / 3) ** 2 + (9 - 16 / 3) ** 2) / 2;
  strictEqual(row.replicates, 2);
  ok(Math.abs(row.replicate_variance - replicateVariance) < 1e-12);
  ok(Math.abs(row.point_variance - pointVariance) < 1e-12);
  ok(Math.abs(row.noise_share - replicateVariance / 2 / pointVariance) < 1e-12);
  ok(
    Math.abs(
      row.noise_share_per_run -
        replicateVariance / (pointVariance - replicateVariance / 2 + replicateVariance),
    ) < 1e-12,
  );
});

Deno.test("replicateNoise() is 0 for deterministic outputs and NaN with one replicate", () => {
  const [none] = replicateNoise([[[1], [1]], [[2], [2]]], ["y"]);
  strictEqual(none.noise_share, 0);
  strictEqual(none.noise_share_per_run, 0);
  const [single] = replicateNoise([[[1]], [[2]]], ["y"]);
  ok(Number.isNaN(single.noise_share) && Number.isNaN(single.replicate_variance));
});

Deno.test("replicateNoise() measures a known noise share: y = x1 + noise with equal variances", () => {
  // x1 uniform on [0, 1] (variance 1/12) plus normal noise of variance 1/12 per run, R = 4:
  // the averaged outputs carry 1/48 of noise, a share (1/48) / (1/12 + 1/48) = 0.2; a single
  // run's share is 0.5. With 4096 points the estimates' standard errors are about 0.01, so
  // ±0.03 is three of them.
  const design = saltelliDesign([{ path: "x1", min: 0, max: 1 }, { path: "x2", min: 0, max: 1 }], {
    samples: 1024,
    seed: 9,
  });
  const random = createStream(9, "test.noise");
  const sd = Math.sqrt(1 / 12);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const replicates = design.points.map(([x1]) =>
    Array.from({ length: 4 }, () => [x1 + sd * normal()])
  );
  const { noise, rows } = analyseSensitivity(design, {
    metrics: ["y"],
    means: averageReplicates(replicates),
    replicates,
  }, { bootstrap: 0 });
  ok(Math.abs(noise[0].noise_share - 0.2) < 0.03, String(noise[0].noise_share));
  ok(Math.abs(noise[0].noise_share_per_run - 0.5) < 0.03, String(noise[0].noise_share_per_run));
  // Noise lowers x1's first-order index towards 0.8 and is what x2's indices are made of.
  const s1 = rows.find((r) => r.parameter === "x1" && r.index === "S1");
  ok(s1 && Math.abs(s1.estimate - 0.8) < 0.05, String(s1?.estimate));
  ok(rows.every((r) => Number.isNaN(r.ci_low)), "no intervals with bootstrap: 0");
});

Deno.test("analyseSensitivity() refuses outputs that do not match the design", () => {
  const design = saltelliDesign([{ path: "x1", min: 0, max: 1 }], { samples: 4, seed: 1 });
  const means = design.points.map(() => [1]);
  throws(() => analyseSensitivity(design, { metrics: ["y"], means: means.slice(1) }), RangeError);
  throws(() => analyseSensitivity(design, { metrics: ["y", "z"], means }), RangeError);
});
