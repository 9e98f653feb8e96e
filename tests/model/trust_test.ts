import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  FAMILY,
  initialTrust,
  OUTCOME_DEFAULTS,
  outcomesStep,
  SECTOR,
  setTrustGains,
  TRUST_DEFAULTS,
  trustAfterKeyWorkerLoss,
  trustAfterWeek,
} from "../../src/model/mod.ts";
import { oneOrganisation, placeFamily } from "./_fixtures.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const keep = 1 - TRUST_DEFAULTS.lossPerMissedWeek;

/** Trust of a family after one trust-and-outcomes step with M3 on. */
function trustAfterStep(s: ReturnType<typeof oneOrganisation>, f: number): number {
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, true, TRUST_DEFAULTS);
  return s.families.trust[f];
}

Deno.test("trust closes growthPerWeek of the gap in an engaged week at full effect", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 0.5, engaged: true });
  ok(close(trustAfterStep(s, f), 0.5 + 0.1 * 0.5));
});

Deno.test("trust grows more slowly with a less capable, newer key worker", () => {
  const s = oneOrganisation();
  s.posts.capability[0] = 0.5;
  s.posts.learning[0] = 0.4;
  const f = placeFamily(s, { trust: 0.5, engaged: true });
  ok(close(trustAfterStep(s, f), 0.5 + 0.1 * 0.5 * 0.4 * 0.5));
});

Deno.test("trust grows more slowly when the key worker's caseload is over target", () => {
  const s = oneOrganisation(1, 30);
  const f = placeFamily(s, { trust: 0.5, engaged: true });
  for (let i = 0; i < 23; i++) placeFamily(s, { trust: 0.5, engaged: false });
  setTrustGains(s, TRUST_DEFAULTS, 12);
  ok(close(s.posts.trustGain[0], 0.1 * 0.5), "24 families for a target of 12: half contact");
  ok(close(trustAfterStep(s, f), 0.5 + 0.1 * 0.5 * 0.5));
});

Deno.test("trust loses lossPerMissedWeek in a missed week (quick to lose)", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 0.5, engaged: false });
  ok(close(trustAfterStep(s, f), 0.5 * 0.92));
  ok(
    0.5 - 0.5 * 0.92 > 0.1 * 0.5 * 0.6 * 0.5,
    "a missed week costs more than a typical engaged week gains",
  );
});

Deno.test("trust stays in [0, 1] over many weeks", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 0.99, engaged: true });
  const fast = { ...TRUST_DEFAULTS, growthPerWeek: 1 };
  for (let w = 0; w < 1000; w++) {
    s.families.arrivalWeek[f] = w; // never closed
    s.families.progress.fill(0, 3 * f, 3 * f + 3); // never completes
    s.families.achieved[f] = 0;
    outcomesStep(s, OUTCOME_DEFAULTS, 12, w, true, fast);
  }
  ok(s.families.trust[f] <= 1 && s.families.trust[f] >= 0);
});

Deno.test("outcomesStep() without trust parameters (M3 off) leaves trust unchanged", () => {
  const s = oneOrganisation();
  const a = placeFamily(s, { trust: 0.5, engaged: true });
  const b = placeFamily(s, { trust: 0.5, engaged: false });
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, true, null);
  deepStrictEqual([s.families.trust[a], s.families.trust[b]], [0.5, 0.5]);
  deepStrictEqual(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, 0.5, false), 0.5);
});

Deno.test("outcomesStep() applies trustAfterWeek with the gains worked out before the pass, then progress uses the new trust", () => {
  // Target 1, two families on one key worker: contact 0.5. The first completes during the pass,
  // which frees time for the second's progress but not for its trust gain.
  const s = oneOrganisation(1, 2);
  const [first, second] = [placeFamily(s, { trust: 0.6 }), placeFamily(s, { trust: 0.4 })].sort(
    (x, y) => x - y,
  );
  s.families.progress.set([0.69, 0.69, 0.69], 3 * first);
  const gain = TRUST_DEFAULTS.growthPerWeek * 0.5;
  outcomesStep(s, OUTCOME_DEFAULTS, 1, 0, true, TRUST_DEFAULTS);
  deepStrictEqual(s.families.status[first], FAMILY.empty, "the first family completes");
  const t = Math.fround(trustAfterWeek(Math.fround(0.4), true, gain, keep));
  strictEqual(s.families.trust[second], t, "the second's trust gain uses contact 0.5");
  const effect = 1 * 1 * 1 * (0.5 + 0.5 * t); // contact 1 once the first has gone
  strictEqual(s.families.progress[3 * second], Math.fround(0.08 * effect));
});

Deno.test("trustAfterWeek() closes g of the gap when engaged and keeps `keep` of trust otherwise", () => {
  strictEqual(trustAfterWeek(0.5, true, 0.2, keep), 0.5 + 0.2 * 0.5);
  strictEqual(trustAfterWeek(0.5, false, 0.2, keep), 0.5 * keep);
  strictEqual(trustAfterWeek(1, true, 0.2, keep), 1, "full trust stays full");
});

Deno.test("trustAfterKeyWorkerLoss() keeps only keptOnKeyWorkerChange of trust", () => {
  ok(close(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, 0.9, true), 0.27));
});

Deno.test("initialTrust() is lower for statutory services", () => {
  deepStrictEqual(initialTrust(TRUST_DEFAULTS, SECTOR.voluntary), 0.3);
  deepStrictEqual(initialTrust(TRUST_DEFAULTS, SECTOR.statutory), 0.15);
});
