import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { column } from "../../src/core/mod.ts";
import {
  allocateState,
  compileShocks,
  M,
  METRIC_NAMES,
  resolveParams,
  simulate,
} from "../../src/model/mod.ts";

const state = () => allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });

Deno.test("compileShocks() applies a step only in [from, to), then restores the value", () => {
  const live = { staff: { turnoverPerYear: 0.2 } };
  const s = state();
  const schedule = compileShocks(live, [{
    path: "staff.turnoverPerYear",
    from: 5,
    to: 8,
    set: 0.5,
  }]);
  const seen = [4, 5, 7, 8].map((w) => (schedule.apply(s, w), live.staff.turnoverPerYear));
  deepStrictEqual(seen, [0.2, 0.5, 0.5, 0.2]);
});

Deno.test("compileShocks() moves a ramp linearly to the change by `to`, then keeps it", () => {
  const live = { families: { referralsPerPostPerYear: 20 } };
  const s = state();
  const schedule = compileShocks(live, [
    { path: "families.referralsPerPostPerYear", from: 10, to: 20, shape: "ramp", multiply: 2 },
  ]);
  const seen = [9, 10, 15, 20, 100].map((
    w,
  ) => (schedule.apply(s, w), live.families.referralsPerPostPerYear));
  deepStrictEqual(seen, [20, 20, 30, 40, 40]);
  strictEqual(s.gauges[M.shocks_active], 1, "a completed ramp still holds its change");
});

Deno.test("compileShocks() applies shocks on one parameter in order, each to the previous value", () => {
  const live = { staff: { vacancyWeeks: 10 } };
  const s = state();
  const schedule = compileShocks(live, [
    { path: "staff.vacancyWeeks", from: 0, to: 10, set: 20 },
    { path: "staff.vacancyWeeks", from: 5, to: 10, multiply: 1.5 },
  ]);
  schedule.apply(s, 3);
  strictEqual(live.staff.vacancyWeeks, 20);
  schedule.apply(s, 6);
  strictEqual(live.staff.vacancyWeeks, 30);
  strictEqual(s.gauges[M.shocks_active], 2);
});

Deno.test("compileShocks() rounds whole-number parameters and refuses setup-only ones", () => {
  const live = { staff: { caseloadMax: 16 }, organisations: { funded: 36 } };
  const s = state();
  compileShocks(live, [{ path: "staff.caseloadMax", from: 0, to: 4, shape: "ramp", set: 20 }])
    .apply(s, 1);
  strictEqual(live.staff.caseloadMax, 17);
  throws(
    () => compileShocks(live, [{ path: "organisations.funded", from: 0, to: 1, set: 1 }]),
    RangeError,
  );
  throws(
    () => compileShocks(live, [{ path: "staff.nothing", from: 0, to: 1, set: 1 }]),
    RangeError,
  );
});

Deno.test("simulate() with a shock from week 100 matches the unshocked run, draw for draw, until week 100", () => {
  const plain = simulate(resolveParams({ horizonYears: 3 }), 4);
  const shocked = simulate(
    resolveParams({
      horizonYears: 3,
      shocks: [{ path: "families.referralsPerPostPerYear", from: 100, to: 130, multiply: 2 }],
    }),
    4,
  );
  for (let m = 0; m < METRIC_NAMES.length; m++) {
    deepStrictEqual(
      plain.columns[m].slice(0, 100),
      shocked.columns[m].slice(0, 100),
      METRIC_NAMES[m],
    );
  }
  notDeepStrictEqual(column(plain, "families_arrived"), column(shocked, "families_arrived"));
  const arrived = (r: typeof plain) =>
    column(r, "families_arrived").slice(100, 130).reduce((a, b) => a + b, 0);
  ok(arrived(shocked) > 1.5 * arrived(plain), "twice the referrals while the shock lasts");
  strictEqual(column(shocked, "shocks_active")[99], 0);
  strictEqual(column(shocked, "shocks_active")[100], 1);
});

Deno.test("simulate() with statutory capacity cut: statutory families get less contact and trust falls", () => {
  const params = (share: number) =>
    resolveParams({
      horizonYears: 10,
      shocks: [{ path: "staff.statutoryCapacityShare", from: 0, to: 520, set: share }],
    });
  // After year 7 only statutory services are left, so mean trust is theirs alone.
  const trustLate = (share: number) => {
    const t = column(simulate(params(share), 6), "mean_trust").slice(420, 520);
    return t.reduce((a, b) => a + b, 0) / t.length;
  };
  ok(trustLate(0.3) < trustLate(1) - 0.05, `${trustLate(0.3)} vs ${trustLate(1)}`);
});
