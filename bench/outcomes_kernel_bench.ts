/**
 * `deno bench` of the trust-and-outcomes kernel (`outcomes_kernel.ts`) as the engine's
 * JavaScript and as hand-written WebAssembly, on the families of the 10× baseline in year 2 (the
 * state `mechanisms_bench.ts` times). Each iteration restores that state, outside the timed part,
 * then runs one week. Before timing, it checks that the two kernels give identical bytes over 52
 * weeks. Run with `deno task bench:deno`.
 */
import { loadScenarioFile } from "../src/scenario/mod.ts";
import { createOutcomesKernels, kernelFieldsOf, modelBeforeOutcomes } from "./outcomes_kernel.ts";
import { scaledParams } from "./scale.ts";

const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const params = scaledParams(scenario.params, 10);
const WEEK = 104;
const model = modelBeforeOutcomes(params, scenario.seed, WEEK);
const fields = kernelFieldsOf(model.state, params.staff.caseloadTarget);
const kernels = await createOutcomesKernels(fields);
for (let week = WEEK; week < WEEK + 52; week++) {
  if (kernels.runJs(week) !== kernels.runWasm(week)) throw new Error("kernels count differently");
}
if (!kernels.identical()) throw new Error("the two kernels' fields differ after 52 weeks");

const group = `trust-and-outcomes kernel, ${kernels.families} family slots, one week`;
Deno.bench("JavaScript (the engine's typed arrays)", { group, baseline: true }, (b) => {
  kernels.load(fields);
  b.start();
  kernels.runJs(WEEK);
  b.end();
});
Deno.bench("hand-written WebAssembly (one linear memory)", { group }, (b) => {
  kernels.load(fields);
  b.start();
  kernels.runWasm(WEEK);
  b.end();
});
