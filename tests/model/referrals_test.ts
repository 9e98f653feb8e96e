import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { column, createStream, type RandomStream } from "../../src/core/mod.ts";
import {
  addPartnership,
  allocateState,
  createModel,
  createReferralTargets,
  ENGAGEMENT_DEFAULTS,
  engagementProbability,
  FAMILY,
  learnOf,
  LEVEL,
  M,
  type ModelState,
  NEED,
  PHASE,
  POST,
  referableNeeds,
  REFERRAL_DEFAULTS,
  type ReferralParams,
  referralStep,
  type ReferralStreams,
  type ReferralTargets,
  releaseFamily,
  resolveParams,
  runModel,
  startReferralWeek,
  TRUST_DEFAULTS,
  WORKING_STRENGTH,
} from "../../src/model/mod.ts";
import { constant, placeFamily } from "./_fixtures.ts";

const close = (a: number, b: number, tolerance = 1e-6) => Math.abs(a - b) < tolerance;

const STATUTORY = NEED.familySupport | NEED.mentalHealth | NEED.disability | NEED.socialCare;

/**
 * Funded organisation 0 (one key worker in post, family support only) and, as receivers, funded
 * organisation 1 (money advice) and statutory services 2 and 3 (mental health, disability,
 * social care), all running. Organisation 0 knows nobody yet.
 */
function landscape(families = 4): ModelState {
  const s = allocateState({
    postsPerOrganisation: [1, 1, 1, 1],
    fundedCount: 2,
    familyCapacity: families,
    partnershipCapacity: 8,
  });
  s.orgs.phase.fill(PHASE.active);
  s.posts.status.fill(POST.filled);
  s.orgs.services[1] = NEED.familySupport | NEED.moneyAdvice;
  s.orgs.services[2] = STATUTORY;
  s.orgs.services[3] = STATUTORY;
  return s;
}

/** A supported, engaged family at organisation 0 with the given needs (only family support met). */
function family(
  s: ModelState,
  options: { needs?: number; trust?: number; severity?: number } = {},
): number {
  const f = placeFamily(s, { post: 0, trust: options.trust ?? 0.6, severity: options.severity });
  s.families.needs[f] = options.needs ?? (NEED.familySupport | NEED.mentalHealth);
  s.families.needsMet[f] = NEED.familySupport;
  s.families.trustStatutory[f] = TRUST_DEFAULTS.initialStatutory;
  return f;
}

/** Fixed draws for the three M6 streams. */
const draws = (refer: number, accept: number, takeUp: number): ReferralStreams => ({
  refer: constant(refer),
  accept: constant(accept),
  takeUp: constant(takeUp),
});

/** The key worker acts, the receiver accepts, the family takes it up. */
const ALWAYS = draws(0, 0, 0);

function refer(
  s: ModelState,
  streams: ReferralStreams,
  options: {
    params?: ReferralParams;
    partnerships?: boolean;
    enabled?: boolean;
    targets?: ReferralTargets;
  } = {},
): void {
  // The trust-and-outcomes step lists the families M6 may refer on, with their needs: here every
  // supported family that engaged, with the needs referableNeeds() gives.
  const fam = s.families;
  const list = fam.referable;
  list.count = 0;
  for (let f = 0; f < fam.capacity; f++) {
    if (fam.status[f] !== FAMILY.supported || fam.engaged[f] === 0) continue;
    list.slots[list.count] = f;
    list.needs[list.count] = referableNeeds(
      fam.needs[f],
      fam.needsMet[f],
      s.orgs.services[fam.org[f]],
    );
    list.count++;
  }
  referralStep(
    s,
    options.params ?? REFERRAL_DEFAULTS,
    TRUST_DEFAULTS,
    ENGAGEMENT_DEFAULTS,
    streams,
    options.partnerships ?? true,
    options.enabled ?? true,
    options.targets,
  );
}

const partnership = (s: ModelState, b: number, strength: number) =>
  addPartnership(s, 0, b, {
    effort: 0.5,
    strength,
    levels: LEVEL.delivery,
    formal: 0,
    informal: 0,
    sharedGoal: 1,
  });

const counts = (s: ModelState) => [
  s.flows[M.referrals_made],
  s.flows[M.referrals_completed],
  s.flows[M.referrals_failed],
];

// ── who is referred, and where ────────────────────────────────────────────────────────────────

Deno.test("referralStep() refers a family only in a week its key worker acts (draw < actPerWeek)", () => {
  const s = landscape();
  const f = family(s);
  learnOf(s.orgs, 0, 2);
  refer(s, draws(REFERRAL_DEFAULTS.actPerWeek, 0, 0));
  deepStrictEqual(counts(s), [0, 0, 0], "0.15 ≥ actPerWeek: the key worker does not act");
  refer(s, draws(REFERRAL_DEFAULTS.actPerWeek - 1e-9, 0, 0));
  deepStrictEqual(counts(s), [1, 1, 0]);
  strictEqual(s.families.needsMet[f] & NEED.mentalHealth, NEED.mentalHealth);
});

Deno.test("referralStep() refers only families supported and engaged this week, with a need their own organisation does not serve", () => {
  const s = landscape(8);
  learnOf(s.orgs, 0, 2);
  const disengaged = family(s);
  s.families.engaged[disengaged] = 0;
  const waiting = placeFamily(s, { post: -1 });
  s.families.needs[waiting] = NEED.familySupport | NEED.mentalHealth;
  s.families.needsMet[waiting] = NEED.familySupport;
  family(s, { needs: NEED.familySupport }); // nothing beyond family support
  const met = family(s);
  s.families.needsMet[met] |= NEED.mentalHealth; // already met by an earlier referral
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [0, 0, 0]);

  s.orgs.services[0] |= NEED.mentalHealth; // the family's own organisation serves the need
  s.families.engaged[disengaged] = 1;
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [0, 0, 0]);
  s.orgs.services[0] = NEED.familySupport;
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [1, 1, 0], "now the once-disengaged family is referred");
});

Deno.test("referralStep() visits only the families listed in families.referable", () => {
  const s = landscape(8);
  learnOf(s.orgs, 0, 2);
  const [a, b] = [family(s), family(s)].sort((x, y) => x - y);
  s.families.referable.slots[0] = b; // a qualifies as well, but is not listed
  s.families.referable.needs[0] = NEED.mentalHealth;
  s.families.referable.count = 1;
  referralStep(s, REFERRAL_DEFAULTS, TRUST_DEFAULTS, ENGAGEMENT_DEFAULTS, ALWAYS, true, true);
  deepStrictEqual([s.families.needsMet[a], s.families.needsMet[b]], [
    NEED.familySupport,
    NEED.familySupport | NEED.mentalHealth,
  ]);
  s.families.referable.count = 0;
  referralStep(s, REFERRAL_DEFAULTS, TRUST_DEFAULTS, ENGAGEMENT_DEFAULTS, ALWAYS, true, true);
  deepStrictEqual(counts(s), [1, 1, 0], "an empty list: nobody more is referred");
});

Deno.test("referralStep() needs a running organisation that serves the need and is known", () => {
  const s = landscape();
  family(s);
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [0, 0, 0], "nobody known: no referral");
  learnOf(s.orgs, 0, 1); // known, but serves money advice, not mental health
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [0, 0, 0]);
  learnOf(s.orgs, 0, 2);
  s.orgs.phase[2] = PHASE.gap; // known and serving it, but not running
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [0, 0, 0]);
  s.orgs.phase[2] = PHASE.active;
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [1, 1, 0]);
});

Deno.test("referralStep() acts on the lowest unmet need first", () => {
  const s = landscape();
  const f = family(s, { needs: NEED.familySupport | NEED.moneyAdvice | NEED.socialCare });
  learnOf(s.orgs, 0, 2); // social care
  learnOf(s.orgs, 0, 1); // money advice (4 < 16)
  refer(s, ALWAYS);
  strictEqual(s.families.needsMet[f], NEED.familySupport | NEED.moneyAdvice);
  refer(s, ALWAYS);
  strictEqual(s.families.needsMet[f], NEED.familySupport | NEED.moneyAdvice | NEED.socialCare);
  strictEqual(s.orgs.statutoryReferrals[0], 1, "only the second went to a statutory service");
});

Deno.test("referralStep() prefers the strongest working or deep partner to one merely known", () => {
  const s = landscape();
  family(s);
  learnOf(s.orgs, 0, 2);
  const working = partnership(s, 2, 0.5); // first in the known list, too
  const deep = partnership(s, 3, 0.8);
  refer(s, ALWAYS);
  const p = s.partnerships;
  deepStrictEqual([p.flowAB[working], p.flowAB[deep]], [0, 1], "referred through the deep one");
});

Deno.test("referralStep() treats a partner on paper as a stranger", () => {
  const s = landscape();
  family(s);
  const paper = partnership(s, 2, 0.2); // teaches nothing, so 2 is not known
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [0, 0, 0], "a partner on paper alone gives no referral");

  learnOf(s.orgs, 0, 3);
  // A cold statutory referral is refused at draw 0.6 (accepted below 1 − 0.5); through a working
  // or deep partnership it would be accepted.
  refer(s, draws(0, 0.6, 0));
  deepStrictEqual(counts(s), [1, 0, 1]);
  strictEqual(s.partnerships.flowAB[paper], 0);
});

Deno.test("referralStep() with M5 off ignores partnerships and refers cold to a known organisation", () => {
  const s = landscape();
  const f = family(s, { trust: 0.9 });
  partnership(s, 2, 0.8); // deep, and so organisation 2 is known
  refer(s, draws(0, 0.6, 1), { partnerships: false });
  deepStrictEqual(counts(s), [1, 0, 1], "cold: 0.6 ≥ 1 − 0.5");
  strictEqual(s.partnerships.flowAB[0], 0);
  strictEqual(s.families.trustStatutory[f], Math.fround(TRUST_DEFAULTS.initialStatutory));
  refer(s, draws(0, 0.6, 1), { partnerships: true });
  deepStrictEqual(counts(s), [2, 0, 2], "accepted through the partnership, not taken up (draw 1)");
  strictEqual(s.partnerships.flowAB[0], 1);
});

Deno.test("startReferralWeek() gives a tie between partners to the partnership made first", () => {
  const s = landscape();
  const first = partnership(s, 3, 0.7);
  partnership(s, 2, 0.7);
  const targets = createReferralTargets(s.orgs.count);
  startReferralWeek(s, true, targets);
  const mentalHealth = 0 * 4 + 0; // organisation 0, need 2 (the first of four)
  deepStrictEqual([targets.target[mentalHealth], targets.edge[mentalHealth]], [3, first]);
});

Deno.test("startReferralWeek() chooses again each week: a receiver whose funding has ended, or a partnership fallen to paper, is passed over", () => {
  const s = landscape();
  family(s);
  learnOf(s.orgs, 0, 3);
  const deep = partnership(s, 2, 0.8);
  const weaker = partnership(s, 3, 0.5);
  const targets = createReferralTargets(s.orgs.count); // kept from week to week, as the model does
  refer(s, draws(0, 1, 1), { targets }); // the referral is refused, so the need stays unmet
  deepStrictEqual([s.partnerships.flowAB[deep], s.partnerships.flowAB[weaker]], [1, 0]);
  s.orgs.phase[2] = PHASE.gap;
  refer(s, draws(0, 1, 1), { targets });
  deepStrictEqual(
    [s.partnerships.flowAB[deep], s.partnerships.flowAB[weaker]],
    [1, 1],
    "the second week goes through the weaker partner",
  );
  s.orgs.phase[2] = PHASE.active;
  s.partnerships.strength[deep] = 0.2; // fallen to a partnership on paper
  refer(s, draws(0, 1, 1), { targets });
  deepStrictEqual([s.partnerships.flowAB[deep], s.partnerships.flowAB[weaker]], [1, 2]);
  // Both on paper: a cold referral to the first known organisation that serves the need (the
  // known list is 3, then 2), looked up when first needed, and again the next week.
  s.partnerships.strength[weaker] = 0.2;
  refer(s, draws(0, 1, 1), { targets });
  deepStrictEqual([targets.target[0], targets.edge[0]], [3, -1]);
  s.orgs.phase[3] = PHASE.gap;
  refer(s, draws(0, 1, 1), { targets });
  deepStrictEqual([targets.target[0], targets.edge[0]], [2, -1]);
});

Deno.test("startReferralWeek() chooses, for every organisation and need, what a scan of the organisation's own partnerships chooses", () => {
  // 60 organisations, 400 partnerships with strengths on a coarse grid (many ties), some
  // organisations out of funding: the one pass over the partnerships against the rule read off
  // each organisation's own list, strongest working partner first, the first made among equals.
  const random = createStream(11, "test.partners");
  const orgCount = 60;
  const s = allocateState({
    postsPerOrganisation: new Array(orgCount).fill(1),
    fundedCount: 40,
    familyCapacity: 1,
    partnershipCapacity: 400,
  });
  for (let o = 0; o < orgCount; o++) {
    s.orgs.services[o] = NEED.familySupport | (Math.floor(random() * 16) << 1);
    s.orgs.phase[o] = random() < 0.8 ? PHASE.active : PHASE.gap;
  }
  for (let tries = 0; s.partnerships.count < 400 && tries < 10_000; tries++) {
    const a = Math.floor(random() * orgCount);
    const b = Math.floor(random() * orgCount);
    if (s.orgs.degree[a] >= 31 || s.orgs.degree[b] >= 31) continue;
    addPartnership(s, a, b, {
      effort: 0.5,
      strength: Math.round(random() * 10) / 10,
      levels: LEVEL.delivery,
      formal: 1,
      informal: 0,
      sharedGoal: 0.5,
    });
  }
  const targets = createReferralTargets(orgCount);
  startReferralWeek(s, true, targets);
  const p = s.partnerships;
  let chosen = 0;
  for (let org = 0; org < orgCount; org++) {
    for (let k = 0; k < 4; k++) {
      const need = 2 << k;
      let edge = -1;
      let best = -1;
      for (let i = 0; i < s.orgs.degree[org]; i++) {
        const e = s.orgs.partnerEdges[org * 32 + i];
        const other = p.a[e] === org ? p.b[e] : p.a[e];
        if ((s.orgs.services[other] & need) === 0 || s.orgs.phase[other] !== PHASE.active) continue;
        if (p.strength[e] >= WORKING_STRENGTH && p.strength[e] > best) {
          best = p.strength[e];
          edge = e;
        }
      }
      const slot = org * 4 + k;
      strictEqual(targets.edge[slot], edge, `organisation ${org}, need ${need}`);
      if (edge < 0) continue;
      chosen++;
      strictEqual(targets.target[slot], p.a[edge] === org ? p.b[edge] : p.a[edge]);
      strictEqual(targets.strength[slot], p.strength[edge]);
      strictEqual(targets.stamp[slot], targets.week);
    }
  }
  ok(chosen > 50, `${chosen} organisation–need pairs have a partner to refer to`);
});

Deno.test("startReferralWeek() with M5 off chooses no partner", () => {
  const s = landscape();
  partnership(s, 2, 0.8);
  const targets = createReferralTargets(s.orgs.count);
  startReferralWeek(s, false, targets);
  deepStrictEqual([...targets.edge], new Array(16).fill(-1));
  ok(targets.stamp.every((stamp) => stamp !== targets.week));
});

// ── acceptance ────────────────────────────────────────────────────────────────────────────────

Deno.test("referralStep() accepts a cold statutory referral with probability 1 − threshold (0.5)", () => {
  const s = landscape();
  family(s);
  learnOf(s.orgs, 0, 2);
  refer(s, draws(0, 0.5, 1));
  deepStrictEqual([...counts(s), ...s.orgs.statutoryReferrals], [1, 0, 1, 0, 0], "0.5 refused");
  refer(s, draws(0, 0.5 - 1e-9, 1));
  deepStrictEqual(
    [...counts(s), ...s.orgs.statutoryReferrals],
    [2, 0, 2, 1, 0],
    "just below accepted",
  );
});

Deno.test("referralStep() accepts a cold voluntary referral with probability 1 − voluntaryThreshold (0.9)", () => {
  const s = landscape();
  family(s, { needs: NEED.familySupport | NEED.moneyAdvice });
  learnOf(s.orgs, 0, 1);
  refer(s, draws(0, 0.9, 1));
  deepStrictEqual(counts(s), [1, 0, 1]);
  refer(s, draws(0, 0.9 - 1e-9, 1));
  deepStrictEqual(counts(s), [2, 0, 2]);
  deepStrictEqual(Array.from(s.orgs.statutoryReferrals), [0, 0], "voluntary: not counted");
});

Deno.test("referralStep() lowers the threshold through a deep partnership: accepts with 1 − threshold · (1 − s)", () => {
  const s = landscape();
  family(s);
  partnership(s, 2, 0.8);
  const accept = 1 - 0.5 * (1 - Math.fround(0.8)); // 0.9, as the Float32 strength gives it
  refer(s, draws(0, accept, 1));
  deepStrictEqual([...counts(s), s.orgs.statutoryReferrals[0]], [1, 0, 1, 0]);
  refer(s, draws(0, accept - 1e-9, 1));
  deepStrictEqual([...counts(s), s.orgs.statutoryReferrals[0]], [2, 0, 2, 1]);
});

Deno.test("referralStep() accepts about 1 − threshold of cold referrals and 1 − threshold · (1 − s) of warm ones", () => {
  const n = 4000;
  const share = (strength: number, seed: number) => {
    const s = landscape(n);
    for (let i = 0; i < n; i++) family(s);
    if (strength > 0) partnership(s, 2, strength);
    else learnOf(s.orgs, 0, 2);
    refer(s, {
      refer: constant(0),
      accept: createStream(seed, "test.accept"),
      takeUp: constant(1),
    });
    strictEqual(s.flows[M.referrals_made], n);
    return s.orgs.statutoryReferrals[0] / n;
  };
  // Binomial over n = 4000 referrals: standard error sqrt(p(1 − p)/n) ≈ 0.0079 at p = 0.5 and
  // 0.0047 at p = 0.9; allow 4 standard errors.
  const cold = share(0, 1);
  ok(Math.abs(cold - 0.5) < 4 * Math.sqrt(0.25 / n), `cold: ${cold}`);
  const warm = share(0.8, 2);
  const p = 1 - 0.5 * (1 - Math.fround(0.8));
  ok(Math.abs(warm - p) < 4 * Math.sqrt(p * (1 - p) / n), `warm: ${warm} vs ${p}`);
});

// ── trust, take-up and what a completed referral does ─────────────────────────────────────────

Deno.test("referralStep() carries vouchShare of the family's trust into statutory services on a warm hand-off", () => {
  const s = landscape();
  const trusting = family(s, { trust: 0.6 });
  const wary = family(s, { trust: 0.1 });
  partnership(s, 2, 0.8);
  refer(s, draws(0, 0, 1)); // accepted, not taken up: trust is carried across all the same
  // 0.8 · 0.6 = 0.48 > 0.15: raised; 0.8 · 0.1 = 0.08 < 0.15: left.
  ok(close(s.families.trustStatutory[trusting], 0.8 * Math.fround(0.6)));
  strictEqual(s.families.trustStatutory[wary], Math.fround(0.15));
});

Deno.test("referralStep() leaves trust in statutory services as it was on a cold referral", () => {
  const s = landscape();
  const f = family(s, { trust: 0.9 });
  learnOf(s.orgs, 0, 2);
  refer(s, draws(0, 0, 1));
  deepStrictEqual([s.orgs.statutoryReferrals[0], s.families.trustStatutory[f]], [
    1,
    Math.fround(0.15),
  ]);
});

Deno.test("referralStep() with warmHandoffs false carries no trust across, even through a deep partnership", () => {
  const s = landscape();
  const f = family(s, { trust: 0.9 });
  partnership(s, 2, 0.8);
  const cold = { ...REFERRAL_DEFAULTS, warmHandoffs: false };
  // The JSDoc ties the lower threshold to the partnership's strength, not to warmHandoffs:
  // accepted at draw 0.6 (< 0.9), but the family meets statutory services with its own trust.
  refer(s, draws(0, 0.6, 1), { params: cold });
  deepStrictEqual([s.orgs.statutoryReferrals[0], s.families.trustStatutory[f]], [
    1,
    Math.fround(0.15),
  ]);
  // Take-up follows that unraised trust: a draw the vouched trust (0.72) would pass fails.
  refer(s, draws(0, 0, engagementProbability(ENGAGEMENT_DEFAULTS, 0.5)), { params: cold });
  deepStrictEqual(counts(s), [2, 0, 2]);
});

Deno.test("referralStep() has the family take a referral up with the engagement probability of its trust in the receiver", () => {
  const take = (warm: boolean, statutory: boolean, trust: number, draw: number) => {
    const s = landscape();
    family(s, {
      trust,
      needs: NEED.familySupport | (statutory ? NEED.mentalHealth : NEED.moneyAdvice),
    });
    const target = statutory ? 2 : 1;
    if (warm) partnership(s, target, 0.8);
    else learnOf(s.orgs, 0, target);
    refer(s, draws(0, 0, draw));
    return s.flows[M.referrals_completed];
  };
  const carried = 0.8 * Math.fround(0.9);
  // [warm, statutory receiver, the family's trust in its key worker, its trust in the receiver]
  const cases: [boolean, boolean, number, number][] = [
    [false, true, 0.9, Math.fround(0.15)], // cold statutory: its trust in statutory services
    [false, false, 0.9, 0.3], // cold voluntary: initialVoluntary
    [true, true, 0.9, carried], // warm: vouchShare · trust, when higher
    [true, false, 0.9, carried],
    [true, true, 0.1, Math.fround(0.15)], // warm, but 0.8 · 0.1 is lower: T₀ stands
    [true, false, 0.1, 0.3],
  ];
  for (const [warm, statutory, trust, inReceiver] of cases) {
    const p = engagementProbability(ENGAGEMENT_DEFAULTS, inReceiver);
    const what = `warm ${warm}, statutory ${statutory}, trust ${trust}`;
    strictEqual(take(warm, statutory, trust, p), 0, `${what}: draw ${p} fails`);
    strictEqual(take(warm, statutory, trust, p - 1e-9), 1, `${what}: just below ${p} takes it up`);
  }
});

Deno.test("referralStep() meets the need of a completed referral, eases severity by needRelief and counts statutory take-up", () => {
  const s = landscape();
  const f = family(s, { severity: 0.5 });
  learnOf(s.orgs, 0, 2);
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [1, 1, 0]);
  strictEqual(s.families.needsMet[f], NEED.familySupport | NEED.mentalHealth);
  ok(close(s.families.severity[f], 0.5 * (1 - 0.3)));
  deepStrictEqual(Array.from(s.orgs.statutoryReferrals), [1, 1]);
  refer(s, ALWAYS);
  deepStrictEqual(counts(s), [1, 1, 0], "a met need is not referred again");
});

Deno.test("referralStep() counts a refused or abandoned referral as failed and leaves the need unmet", () => {
  const s = landscape();
  const f = family(s, { severity: 0.5 });
  learnOf(s.orgs, 0, 2);
  refer(s, draws(0, 0.99, 0)); // refused
  refer(s, draws(0, 0, 0.99)); // accepted, not taken up
  deepStrictEqual(counts(s), [2, 0, 2]);
  deepStrictEqual(Array.from(s.orgs.statutoryReferrals), [1, 0]);
  deepStrictEqual([s.families.needsMet[f], s.families.severity[f]], [
    NEED.familySupport,
    Math.fround(0.5),
  ]);
});

Deno.test("referralStep() records referral flows on the partnership used, for mutual benefit", () => {
  const s = landscape();
  family(s, { needs: NEED.familySupport | NEED.moneyAdvice });
  // Organisation 1 holds the partnership (side a) with 0: a referral 0 → 1 is a b → a flow.
  const e = addPartnership(s, 1, 0, {
    effort: 0.5,
    strength: 0.5,
    levels: LEVEL.delivery,
    formal: 0,
    informal: 0,
    sharedGoal: 1,
  });
  refer(s, draws(0, 0.99, 1)); // refused all the same
  deepStrictEqual([s.partnerships.flowAB[e], s.partnerships.flowBA[e]], [0, 1]);
});

// ── falling through the gaps ──────────────────────────────────────────────────────────────────

Deno.test("releaseFamily() counts a family leaving with an unmet referable need as fallen through the gaps", () => {
  const s = landscape();
  const unmet = family(s);
  const met = family(s);
  s.families.needsMet[met] |= NEED.mentalHealth;
  const never = placeFamily(s, { post: -1 }); // never had a key worker
  s.families.hadKeyWorker[never] = 0;
  s.families.needs[never] = NEED.familySupport | NEED.mentalHealth;
  s.families.needsMet[never] = NEED.familySupport;
  releaseFamily(s, met);
  releaseFamily(s, never);
  strictEqual(s.flows[M.fell_through_gaps], 0);
  releaseFamily(s, unmet);
  strictEqual(s.flows[M.fell_through_gaps], 1);
  strictEqual(s.families.status[unmet], FAMILY.empty);
});

Deno.test("referralStep() then releaseFamily(): a family whose need was met by a referral does not fall through the gaps", () => {
  const s = landscape();
  const f = family(s);
  learnOf(s.orgs, 0, 2);
  refer(s, ALWAYS);
  releaseFamily(s, f);
  strictEqual(s.flows[M.fell_through_gaps], 0);
});

// ── switched off ──────────────────────────────────────────────────────────────────────────────

Deno.test("referralStep() with M6 switched off refers nobody and draws nothing", () => {
  const s = landscape();
  const f = family(s, { trust: 0.9, severity: 0.5 });
  partnership(s, 2, 0.8);
  let drawn = 0;
  const counting: RandomStream = () => {
    drawn++;
    return 0;
  };
  refer(s, { refer: counting, accept: counting, takeUp: counting }, { enabled: false });
  deepStrictEqual([...counts(s), drawn, s.partnerships.flowAB[0]], [0, 0, 0, 0, 0]);
  deepStrictEqual([s.families.needsMet[f], s.families.trustStatutory[f]], [
    NEED.familySupport,
    Math.fround(0.15),
  ]);
  deepStrictEqual(Array.from(s.orgs.statutoryReferrals), [0, 0]);
});

// ── the whole model ───────────────────────────────────────────────────────────────────────────

Deno.test("runModel() completes referrals with M6 on, none with it off, and fewer families fall through the gaps", () => {
  const run = (referrals: boolean) =>
    runModel(createModel(resolveParams({ horizonYears: 2, mechanisms: { referrals } }), 4));
  const total = (rec: ReturnType<typeof run>, name: string) =>
    column(rec, name).reduce((a, b) => a + b, 0);
  const on = run(true);
  const off = run(false);
  ok(total(on, "referrals_completed") > 0);
  strictEqual(
    total(on, "referrals_made"),
    total(on, "referrals_completed") + total(on, "referrals_failed"),
    "every referral made either completes or fails",
  );
  deepStrictEqual(
    ["referrals_made", "referrals_completed", "referrals_failed"].map((m) => total(off, m)),
    [0, 0, 0],
  );
  ok(
    total(on, "fell_through_gaps") < total(off, "fell_through_gaps"),
    `${total(on, "fell_through_gaps")} vs ${total(off, "fell_through_gaps")} with M6 off`,
  );
});
