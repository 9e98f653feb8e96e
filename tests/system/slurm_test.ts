import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { differingTables } from "../experiment/_sweep.ts";
import { startSlurmCluster } from "./_slurm.ts";

const SWEEP = "tests/fixtures/sweeps/tiny-grid.yaml";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function sim(args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "sim", ...args],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  strictEqual(output.code, 0, text(output.stderr));
}

Deno.test("the shipped Slurm array script runs a sweep as 3 array tasks; merged, it equals a single-process run", async () => {
  const cluster = await startSlurmCluster();
  const root = await Deno.makeTempDir({ prefix: "slurm-sweep-" });
  try {
    const out = join(root, "sweep");
    const submitted = await new Deno.Command("sbatch", {
      args: [
        "--wait",
        "--array=0-2",
        `--output=${root}/slurm-%A_%a.out`,
        "docs/cluster/sweep-array.slurm",
        SWEEP,
        out,
      ],
      env: { ...cluster.env, DENO: Deno.execPath(), NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const logs = await Promise.all(
      (await Array.fromAsync(Deno.readDir(root))).filter((e) => e.name.startsWith("slurm-"))
        .map((e) => Deno.readTextFile(join(root, e.name))),
    );
    strictEqual(
      submitted.code,
      0,
      `sbatch: ${text(submitted.stdout)}${text(submitted.stderr)}\n${logs.join("\n")}`,
    );
    const shards = (await Array.fromAsync(Deno.readDir(out))).map((e) => e.name).sort();
    deepStrictEqual(shards, ["shard-0-of-3", "shard-1-of-3", "shard-2-of-3"]);

    await sim(["merge", ...shards.map((s) => join(out, s)), "--out", join(root, "merged")]);
    await sim(["sweep", SWEEP, "--workers", "1", "--out", join(root, "single"), "--no-progress"]);
    deepStrictEqual(await differingTables(join(root, "single"), join(root, "merged")), []);
  } finally {
    await cluster.stop();
    await Deno.remove(root, { recursive: true });
  }
});
