import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  createStream,
  drawBlock,
  geometricWeeks,
  uniformBlock,
  weeklyHazard,
} from "../../src/core/mod.ts";
import {
  allocateState,
  FUNDING_DEFAULTS,
  leavingHazard,
  M,
  POST,
  STAFF_DEFAULTS,
  staffStep,
  startFunding,
} from "../../src/model/mod.ts";
import { constant } from "./_fixtures.ts";

/** A block that hands out one number forever. */
function block(value: number) {
  return drawBlock((values) => values.fill(value), 1);
}

function posts(count: number) {
  const s = allocateState({ postsPerOrganisation: [count], fundedCount: 1, familyCapacity: 1 });
  startFunding(s, { ...FUNDING_DEFAULTS, programmeYears: 50, grantLengthYears: 50 }, true);
  return s;
}
const longGrant = { ...FUNDING_DEFAULTS, programmeYears: 50, grantLengthYears: 50 };

Deno.test("leavingHazard() is the weekly hazard of the annual turnover when secure and not overloaded", () => {
  deepStrictEqual(leavingHazard(STAFF_DEFAULTS, 1000, 12), weeklyHazard(0.2));
});

Deno.test("leavingHazard() reaches endLeaverMultiplier at an unsecured end and rises with overload", () => {
  const h0 = weeklyHazard(STAFF_DEFAULTS.turnoverPerYear);
  ok(Math.abs(leavingHazard(STAFF_DEFAULTS, 0, 12) - 4 * h0) < 1e-15);
  ok(Math.abs(leavingHazard(STAFF_DEFAULTS, 13, 12) - 2.5 * h0) < 1e-15, "half way: 1 + 3/2");
  ok(Math.abs(leavingHazard(STAFF_DEFAULTS, 1000, 18) - 1.5 * h0) < 1e-15, "caseload 50% over");
});

Deno.test("leavingHazard() given h₀ is the same number as leavingHazard() working it out", () => {
  const h0 = weeklyHazard(STAFF_DEFAULTS.turnoverPerYear);
  for (const [weeks, caseload] of [[0, 12], [13, 12], [1000, 18], [5, 30], [1000, 0]]) {
    strictEqual(
      leavingHazard(STAFF_DEFAULTS, weeks, caseload, h0),
      leavingHazard(STAFF_DEFAULTS, weeks, caseload),
    );
  }
  strictEqual(leavingHazard(STAFF_DEFAULTS, 1000, 12, 0.5), 0.5, "h₀ given is the h₀ used");
});

Deno.test("staffStep() loses about the weekly hazard's share of key workers each week", () => {
  const n = 20_000;
  const s = posts(n);
  s.posts.status.fill(POST.filled);
  s.posts.learning.fill(1);
  const p = { ...STAFF_DEFAULTS, turnoverPerYear: 0.3 };
  const streams = {
    leave: createStream(3, "test.leave"),
    vacancy: uniformBlock(createStream(3, "test.vacancy"), 64),
    capability: block(0.6),
  };
  staffStep(s, p, longGrant, streams, true);
  const h = weeklyHazard(0.3);
  // Binomial(n, h): standard error sqrt(h(1 − h)/n) ≈ 0.00057; allow 4 of them.
  const share = s.flows[M.staff_leavers] / n;
  ok(Math.abs(share - h) < 4 * Math.sqrt(h * (1 - h) / n), `share ${share} vs ${h}`);
  const left = s.posts.holder.reduce((sum, holder) => sum + holder, 0);
  deepStrictEqual(left, s.flows[M.staff_leavers], "each leaver moves its post's holder count on");
  deepStrictEqual(s.orgs.keyWorkerLeft[0], 1, "and marks the organisation for the caseload step");
});

Deno.test("staffStep() fills a vacancy after vacancyWeeks on average, with a new learner", () => {
  const n = 5_000;
  const s = posts(n);
  s.posts.status.fill(POST.vacant);
  s.posts.vacancyWeeksLeft.fill(-1);
  const streams = {
    leave: constant(0.99),
    vacancy: uniformBlock(createStream(5, "test.vacancy"), 64),
    capability: block(0.7),
  };
  let weeks = 0;
  let filledWeeks = 0;
  while (s.flows[M.staff_hired] < n && weeks < 500) {
    const before = s.flows[M.staff_hired];
    staffStep(s, STAFF_DEFAULTS, longGrant, streams, true);
    weeks++;
    filledWeeks += (s.flows[M.staff_hired] - before) * weeks;
  }
  // Geometric with mean 10 weeks: sd ≈ 9.5, standard error of the mean ≈ 0.13; allow 4 of them.
  const meanWeeks = filledWeeks / n;
  ok(Math.abs(meanWeeks - 10) < 0.55, `mean weeks to fill ${meanWeeks}`);
  for (let post = 0; post < n; post++) {
    const expected = Math.min(1, 0.4 + s.posts.tenureWeeks[post] * 0.6 / 26);
    ok(Math.abs(s.posts.learning[post] - expected) < 1e-5, "learning starts at learningStart");
    deepStrictEqual(s.posts.capability[post], Math.fround(0.7));
  }
});

Deno.test("staffStep() brings a new key worker to full learning after learningWeeks", () => {
  const s = posts(1);
  s.posts.status[0] = POST.filled;
  s.posts.learning[0] = STAFF_DEFAULTS.learningStart;
  const streams = { leave: constant(0.99), vacancy: block(0.5), capability: block(0.6) };
  for (let w = 0; w < 25; w++) staffStep(s, STAFF_DEFAULTS, longGrant, streams, true);
  ok(s.posts.learning[0] < 1);
  staffStep(s, STAFF_DEFAULTS, longGrant, streams, true);
  ok(Math.abs(s.posts.learning[0] - 1) < 1e-6);
});

Deno.test("staffStep() does not recruit in the final intakeStopWeeks of an unsecured grant", () => {
  const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
  startFunding(s, FUNDING_DEFAULTS, true);
  s.orgs.weeksToUnsecuredEnd[0] = 5;
  s.posts.status[0] = POST.vacant;
  s.posts.vacancyWeeksLeft[0] = 1;
  staffStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, {
    leave: constant(0.5),
    vacancy: block(0),
    capability: block(0.5),
  }, true);
  deepStrictEqual(s.posts.status[0], POST.vacant);
});

Deno.test("staffStep() with M2 switched off: nobody leaves, vacancies fill at once with average, experienced workers", () => {
  const s = posts(2);
  s.posts.status[0] = POST.filled;
  s.posts.learning[0] = 1;
  s.posts.status[1] = POST.vacant;
  s.posts.vacancyWeeksLeft[1] = -1;
  const streams = { leave: constant(0), vacancy: block(0.99), capability: block(0.99) };
  staffStep(s, STAFF_DEFAULTS, longGrant, streams, false);
  deepStrictEqual(Array.from(s.posts.status), [POST.filled, POST.filled]);
  deepStrictEqual([s.flows[M.staff_leavers], s.posts.capability[1], s.posts.learning[1]], [
    0,
    Math.fround(0.6),
    1,
  ]);
});

Deno.test("staffStep() sets a vacancy's weeks exactly as geometricWeeks() would from the same uniform", () => {
  const uniforms = [0, 1e-9, 0.05, 0.1, 0.5, 0.9, 0.999, 1 - 2 ** -53];
  for (const vacancyWeeks of [1, 2.5, 10, 26]) {
    const s = posts(uniforms.length);
    s.posts.status.fill(POST.vacant);
    s.posts.vacancyWeeksLeft.fill(-1);
    let i = 0;
    const vacancy = drawBlock(
      (values) => values.forEach((_, k) => values[k] = uniforms[i++ % uniforms.length]),
      3,
    );
    staffStep(s, { ...STAFF_DEFAULTS, vacancyWeeks }, longGrant, {
      leave: constant(0.99),
      vacancy,
      capability: block(0.5),
    }, true);
    uniforms.forEach((u, post) => {
      const weeks = geometricWeeks(() => u, vacancyWeeks);
      // The step counts the first week down at once; a one-week vacancy is filled this week.
      const expected = weeks === 1 ? [POST.filled, 0] : [POST.vacant, weeks - 1];
      deepStrictEqual(
        [s.posts.status[post], s.posts.vacancyWeeksLeft[post]],
        expected,
        `u = ${u}, mean ${vacancyWeeks}`,
      );
    });
  }
});
