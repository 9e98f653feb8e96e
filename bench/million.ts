/**
 * One long run in its own process, so that its time and peak memory are its own: the baseline
 * at `factor` times its population for ten years (the suite picks the factor that gives a
 * million families active on average). Prints one JSON object.
 *
 *   deno run --allow-read bench/million.ts <factor>
 *
 * @module
 */
// deno-lint-ignore-file no-console -- a benchmark script prints its results
import { createModel, M, runModel } from "../src/model/mod.ts";
import { loadScenarioFile } from "../src/scenario/mod.ts";
import { peakRssMb, sampleRss } from "./peak_memory.ts";
import { scaledParams } from "./scale.ts";

const factor = Number(Deno.args[0] ?? 1156);
const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const params = scaledParams(scenario.params, factor);
const t0 = performance.now();
const model = createModel(params, scenario.seed);
const t1 = performance.now();
const recording = runModel(model, (week) => {
  if (week % 13 === 0) sampleRss();
});
const t2 = performance.now();
let familyWeeks = 0;
for (const n of recording.columns[M.families_active]) familyWeeks += n;
console.log(JSON.stringify({
  factor,
  weeks: model.weeks,
  familySlots: model.state.families.capacity,
  meanFamilies: familyWeeks / model.weeks,
  familyWeeks,
  setupSeconds: (t1 - t0) / 1000,
  loopSeconds: (t2 - t1) / 1000,
  seconds: (t2 - t0) / 1000,
  peakRssMb: peakRssMb(),
}));
