/**
 * The equal-budget rule: "total programme money M over Y years" becomes grants of any cycle
 * length with the same total awarded. Tolerance: £1 (floating-point sums over 36 organisations
 * and up to 520 weeks).
 */
import { ok, strictEqual } from "node:assert/strict";
import { column } from "../../src/core/mod.ts";
import { plannedGrantWeeks, resolveParams, simulate } from "../../src/model/mod.ts";

const TOTAL = 5_000_000 * 7;

for (const gapWeeks of [0, 13]) {
  for (const cycleYears of [1, 2, 3, 5, 7]) {
    Deno.test(`equalTotal budget rule awards £35m over 7 years with ${cycleYears}-year grants and ${gapWeeks}-week gaps`, () => {
      const params = resolveParams({
        funding: {
          programmeYears: 7,
          grantLengthYears: cycleYears,
          gapWeeks,
          renewalProbability: 1,
          extensionShare: 0,
          budgetRule: "equalTotal",
        },
      });
      const awarded = column(simulate(params, 3), "budget_gbp").reduce((a, b) => a + b, 0);
      ok(Math.abs(awarded - TOTAL) < 1, `awarded £${awarded}`);
    });
  }
}

Deno.test("annual budget rule awards less in total when gaps interrupt the grants", () => {
  const params = resolveParams({
    funding: {
      programmeYears: 7,
      grantLengthYears: 2,
      gapWeeks: 13,
      renewalProbability: 1,
      extensionShare: 0,
    },
  });
  const awarded = column(simulate(params, 3), "budget_gbp").reduce((a, b) => a + b, 0);
  strictEqual(plannedGrantWeeks(params.funding), 312);
  ok(Math.abs(awarded - TOTAL * 312 / 364) < 1, `awarded £${awarded}`);
});

Deno.test("the funding cliff shows in the time series: budget and grant spend stop when grants end", () => {
  const rec = simulate(resolveParams({ funding: { extensionShare: 0 } }), 2);
  const budget = column(rec, "budget_gbp");
  ok(budget[259] > 0 && budget[260] === 0, "every grant ends at week 260");
  ok(column(rec, "grant_spend_gbp")[261] === 0);
  ok(column(rec, "posts_ended")[260] > 100, "posts end with their grants");
});
