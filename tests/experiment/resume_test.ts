import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { differingTables } from "./_sweep.ts";

const SWEEP = "tests/fixtures/sweeps/resume.yaml";
const RUNS = 80;

function sim(args: string[]) {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", "--allow-env", "src/cli/main.ts", ...args],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  });
}

async function chunkFiles(dir: string): Promise<string[]> {
  try {
    return (await Array.fromAsync(Deno.readDir(join(dir, "chunks"))))
      .map((e) => e.name).filter((n) => n.endsWith(".bin"));
  } catch {
    return [];
  }
}

Deno.test("a sweep killed with SIGKILL midway resumes to tables identical to an uninterrupted run", async () => {
  const root = await Deno.makeTempDir();
  try {
    const whole = join(root, "whole");
    const interrupted = join(root, "interrupted");
    const uninterrupted = await sim(["sweep", SWEEP, "--workers", "1", "--out", whole]).output();
    strictEqual(uninterrupted.code, 0, new TextDecoder().decode(uninterrupted.stderr));

    const child = sim(["sweep", SWEEP, "--workers", "1", "--out", interrupted]).spawn();
    let done = 0;
    for (let i = 0; i < 3000 && done < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      done = (await chunkFiles(interrupted)).length;
    }
    child.kill("SIGKILL");
    const killed = await child.output();
    strictEqual(killed.signal, "SIGKILL");
    const before = (await chunkFiles(interrupted)).length;
    ok(before >= 10 && before < RUNS, `killed midway: ${before} of ${RUNS} chunks finished`);
    let wroteTables = true;
    await Deno.stat(join(interrupted, "runs.csv")).catch(() => wroteTables = false);
    ok(!wroteTables, "no tables before the sweep finished");

    const resumed = await sim(["sweep", SWEEP, "--workers", "2", "--out", interrupted]).output();
    const out = new TextDecoder().decode(resumed.stdout);
    strictEqual(resumed.code, 0, new TextDecoder().decode(resumed.stderr));
    const ran = Number(/Ran (\d+) runs?/.exec(out)?.[1]);
    const skipped = Number(/\((\d+) finished earlier, resumed\)/.exec(out)?.[1]);
    strictEqual(skipped, before, out);
    strictEqual(ran + skipped, RUNS, out);
    deepStrictEqual(await differingTables(whole, interrupted), []);
    strictEqual((await chunkFiles(interrupted)).length, RUNS);
    const leftovers = (await Array.fromAsync(Deno.readDir(join(interrupted, "chunks"))))
      .filter((e) => e.name.endsWith(".tmp"));
    deepStrictEqual(leftovers, []);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("resuming with a changed sweep file is refused with a clear message, and nothing is mixed", async () => {
  const root = await Deno.makeTempDir();
  try {
    const file = join(root, "sweep.yaml");
    const text = (await Deno.readTextFile("tests/fixtures/sweeps/tiny-grid.yaml"))
      .replace(
        "base: ../tiny.scenario.json",
        `base: ${Deno.cwd()}/tests/fixtures/tiny.scenario.json`,
      );
    await Deno.writeTextFile(file, text);
    const out = join(root, "out");
    const first = await sim(["sweep", file, "--out", out, "--no-progress"]).output();
    strictEqual(first.code, 0, new TextDecoder().decode(first.stderr));
    const runsBefore = await Deno.readTextFile(join(out, "runs.csv"));
    await Deno.writeTextFile(file, text.replace("replicates: 3", "replicates: 4"));
    const second = await sim(["sweep", file, "--out", out, "--no-progress"]).output();
    strictEqual(second.code, 2);
    const err = new TextDecoder().decode(second.stderr);
    match(err, /holds results of a different experiment/);
    match(err, /Write to a new folder with --out, or delete/);
    strictEqual(await Deno.readTextFile(join(out, "runs.csv")), runsBefore);
    // With progress lines on (not a terminal): the refusal is not preceded by a "done" line.
    const third = await sim(["sweep", file, "--out", out]).output();
    strictEqual(third.code, 2);
    const thirdErr = new TextDecoder().decode(third.stderr);
    match(thirdErr, /holds results of a different experiment/);
    ok(!/runs \(|done/.test(thirdErr), thirdErr);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
