/**
 * `deno bench` of the hot mechanisms one by one, at 10× the baseline's population (about 8,700
 * families, 1,280 posts) in year 2 (grants running, caseloads full). Each iteration restores the
 * same state first, outside the timed part, so every mechanism is timed on the same week rather
 * than on a state its own repeats have worn down. Also: the streaming floor on that state, and
 * one week of the object-per-agent reference for comparison. Run with `deno task bench:deno`.
 */
import { createModel, type ModelState } from "../src/model/mod.ts";
import { loadScenarioFile } from "../src/scenario/mod.ts";
import { streamState } from "./floor.ts";
import { ReferenceModel } from "./reference_oo.ts";
import { coreParams, scaledParams } from "./scale.ts";

const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const params = scaledParams(scenario.params, 10);
const WEEK = 104;

const model = createModel(params, scenario.seed);
for (let week = 0; week < WEEK; week++) {
  for (const step of model.schedule) step.run(week);
  model.state.flows.fill(0);
}
const saved = snapshot(model.state);

/** Copies of every typed array and counter of a state. */
function snapshot(state: ModelState) {
  const arrays: [ArrayBufferView & { set(a: ArrayLike<number>): void }, ArrayLike<number>][] = [];
  const walk = (part: object) => {
    for (const value of Object.values(part)) {
      if (ArrayBuffer.isView(value)) {
        const array = value as unknown as Float64Array;
        arrays.push([array, array.slice()]);
      } else if (value !== null && typeof value === "object") walk(value);
    }
  };
  walk(state);
  const { free, referable } = state.families;
  return {
    arrays,
    count: free.count,
    end: free.end,
    referable: referable.count,
    edges: state.partnerships.count,
  };
}

function restore(state: ModelState): void {
  for (const [array, copy] of saved.arrays) array.set(copy);
  state.families.free.count = saved.count;
  state.families.free.end = saved.end;
  state.families.referable.count = saved.referable;
  state.partnerships.count = saved.edges;
}

const bench = (name: string, run: () => void, baseline = false) =>
  Deno.bench(name, { group: "mechanism, 10x baseline, one week", baseline }, (b) => {
    restore(model.state);
    b.start();
    run();
    b.end();
  });

bench("every mechanism (the whole weekly schedule)", () => {
  for (const step of model.schedule) step.run(WEEK);
}, true);
for (const step of model.schedule) {
  if (step.name === "shocks") continue; // nothing scheduled in the baseline
  bench(`${step.name} only`, () => step.run(WEEK));
}
bench("floor: stream through every family and post field once", () => {
  streamState(model.state, 0);
});

const reference = new ReferenceModel(coreParams(params), scenario.seed);
for (let week = 0; week < WEEK; week++) reference.step(week);
let referenceWeek = WEEK;
Deno.bench("object-per-agent reference, core model, one week", {
  group: "mechanism, 10x baseline, one week",
}, () => {
  reference.step(referenceWeek++);
});
