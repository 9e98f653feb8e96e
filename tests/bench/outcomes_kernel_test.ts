/**
 * The trust-and-outcomes kernel of the benchmark (`bench/outcomes_kernel.ts`): its JavaScript and
 * WebAssembly versions give identical bytes, and the JavaScript one computes what the engine's
 * `outcomesStep` does, so that the benchmark's comparison of the two is about the same work.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { FAMILY, OUTCOME_DEFAULTS, outcomesStep, TRUST_DEFAULTS } from "../../src/model/mod.ts";
import { loadScenarioFile } from "../../src/scenario/mod.ts";
import {
  createOutcomesKernels,
  kernelFieldsOf,
  modelBeforeOutcomes,
} from "../../bench/outcomes_kernel.ts";

const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const WEEK = 104;

Deno.test("the JavaScript and WebAssembly kernels give identical bytes over a year", async () => {
  const model = modelBeforeOutcomes(scenario.params, scenario.seed, WEEK);
  const fields = kernelFieldsOf(model.state, scenario.params.staff.caseloadTarget);
  const kernels = await createOutcomesKernels(fields);
  ok(kernels.identical(), "both start from the same state");
  let leaving = 0;
  for (let week = WEEK; week < WEEK + 52; week++) {
    const js = kernels.runJs(week);
    strictEqual(kernels.runWasm(week), js, `families leaving in week ${week}`);
    leaving += js;
  }
  ok(leaving > 0, "some families complete or reach the end of the programme");
  ok(kernels.identical());
  // The comparison itself can fail: one trust value nudged by a unit in the last place.
  kernels.wasm.trust[1] = kernels.wasm.trust[1] * (1 + 2 ** -23);
  ok(!kernels.identical());
});

Deno.test("the JavaScript kernel computes what outcomesStep computes for the families it keeps", async () => {
  const model = modelBeforeOutcomes(scenario.params, scenario.seed, WEEK);
  const state = model.state;
  const caseloadTarget = scenario.params.staff.caseloadTarget;
  const kernels = await createOutcomesKernels(kernelFieldsOf(state, caseloadTarget));
  const caseloadBefore = state.posts.caseload.slice();
  const statusBefore = state.families.status.slice();
  outcomesStep(state, OUTCOME_DEFAULTS, caseloadTarget, WEEK, true, TRUST_DEFAULTS, true);
  kernels.runJs(WEEK);
  // A family leaving frees its key worker's time for the families after it in the engine's pass;
  // the kernel leaves nobody, so families of a key worker who lost one are compared no further.
  const fam = state.families;
  const js = kernels.js;
  let compared = 0;
  for (let f = 0; f < kernels.families; f++) {
    if (statusBefore[f] === FAMILY.empty || fam.status[f] === FAMILY.empty) continue;
    const w = fam.keyWorker[f];
    if (statusBefore[f] === FAMILY.supported && state.posts.caseload[w] !== caseloadBefore[w]) {
      continue;
    }
    deepStrictEqual(
      [fam.trust[f], fam.severity[f], fam.achieved[f], ...fam.progress.subarray(3 * f, 3 * f + 3)],
      [js.trust[f], js.severity[f], js.achieved[f], ...js.progress.subarray(3 * f, 3 * f + 3)],
      `family slot ${f}`,
    );
    compared++;
  }
  ok(compared > 0.8 * kernels.families, `${compared} of ${kernels.families} slots compared`);
});
