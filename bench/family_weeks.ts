/**
 * Family-weeks per second on the bundled baseline, and heap growth inside the weekly loop.
 *
 *   deno task bench:speed [replicates]
 *
 * A family-week is one family (waiting or supported) simulated for one week. The loop is timed
 * over whole replicates after one warm-up replicate; heap growth is measured across 400 weeks
 * of one model after a forced garbage collection (needs --v8-flags=--expose-gc, which the task
 * sets).
 */
// deno-lint-ignore-file no-console -- a benchmark script prints its results
import { replicateSeed } from "../src/core/mod.ts";
import { createModel, M, measure, METRICS, runModel } from "../src/model/mod.ts";
import { loadScenarioFile } from "../src/scenario/mod.ts";

const replicates = Number(Deno.args[0] ?? 20);
const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const gc = (globalThis as { gc?: () => void }).gc;

runModel(createModel(scenario.params, 1)); // warm-up
let familyWeeks = 0;
const t0 = performance.now();
for (let r = 0; r < replicates; r++) {
  const recording = runModel(createModel(scenario.params, replicateSeed(scenario.seed, r)));
  for (const n of recording.columns[M.families_active]) familyWeeks += n;
}
const seconds = (performance.now() - t0) / 1000;

const model = createModel(scenario.params, 99);
const values = new Float64Array(METRICS.length);
const runWeek = (week: number) => {
  for (let s = 0; s < model.schedule.length; s++) model.schedule[s].run(week);
  measure(model.state, values);
};
for (let week = 0; week < 100; week++) runWeek(week);
gc?.();
const before = Deno.memoryUsage().heapUsed;
for (let week = 100; week < 500; week++) runWeek(week);
const growth = Deno.memoryUsage().heapUsed - before;

console.log(`baseline (${scenario.file}), ${replicates} replicates of ${model.weeks} weeks`);
console.log(`  seconds per replicate:       ${(seconds / replicates).toFixed(4)}`);
console.log(`  family-weeks per replicate:  ${Math.round(familyWeeks / replicates)}`);
console.log(
  `  family-weeks per second:     ${Math.round(familyWeeks / seconds).toLocaleString("en-GB")}`,
);
console.log(
  `  heap growth over 400 weeks:  ${growth} bytes${gc ? "" : " (no --expose-gc: not comparable)"}`,
);
