/** Small hand-built states for mechanism tests. */
import {
  allocateState,
  FAMILY,
  FUNDING_DEFAULTS,
  type ModelState,
  PHASE,
  POST,
  startFunding,
} from "../../src/model/mod.ts";

/** A stream that always returns `value`. */
export const constant = (value: number) => () => value;

/** A stream cycling through the given values. */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

/**
 * One funded organisation (grant running, defaults) with `posts` filled posts of capability 1,
 * learning 1, and `capacity` family slots.
 */
export function oneOrganisation(posts = 1, capacity = 8): ModelState {
  const s = allocateState({
    postsPerOrganisation: [posts],
    fundedCount: 1,
    familyCapacity: capacity,
  });
  startFunding(s, FUNDING_DEFAULTS, true);
  for (let p = 0; p < posts; p++) {
    s.posts.status[p] = POST.filled;
    s.posts.capability[p] = 1;
    s.posts.learning[p] = 1;
    s.posts.tenureWeeks[p] = 100;
  }
  s.orgs.phase[0] = PHASE.active;
  return s;
}

/** Puts a family in slot `f`, supported by post `post` (or waiting when post < 0). */
export function placeFamily(
  s: ModelState,
  options: {
    post?: number;
    trust?: number;
    engaged?: boolean;
    severity?: number;
    arrivalWeek?: number;
  } = {},
): number {
  const fam = s.families;
  fam.free.count--;
  const f = fam.free.slots[fam.free.count];
  const post = options.post ?? 0;
  fam.org[f] = 0;
  fam.trust[f] = options.trust ?? 0.5;
  fam.engaged[f] = options.engaged === false ? 0 : 1;
  fam.severity[f] = options.severity ?? 0;
  fam.progress.fill(0, 3 * f, 3 * f + 3);
  fam.achieved[f] = 0;
  fam.arrivalWeek[f] = options.arrivalWeek ?? 0;
  if (post >= 0) {
    fam.status[f] = FAMILY.supported;
    fam.keyWorker[f] = post;
    fam.keyWorkerHolder[f] = s.posts.holder[post];
    fam.hadKeyWorker[f] = 1;
    s.posts.caseload[post]++;
  } else {
    fam.status[f] = FAMILY.waiting;
    fam.keyWorker[f] = -1;
    s.orgs.waiting[0]++;
  }
  return f;
}
