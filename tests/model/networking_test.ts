import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { column, createStream, type RandomStream } from "../../src/core/mod.ts";
import {
  addPartnership,
  allocateState,
  createModel,
  depthOf,
  KNOWN_CAPACITY,
  LEVEL,
  M,
  type ModelState,
  NETWORKING_DEFAULTS,
  type NetworkingParams,
  networkingStep,
  type NetworkingStreams,
  PHASE,
  resolveParams,
  runModel,
} from "../../src/model/mod.ts";
import { constant } from "./_fixtures.ts";

/**
 * `funded` funded organisations and one statutory service (the last), all running, with room for
 * `partnerships` partnerships.
 */
function programme(funded = 4, partnerships = 16): ModelState {
  const s = allocateState({
    postsPerOrganisation: new Array(funded + 1).fill(1),
    fundedCount: funded,
    familyCapacity: 1,
    partnershipCapacity: partnerships,
  });
  s.orgs.phase.fill(PHASE.active);
  return s;
}

/** Everyone eligible attends, every pair meets and starts a partnership. */
const EVERYONE: NetworkingStreams = { attend: constant(0), meet: constant(0) };

function step(
  s: ModelState,
  week: number,
  options: { streams?: NetworkingStreams; params?: NetworkingParams; enabled?: boolean } = {},
): void {
  networkingStep(
    s,
    options.params ?? NETWORKING_DEFAULTS,
    options.streams ?? EVERYONE,
    week,
    options.enabled ?? true,
    new Int32Array(s.orgs.count),
  );
}

const known = (s: ModelState, o: number) =>
  Array.from(s.orgs.known.subarray(o * KNOWN_CAPACITY, o * KNOWN_CAPACITY + s.orgs.knownCount[o]))
    .sort();

Deno.test("networkingStep() holds events only in weeks that are multiples of intervalWeeks, not week 0", () => {
  const s = programme();
  for (const week of [0, 1, 16, 18, 33]) step(s, week);
  deepStrictEqual(
    [s.flows[M.networking_events], s.partnerships.count, s.orgs.knownCount[0]],
    [0, 0, 0],
  );
  ok(s.orgs.peerSupportUntil.every((w) => w === -1));
  step(s, 17);
  strictEqual(s.flows[M.networking_events], 1);
  step(s, 34);
  strictEqual(s.flows[M.networking_events], 2, "networking_events counts each event");
  step(s, 30, { params: { ...NETWORKING_DEFAULTS, intervalWeeks: 10 } });
  strictEqual(s.flows[M.networking_events], 3, "with events every 10 weeks, week 30 has one");
});

Deno.test("networkingStep() lets only funded organisations with a running grant attend", () => {
  const s = programme(4);
  s.orgs.phase[1] = PHASE.gap;
  s.orgs.phase[2] = PHASE.closed;
  step(s, 17);
  // Organisations 0 and 3 attend; 1 (gap), 2 (closed) and 4 (statutory) do not.
  deepStrictEqual(Array.from(s.orgs.peerSupportUntil), [43, -1, -1, 43, -1]);
  deepStrictEqual([s.partnerships.count, s.partnerships.a[0], s.partnerships.b[0]], [1, 0, 3]);
  deepStrictEqual([known(s, 0), known(s, 3), known(s, 1), known(s, 4)], [[3], [0], [], []]);
});

Deno.test("networkingStep() has an organisation attend when its draw is below attendance", () => {
  const s = programme(2);
  step(s, 17, { streams: { attend: constant(0.7), meet: constant(0) } });
  deepStrictEqual(
    [s.flows[M.networking_events], s.orgs.peerSupportUntil[0]],
    [0, -1],
    "0.7 stays away",
  );
  step(s, 17, { streams: { attend: constant(0.7 - 1e-9), meet: constant(0) } });
  deepStrictEqual([s.flows[M.networking_events], s.orgs.peerSupportUntil[0]], [1, 43]);
});

Deno.test("networkingStep() gives attendees peer support, attritionFactor 1 − peerSupportEffect, until peerSupportUntil", () => {
  const s = programme(2);
  // Only organisation 0 attends (draws 0, then 0.99 for organisation 1).
  let i = 0;
  const attend: RandomStream = () => (i++ === 0 ? 0 : 0.99);
  step(s, 17, { streams: { attend, meet: constant(0) } });
  const supported = Math.fround(1 - NETWORKING_DEFAULTS.peerSupportEffect);
  deepStrictEqual([s.orgs.peerSupportUntil[0], s.orgs.peerSupportUntil[1]], [17 + 26, -1]);
  deepStrictEqual([s.orgs.attritionFactor[0], s.orgs.attritionFactor[1]], [supported, 1]);
  step(s, 42);
  strictEqual(s.orgs.attritionFactor[0], supported, "still supported in week 42");
  step(s, 43);
  deepStrictEqual(Array.from(s.orgs.attritionFactor), [1, 1, 1], "over from week 43");
});

Deno.test("networkingStep() renews peer support at the next event", () => {
  const s = programme(2);
  const params = { ...NETWORKING_DEFAULTS, intervalWeeks: 10, peerSupportWeeks: 15 };
  step(s, 10, { params });
  step(s, 20, { params });
  strictEqual(s.orgs.peerSupportUntil[0], 35);
  step(s, 30, { params, streams: { attend: constant(0.99), meet: constant(0) } });
  step(s, 34, { params });
  strictEqual(s.orgs.attritionFactor[0], Math.fround(0.8));
  step(s, 35, { params });
  strictEqual(s.orgs.attritionFactor[0], 1);
});

Deno.test("networkingStep() teaches pairs that meet about each other, and only them", () => {
  const s = programme(3);
  // Pairs in order (0,1), (0,2), (1,2). Draws: 0 (skip no pair: (0,1) meets), 0.5 for the
  // partnership (≥ 0.3: none), 0.2 (skip ⌊ln 0.8 / ln 0.85⌋ = 1 pair: (1,2) meets), 0.5, then
  // 0.99 (skip 28 pairs: past the last).
  const values = [0, 0.5, 0.2, 0.5, 0.99];
  let i = 0;
  step(s, 17, { streams: { attend: constant(0), meet: () => values[i++] } });
  strictEqual(
    i,
    values.length,
    "one draw per meeting (and one past the last), one per partnership draw",
  );
  deepStrictEqual([known(s, 0), known(s, 1), known(s, 2)], [[1], [0, 2], [1]]);
  strictEqual(s.partnerships.count, 0);
});

Deno.test("networkingStep() starts informal partnerships on paper between pairs that meet", () => {
  const s = programme(3);
  step(s, 17);
  const p = s.partnerships;
  strictEqual(p.count, 3, "three pairs, all meet, all start one");
  for (let e = 0; e < p.count; e++) {
    deepStrictEqual([p.informal[e], p.formal[e], p.levels[e], depthOf(p.strength[e])], [
      1,
      0,
      LEVEL.delivery,
      0,
    ]);
    ok(Math.abs(p.strength[e] - 0.2) < 1e-6 && Math.abs(p.effort[e] - 0.5) < 1e-6);
    ok(Math.abs(p.sharedGoal[e] - 0.8) < 1e-6);
  }
  step(s, 34);
  strictEqual(p.count, 3, "pairs already partners start no second partnership");
});

Deno.test("networkingStep() starts no informal partnership where the partnership draw is at least informalProbability", () => {
  const s = programme(2);
  let i = 0;
  step(s, 17, { streams: { attend: constant(0), meet: () => (i++ === 0 ? 0 : 0.3) } });
  deepStrictEqual([s.partnerships.count, s.orgs.knownCount[0]], [0, 1]);
  i = 0;
  step(s, 34, { streams: { attend: constant(0), meet: () => (i++ === 0 ? 0 : 0.3 - 1e-9) } });
  strictEqual(s.partnerships.count, 1);
});

Deno.test("networkingStep() keeps an existing formal partnership as it is when its pair meets", () => {
  const s = programme(2);
  addPartnership(s, 0, 1, {
    effort: 0.9,
    strength: 0.8,
    levels: 7,
    formal: 1,
    informal: 0,
    sharedGoal: 1,
  });
  step(s, 17);
  deepStrictEqual([s.partnerships.count, s.partnerships.informal[0], s.partnerships.formal[0]], [
    1,
    0,
    1,
  ]);
});

Deno.test("networkingStep() makes about pairs · meetProbability · informalProbability informal partnerships", () => {
  const n = 200;
  const s = programme(n, 4000);
  const params = { ...NETWORKING_DEFAULTS, attendance: 1 }; // everyone attends
  step(s, 17, { params, streams: { attend: constant(0), meet: createStream(5, "test.meet") } });
  const pairs = n * (n - 1) / 2; // 19 900
  const p = params.meetProbability * params.informalProbability; // 0.045
  // Each pair independently starts one with probability p: binomial, mean 895.5, standard
  // deviation sqrt(pairs · p · (1 − p)) ≈ 29.2; allow 4 of them. Degrees stay near 9, far below
  // PARTNER_CAPACITY, so no partnership is refused.
  const made = s.partnerships.count;
  ok(Math.abs(made - pairs * p) < 4 * Math.sqrt(pairs * p * (1 - p)), `${made} vs ${pairs * p}`);
  // Pairs that meet: binomial with p = 0.15, mean 2985, sd ≈ 50.4; each teaches both sides.
  let learnt = 0;
  for (let o = 0; o < n; o++) learnt += s.orgs.knownCount[o];
  const q = params.meetProbability;
  ok(
    Math.abs(learnt / 2 - pairs * q) < 4 * Math.sqrt(pairs * q * (1 - q)),
    `${learnt / 2} pairs met vs ${pairs * q}`,
  );
  for (let e = 0; e < made; e++) strictEqual(s.partnerships.informal[e], 1);
});

Deno.test("networkingStep() lets every pair meet equally often, first and last pairs alike", () => {
  // Skipping pairs between meetings must cover every pair with the same probability. 20
  // attendees (190 pairs) at 1000 events with meetProbability 0.15: each pair meets a binomial
  // number of times, mean 150, sd ≈ 11.3; allow 5 sd for each of the 190 pairs.
  const n = 20;
  const events = 1000;
  const params = { ...NETWORKING_DEFAULTS, attendance: 1, informalProbability: 0 };
  const meet = createStream(9, "test.meet.pairs");
  const counts = new Int32Array(n * n);
  for (let e = 0; e < events; e++) {
    const s = programme(n);
    step(s, 17, { params, streams: { attend: constant(0), meet } });
    for (let a = 0; a < n; a++) for (const b of known(s, a)) if (a < b) counts[a * n + b]++;
  }
  const q = params.meetProbability;
  const mean = events * q;
  const sd = Math.sqrt(events * q * (1 - q));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      ok(
        Math.abs(counts[a * n + b] - mean) < 5 * sd,
        `pair (${a},${b}) met ${counts[a * n + b]} times`,
      );
    }
  }
});

Deno.test("networkingStep() with M7 switched off holds no event: no partnerships, learning or peer support", () => {
  const s = programme(4);
  for (const week of [17, 34, 51]) step(s, week, { enabled: false });
  deepStrictEqual(
    [s.flows[M.networking_events], s.partnerships.count, s.orgs.knownCount[0]],
    [0, 0, 0],
  );
  ok(s.orgs.peerSupportUntil.every((w) => w === -1));
  ok(s.orgs.attritionFactor.every((f) => f === 1));
});

Deno.test("runModel() holds networking events and makes informal partnerships with M7 on, none with it off", () => {
  const run = (networking: boolean) =>
    runModel(createModel(resolveParams({ horizonYears: 2, mechanisms: { networking } }), 6));
  const on = run(true);
  const off = run(false);
  const events = (rec: ReturnType<typeof run>) =>
    column(rec, "networking_events").reduce((a, b) => a + b, 0);
  // Weeks 17, 34, 51, 68, 85 and 102 of 104, all while the first grants run.
  strictEqual(events(on), 6);
  strictEqual(column(on, "networking_events")[17], 1);
  ok(column(on, "informal_partnerships")[103] > 0);
  strictEqual(events(off), 0);
  ok(column(off, "informal_partnerships").every((x) => x === 0));
});
