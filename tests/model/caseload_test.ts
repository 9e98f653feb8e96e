import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  caseloadStep,
  FAMILY,
  FUNDING_DEFAULTS,
  keyWorkerLeaves,
  M,
  PHASE,
  POST,
  STAFF_DEFAULTS,
  TRANSITION,
  TRUST_DEFAULTS,
  trustAfterKeyWorkerLoss,
} from "../../src/model/mod.ts";
import { constant, oneOrganisation, placeFamily } from "./_fixtures.ts";

Deno.test("caseloadStep() gives a waiting family the least loaded key worker with room", () => {
  const s = oneOrganisation(2, 10);
  placeFamily(s, { post: 0 });
  const f = placeFamily(s, { post: -1 });
  s.families.hadKeyWorker[f] = 0;
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.families.status[f], s.families.keyWorker[f]], [FAMILY.supported, 1]);
  deepStrictEqual([s.flows[M.families_started], s.flows[M.key_worker_changes], s.orgs.waiting[0]], [
    1,
    0,
    0,
  ]);
});

Deno.test("caseloadStep() never fills a caseload beyond caseloadMax", () => {
  const s = oneOrganisation(1, 40);
  for (let i = 0; i < 30; i++) {
    const f = placeFamily(s, { post: -1 });
    s.families.hadKeyWorker[f] = 0;
  }
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.posts.caseload[0], s.orgs.waiting[0]], [16, 14]);
});

Deno.test("caseloadStep() sends a family whose key worker left back to wait, with ρ of its trust, and counts the change", () => {
  const s = oneOrganisation(2, 10);
  const f = placeFamily(s, { post: 0, trust: 0.8 });
  keyWorkerLeaves(s, 0, POST.vacant);
  s.posts.status[1] = POST.ended;
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.families.status[f], s.posts.caseload[0], s.orgs.waiting[0]], [
    FAMILY.waiting,
    0,
    1,
  ]);
  ok(Math.abs(s.families.trust[f] - 0.24) < 1e-6);
  strictEqual(
    s.families.trust[f],
    Math.fround(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, Math.fround(0.8), true)),
  );
  s.posts.status[1] = POST.filled;
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.families.keyWorker[f], s.flows[M.key_worker_changes]], [1, 1]);
});

Deno.test("caseloadStep() with M3 off keeps a family's trust when its key worker leaves", () => {
  const s = oneOrganisation(1, 4);
  const f = placeFamily(s, { post: 0, trust: 0.8 });
  keyWorkerLeaves(s, 0, POST.vacant);
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), false);
  deepStrictEqual([s.families.status[f], s.families.trust[f]], [FAMILY.waiting, Math.fround(0.8)]);
});

Deno.test("caseloadStep() notices a new holder of the same post as a change of key worker", () => {
  const s = oneOrganisation(1, 4);
  const f = placeFamily(s, { post: 0, trust: 0.5 });
  keyWorkerLeaves(s, 0, POST.vacant);
  s.posts.status[0] = POST.filled; // and was replaced in the same week
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.families.keyWorker[f], s.flows[M.key_worker_changes]], [0, 1]);
  ok(Math.abs(s.families.trust[f] - 0.15) < 1e-6);
});

Deno.test("caseloadStep() checks the key workers of the organisations a worker left, then clears the mark", () => {
  const s = oneOrganisation(2, 4);
  const f = placeFamily(s, { post: 0, trust: 0.5 });
  // A holder count moved by hand, without keyWorkerLeaves: the organisation is not marked, so the
  // step does not look (the mark is what keeps the step from checking every family every week).
  s.posts.holder[0]++;
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.families.keyWorker[f], s.flows[M.key_worker_changes]], [0, 0]);
  s.orgs.keyWorkerLeft[0] = 1;
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual(
    [s.families.keyWorker[f], s.families.keyWorkerHolder[f], s.flows[M.key_worker_changes]],
    [0, 1, 1],
    "the post's new holder takes the family on: a change of key worker",
  );
  deepStrictEqual(s.orgs.keyWorkerLeft[0], 0, "the mark is cleared");
});

Deno.test("caseloadStep() closes every case of an organisation whose grant closed", () => {
  const s = oneOrganisation(1, 4);
  placeFamily(s, { post: 0 });
  placeFamily(s, { post: -1 });
  s.orgs.transition[0] = TRANSITION.closed;
  s.orgs.phase[0] = PHASE.closed;
  s.posts.status[0] = POST.ended;
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, constant(0), true);
  deepStrictEqual([s.flows[M.cases_closed], s.families.free.count, s.posts.caseload[0]], [2, 4, 0]);
});

Deno.test("caseloadStep() hands caseHandoverShare of a caseload over a gap and closes the rest", () => {
  const s = oneOrganisation(1, 4);
  const kept = placeFamily(s, { post: 0 });
  const closed = placeFamily(s, { post: 0 });
  s.orgs.transition[0] = TRANSITION.enteredGap;
  s.orgs.phase[0] = PHASE.gap;
  s.posts.status[0] = POST.ended;
  let i = 0;
  const draws = () => (i++ === 0 ? 0.2 : 0.7); // 0.2 < 0.5 keeps, 0.7 closes
  caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, draws, true);
  deepStrictEqual([s.families.status[kept], s.families.status[closed]], [
    FAMILY.waiting,
    FAMILY.empty,
  ]);
  deepStrictEqual([s.flows[M.cases_closed], s.orgs.waiting[0]], [1, 1]);
});
