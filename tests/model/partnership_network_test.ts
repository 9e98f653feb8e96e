import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { column, createStream } from "../../src/core/mod.ts";
import {
  addPartnership,
  allocateState,
  createModel,
  DEEP_STRENGTH,
  depthOf,
  KNOWN_CAPACITY,
  LEVEL,
  type ModelState,
  PARTNER_CAPACITY,
  PARTNERSHIP_DEFAULTS,
  partnershipBetween,
  partnershipStep,
  PHASE,
  POST,
  resolveParams,
  runModel,
  setupPartnerships,
  WORKING_STRENGTH,
} from "../../src/model/mod.ts";
import { constant } from "./_fixtures.ts";

const close = (a: number, b: number, tolerance = 1e-6) => Math.abs(a - b) < tolerance;

/**
 * `count` organisations (the first `funded` of them funded), `posts` posts each, all running with
 * every post filled, and room for 64 partnerships.
 */
function organisations(count = 2, posts = 1, funded = count): ModelState {
  const s = allocateState({
    postsPerOrganisation: new Array(count).fill(posts),
    fundedCount: funded,
    familyCapacity: 1,
    partnershipCapacity: 64,
  });
  s.orgs.phase.fill(PHASE.active);
  s.posts.status.fill(POST.filled);
  return s;
}

/** A partnership's starting values: delivery level only, no agreement, full shared goal. */
const start = (
  strength: number,
  effort: number,
  more: { levels?: number; formal?: number; sharedGoal?: number } = {},
) => ({
  effort,
  strength,
  levels: more.levels ?? LEVEL.delivery,
  formal: more.formal ?? 0,
  informal: 0,
  sharedGoal: more.sharedGoal ?? 1,
});

// ── depthOf, addPartnership, partnershipBetween ───────────────────────────────────────────────

Deno.test("depthOf() splits strength at WORKING_STRENGTH and DEEP_STRENGTH", () => {
  deepStrictEqual([WORKING_STRENGTH, DEEP_STRENGTH], [0.3, 0.65]);
  deepStrictEqual(
    [depthOf(0), depthOf(0.2999), depthOf(0.3), depthOf(0.6499), depthOf(0.65), depthOf(1)],
    [0, 0, 1, 1, 2, 2],
  );
});

Deno.test("addPartnership() links both sides and partnershipBetween() finds it either way round", () => {
  const s = organisations(3);
  const e = addPartnership(s, 0, 2, start(0.45, 0.5, { formal: 1, sharedGoal: 0.7 }));
  strictEqual(e, 0);
  strictEqual(s.partnerships.count, 1);
  deepStrictEqual([s.orgs.degree[0], s.orgs.degree[1], s.orgs.degree[2]], [1, 0, 1]);
  deepStrictEqual([s.orgs.partnerEdges[0], s.orgs.partnerEdges[2 * PARTNER_CAPACITY]], [e, e]);
  deepStrictEqual([s.partnerships.a[e], s.partnerships.b[e], s.partnerships.holder[e]], [0, 2, -1]);
  deepStrictEqual([s.partnerships.formal[e], s.partnerships.informal[e]], [1, 0]);
  ok(close(s.partnerships.sharedGoal[e], 0.7));
  deepStrictEqual(
    [partnershipBetween(s, 0, 2), partnershipBetween(s, 2, 0), partnershipBetween(s, 0, 1)],
    [e, e, -1],
  );
});

Deno.test("addPartnership() refuses duplicates (either way round) and a partnership with oneself", () => {
  const s = organisations(2);
  strictEqual(addPartnership(s, 0, 1, start(0.45, 0.5)), 0);
  strictEqual(addPartnership(s, 0, 1, start(0.8, 0.9)), -1);
  strictEqual(addPartnership(s, 1, 0, start(0.8, 0.9)), -1);
  strictEqual(addPartnership(s, 1, 1, start(0.8, 0.9)), -1);
  deepStrictEqual([s.partnerships.count, s.orgs.degree[0], s.orgs.degree[1]], [1, 1, 1]);
  ok(close(s.partnerships.strength[0], 0.45), "the first partnership is not overwritten");
});

Deno.test("addPartnership() refuses a partner whose degree is full, and when the edge list is full", () => {
  const n = PARTNER_CAPACITY + 2;
  const s = allocateState({
    postsPerOrganisation: new Array(n).fill(1),
    fundedCount: n,
    familyCapacity: 1,
    partnershipCapacity: 2 * PARTNER_CAPACITY,
  });
  for (let b = 1; b <= PARTNER_CAPACITY; b++) ok(addPartnership(s, 0, b, start(0.1, 0.05)) >= 0);
  strictEqual(s.orgs.degree[0], PARTNER_CAPACITY);
  strictEqual(addPartnership(s, 0, n - 1, start(0.1, 0.05)), -1, "side a full");
  strictEqual(addPartnership(s, n - 1, 0, start(0.1, 0.05)), -1, "side b full");
  deepStrictEqual([s.partnerships.count, s.orgs.degree[n - 1]], [PARTNER_CAPACITY, 0]);

  const small = allocateState({
    postsPerOrganisation: [1, 1, 1],
    fundedCount: 3,
    familyCapacity: 1,
    partnershipCapacity: 1,
  });
  strictEqual(addPartnership(small, 0, 1, start(0.1, 0.05)), 0);
  strictEqual(addPartnership(small, 1, 2, start(0.1, 0.05)), -1, "no room for a second edge");
  deepStrictEqual([small.partnerships.count, small.orgs.degree[2]], [1, 0]);
});

Deno.test("addPartnership() teaches both sides of a working partnership; one on paper teaches nothing", () => {
  const s = organisations(4);
  addPartnership(s, 0, 1, start(0.45, 0.5));
  deepStrictEqual([s.orgs.knownCount[0], s.orgs.knownCount[1]], [1, 1]);
  deepStrictEqual([s.orgs.known[0], s.orgs.known[KNOWN_CAPACITY]], [1, 0]);
  addPartnership(s, 2, 3, start(0.2, 0.05));
  deepStrictEqual([s.orgs.knownCount[2], s.orgs.knownCount[3]], [0, 0]);
});

// ── partnershipStep: strength ─────────────────────────────────────────────────────────────────

Deno.test("partnershipStep() moves strength by g·e·goal·(0.5 + 0.5·m)·(1 − s) − d·(1 − e)·s in one week", () => {
  const s = organisations(2);
  const e = addPartnership(s, 0, 1, start(0.4, 0.6, { sharedGoal: 0.7 }));
  s.partnerships.flowAB[e] = 3;
  s.partnerships.flowBA[e] = 1;
  partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
  // Inputs as the Float32 arrays hold them; m = min/max of the flows = 1/3.
  const [s0, e0, goal] = [0.4, 0.6, 0.7].map(Math.fround);
  const { growthPerWeek: g, decayPerWeek: d } = PARTNERSHIP_DEFAULTS;
  const expected = s0 + g * e0 * goal * (0.5 + 0.5 / 3) * (1 - s0) - d * (1 - e0) * s0;
  ok(
    close(s.partnerships.strength[e], expected, 1e-7),
    `${s.partnerships.strength[e]} vs ${expected}`,
  );
  // The flows decay by 5% a week.
  ok(close(s.partnerships.flowAB[e], 2.85) && close(s.partnerships.flowBA[e], 0.95));
});

Deno.test("partnershipStep() grows strength towards 1 with effort and a shared goal, faster with a stronger goal", () => {
  const s = organisations(3);
  const strong = addPartnership(s, 0, 1, start(0.4, 1, { sharedGoal: 1 }));
  const weak = addPartnership(s, 0, 2, start(0.4, 1, { sharedGoal: 0.5 }));
  let last = 0.4;
  for (let w = 0; w < 52; w++) {
    partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
    ok(s.partnerships.strength[strong] > last, `week ${w}: strength still rising`);
    last = s.partnerships.strength[strong];
  }
  ok(s.partnerships.strength[strong] > s.partnerships.strength[weak]);
  ok(s.partnerships.strength[weak] > Math.fround(0.4));
  for (let w = 0; w < 2000; w++) partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
  // Full effort, no flows: the gap to 1 shrinks by g · 0.5 = 1.5% a week, to ~0 in 2000 weeks.
  ok(s.partnerships.strength[strong] > 0.999 && s.partnerships.strength[strong] <= 1);
});

Deno.test("partnershipStep() decays strength by decayPerWeek a week without effort", () => {
  const s = organisations(2);
  const e = addPartnership(s, 0, 1, start(0.8, 0));
  for (let w = 0; w < 52; w++) partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
  // s ← s − d · s with d = 0.02: 0.8 · 0.98^52; float32 rounding over 52 steps is far below 1e-5.
  ok(close(s.partnerships.strength[e], 0.8 * 0.98 ** 52, 1e-5), `${s.partnerships.strength[e]}`);
});

Deno.test("partnershipStep() grows a partnership with two-way referral flows faster than a one-way one", () => {
  const s = organisations(4);
  const twoWay = addPartnership(s, 0, 1, start(0.4, 1));
  const oneWay = addPartnership(s, 0, 2, start(0.4, 1));
  const none = addPartnership(s, 0, 3, start(0.4, 1));
  const p = s.partnerships;
  p.flowAB[twoWay] = 2;
  p.flowBA[twoWay] = 2;
  p.flowAB[oneWay] = 4;
  partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
  const s0 = Math.fround(0.4);
  const gain = (e: number) => p.strength[e] - s0;
  // Full effort (no decay): gain = g · (0.5 + 0.5 · m) · (1 − s), m = 1 two-way, 0 one-way.
  ok(close(gain(twoWay), 0.03 * (1 - s0)), `${gain(twoWay)}`);
  ok(close(gain(oneWay), 0.03 * 0.5 * (1 - s0)), `${gain(oneWay)}`);
  ok(close(gain(none), gain(oneWay)), "one way counts no more than no flows at all");
});

// ── partnershipStep: holders ──────────────────────────────────────────────────────────────────

Deno.test("partnershipStep() keeps keptOnHolderLoss of strength when the holder leaves, more with an agreement and more levels", () => {
  const params = { ...PARTNERSHIP_DEFAULTS, growthPerWeek: 0, decayPerWeek: 0 };
  const { delivery, management, board } = LEVEL;
  const cases: [levels: number, formal: number, kept: number][] = [
    [delivery, 0, 0.5],
    [delivery, 1, 0.5 + 0.2],
    [delivery | management, 0, 0.5 + 0.1],
    [delivery | management | board, 0, 0.5 + 0.2],
    [delivery | management | board, 1, 0.5 + 0.2 + 0.2],
  ];
  for (const [levels, formal, kept] of cases) {
    const s = organisations(2);
    const e = addPartnership(s, 0, 1, start(0.8, 0.5, { levels, formal }));
    partnershipStep(s, params, true);
    deepStrictEqual([s.partnerships.holder[e], s.partnerships.holderGeneration[e]], [0, 0]);
    ok(close(s.partnerships.strength[e], 0.8), "taking on a first holder costs nothing");
    s.posts.holder[0]++; // the worker left and was replaced
    partnershipStep(s, params, true);
    ok(
      close(s.partnerships.strength[e], 0.8 * kept),
      `levels ${levels}, formal ${formal}: ${s.partnerships.strength[e]} vs ${0.8 * kept}`,
    );
    deepStrictEqual(
      [s.partnerships.holder[e], s.partnerships.holderGeneration[e]],
      [0, 1],
      "the new worker in the post takes it on",
    );
    partnershipStep(s, params, true);
    ok(close(s.partnerships.strength[e], 0.8 * kept), "no further loss while the holder stays");
  }
});

Deno.test("partnershipStep() never keeps more than all the strength on holder loss", () => {
  const params = {
    ...PARTNERSHIP_DEFAULTS,
    growthPerWeek: 0,
    decayPerWeek: 0,
    keptOnHolderLoss: 0.9,
  };
  const s = organisations(2);
  const e = addPartnership(s, 0, 1, start(0.8, 0.5, { levels: 7, formal: 1 }));
  partnershipStep(s, params, true);
  s.posts.holder[0]++;
  partnershipStep(s, params, true);
  ok(close(s.partnerships.strength[e], 0.8), "0.9 + 0.2 + 0.2 is capped at 1");
});

Deno.test("partnershipStep() passes a partnership whose holder left to another key worker in post at side a", () => {
  const params = { ...PARTNERSHIP_DEFAULTS, growthPerWeek: 0, decayPerWeek: 0 };
  const s = organisations(2, 2); // posts 0, 1 at organisation 0; posts 2, 3 at organisation 1
  const e = addPartnership(s, 0, 1, start(0.6, 0.5));
  partnershipStep(s, params, true);
  strictEqual(s.partnerships.holder[e], 0);
  s.posts.status[0] = POST.vacant;
  s.posts.holder[0]++;
  partnershipStep(s, params, true);
  ok(close(s.partnerships.strength[e], 0.3));
  deepStrictEqual([s.partnerships.holder[e], s.partnerships.holderGeneration[e]], [1, 0]);

  // With nobody in post at side a it waits without a holder, and the next worker costs nothing.
  s.posts.status[1] = POST.vacant;
  s.posts.holder[1]++;
  partnershipStep(s, params, true);
  ok(close(s.partnerships.strength[e], 0.15));
  strictEqual(s.partnerships.holder[e], -1);
  partnershipStep(s, params, true);
  strictEqual(s.partnerships.holder[e], -1);
  s.posts.status[1] = POST.filled;
  partnershipStep(s, params, true);
  deepStrictEqual([s.partnerships.holder[e], s.partnerships.holderGeneration[e]], [1, 1]);
  ok(close(s.partnerships.strength[e], 0.15));
});

// ── partnershipStep: running grants, hours, learning ──────────────────────────────────────────

Deno.test("partnershipStep() puts in no effort and spends no hours while either side's grant is not running", () => {
  for (
    const [phaseA, phaseB] of [[PHASE.gap, PHASE.active], [PHASE.active, PHASE.gap], [
      PHASE.closed,
      PHASE.active,
    ], [PHASE.active, PHASE.closed]]
  ) {
    const s = organisations(2);
    const e = addPartnership(s, 0, 1, start(0.5, 1));
    s.orgs.phase[0] = phaseA;
    s.orgs.phase[1] = phaseB;
    partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
    // Effort 0: s ← s − d · s = 0.5 · 0.98, where full effort would have grown it to 0.5075.
    ok(close(s.partnerships.strength[e], 0.49), `phases ${phaseA}/${phaseB}`);
    deepStrictEqual([s.orgs.partnershipHours[0], s.orgs.partnershipHours[1]], [0, 0]);
  }
  const running = organisations(2);
  const e = addPartnership(running, 0, 1, start(0.5, 1));
  partnershipStep(running, PARTNERSHIP_DEFAULTS, true);
  ok(close(running.partnerships.strength[e], 0.5 + 0.03 * 0.5 * 0.5));
  const h = PARTNERSHIP_DEFAULTS.hoursPerWeek;
  deepStrictEqual([running.orgs.partnershipHours[0], running.orgs.partnershipHours[1]], [h, h]);
});

Deno.test("partnershipStep() charges hoursPerWeek per partnership, whatever its depth, to both sides, afresh each week", () => {
  const s = organisations(4, 1, 3); // 0, 1, 2 funded; 3 statutory
  addPartnership(s, 0, 1, start(0.1, 0.05)); // on paper
  addPartnership(s, 0, 3, start(0.8, 0.9)); // deep
  addPartnership(s, 1, 3, start(0.45, 0.5)); // working
  for (let w = 0; w < 3; w++) {
    partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
    const h = PARTNERSHIP_DEFAULTS.hoursPerWeek;
    deepStrictEqual(Array.from(s.orgs.partnershipHours), [2 * h, 2 * h, 0, 2 * h], `week ${w}`);
  }
  partnershipStep(s, { ...PARTNERSHIP_DEFAULTS, hoursPerWeek: 2 }, true);
  deepStrictEqual(Array.from(s.orgs.partnershipHours), [4, 4, 0, 4]);
});

Deno.test("partnershipStep() teaches both sides once a partnership becomes working, and nothing while it is on paper", () => {
  const s = organisations(4);
  const rising = addPartnership(s, 0, 1, start(0.29, 1));
  const paper = addPartnership(s, 2, 3, start(0.1, 0.05));
  deepStrictEqual(Array.from(s.orgs.knownCount), [0, 0, 0, 0], "both start on paper");
  partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
  // 0.29 + 0.03 · 1 · 1 · 0.5 · 0.71 = 0.30065: now working.
  strictEqual(depthOf(s.partnerships.strength[rising]), 1);
  deepStrictEqual([s.orgs.knownCount[0], s.orgs.knownCount[1]], [1, 1]);
  deepStrictEqual([s.orgs.known[0], s.orgs.known[KNOWN_CAPACITY]], [1, 0]);
  for (let w = 0; w < 52; w++) partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
  strictEqual(depthOf(s.partnerships.strength[paper]), 0);
  deepStrictEqual([s.orgs.knownCount[2], s.orgs.knownCount[3]], [0, 0]);
  deepStrictEqual([s.orgs.knownCount[0], s.orgs.knownCount[1]], [1, 1], "learnt once, not again");
});

Deno.test("partnershipStep() with M5 switched off changes no partnership, spends no hours and teaches nothing", () => {
  const s = organisations(2);
  const e = addPartnership(s, 0, 1, start(0.29, 1));
  s.partnerships.flowAB[e] = 2;
  s.orgs.partnershipHours[0] = 5; // left over from an earlier week
  for (let w = 0; w < 10; w++) partnershipStep(s, PARTNERSHIP_DEFAULTS, false);
  strictEqual(s.partnerships.strength[e], Math.fround(0.29));
  deepStrictEqual([s.partnerships.holder[e], s.partnerships.flowAB[e]], [-1, 2]);
  deepStrictEqual([s.orgs.partnershipHours[0], s.orgs.knownCount[0], s.orgs.knownCount[1]], [
    0,
    0,
    0,
  ]);
});

// ── setupPartnerships ─────────────────────────────────────────────────────────────────────────

Deno.test("setupPartnerships() maps its draws to partner, depth, agreement and shared goal", () => {
  // Draws in order: statutory? partner, depth, formal, goal. 0.2: statutory (< 0.5), partner
  // 2 + ⌊0.2 · 2⌋ = 2, on paper (< 0.3), formal (< 0.5), goal 0.4 + 0.6 · 0.2 = 0.52.
  const paper = organisations(4, 1, 2);
  setupPartnerships(paper, { ...PARTNERSHIP_DEFAULTS, perOrganisation: 1 }, constant(0.2));
  const p = paper.partnerships;
  strictEqual(p.count, 2);
  deepStrictEqual([p.a[0], p.b[0], p.a[1], p.b[1]], [0, 2, 1, 2]);
  deepStrictEqual([p.levels[0], p.formal[0], p.informal[0], p.holder[0]], [
    LEVEL.delivery,
    1,
    0,
    -1,
  ]);
  ok(close(p.strength[0], 0.1) && close(p.effort[0], 0.05) && close(p.sharedGoal[0], 0.52));
  deepStrictEqual(Array.from(paper.orgs.knownCount), [0, 0, 0, 0], "partners on paper");

  // 0.45: statutory, deep (0.3 ≤ u < 0.6), formal, goal 0.67; teaches both sides.
  const deep = organisations(4, 1, 2);
  setupPartnerships(deep, { ...PARTNERSHIP_DEFAULTS, perOrganisation: 1 }, constant(0.45));
  const q = deep.partnerships;
  deepStrictEqual([q.b[0], q.levels[0], q.formal[0]], [2, 7, 1]);
  ok(close(q.strength[0], 0.8) && close(q.effort[0], 0.9) && close(q.sharedGoal[0], 0.67));
  deepStrictEqual([deep.orgs.knownCount[0], deep.orgs.knownCount[2]], [1, 2]);

  // 0.7: another funded organisation (never itself), working, no agreement, goal 0.82.
  const working = organisations(4, 1, 2);
  setupPartnerships(working, { ...PARTNERSHIP_DEFAULTS, perOrganisation: 1 }, constant(0.7));
  const r = working.partnerships;
  deepStrictEqual([r.a[0], r.b[0], r.levels[0], r.formal[0]], [0, 1, 3, 0]);
  ok(close(r.strength[0], 0.45) && close(r.effort[0], 0.5) && close(r.sharedGoal[0], 0.82));
});

Deno.test("setupPartnerships() gives perOrganisation partners with the statutory, depth and agreement shares asked for", () => {
  const funded = 1000;
  const s = allocateState({
    postsPerOrganisation: new Array(2 * funded).fill(1),
    fundedCount: funded,
    familyCapacity: 1,
    partnershipCapacity: 2 * funded,
  });
  const params = PARTNERSHIP_DEFAULTS;
  setupPartnerships(s, params, createStream(11, "test.setup"));
  const p = s.partnerships;
  const n = p.count;
  const held = new Int32Array(funded);
  let statutory = 0;
  let formal = 0;
  const depths = [0, 0, 0];
  for (let e = 0; e < n; e++) {
    ok(p.a[e] >= 0 && p.a[e] < funded && p.b[e] !== p.a[e] && p.b[e] < 2 * funded);
    held[p.a[e]]++;
    if (p.b[e] >= funded) statutory++;
    formal += p.formal[e];
    depths[depthOf(p.strength[e])]++;
    ok(p.sharedGoal[e] >= 0.4 && p.sharedGoal[e] <= 1 && p.informal[e] === 0);
  }
  ok(held.every((h) => h <= params.perOrganisation));
  // With 1000 statutory and 999 other funded candidates a repeated draw is rare (about one
  // expected in 2000); see the BUG test below for what happens to one.
  ok(n > 0.995 * funded * params.perOrganisation, `${n} partnerships`);
  // Each share is binomial over n ≈ 2000 partnerships: standard error sqrt(p(1 − p)/n) ≈ 0.011
  // (p = 0.5) or 0.010 (p = 0.3); allow 4 standard errors.
  const within = (share: number, expected: number, what: string) =>
    ok(
      Math.abs(share - expected) < 4 * Math.sqrt(expected * (1 - expected) / n),
      `${what}: ${share} vs ${expected}`,
    );
  within(statutory / n, params.statutoryShare, "statutory");
  within(formal / n, params.formalShare, "formal");
  within(depths[0] / n, params.shareOnPaper, "on paper");
  within(depths[2] / n, params.shareDeep, "deep");
  within(depths[1] / n, 1 - params.shareOnPaper - params.shareDeep, "working");
});

Deno.test("setupPartnerships() partners a lone funded organisation with statutory services only, and none with perOrganisation 0", () => {
  const s = organisations(6, 1, 1);
  setupPartnerships(
    s,
    { ...PARTNERSHIP_DEFAULTS, perOrganisation: 3 },
    createStream(2, "test.setup"),
  );
  ok(s.partnerships.count > 0);
  for (let e = 0; e < s.partnerships.count; e++) ok(s.partnerships.b[e] >= 1);

  const none = organisations(6, 1, 3);
  setupPartnerships(none, { ...PARTNERSHIP_DEFAULTS, perOrganisation: 0 }, constant(0.2));
  strictEqual(none.partnerships.count, 0);
});

Deno.test({
  name:
    "setupPartnerships() gives every funded organisation perOrganisation partners even when a draw repeats a partner",
  fn: () => {
    // 30 funded organisations, 3 statutory services (about 20 partners each, well under
    // PARTNER_CAPACITY), every partner statutory: each organisation draws two of the three, and
    // the JSDoc promises `perOrganisation` partners. A repeated draw (probability 1/3 per
    // organisation) must be drawn again.
    const s = organisations(33, 1, 30);
    const params = { ...PARTNERSHIP_DEFAULTS, perOrganisation: 2, statutoryShare: 1 };
    setupPartnerships(s, params, createStream(4, "test.setup"));
    for (let o = 0; o < 30; o++) strictEqual(s.orgs.degree[o], 2, `organisation ${o}`);
  },
});

Deno.test({
  name:
    "setupPartnerships() makes no partnership with an organisation that does not exist (one funded, no statutory)",
  fn: () => {
    // funded 1, statutory 0 is a valid scenario (schema: funded ≥ 1, statutory ≥ 0): with nobody
    // to partner with, no partnership is made.
    const s = allocateState({
      postsPerOrganisation: [1],
      fundedCount: 1,
      familyCapacity: 1,
      partnershipCapacity: 16,
    });
    setupPartnerships(s, PARTNERSHIP_DEFAULTS, createStream(1, "test.setup"));
    strictEqual(s.partnerships.count, 0);
  },
});

// ── the whole model ───────────────────────────────────────────────────────────────────────────

Deno.test("runModel() has partnerships and spends staff hours on them with M5 on, and none with it off", () => {
  const run = (partnerships: boolean) =>
    runModel(createModel(
      resolveParams({ horizonYears: 1, mechanisms: { partnerships, networking: false } }),
      3,
    ));
  const count = (rec: ReturnType<typeof run>, week: number) =>
    column(rec, "partnerships_on_paper")[week] + column(rec, "partnerships_working")[week] +
    column(rec, "partnerships_deep")[week];
  const on = run(true);
  const off = run(false);
  ok(count(on, 0) > 0 && column(on, "partnership_hours")[10] > 0);
  ok(column(on, "partnerships_working")[0] + column(on, "partnerships_deep")[0] > 0);
  deepStrictEqual(count(off, 0), 0);
  ok(column(off, "partnership_hours").every((h) => h === 0));
});
