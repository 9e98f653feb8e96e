import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { column, createStream, type RandomStream } from "../../src/core/mod.ts";
import {
  allocateState,
  ambassadorEffect,
  createModel,
  type ModelState,
  PARENT_DEFAULTS,
  parentsStep,
  resolveParams,
  runModel,
} from "../../src/model/mod.ts";
import { constant } from "./_fixtures.ts";

/** Organisations with the given numbers of posts, the first funded. */
function organisations(...posts: number[]): ModelState {
  return allocateState({ postsPerOrganisation: posts, fundedCount: 1, familyCapacity: 1 });
}

Deno.test("parentsStep() makes a completing family an ambassador when its draw is below ambassadorShare", () => {
  const s = organisations(2, 4);
  s.orgs.completedThisWeek[0] = 3;
  s.orgs.completedThisWeek[1] = 2;
  parentsStep(s, PARENT_DEFAULTS, { join: constant(0.05), retire: constant(0.5) }, true);
  deepStrictEqual(Array.from(s.orgs.ambassadors), [0, 0], "0.05 ≥ ambassadorShare");
  s.orgs.completedThisWeek[0] = 3;
  s.orgs.completedThisWeek[1] = 2;
  parentsStep(s, PARENT_DEFAULTS, { join: constant(0.05 - 1e-9), retire: constant(0.5) }, true);
  deepStrictEqual(Array.from(s.orgs.ambassadors), [3, 2], "each organisation counts its own");
});

Deno.test("parentsStep() turns about ambassadorShare of completing families into ambassadors", () => {
  const n = 20_000;
  const s = organisations(2);
  s.orgs.completedThisWeek[0] = n;
  parentsStep(
    s,
    PARENT_DEFAULTS,
    { join: createStream(1, "test.join"), retire: constant(0.5) },
    true,
  );
  const p = PARENT_DEFAULTS.ambassadorShare;
  // Binomial(20 000, 0.05): mean 1000, standard deviation sqrt(n p (1 − p)) ≈ 30.8; allow 4.
  const made = s.orgs.ambassadors[0];
  ok(Math.abs(made - n * p) < 4 * Math.sqrt(n * p * (1 - p)), `${made} vs ${n * p}`);
});

Deno.test("parentsStep() retires an ambassador when its draw is below 1 / ambassadorWeeks", () => {
  const s = organisations(2);
  const retire = 1 / PARENT_DEFAULTS.ambassadorWeeks;
  s.orgs.ambassadors[0] = 5;
  parentsStep(s, PARENT_DEFAULTS, { join: constant(0.5), retire: constant(retire) }, true);
  strictEqual(s.orgs.ambassadors[0], 5);
  parentsStep(s, PARENT_DEFAULTS, { join: constant(0.5), retire: constant(retire - 1e-9) }, true);
  strictEqual(s.orgs.ambassadors[0], 0);
});

Deno.test("parentsStep() retires about 1 / ambassadorWeeks of ambassadors a week", () => {
  const n = 50_000;
  const s = organisations(2);
  s.orgs.ambassadors[0] = n;
  parentsStep(
    s,
    PARENT_DEFAULTS,
    { join: constant(0.5), retire: createStream(2, "test.retire") },
    true,
  );
  const p = 1 / PARENT_DEFAULTS.ambassadorWeeks;
  // Binomial(50 000, 1/104): mean 480.8, standard deviation ≈ 21.8; allow 4.
  const retired = n - s.orgs.ambassadors[0];
  ok(Math.abs(retired - n * p) < 4 * Math.sqrt(n * p * (1 - p)), `${retired} vs ${n * p}`);
});

Deno.test("parentsStep() keeps an ambassador active for ambassadorWeeks on average", () => {
  const n = 4000;
  const s = organisations(2);
  s.orgs.ambassadors[0] = n; // all joined this week
  const retire = createStream(3, "test.retire");
  const streams = { join: constant(0.5), retire };
  // Each ambassador is active this week and in every week until the one whose retire draw is
  // below 1/W: a geometric number of weeks with mean W = 104 and standard deviation
  // sqrt(1 − 1/W) · W ≈ 103.5. The mean over 4000 has standard error ≈ 1.64; allow 4.
  let ambassadorWeeks = n;
  let weeks = 0;
  while (s.orgs.ambassadors[0] > 0 && weeks < 10_000) {
    parentsStep(s, PARENT_DEFAULTS, streams, true);
    ambassadorWeeks += s.orgs.ambassadors[0];
    weeks++;
  }
  const mean = ambassadorWeeks / n;
  const w = PARENT_DEFAULTS.ambassadorWeeks;
  ok(Math.abs(mean - w) < 4 * Math.sqrt(1 - 1 / w) * w / Math.sqrt(n), `mean ${mean} weeks`);
});

Deno.test("parentsStep() does not retire an ambassador in the week it joins", () => {
  const s = organisations(2);
  s.orgs.completedThisWeek[0] = 4;
  parentsStep(s, PARENT_DEFAULTS, { join: constant(0), retire: constant(0) }, true);
  strictEqual(s.orgs.ambassadors[0], 4);
});

Deno.test("parentsStep() resets completedThisWeek, with M8 on or off", () => {
  for (const enabled of [true, false]) {
    const s = organisations(2, 3);
    s.orgs.completedThisWeek[0] = 7;
    s.orgs.completedThisWeek[1] = 2;
    parentsStep(s, PARENT_DEFAULTS, { join: constant(0.99), retire: constant(0.99) }, enabled);
    deepStrictEqual(Array.from(s.orgs.completedThisWeek), [0, 0], `enabled ${enabled}`);
  }
});

Deno.test("parentsStep() with M8 switched off makes no ambassadors and draws nothing", () => {
  const s = organisations(2);
  let drawn = 0;
  const counting: RandomStream = () => {
    drawn++;
    return 0;
  };
  for (let w = 0; w < 10; w++) {
    s.orgs.completedThisWeek[0] = 5;
    parentsStep(s, PARENT_DEFAULTS, { join: counting, retire: counting }, false);
  }
  deepStrictEqual([s.orgs.ambassadors[0], drawn], [0, 0]);
});

Deno.test("ambassadorEffect() is min(1, ambassadors / (posts · saturationPerPost))", () => {
  const s = organisations(2, 5);
  const effect = (org: number, ambassadors: number) => {
    s.orgs.ambassadors[org] = ambassadors;
    return ambassadorEffect(s, PARENT_DEFAULTS, org);
  };
  // Organisation 0: 2 posts · 3 per post = 6 at saturation; organisation 1: 15.
  deepStrictEqual([effect(0, 0), effect(0, 3), effect(0, 6), effect(0, 12)], [0, 0.5, 1, 1]);
  deepStrictEqual([effect(1, 3), effect(1, 15), effect(1, 16)], [0.2, 1, 1]);
  strictEqual(ambassadorEffect(s, { ...PARENT_DEFAULTS, saturationPerPost: 1 }, 0), 1);
  s.orgs.ambassadors[0] = 1;
  strictEqual(ambassadorEffect(s, { ...PARENT_DEFAULTS, saturationPerPost: 1 }, 0), 0.5);
});

Deno.test("runModel() has parent ambassadors with M8 on, none with it off", () => {
  const run = (parentsAsPartners: boolean) =>
    runModel(createModel(resolveParams({ horizonYears: 3, mechanisms: { parentsAsPartners } }), 7));
  const on = run(true);
  const off = run(false);
  ok(column(on, "families_completed").reduce((a, b) => a + b, 0) > 0);
  ok(column(on, "ambassadors_active")[155] > 0);
  ok(column(off, "ambassadors_active").every((x) => x === 0));
});
