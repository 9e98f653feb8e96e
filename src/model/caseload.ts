/**
 * Key workers and caseloads: families who lost their key worker go back on the waiting list
 * (keeping only part of their trust, M3); a grant that ends closes its caseload, and one that
 * pauses hands part of it over to wait for the next grant (M1); waiting families are given a
 * key worker with room in their organisation, the least loaded first. Source:
 * `003_2d3a9cdd3abf509d.txt` (short cycles and staff churn break relationships).
 *
 * Waiting families are served in slot order, not first come first served; with a constant
 * waiting drop-out hazard the order does not change how many give up.
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import type { FundingParams } from "./funding_cycle.ts";
import { M } from "./metric_names.ts";
import type { PartnershipParams } from "./partnership_network.ts";
import type { StaffParams } from "./staff_turnover.ts";
import {
  FAMILY,
  type ModelState,
  PHASE,
  POST,
  type PostState,
  releaseFamily,
  SECTOR,
  TRANSITION,
} from "./state.ts";
import type { TrustParams } from "./trust.ts";

/**
 * A key worker's contact with each of their families this week, in [0, 1]: full up to
 * `caseloadTarget` families, then shared among them (`caseloadTarget / caseload`), times the
 * post's contact share (what partnership time and statutory capacity leave, set by
 * {@linkcode caseloadStep}). Trust (M3) and progress (M4) grow with it.
 *
 * @param posts The posts.
 * @param post The key worker's post.
 * @param caseloadTarget Families per key worker at full contact.
 * @returns The contact, in [0, 1].
 *
 * @example Sixteen families share a target of twelve
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { keyWorkerContact } from "./caseload.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.posts.caseload[0] = 16;
 * strictEqual(keyWorkerContact(s.posts, 0, 12), 0.75);
 * ```
 */
export function keyWorkerContact(posts: PostState, post: number, caseloadTarget: number): number {
  const load = posts.caseload[post];
  return (load > caseloadTarget ? caseloadTarget / load : 1) * posts.contactShare[post];
}

/**
 * Caseload step. First, every post's contact share for the week: the share of staff time the
 * organisation's partnerships (M5) leave for casework,
 * `max(0.5, 1 − partnershipHours / (posts · hoursPerPostPerWeek))`, times
 * `statutoryCapacityShare` for a statutory service. Then, for every family slot: detach families
 * whose key worker left (looked for only in organisations marked `keyWorkerLeft`, which the step
 * then clears), close or hand over caseloads of organisations whose grant ended or paused this
 * week, then give waiting families a key worker where one has room (caseload below
 * `caseloadMax`, or `floor(caseloadMax · statutoryCapacityShare)` for a statutory post).
 *
 * @param state The model state.
 * @param staff M2 parameters (caseload limit).
 * @param funding M1 parameters (hand-over share).
 * @param trust M3 parameters (trust kept on a change).
 * @param handover The `funding.handover` stream.
 * @param trustEnabled Whether M3 is on.
 * @param partnerships M5 parameters: `hoursPerPostPerWeek`, the staff hours in a key worker's
 *   week. An object rather than the number, because the live parameters hold it as a mutable
 *   double, and passing it out as a number would allocate every week.
 *
 * @example A waiting family gets the free key worker
 * ```ts
 * import { allocateState, FAMILY, PHASE, POST } from "./state.ts";
 * import { caseloadStep } from "./caseload.ts";
 * import { FUNDING_DEFAULTS } from "./funding_cycle.ts";
 * import { STAFF_DEFAULTS } from "./staff_turnover.ts";
 * import { TRUST_DEFAULTS } from "./trust.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.orgs.phase[0] = PHASE.active;
 * s.posts.status[0] = POST.filled;
 * s.families.status[0] = FAMILY.waiting; s.families.org[0] = 0; s.orgs.waiting[0] = 1;
 * caseloadStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, () => 0, true);
 * deepStrictEqual([s.families.status[0], s.families.keyWorker[0], s.posts.caseload[0]], [FAMILY.supported, 0, 1]);
 * ```
 */
export function caseloadStep(
  state: ModelState,
  staff: StaffParams,
  funding: FundingParams,
  trust: TrustParams,
  handover: RandomStream,
  trustEnabled: boolean,
  partnerships: Pick<PartnershipParams, "hoursPerPostPerWeek"> = { hoursPerPostPerWeek: 37.5 },
): void {
  const hoursPerPostPerWeek = partnerships.hoursPerPostPerWeek;
  const fam = state.families;
  const posts = state.posts;
  const orgs = state.orgs;
  const flows = state.flows;
  const share = staff.statutoryCapacityShare;
  const statutoryMax = Math.floor(staff.caseloadMax * share);
  for (let o = 0; o < orgs.count; o++) {
    // Partnership time (M5) comes out of casework; statutory capacity may be cut (M9).
    const first = orgs.postStart[o];
    const last = orgs.postStart[o + 1];
    const free = 1 - orgs.partnershipHours[o] / ((last - first) * hoursPerPostPerWeek);
    const contact = (free < 0.5 ? 0.5 : free) * (orgs.sector[o] === SECTOR.statutory ? share : 1);
    for (let p = first; p < last; p++) posts.contactShare[p] = contact;
  }
  const status = fam.status;
  const familyOrg = fam.org;
  const keyWorker = fam.keyWorker;
  const keyWorkerHolder = fam.keyWorkerHolder;
  const transitionOf = orgs.transition;
  const postStatus = posts.status;
  const holder = posts.holder;
  const caseload = posts.caseload;
  const keyWorkerLeft = orgs.keyWorkerLeft;
  // The codes every family's check reads, in locals: the module's frozen objects would be
  // looked up again for each family.
  const empty = FAMILY.empty;
  const supported = FAMILY.supported;
  const none = TRANSITION.none;
  const closed = TRANSITION.closed;
  const end = fam.free.end; // slots from here on have never held a family
  for (let f = 0; f < end; f++) {
    const st = status[f];
    if (st === empty) continue;
    const org = familyOrg[f];
    const transition = transitionOf[org];
    if (transition === closed) {
      releaseFamily(state, f);
      flows[M.cases_closed]++;
      continue;
    }
    if (st === supported) {
      // Nobody left this organisation and its grant goes on: the key worker is still there.
      if (transition === none && keyWorkerLeft[org] === 0) continue;
      const w = keyWorker[f];
      const lost = transition === TRANSITION.enteredGap || postStatus[w] !== POST.filled ||
        holder[w] !== keyWorkerHolder[f];
      if (!lost) continue; // still with the key worker: nothing to do
      if (transition === TRANSITION.enteredGap && handover() >= funding.caseHandoverShare) {
        releaseFamily(state, f);
        flows[M.cases_closed]++;
        continue;
      }
      caseload[w]--;
      keyWorker[f] = -1;
      status[f] = FAMILY.waiting;
      // trustAfterKeyWorkerLoss, written out: a call from this rarely taken branch would
      // return its number on the heap (tests/model/caseload_test.ts checks they agree).
      if (trustEnabled) fam.trust[f] = trust.keptOnKeyWorkerChange * fam.trust[f];
      orgs.waiting[org]++;
    }
    // Waiting, from before or just now: look for the least-loaded key worker with room.
    if (orgs.phase[org] === PHASE.active) {
      let best = -1;
      let bestLoad = orgs.sector[org] === SECTOR.statutory ? statutoryMax : staff.caseloadMax;
      const last = orgs.postStart[org + 1];
      for (let p = orgs.postStart[org]; p < last; p++) {
        if (postStatus[p] === POST.filled && caseload[p] < bestLoad) {
          best = p;
          bestLoad = caseload[p];
        }
      }
      if (best >= 0) {
        status[f] = FAMILY.supported;
        keyWorker[f] = best;
        keyWorkerHolder[f] = holder[best];
        caseload[best]++;
        orgs.waiting[org]--;
        if (fam.hadKeyWorker[f] === 1) flows[M.key_worker_changes]++;
        else flows[M.families_started]++;
        fam.needsMet[f] |= fam.needs[f] & orgs.services[org]; // needs its own organisation serves
        fam.hadKeyWorker[f] = 1;
      }
    }
  }
  keyWorkerLeft.fill(0);
}
