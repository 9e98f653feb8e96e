import { deepStrictEqual, ok } from "node:assert/strict";
import { FAMILY, M, NEED, OUTCOME_DEFAULTS, outcomesStep } from "../../src/model/mod.ts";
import { oneOrganisation, placeFamily } from "./_fixtures.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

Deno.test("outcomesStep() moves an engaged family on each outcome by g · q · ℓ · c · (0.5 + 0.5T) · (1 − drag·s)", () => {
  const s = oneOrganisation();
  s.posts.capability[0] = 0.8;
  const f = placeFamily(s, { trust: 0.6, severity: 0.4 });
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, true);
  const effect = 0.8 * 1 * 1 * (0.5 + 0.3) * (1 - 0.5 * 0.4);
  ok(close(s.families.progress[3 * f], 0.08 * effect));
  ok(close(s.families.progress[3 * f + 1], 0.07 * effect));
  ok(close(s.families.progress[3 * f + 2], 0.06 * effect));
  ok(close(s.families.severity[f], 0.4 * 0.97), "engagement eases needs");
});

Deno.test("outcomesStep() counts each outcome once when it reaches the threshold, and completes the family", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { trust: 1 });
  s.families.progress.set([0.69, 0.1, 0.1], 3 * f);
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, true);
  deepStrictEqual([s.flows[M.outcomes_achieved], s.families.achieved[f]], [1, 1]);
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 2, true);
  deepStrictEqual(s.flows[M.outcomes_achieved], 1, "not counted again");
  s.families.progress.set([0.9, 0.69, 0.69], 3 * f);
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 3, true);
  deepStrictEqual([s.flows[M.outcomes_achieved], s.flows[M.families_completed]], [3, 1]);
  deepStrictEqual([s.families.status[f], s.posts.caseload[0]], [FAMILY.empty, 0]);
});

Deno.test("outcomesStep() lets progress slip and needs escalate without engagement", () => {
  const s = oneOrganisation(1, 3);
  const f = placeFamily(s, { engaged: false, severity: 0.5 });
  s.families.progress.set([0.5, 0.5, 0.5], 3 * f);
  const w = placeFamily(s, { post: -1, severity: 0.5 });
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, true);
  ok(close(s.families.progress[3 * f], 0.5 * 0.98));
  ok(close(s.families.severity[f], 0.5 + 0.02 * 0.5));
  ok(close(s.families.severity[w], 0.5 + 0.02 * 0.5), "waiting families' needs escalate");
});

Deno.test("outcomesStep() without escalation (M4 off) leaves needs as they are", () => {
  const s = oneOrganisation(1, 2);
  const w = placeFamily(s, { post: -1, severity: 0.5 });
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, false);
  deepStrictEqual(s.families.severity[w], 0.5);
});

Deno.test("outcomesStep() closes a case maxWeeksInProgramme after referral", () => {
  const s = oneOrganisation();
  const f = placeFamily(s, { engaged: false, arrivalWeek: 0 });
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 103, true);
  deepStrictEqual(s.families.status[f], FAMILY.supported);
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 104, true);
  deepStrictEqual([s.families.status[f], s.flows[M.cases_closed]], [FAMILY.empty, 1]);
});

Deno.test("outcomesStep() gives a key worker's freed time to the families after a leaver in the same week", () => {
  // Target 1 family per key worker, two on the caseload: contact 0.5 until one leaves.
  for (const leaves of ["completes", "is closed"]) {
    const s = oneOrganisation(1, 2);
    const [first, second] = [placeFamily(s, { trust: 1 }), placeFamily(s, { trust: 1 })].sort(
      (a, b) => a - b,
    );
    if (leaves === "completes") s.families.progress.set([0.69, 0.69, 0.69], 3 * first);
    else s.families.arrivalWeek[first] = -OUTCOME_DEFAULTS.maxWeeksInProgramme;
    outcomesStep(s, OUTCOME_DEFAULTS, 1, 0, true);
    deepStrictEqual(s.families.status[first], FAMILY.empty, `the first family ${leaves}`);
    // Capability, learning and trust are 1, severity 0: the effect is the contact.
    ok(close(s.families.progress[3 * second], 0.08 * 1), `contact 1 after the first ${leaves}`);
  }
});

Deno.test("outcomesStep() lists, in slot order, the families still supported and engaged with a need beyond family support unmet, with the needs M6 may act on", () => {
  const s = oneOrganisation(2, 8);
  const withNeed = (options: Parameters<typeof placeFamily>[1]) => {
    const f = placeFamily(s, options);
    s.families.needs[f] = NEED.familySupport | NEED.mentalHealth;
    s.families.needsMet[f] = NEED.familySupport;
    return f;
  };
  const listed = withNeed({ trust: 0.5 });
  withNeed({ trust: 0.5, engaged: false }); // did not engage
  withNeed({ post: -1 }); // waiting
  const met = withNeed({ trust: 0.5 });
  s.families.needsMet[met] |= NEED.mentalHealth; // met already
  const completes = withNeed({ trust: 1 });
  s.families.progress.set([0.69, 0.69, 0.69], 3 * completes);
  const closed = withNeed({ trust: 0.5 });
  s.families.arrivalWeek[closed] = -OUTCOME_DEFAULTS.maxWeeksInProgramme;
  const second = withNeed({ trust: 0.5, post: 1 });
  // The organisation serves disability: listed for mental health only, or not at all.
  s.orgs.services[0] |= NEED.disability;
  const alsoServed = withNeed({ trust: 0.5 });
  s.families.needs[alsoServed] |= NEED.disability;
  const onlyServed = withNeed({ trust: 0.5 });
  s.families.needs[onlyServed] = NEED.familySupport | NEED.disability;
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 0, true, null, true);
  const { slots, needs, count } = s.families.referable;
  const expected = [listed, second, alsoServed].sort((a, b) => a - b);
  deepStrictEqual(Array.from(slots.subarray(0, count)), expected);
  deepStrictEqual(Array.from(needs.subarray(0, count)), expected.map(() => NEED.mentalHealth));
  deepStrictEqual([s.families.status[completes], s.families.status[closed]], [
    FAMILY.empty,
    FAMILY.empty,
  ]);
  outcomesStep(s, OUTCOME_DEFAULTS, 12, 0, true, null, false);
  deepStrictEqual(s.families.referable.count, 0, "nothing listed when referrals are off");
  // A limit in fractional weeks (possible from code, not from a scenario): a family 10 weeks
  // in is listed under a limit of 10.5 and stays, and is closed, not listed, under 9.5.
  for (const [limit, kept] of [[10.5, true], [9.5, false]] as const) {
    const t = oneOrganisation(1, 2);
    const f = placeFamily(t, { trust: 0.5 });
    t.families.needs[f] = NEED.familySupport | NEED.mentalHealth;
    t.families.arrivalWeek[f] = 0;
    outcomesStep(t, { ...OUTCOME_DEFAULTS, maxWeeksInProgramme: limit }, 12, 10, true, null, true);
    deepStrictEqual(
      [t.families.referable.count, t.families.status[f] !== FAMILY.empty],
      [kept ? 1 : 0, kept],
      `limit ${limit}`,
    );
  }
});
