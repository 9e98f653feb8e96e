import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import {
  ExperimentDirError,
  loadSweepFile,
  mergeExperiments,
  runExperiment,
} from "../../src/experiment/mod.ts";
import { differingTables, readTables } from "./_sweep.ts";

const SWEEP = "tests/fixtures/sweeps/tiny-grid.yaml";

Deno.test("a sweep gives byte-identical tables with 1, 2 and 4 workers and as 3 shards merged", async () => {
  const plan = await loadSweepFile(SWEEP);
  const root = await Deno.makeTempDir();
  try {
    const dirs: Record<string, string> = {};
    for (const workers of [1, 2, 4]) {
      dirs[`${workers} workers`] = join(root, `w${workers}`);
      await runExperiment(plan, {
        out: dirs[`${workers} workers`],
        workers,
        shard: null,
        command: [],
      });
    }
    const parts = [0, 1, 2].map((i) => join(root, `shard${i}`));
    for (const [index, out] of parts.entries()) {
      const part = await runExperiment(plan, {
        out,
        workers: 2,
        shard: { index, count: 3 },
        command: [],
      });
      deepStrictEqual(part.files, []); // a shard writes only its chunks
    }
    dirs["3 shards merged"] = join(root, "merged");
    await mergeExperiments(parts, dirs["3 shards merged"], []);

    const reference = await readTables(dirs["1 workers"]);
    strictEqual(new TextDecoder().decode(reference["runs.csv"]).trim().split("\n").length, 1 + 12);
    for (const [name, dir] of Object.entries(dirs)) {
      deepStrictEqual(await differingTables(dirs["1 workers"], dir), [], name);
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("merge refuses a missing shard and a duplicated one, naming them", async () => {
  const plan = await loadSweepFile(SWEEP);
  const root = await Deno.makeTempDir();
  try {
    const parts = [0, 1].map((i) => join(root, `shard${i}`));
    for (const [index, out] of parts.entries()) {
      await runExperiment(plan, { out, workers: 1, shard: { index, count: 3 }, command: [] });
    }
    await rejects(
      mergeExperiments(parts, join(root, "merged"), []),
      (e: Error) =>
        e instanceof ExperimentDirError && /missing 2, 5/.test(e.message) &&
        /shards 2\/3/.test(e.message),
    );
    await rejects(
      mergeExperiments([parts[0], parts[0]], join(root, "merged"), []),
      (e: Error) => e instanceof ExperimentDirError && /chunk [03] is in both/.test(e.message),
    );
    let exists = true;
    await Deno.stat(join(root, "merged", "runs.csv")).catch(() => exists = false);
    ok(!exists, "a refused merge writes nothing");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("a folder holding another experiment's results is refused, not mixed", async () => {
  const plan = await loadSweepFile(SWEEP);
  const out = await Deno.makeTempDir();
  try {
    await runExperiment(plan, { out, workers: 1, shard: null, command: [] });
    const changed = { ...plan, replicates: 4 };
    await rejects(
      runExperiment(changed, { out, workers: 1, shard: null, command: [] }),
      (e: Error) =>
        e instanceof ExperimentDirError &&
        /holds results of a different experiment/.test(e.message),
    );
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("each run's seed depends only on the sweep seed and replicate (common random numbers)", async () => {
  const plan = await loadSweepFile(SWEEP);
  const out = await Deno.makeTempDir();
  try {
    const { tables } = await runExperiment(plan, { out, workers: 1, shard: null, command: [] });
    const runs = tables?.runs.objects() as { point: number; replicate: number; seed: number }[];
    for (const run of runs) strictEqual(run.seed, runs[run.replicate].seed);
    strictEqual(new Set(runs.map((r) => r.seed)).size, plan.replicates);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
