import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";

function sim(args: string[], env: Record<string, string> = {}) {
  return new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "sim", ...args],
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

Deno.test("sim compare, run as a user types it, writes comparison.csv and prints the paired table", async () => {
  const out = await Deno.makeTempDir();
  try {
    const result = await sim([
      "compare",
      "tests/fixtures/tiny.scenario.json",
      "scenarios/short-cycles.yaml",
      "--replicates",
      "3",
      "--set-nothing",
    ]);
    strictEqual(result.code, 2, "unknown options are refused");
    match(text(result.stderr), /Unknown option '--set-nothing'/);

    const ok0 = await sim([
      "compare",
      "scenarios/short-cycles.yaml",
      "scenarios/long-cycles.yaml",
      "--replicates",
      "3",
      "--workers",
      "2",
      "--out",
      out,
    ]);
    strictEqual(ok0.code, 0, text(ok0.stderr));
    const stdout = text(ok0.stdout);
    match(stdout, /Outcomes per £1m\s+\S+\s+\S+\s+\S+ \[\S+, \S+\]\s+[+-]\d+\.\d%/);
    match(text(ok0.stderr), /short-cycles-vs-long-cycles: 6\/6 runs \(100%\)/, "progress lines");
    const csv = (await Deno.readTextFile(join(out, "comparison.csv"))).trim().split("\n");
    deepStrictEqual(
      csv[0],
      "metric,label,unit,scenario_a,scenario_b,n,mean_a,mean_b,mean_difference,ci_low,ci_high,relative_change",
    );
    ok(csv.some((line) => line.startsWith("outcomes_per_million_gbp,")));
    const manifest = JSON.parse(await Deno.readTextFile(join(out, "manifest.json")));
    strictEqual(manifest.experiment.kind, "compare");
    strictEqual(manifest.experiment.seed, 2015);
    strictEqual(manifest.scenarios.length, 2);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("sim sweep --shard n takes the shard index from SLURM_ARRAY_TASK_ID and writes only its chunks", async () => {
  const out = await Deno.makeTempDir();
  try {
    const result = await sim(
      ["sweep", "tests/fixtures/sweeps/tiny-grid.yaml", "--shard", "3", "--out", out],
      { SLURM_ARRAY_TASK_ID: "1" },
    );
    strictEqual(result.code, 0, text(result.stderr));
    match(text(result.stdout), /shard 1\/3/);
    const chunks = (await Array.fromAsync(Deno.readDir(join(out, "chunks")))).map((e) => e.name)
      .sort();
    deepStrictEqual(chunks, ["c000001.bin", "c000004.bin"]);
    const bad = await sim(["sweep", "tests/fixtures/sweeps/tiny-grid.yaml", "--shard", "3"]);
    strictEqual(bad.code, 2);
    match(text(bad.stderr), /neither is set; give the index too, e\.g\. --shard 0\/3/);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
