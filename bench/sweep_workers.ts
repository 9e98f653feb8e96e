/**
 * Runs per second of a sweep with 1 and with 2 workers, side by side in one process: the
 * bundled cycle-by-turnover sweep (20 points × 10 replicates = 200 ten-year baseline runs).
 *
 *   deno task bench:sweep [--json] [--workers 1,2] [--replicates R] [--rounds K]
 *
 * Two figures per worker count: the run phase (first chunk started to last chunk written, what
 * Workers can speed up) and the whole sweep as a user sees it (start-up, every run, building and
 * writing the tables: runs, a 104,000-row time series, summary). Each sweep runs in a fresh
 * process (`--once W`), so every configuration starts cold, as a user's `sim sweep` does; the
 * configurations alternate for `--rounds` rounds (default 3) and the fastest of each is kept
 * (the machines here are noisy).
 */
// deno-lint-ignore-file no-console -- a benchmark script prints its results
import { parseArgs } from "node:util";
import { loadSweepFile, runExperiment } from "../src/experiment/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    json: { type: "boolean" },
    workers: { type: "string", default: "1,2" },
    replicates: { type: "string" },
    rounds: { type: "string", default: "3" },
    once: { type: "string" },
  },
});
const workerCounts = values.workers.split(",").map(Number);
const plan = await loadSweepFile("scenarios/sweeps/cycle-by-turnover.yaml", {
  replicates: values.replicates === undefined ? undefined : Number(values.replicates),
});
const runs = plan.points.length * plan.replicates;

interface Timing {
  readonly runPhaseSeconds: number;
  readonly totalSeconds: number;
}

/** One sweep in this process, as `sim sweep` runs it. */
async function once(workers: number): Promise<Timing> {
  const out = await Deno.makeTempDir({ prefix: "bench-sweep-" });
  try {
    let first = 0;
    let last = 0;
    const t0 = performance.now();
    await runExperiment(plan, {
      out,
      workers,
      shard: null,
      command: [],
      onProgress: ({ done }) => {
        if (done === 0) first = performance.now();
        if (done === runs) last = performance.now();
      },
    });
    const total = (performance.now() - t0) / 1000;
    return { runPhaseSeconds: (last - first) / 1000, totalSeconds: total };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

/** One sweep in a fresh process, so that every configuration starts cold, as a user's does. */
async function inChild(workers: number): Promise<Timing> {
  const args = ["run", "--allow-read", "--allow-write", "--allow-env", import.meta.filename ?? ""];
  if (values.replicates !== undefined) args.push("--replicates", values.replicates);
  args.push("--once", String(workers));
  const output = await new Deno.Command(Deno.execPath(), { args, stderr: "inherit" }).output();
  if (!output.success) throw new Error(`bench:sweep: the ${workers}-worker sweep failed`);
  return JSON.parse(new TextDecoder().decode(output.stdout)) as Timing;
}

if (values.once !== undefined) {
  console.log(JSON.stringify(await once(Number(values.once))));
  Deno.exit(0);
}

const best = new Map<number, Timing>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const workers of workerCounts) {
    const t = await inChild(workers);
    const b = best.get(workers);
    best.set(workers, {
      runPhaseSeconds: Math.min(b?.runPhaseSeconds ?? Infinity, t.runPhaseSeconds),
      totalSeconds: Math.min(b?.totalSeconds ?? Infinity, t.totalSeconds),
    });
  }
}
const base = best.get(workerCounts[0]) as Timing;
const rows = workerCounts.map((workers) => {
  const b = best.get(workers) as Timing;
  return {
    workers,
    runsPerSecond: runs / b.runPhaseSeconds,
    runsPerSecondWhole: runs / b.totalSeconds,
    speedUp: base.runPhaseSeconds / b.runPhaseSeconds,
    speedUpWhole: base.totalSeconds / b.totalSeconds,
  };
});
if (values.json) {
  console.log(
    JSON.stringify({ sweep: plan.name, runs, cores: navigator.hardwareConcurrency, rows }),
  );
} else {
  console.log(
    `sweep ${plan.name}: ${runs} runs of ${
      plan.bases[0].file
    }, ${navigator.hardwareConcurrency} cores`,
  );
  console.log("workers  runs/s (run phase)  speed-up  runs/s (whole sweep)  speed-up");
  for (const r of rows) {
    console.log(
      `${String(r.workers).padStart(7)}  ${r.runsPerSecond.toFixed(1).padStart(18)}  ${
        r.speedUp.toFixed(2).padStart(7)
      }×  ${r.runsPerSecondWhole.toFixed(1).padStart(20)}  ${
        r.speedUpWhole.toFixed(2).padStart(7)
      }×`,
    );
  }
}
