import { createModel, runModel } from "../src/model/mod.ts";
import { loadScenarioFile } from "../src/scenario/mod.ts";
import { scaledParams } from "./scale.ts";
import { timeEngine } from "./timing.ts";
const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const base = scenario.params;
for (let i = 0; i < 3; i++) runModel(createModel(base, i));
for (const [factor, reps] of [[1, 10], [10, 1], [100, 1], [100, 1], [1, 10]]) {
  const p = scaledParams(base, factor);
  let fw = 0, s = 0;
  for (let r = 0; r < reps; r++) { const e = timeEngine(p, scenario.seed + r); fw += e.familyWeeks; s += e.loopSeconds; }
  console.log(factor, (fw / s / 1e6).toFixed(2));
}
