import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createStream } from "../../src/core/mod.ts";
import {
  ENGAGEMENT_DEFAULTS,
  engagementProbability,
  engagementStep,
  engages,
  FAMILY,
  M,
} from "../../src/model/mod.ts";
import { constant, oneOrganisation, placeFamily } from "./_fixtures.ts";

Deno.test("engagementProbability() rises with trust through one half at trustAtHalf", () => {
  deepStrictEqual(engagementProbability(ENGAGEMENT_DEFAULTS, 0.25), 0.5);
  ok(engagementProbability(ENGAGEMENT_DEFAULTS, 0.1) < 0.2);
  ok(engagementProbability(ENGAGEMENT_DEFAULTS, 0.6) > 0.95);
});

Deno.test("engagementStep() engages families at the probability their trust gives", () => {
  const n = 20_000;
  const s = oneOrganisation(1, n);
  for (let i = 0; i < n; i++) placeFamily(s, { trust: 0.3 });
  const params = { ...ENGAGEMENT_DEFAULTS, dropoutPerMissedWeek: 0 };
  engagementStep(s, params, {
    engage: createStream(1, "test.engage"),
    dropout: createStream(1, "test.dropout"),
  }, true);
  let engaged = 0;
  for (let f = 0; f < n; f++) engaged += s.families.engaged[f];
  const p = engagementProbability(params, 0.3);
  // Binomial: standard error sqrt(p(1 − p)/n) ≈ 0.0032; allow 4 of them.
  ok(Math.abs(engaged / n - p) < 4 * Math.sqrt(p * (1 - p) / n), `${engaged / n} vs ${p}`);
});

Deno.test("engagementStep() drops out only families who did not engage, more of those with low trust", () => {
  const s = oneOrganisation(1, 4);
  const engagedFamily = placeFamily(s, { trust: 0.9 });
  const lowTrust = placeFamily(s, { trust: 0.0 });
  // engage draws: 0 (engages), 0.999 (does not); dropout draw 0.05 < 0.1 · (1 − 0)
  engagementStep(s, ENGAGEMENT_DEFAULTS, {
    engage: (() => {
      let i = 0;
      return () => (i++ === 0 ? 0 : 0.999);
    })(),
    dropout: constant(0.05),
  }, true);
  deepStrictEqual(s.families.status[engagedFamily], FAMILY.supported);
  deepStrictEqual(s.families.status[lowTrust], FAMILY.empty);
  deepStrictEqual([s.flows[M.dropouts], s.posts.caseload[0]], [1, 1]);

  const t = oneOrganisation(1, 2);
  const trusting = placeFamily(t, { trust: 0.6 });
  engagementStep(
    t,
    ENGAGEMENT_DEFAULTS,
    { engage: constant(0.9999), dropout: constant(0.05) },
    true,
  );
  deepStrictEqual(t.families.status[trusting], FAMILY.supported, "0.05 ≥ 0.1 · (1 − 0.6)");
});

Deno.test("engagementStep() lets waiting families give up at waitingDropoutPerWeek", () => {
  const s = oneOrganisation(1, 2);
  const f = placeFamily(s, { post: -1 });
  engagementStep(s, ENGAGEMENT_DEFAULTS, { engage: constant(0), dropout: constant(0.02) }, true);
  deepStrictEqual([s.families.status[f], s.orgs.waiting[0]], [FAMILY.empty, 0]);
});

Deno.test("engagementStep() with M4 switched off: everyone engages, nobody drops out", () => {
  const s = oneOrganisation(1, 3);
  const a = placeFamily(s, { trust: 0, engaged: false });
  const w = placeFamily(s, { post: -1 });
  engagementStep(s, ENGAGEMENT_DEFAULTS, { engage: constant(0.999), dropout: constant(0) }, false);
  deepStrictEqual([s.families.engaged[a], s.families.status[w], s.flows[M.dropouts]], [
    1,
    FAMILY.waiting,
    0,
  ]);
});

Deno.test("engages() decides exactly as u < engagementProbability, over a million draws, at the probability and at its bounds", () => {
  const random = createStream(12, "test.engages");
  const params = [ENGAGEMENT_DEFAULTS, {
    ...ENGAGEMENT_DEFAULTS,
    steepness: 0.5,
    trustAtHalf: 0.9,
  }];
  const exponentials = countingExp(); // counts calls of Math.exp until restored
  let fromEngages = 0; // … of them by engages(), on the default curve
  try {
    for (const p of params) {
      for (let i = 0; i < 500_000; i++) {
        const t = Math.fround(random());
        const u = random();
        const expected = u < engagementProbability(p, t);
        const before = exponentials.count;
        if (engages(p, t, u) !== expected) throw new Error(`t ${t}, u ${u}: expected ${expected}`);
        if (p === ENGAGEMENT_DEFAULTS) fromEngages += exponentials.count - before;
      }
      // Draws right at the probability and right at the shortcut's bounds, with trust at, just
      // around and far from T₅₀, including where the shortcut starts (|x| just over 10⁻²).
      const edge = 1e-2 / p.steepness;
      for (
        const t of [
          p.trustAtHalf,
          p.trustAtHalf + 1e-9,
          p.trustAtHalf + 1e-6,
          p.trustAtHalf + edge * (1 + 1e-9),
          p.trustAtHalf - edge * (1 + 1e-9),
          p.trustAtHalf + 2 * edge,
          p.trustAtHalf - 2 * edge,
          0,
          0.5,
          1,
        ]
      ) {
        const q = engagementProbability(p, t);
        const y = Math.abs(p.steepness * (t - p.trustAtHalf));
        const s = 1 + y * (1 + y * (0.5 + y * (1 / 6)));
        for (const b of [q, s / (1 + s), 1 / (1 + s)]) {
          for (const u of [b, b - Number.EPSILON, b + Number.EPSILON, b * (1 - 1e-15)]) {
            strictEqual(engages(p, t, u), u < q, `t ${t}, u ${u}`);
          }
        }
      }
    }
  } finally {
    exponentials.restore();
  }
  // With the default curve and trust spread evenly, 72,364 of the 500,000 draws (14.5%) reach the
  // exponential (40.6% did with the first-order bound this replaced); at most 20% may, or the
  // shortcut is not worth having.
  ok(fromEngages > 0, "the count sees engages() call Math.exp");
  ok(fromEngages < 500_000 / 5, `${fromEngages} of 500,000 computed the exponential`);
});

/** Replaces Math.exp by a wrapper that counts its calls (engagementProbability's included). */
function countingExp(): { count: number; restore: () => void } {
  const exp = Math.exp;
  const counter = { count: 0, restore: () => void (Math.exp = exp) };
  Math.exp = (x: number) => {
    counter.count++;
    return exp(x);
  };
  return counter;
}
