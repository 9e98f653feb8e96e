import { deepStrictEqual, ok } from "node:assert/strict";
import {
  initialTrust,
  SECTOR,
  TRUST_DEFAULTS,
  trustAfterKeyWorkerLoss,
  trustStep,
} from "../../src/model/mod.ts";
import { oneOrganisation, placeFamily } from "./_fixtures.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

Deno.test("trustStep() closes growthPerWeek of the gap in an engaged week at full effect", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 0.5, engaged: true });
  trustStep(s, TRUST_DEFAULTS, 12, true);
  ok(close(s.families.trust[f], 0.5 + 0.1 * 0.5));
});

Deno.test("trustStep() grows trust more slowly with a less capable, newer key worker", () => {
  const s = oneOrganisation();
  s.posts.capability[0] = 0.5;
  s.posts.learning[0] = 0.4;
  const f = placeFamily(s, { trust: 0.5, engaged: true });
  trustStep(s, TRUST_DEFAULTS, 12, true);
  ok(close(s.families.trust[f], 0.5 + 0.1 * 0.5 * 0.4 * 0.5));
});

Deno.test("trustStep() grows trust more slowly when the key worker's caseload is over target", () => {
  const s = oneOrganisation(1, 30);
  const f = placeFamily(s, { trust: 0.5, engaged: true });
  for (let i = 0; i < 23; i++) placeFamily(s, { trust: 0.5, engaged: false });
  trustStep(s, TRUST_DEFAULTS, 12, true);
  ok(
    close(s.families.trust[f], 0.5 + 0.1 * 0.5 * 0.5),
    "24 families for a target of 12: half contact",
  );
});

Deno.test("trustStep() loses lossPerMissedWeek of trust in a missed week (quick to lose)", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 0.5, engaged: false });
  trustStep(s, TRUST_DEFAULTS, 12, true);
  ok(close(s.families.trust[f], 0.5 * 0.92));
  ok(
    0.5 - 0.5 * 0.92 > 0.1 * 0.5 * 0.6 * 0.5,
    "a missed week costs more than a typical engaged week gains",
  );
});

Deno.test("trustStep() keeps trust in [0, 1] over many weeks", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 0.99, engaged: true });
  for (let w = 0; w < 1000; w++) trustStep(s, { ...TRUST_DEFAULTS, growthPerWeek: 1 }, 12, true);
  ok(s.families.trust[f] <= 1 && s.families.trust[f] >= 0);
});

Deno.test("trustStep() with M3 switched off leaves trust unchanged", () => {
  const s = oneOrganisation();
  const a = placeFamily(s, { trust: 0.5, engaged: true });
  const b = placeFamily(s, { trust: 0.5, engaged: false });
  trustStep(s, TRUST_DEFAULTS, 12, false);
  deepStrictEqual([s.families.trust[a], s.families.trust[b]], [0.5, 0.5]);
  deepStrictEqual(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, 0.5, false), 0.5);
});

Deno.test("trustAfterKeyWorkerLoss() keeps only keptOnKeyWorkerChange of trust", () => {
  ok(close(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, 0.9, true), 0.27));
});

Deno.test("initialTrust() is lower for statutory services", () => {
  deepStrictEqual(initialTrust(TRUST_DEFAULTS, SECTOR.voluntary), 0.3);
  deepStrictEqual(initialTrust(TRUST_DEFAULTS, SECTOR.statutory), 0.15);
});
