import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { type ExperimentPlan, runExperiment } from "../../src/experiment/mod.ts";
import { ishigami } from "../../src/experiment/test_functions.ts";

Deno.test("a test-function plan runs through the same engine: one y per run, no time series", async () => {
  const points = [[0, 0, 0], [1, 2, 3], [-1, 0.5, 2]];
  const plan: ExperimentPlan = {
    kind: "sensitivity",
    name: "ishigami-check",
    file: "inline",
    bases: [],
    parameters: ["x1", "x2", "x3"],
    fixed: [],
    points: points.map((values, p) => ({ label: `p${p}`, base: 0, values })),
    replicates: 1,
    seed: 1,
    pairing: "common",
    runsPerChunk: 2,
    timeseries: false,
    testFunction: { kind: "ishigami", a: 7, b: 0.1 },
  };
  const out = await Deno.makeTempDir();
  try {
    const result = await runExperiment(plan, { out, workers: 2, shard: null, command: [] });
    const runs = result.tables?.runs.objects() as { y: number; scenario: string }[];
    deepStrictEqual(runs.map((r) => r.y), points.map((x) => ishigami(x, 7, 0.1)));
    strictEqual(runs[0].scenario, "ishigami");
    strictEqual(result.tables?.timeseries, undefined);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
