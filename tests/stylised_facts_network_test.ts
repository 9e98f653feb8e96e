/**
 * Stylised facts 3, 4, 6 and 7 of DESIGN.md, over 20 paired replicates (run seed
 * `replicateSeed(2015, r)` for replicate r of every scenario compared).
 *
 * Tolerance: a difference "holds" when the 95% interval (Student's t, 19 degrees of freedom) of
 * the paired mean difference lies entirely on the stated side of zero; "no more than" holds when
 * the interval's upper end is below 2% of the comparison scenario's mean. Each fact is also
 * checked to fail with its mechanism switched off.
 */
import { ok } from "node:assert/strict";
import { column, replicateSeed } from "../src/core/mod.ts";
import { pairedDifference, summariseRun, type Summary } from "../src/experiment/mod.ts";
import { type ModelParams, type ParamsInput, resolveParams, simulate } from "../src/model/mod.ts";
import type { Recording } from "../src/core/mod.ts";

const REPLICATES = 20;
const seeds = Array.from({ length: REPLICATES }, (_, r) => replicateSeed(2015, r));

function runs(params: ModelParams): Recording[] {
  return seeds.map((seed) => simulate(params, seed));
}

function differ(a: Recording[], b: Recording[], value: (r: Recording) => number): Summary {
  return pairedDifference(a.map(value), b.map(value));
}

const total = (metric: string) => (r: Recording) => summariseRun(r)[metric];
const show = (s: Summary) =>
  `${s.mean.toPrecision(4)} [${s.lo.toPrecision(4)}, ${s.hi.toPrecision(4)}]`;
const mean = (rs: Recording[], value: (r: Recording) => number) =>
  rs.reduce((sum, r) => sum + value(r), 0) / rs.length;

function params(input: ParamsInput, mechanisms: Partial<ModelParams["mechanisms"]> = {}) {
  return resolveParams({ ...input, mechanisms: { ...input.mechanisms, ...mechanisms } });
}

// ── Fact 3 (M5) ───────────────────────────────────────────────────────────────────────────────
// No partnerships, partnerships on paper only, deep partnerships only; networking events off in
// all three, so that only the formal partnerships differ.

function fact3(m5: boolean) {
  const off = { mechanisms: { networking: false } };
  const none = runs(params({ ...off, partnerships: { perOrganisation: 0 } }, { partnerships: m5 }));
  const paper = runs(
    params({ ...off, partnerships: { shareOnPaper: 1, shareDeep: 0 } }, { partnerships: m5 }),
  );
  const deep = runs(
    params({ ...off, partnerships: { shareOnPaper: 0, shareDeep: 1 } }, { partnerships: m5 }),
  );
  const completed = total("referrals_completed");
  return {
    paper: differ(none, paper, completed),
    deep: differ(none, deep, completed),
    base: mean(none, completed),
  };
}

Deno.test("stylised fact 3: partnerships on paper give no more completed referrals than none; deep ones give more (M5)", () => {
  const d = fact3(true);
  ok(d.paper.hi < 0.02 * d.base, `paper − none: ${show(d.paper)} (none: ${d.base.toFixed(0)})`);
  ok(d.deep.lo > 0, `deep − none: ${show(d.deep)}`);
});

Deno.test("stylised fact 3 does not hold with M5 (partnerships) switched off", () => {
  const d = fact3(false);
  ok(!(d.deep.lo > 0), `deep − none: ${show(d.deep)}`);
});

// ── Fact 4 (M7) ───────────────────────────────────────────────────────────────────────────────

function fact4(m7: boolean) {
  const without = runs(params({ mechanisms: { networking: false } }));
  const withEvents = runs(params({}, { networking: m7 }));
  return {
    informal: differ(without, withEvents, total("informal_partnerships")),
    completed: differ(without, withEvents, total("referrals_completed")),
  };
}

Deno.test("stylised fact 4: networking events raise informal partnerships and completed referrals (M7)", () => {
  const d = fact4(true);
  ok(d.informal.lo > 0, `informal partnerships, with − without events: ${show(d.informal)}`);
  ok(d.completed.lo > 0, `completed referrals, with − without events: ${show(d.completed)}`);
});

Deno.test("stylised fact 4 does not hold with M7 (networking) switched off", () => {
  const d = fact4(false);
  ok(!(d.informal.lo > 0) && !(d.completed.lo > 0), `${show(d.informal)}; ${show(d.completed)}`);
});

// ── Fact 6 (M6) ───────────────────────────────────────────────────────────────────────────────

function fact6(m6: boolean) {
  const cold = runs(params({ referrals: { warmHandoffs: false } }, { referrals: m6 }));
  const warm = runs(params({}, { referrals: m6 }));
  return differ(cold, warm, total("statutory_engagement"));
}

Deno.test("stylised fact 6: warm hand-offs raise engagement with statutory services over cold signposting (M6)", () => {
  const d = fact6(true);
  ok(d.lo > 0, `share of accepted statutory referrals taken up, warm − cold: ${show(d)}`);
});

Deno.test("stylised fact 6 does not hold with M6 (referrals) switched off", () => {
  ok(!(fact6(false).lo > 0));
});

// ── Fact 7 (M8) ───────────────────────────────────────────────────────────────────────────────
// Take-up among families arriving later: the share of referred families who take up the offer in
// years 4 to 7 (weeks 156–363), once completing families have had time to become ambassadors.

function takeUpLater(r: Recording): number {
  const arrived = column(r, "families_arrived").slice(156, 364).reduce((a, b) => a + b, 0);
  const declined = column(r, "families_declined").slice(156, 364).reduce((a, b) => a + b, 0);
  return 1 - declined / arrived;
}

function fact7(m8: boolean) {
  const none = runs(params({ parents: { ambassadorShare: 0 } }, { parentsAsPartners: m8 }));
  const some = runs(params({}, { parentsAsPartners: m8 }));
  return differ(none, some, takeUpLater);
}

Deno.test("stylised fact 7: parent ambassadors raise take-up among families arriving later (M8)", () => {
  const d = fact7(true);
  ok(d.lo > 0, `take-up in years 4–7, with − without ambassadors: ${show(d)}`);
});

Deno.test("stylised fact 7 does not hold with M8 (parents as partners) switched off", () => {
  ok(!(fact7(false).lo > 0));
});
