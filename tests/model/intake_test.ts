import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createStream } from "../../src/core/mod.ts";
import {
  allocateState,
  FAMILY,
  FAMILY_DEFAULTS,
  FUNDING_DEFAULTS,
  intakeStep,
  M,
  PARENT_DEFAULTS,
  PHASE,
  startFunding,
  TRUST_DEFAULTS,
} from "../../src/model/mod.ts";
import { constant } from "./_fixtures.ts";

function organisations(posts: number[], fundedCount: number, capacity: number) {
  const s = allocateState({ postsPerOrganisation: posts, fundedCount, familyCapacity: capacity });
  startFunding(s, { ...FUNDING_DEFAULTS, programmeYears: 50, grantLengthYears: 50 }, true);
  return s;
}
const longGrant = { ...FUNDING_DEFAULTS, programmeYears: 50, grantLengthYears: 50 };

Deno.test("intakeStep() refers posts · referralsPerPostPerYear / 52 families a week on average", () => {
  const s = organisations([3], 1, 100);
  const params = { ...FAMILY_DEFAULTS, maxWaitingPerPost: 1e6 };
  const streams = {
    arrivals: createStream(2, "test.arrivals"),
    need: createStream(2, "test.need"),
    needs: createStream(2, "test.needs"),
    takeUp: constant(0),
  };
  const weeks = 2000;
  let arrived = 0;
  for (let w = 0; w < weeks; w++) {
    intakeStep(s, params, longGrant, TRUST_DEFAULTS, PARENT_DEFAULTS, streams, w);
    arrived += s.flows[M.families_arrived];
    s.flows.fill(0);
    // empty the waiting list again
    for (let f = 0; f < 100; f++) {
      if (s.families.status[f] !== FAMILY.empty) {
        s.families.status[f] = FAMILY.empty;
        s.families.free.slots[s.families.free.count++] = f;
      }
    }
    s.orgs.waiting[0] = 0;
  }
  const mean = 3 * 25 / 52;
  // Poisson: standard error of the mean sqrt(mean / weeks) ≈ 0.024; allow 4 of them.
  ok(
    Math.abs(arrived / weeks - mean) < 4 * Math.sqrt(mean / weeks),
    `${arrived / weeks} vs ${mean}`,
  );
});

Deno.test("intakeStep() turns families away when the waiting list is full", () => {
  const s = organisations([1], 1, 50);
  const params = { ...FAMILY_DEFAULTS, referralsPerPostPerYear: 52 * 20, maxWaitingPerPost: 2 };
  intakeStep(s, params, longGrant, TRUST_DEFAULTS, PARENT_DEFAULTS, {
    arrivals: constant(0.5),
    need: constant(0.5),
    needs: constant(0.5),
    takeUp: constant(0),
  }, 0);
  ok(s.flows[M.families_arrived] > 2);
  deepStrictEqual(s.orgs.waiting[0], 2);
  deepStrictEqual(s.flows[M.families_turned_away], s.flows[M.families_arrived] - 2);
});

Deno.test("intakeStep() gives families the starting trust of the sector and a severity in range", () => {
  const s = organisations([1, 1], 1, 50);
  const params = { ...FAMILY_DEFAULTS, referralsPerPostPerYear: 52 * 5 };
  intakeStep(s, params, longGrant, TRUST_DEFAULTS, PARENT_DEFAULTS, {
    arrivals: constant(0.9),
    need: constant(0.5),
    needs: constant(0.5),
    takeUp: constant(0),
  }, 3);
  for (let f = 0; f < 50; f++) {
    if (s.families.status[f] !== FAMILY.waiting) continue;
    const expected = s.families.org[f] === 0 ? 0.3 : 0.15;
    deepStrictEqual(s.families.trust[f], Math.fround(expected));
    deepStrictEqual(s.families.severity[f], Math.fround(0.5));
    deepStrictEqual(s.families.arrivalWeek[f], 3);
  }
});

Deno.test("intakeStep() takes no one into a closed organisation", () => {
  const s = organisations([2], 1, 50);
  s.orgs.phase[0] = PHASE.closed;
  intakeStep(s, FAMILY_DEFAULTS, longGrant, TRUST_DEFAULTS, PARENT_DEFAULTS, {
    arrivals: constant(0.999),
    need: constant(0.5),
    needs: constant(0.5),
    takeUp: constant(0),
  }, 0);
  deepStrictEqual(s.flows[M.families_arrived], 0);
});

Deno.test("intakeStep() lets takeUpShare of referred families take up the offer, more with parent ambassadors", () => {
  const share = (ambassadors: number) => {
    const s = organisations([3], 1, 100_000);
    s.orgs.ambassadors[0] = ambassadors;
    const streams = {
      arrivals: createStream(4, "test.arrivals"),
      need: createStream(4, "test.need"),
      needs: createStream(4, "test.needs"),
      takeUp: createStream(4, "test.takeup"),
    };
    const params = { ...FAMILY_DEFAULTS, maxWaitingPerPost: 1e6 };
    for (let w = 0; w < 2000; w++) {
      intakeStep(s, params, longGrant, TRUST_DEFAULTS, PARENT_DEFAULTS, streams, w);
    }
    return 1 - s.flows[M.families_declined] / s.flows[M.families_arrived];
  };
  // about 2,900 arrivals: standard error of a share near 0.8 ≈ 0.0074; allow 4 of them
  ok(Math.abs(share(0) - 0.8) < 0.03, `take-up ${share(0)}`);
  ok(
    share(9) > 0.87,
    `with ambassadors at saturation: ${share(9)} (expected 0.8 + 0.2 · 0.5 = 0.9)`,
  );
});

Deno.test("intakeStep() gives families needs beyond family support at their shares", () => {
  const s = organisations([1], 1, 200_000);
  const streams = {
    arrivals: () => 0.9999,
    need: createStream(5, "test.need"),
    needs: createStream(5, "test.needs"),
    takeUp: constant(0),
  };
  const params = { ...FAMILY_DEFAULTS, maxWaitingPerPost: 1e9, referralsPerPostPerYear: 520 };
  for (let w = 0; w < 2000; w++) {
    intakeStep(s, params, longGrant, TRUST_DEFAULTS, PARENT_DEFAULTS, streams, w);
  }
  let n = 0;
  let mental = 0;
  for (let f = 0; f < s.families.capacity; f++) {
    if (s.families.status[f] === 0) continue;
    n++;
    if (s.families.needs[f] & 2) mental++;
    strictEqual(s.families.needs[f] & 1, 1, "every family needs family support");
  }
  // standard error of a share near 0.3 with n ≈ 20,000: 0.0032; allow 4 of them
  ok(Math.abs(mental / n - 0.3) < 0.013, `mental-health share ${mental / n}`);
});
