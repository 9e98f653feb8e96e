import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createStream } from "../../src/core/mod.ts";
import {
  createEngagementCurve,
  ENGAGEMENT_DEFAULTS,
  engagementProbability,
  engagementStep,
  engages,
  engagesOnCurve,
  FAMILY,
  fitEngagementCurve,
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

Deno.test("engagesOnCurve() decides exactly as engages(), over a million draws, at every cell's ends and bounds, for rising, flat and falling curves", () => {
  const random = createStream(13, "test.curve");
  const curves = [
    ENGAGEMENT_DEFAULTS,
    { ...ENGAGEMENT_DEFAULTS, steepness: 0.5, trustAtHalf: 0.9 },
    { ...ENGAGEMENT_DEFAULTS, steepness: 200, trustAtHalf: 0.5 }, // nearly a step
    { ...ENGAGEMENT_DEFAULTS, steepness: 0 }, // flat: one half everywhere
    { ...ENGAGEMENT_DEFAULTS, steepness: -10 }, // falling
  ];
  const curve = createEngagementCurve();
  const exponentials = countingExp();
  let fromCurve = 0; // calls of Math.exp on the default curve, after fitting
  try {
    for (const p of curves) {
      fitEngagementCurve(curve, p); // refits: a shock may change the curve between weeks
      for (let i = 0; i < 200_000; i++) {
        const t = Math.fround(random());
        const u = random();
        const before = exponentials.count;
        const decided = engagesOnCurve(curve, p, t, u);
        if (p === ENGAGEMENT_DEFAULTS) fromCurve += exponentials.count - before;
        if (decided !== engages(p, t, u)) {
          throw new Error(`steepness ${p.steepness}, t ${t}, u ${u}`);
        }
      }
      // Trust at and next to every cell's ends; draws at the probability there and at the
      // cell's bounds, and just either side of each.
      for (let i = 0; i <= 1024; i++) {
        const ends = [i / 1024, Math.fround(i / 1024 + 2 ** -24), Math.fround(i / 1024 - 2 ** -24)];
        for (const t of ends) {
          if (t < 0 || t > 1) continue;
          const q = engagementProbability(p, t);
          const low = curve.bounds[2 * i];
          const high = curve.bounds[2 * i + 1];
          for (const b of [q, low, high]) {
            for (const u of [b, b - Number.EPSILON, b + Number.EPSILON]) {
              if (u < 0 || u >= 1) continue;
              strictEqual(engagesOnCurve(curve, p, t, u), engages(p, t, u), `t ${t}, u ${u}`);
            }
          }
        }
      }
      // Trust outside [0, 1], or not a number, falls back to the formula.
      for (const t of [-0.5, 1.5, NaN]) {
        for (const u of [0, 0.3, 0.7, 0.999]) {
          strictEqual(engagesOnCurve(curve, p, t, u), engages(p, t, u), `t ${t}, u ${u}`);
        }
      }
    }
  } finally {
    exponentials.restore();
  }
  // On the default curve 163 of the 200,000 draws (0.08%) reached the formula. More than 1%
  // means the table no longer bounds the curve tightly.
  ok(fromCurve > 0, "the count sees engagesOnCurve() fall back to the formula");
  ok(fromCurve < 200_000 / 100, `${fromCurve} of 200,000 computed the exponential`);
});

Deno.test("fitEngagementCurve() rebuilds the table only when the curve's parameters change", () => {
  const curve = createEngagementCurve();
  fitEngagementCurve(curve, ENGAGEMENT_DEFAULTS);
  const cell = 2 * Math.floor(0.6 * 1024);
  const before = curve.bounds[cell];
  curve.bounds[cell] = -1; // a mark: a rebuild would overwrite it
  fitEngagementCurve(curve, { ...ENGAGEMENT_DEFAULTS });
  strictEqual(curve.bounds[cell], -1, "same parameters: the table is kept");
  fitEngagementCurve(curve, { ...ENGAGEMENT_DEFAULTS, trustAtHalf: 0.3 });
  ok(curve.bounds[cell] > 0 && curve.bounds[cell] !== before, "a new T₅₀: rebuilt");
  strictEqual(curve.trustAtHalf, 0.3);
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
