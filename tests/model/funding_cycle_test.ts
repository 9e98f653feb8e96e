import { deepStrictEqual, ok } from "node:assert/strict";
import {
  allocateState,
  FUNDING_DEFAULTS,
  fundingStep,
  isOpen,
  M,
  NO_END,
  PHASE,
  POST,
  startFunding,
  TRANSITION,
} from "../../src/model/mod.ts";
import { createStream } from "../../src/core/mod.ts";
import { constant } from "./_fixtures.ts";

function funded(orgs = 1, posts = 2) {
  const s = allocateState({
    postsPerOrganisation: Array(orgs).fill(posts),
    fundedCount: orgs,
    familyCapacity: 1,
  });
  return s;
}

function fillAll(s: ReturnType<typeof funded>) {
  s.posts.status.fill(POST.filled);
}

Deno.test("startFunding() cuts the first grant to the programme window", () => {
  const s = funded();
  startFunding(s, { ...FUNDING_DEFAULTS, programmeYears: 3, grantLengthYears: 5 }, true);
  deepStrictEqual(s.orgs.grantEndWeek[0], 156);
  deepStrictEqual(s.orgs.weeksToUnsecuredEnd[0], 156);
});

Deno.test("fundingStep() decides renewal decisionNoticeWeeks before the end, not earlier", () => {
  const s = funded();
  const p = {
    ...FUNDING_DEFAULTS,
    programmeYears: 4,
    grantLengthYears: 2,
    decisionNoticeWeeks: 10,
  };
  startFunding(s, p, true);
  for (let w = 0; w < 104 - 10; w++) fundingStep(s, p, constant(0), w);
  deepStrictEqual(s.orgs.decided[0], 0);
  fundingStep(s, p, constant(0), 94);
  deepStrictEqual([s.orgs.decided[0], s.orgs.secured[0]], [1, 1]);
  deepStrictEqual(s.orgs.weeksToUnsecuredEnd[0], NO_END);
});

Deno.test("fundingStep() renews seamlessly without a gap and ends posts in a gap", () => {
  const noGap = funded();
  const p = { ...FUNDING_DEFAULTS, programmeYears: 4, grantLengthYears: 2, gapWeeks: 0 };
  startFunding(noGap, p, true);
  fillAll(noGap);
  for (let w = 0; w <= 104; w++) fundingStep(noGap, p, constant(0), w);
  deepStrictEqual([noGap.orgs.phase[0], noGap.orgs.grantEndWeek[0]], [PHASE.active, 208]);
  deepStrictEqual(noGap.posts.status[0], POST.filled);
  deepStrictEqual(noGap.orgs.keyWorkerLeft[0], 0, "nobody left");

  const gap = funded();
  const pg = { ...p, gapWeeks: 13 };
  startFunding(gap, pg, true);
  fillAll(gap);
  for (let w = 0; w < 104; w++) fundingStep(gap, pg, constant(0), w);
  fundingStep(gap, pg, constant(0), 104);
  deepStrictEqual(gap.orgs.phase[0], PHASE.gap);
  deepStrictEqual(gap.orgs.transition[0], TRANSITION.enteredGap);
  deepStrictEqual(gap.posts.status[0], POST.ended);
  deepStrictEqual(gap.flows[M.posts_ended], 2);
  deepStrictEqual(
    [gap.posts.holder[0], gap.orgs.keyWorkerLeft[0]],
    [1, 1],
    "the key workers left with their posts: the caseload step will look at their families",
  );
  for (let w = 105; w <= 117; w++) fundingStep(gap, pg, constant(0), w);
  deepStrictEqual(gap.orgs.phase[0], PHASE.active);
  deepStrictEqual(gap.posts.status[0], POST.vacant);
  deepStrictEqual(gap.orgs.grantEndWeek[0], 208, "the second grant is cut to the window");
});

Deno.test("fundingStep() closes an unrenewed grant and its posts", () => {
  const s = funded();
  const p = { ...FUNDING_DEFAULTS, programmeYears: 4, grantLengthYears: 2 };
  startFunding(s, p, true);
  fillAll(s);
  for (let w = 0; w <= 104; w++) fundingStep(s, p, constant(0.99), w);
  deepStrictEqual([s.orgs.phase[0], s.orgs.transition[0]], [PHASE.closed, TRANSITION.closed]);
  deepStrictEqual(Array.from(s.posts.status), [POST.ended, POST.ended]);
  ok(!isOpen(s, p, 0));
});

Deno.test("fundingStep() extends about extensionShare of grants by extensionYears, seamlessly", () => {
  const orgs = 3000;
  const s = funded(orgs, 1);
  startFunding(s, FUNDING_DEFAULTS, true);
  fillAll(s);
  const random = createStream(11, "test.extension");
  for (let w = 0; w <= 260; w++) fundingStep(s, FUNDING_DEFAULTS, random, w);
  let extended = 0;
  for (let o = 0; o < orgs; o++) {
    if (s.orgs.phase[o] === PHASE.active) {
      extended++;
      deepStrictEqual(s.orgs.grantEndWeek[o], 364);
    }
  }
  // Binomial(3000, 1/3): standard error sqrt(p(1 − p)/n) ≈ 0.0086; allow 4 of them.
  ok(Math.abs(extended / orgs - 1 / 3) < 4 * 0.0086, `extended share ${extended / orgs}`);
});

Deno.test("fundingStep() never ends a grant when M1 is switched off, nor a statutory partner's", () => {
  const off = funded();
  startFunding(off, FUNDING_DEFAULTS, false);
  const statutory = allocateState({ postsPerOrganisation: [1], fundedCount: 0, familyCapacity: 1 });
  startFunding(statutory, FUNDING_DEFAULTS, true);
  for (let w = 0; w < 520; w++) {
    fundingStep(off, FUNDING_DEFAULTS, constant(0.99), w);
    fundingStep(statutory, FUNDING_DEFAULTS, constant(0.99), w);
  }
  deepStrictEqual([off.orgs.phase[0], statutory.orgs.phase[0]], [PHASE.active, PHASE.active]);
  deepStrictEqual(off.orgs.weeksToUnsecuredEnd[0], NO_END);
});

Deno.test("isOpen() stops intake intakeStopWeeks before an unsecured end", () => {
  const s = funded();
  const p = { ...FUNDING_DEFAULTS, intakeStopWeeks: 13 };
  startFunding(s, p, true);
  for (let w = 0; w <= 247; w++) fundingStep(s, p, constant(0.99), w);
  ok(!isOpen(s, p, 0), "13 weeks before an unrenewed end");
  const q = funded();
  startFunding(q, p, true);
  for (let w = 0; w <= 246; w++) fundingStep(q, p, constant(0.99), w);
  ok(isOpen(q, p, 0), "14 weeks before the end");
});

Deno.test("fundingStep() funds no stub: a renewal must run half a grant inside the window", () => {
  const s = funded();
  // Two-year grants with 13-week gaps in a seven-year window end at weeks 104, 221 and 338; a
  // fourth would run only 13 weeks (351–364), less than half a grant, so it is not offered.
  const p = {
    ...FUNDING_DEFAULTS,
    programmeYears: 7,
    grantLengthYears: 2,
    gapWeeks: 13,
    extensionShare: 0,
  };
  startFunding(s, p, true);
  let endedAt = -1;
  for (let w = 0; w < 364 && endedAt < 0; w++) {
    fundingStep(s, p, constant(0), w);
    if (s.orgs.phase[0] === PHASE.closed) endedAt = w;
  }
  deepStrictEqual(endedAt, 338);
});
