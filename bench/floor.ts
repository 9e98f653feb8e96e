/**
 * The machine's floor for a week of the model, and the size of its state: one pass over every
 * state array that reads and writes every field of every family slot and post, and the bytes
 * those arrays hold.
 *
 * @module
 */
import type { ModelState } from "../src/model/mod.ts";

/**
 * Streams once through the family and post arrays: reads every field of every family slot and
 * post and writes it back (plus `zero`, which the caller passes as 0 so the compiler cannot drop
 * the writes). This is the least a week of any model over this state could cost.
 *
 * @param state The model state.
 * @param zero 0, passed at run time.
 * @returns A checksum of what was read (so the reads cannot be dropped either).
 *
 * @example
 * ```ts
 * import { streamState } from "./floor.ts";
 * import { allocateState } from "../src/model/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 4 });
 * s.families.status[1] = 2;
 * strictEqual(streamState(s, 0) >= 2, true);
 * strictEqual(s.families.status[1], 2);
 * ```
 */
export function streamState(state: ModelState, zero: number): number {
  const fam = state.families;
  const { status, org, keyWorker, keyWorkerHolder, hadKeyWorker, trust, engaged } = fam;
  const { progress, achieved, severity, arrivalWeek, needs, needsMet, trustStatutory } = fam;
  const slots = fam.free.slots;
  const referable = fam.referable.slots;
  const referableNeeds = fam.referable.needs;
  let sum = 0;
  for (let f = 0; f < fam.capacity; f++) {
    const s = status[f];
    sum += s;
    status[f] = s + zero;
    org[f] = org[f] + zero;
    keyWorker[f] = keyWorker[f] + zero;
    keyWorkerHolder[f] = keyWorkerHolder[f] + zero;
    hadKeyWorker[f] = hadKeyWorker[f] + zero;
    trust[f] = trust[f] + zero;
    engaged[f] = engaged[f] + zero;
    progress[3 * f] = progress[3 * f] + zero;
    progress[3 * f + 1] = progress[3 * f + 1] + zero;
    progress[3 * f + 2] = progress[3 * f + 2] + zero;
    achieved[f] = achieved[f] + zero;
    severity[f] = severity[f] + zero;
    arrivalWeek[f] = arrivalWeek[f] + zero;
    needs[f] = needs[f] + zero;
    needsMet[f] = needsMet[f] + zero;
    trustStatutory[f] = trustStatutory[f] + zero;
    slots[f] = slots[f] + zero;
    referable[f] = referable[f] + zero;
    referableNeeds[f] = referableNeeds[f] + zero;
  }
  const posts = state.posts;
  for (let p = 0; p < posts.count; p++) {
    sum += posts.status[p];
    posts.org[p] = posts.org[p] + zero;
    posts.status[p] = posts.status[p] + zero;
    posts.vacancyWeeksLeft[p] = posts.vacancyWeeksLeft[p] + zero;
    posts.tenureWeeks[p] = posts.tenureWeeks[p] + zero;
    posts.capability[p] = posts.capability[p] + zero;
    posts.learning[p] = posts.learning[p] + zero;
    posts.caseload[p] = posts.caseload[p] + zero;
    posts.holder[p] = posts.holder[p] + zero;
    posts.contactShare[p] = posts.contactShare[p] + zero;
  }
  return sum;
}

/**
 * Bytes held by the typed arrays of an object, including those of objects nested in it (such
 * as the family free stack and the referable list).
 *
 * @param part A part of the state (`state.families`, `state.posts`, …).
 * @returns Total bytes.
 *
 * @example A family slot is 53 bytes
 * ```ts
 * import { typedArrayBytes } from "./floor.ts";
 * import { allocateState } from "../src/model/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 10 });
 * strictEqual(typedArrayBytes(s.families) / 10, 53);
 * ```
 */
export function typedArrayBytes(part: object): number {
  let bytes = 0;
  for (const value of Object.values(part)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (value !== null && typeof value === "object") bytes += typedArrayBytes(value);
  }
  return bytes;
}
