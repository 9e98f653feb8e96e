/**
 * `deno bench` of the weekly loop: one week of the baseline at steady state (year 2, grants
 * running, caseloads full), each mechanism's step on its own, and a whole 10-year replicate.
 * Run with `deno task bench:deno`.
 */
import { createModel, resolveParams, runModel } from "../src/model/mod.ts";

const params = resolveParams({});

function steadyModel() {
  const model = createModel(params, 42);
  for (let week = 0; week < 104; week++) {
    for (const step of model.schedule) step.run(week);
    model.state.flows.fill(0);
  }
  return model;
}

const steady = steadyModel();
Deno.bench("weekly step: every mechanism, baseline at steady state (one week)", {
  group: "week",
  baseline: true,
}, () => {
  for (const step of steady.schedule) step.run(104);
  steady.state.flows.fill(0);
});

for (const step of steadyModel().schedule) {
  const model = steadyModel();
  const own = model.schedule.find((s) => s.name === step.name);
  if (!own) continue;
  Deno.bench(`weekly step: ${own.name} only`, { group: "week" }, () => {
    own.run(104);
    model.state.flows.fill(0);
  });
}

Deno.bench(
  "a whole 10-year baseline replicate (520 weeks, with measurement)",
  { group: "run" },
  () => {
    runModel(createModel(params, 7));
  },
);
