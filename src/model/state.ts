/**
 * The model's state, held as struct-of-arrays typed arrays: one array per attribute,
 * indexed by organisation, post or family slot. Missing values are -1 or NaN, never 0.
 *
 * @module
 */
import { M } from "./metric_names.ts";

/** Sector of an organisation. */
export const SECTOR = Object.freeze({ voluntary: 0, statutory: 1 } as const);

/** Funding phase of an organisation. */
export const PHASE = Object.freeze(
  {
    /** No grant: before the first, or after the last. Posts are ended. */
    closed: 0,
    /** A grant (or core funding) is running. */
    active: 1,
    /** Between two grants: posts ended, waiting for the next grant to start. */
    gap: 2,
  } as const,
);

/** What happened to an organisation's funding this week, read by the caseload step. */
export const TRANSITION = Object.freeze({ none: 0, enteredGap: 1, closed: 2 } as const);

/** Status of a post (a key worker's job). */
export const POST = Object.freeze({ ended: 0, vacant: 1, filled: 2 } as const);

/** Status of a family slot. Families that leave free their slot. */
export const FAMILY = Object.freeze({ empty: 0, waiting: 1, supported: 2 } as const);

/** "No unsecured end in sight": weeks to an end that will never come. */
export const NO_END = 1 << 30;

/** Organisations: funding and waiting lists. Indexed by organisation. */
export interface OrganisationState {
  /** Number of organisations (funded first, then statutory). */
  readonly count: number;
  /** {@linkcode SECTOR} of each organisation. */
  readonly sector: Uint8Array;
  /** Posts of organisation o are `postStart[o] … postStart[o + 1] - 1` (length count + 1). */
  readonly postStart: Int32Array;
  /** Grant money per year for a funded organisation (£ per year); 0 for statutory. */
  readonly grantGbpPerYear: Float64Array;
  /** {@linkcode PHASE} of each organisation's funding. */
  readonly phase: Uint8Array;
  /** Week at which the current grant ends (exclusive); {@linkcode NO_END} when core funded. */
  readonly grantEndWeek: Int32Array;
  /** Last week (exclusive) a grant may run to: the programme window, plus any extension. */
  readonly programmeEndWeek: Int32Array;
  /** Week at which a gap ends and the next grant starts. */
  readonly gapEndWeek: Int32Array;
  /** 1 when the decision on what follows the current grant has been made. */
  readonly decided: Uint8Array;
  /** 1 when funding beyond the current grant's end is confirmed. */
  readonly secured: Uint8Array;
  /** 1 when the organisation's grant has been extended. */
  readonly extended: Uint8Array;
  /** Weeks to the end of the current grant if it is not secured, else {@linkcode NO_END}. */
  readonly weeksToUnsecuredEnd: Int32Array;
  /** {@linkcode TRANSITION} this week. */
  readonly transition: Uint8Array;
  /** Families on the waiting list. */
  readonly waiting: Int32Array;
  /** Budget by organisation and year (£), index `o * years + year`: grant awarded, or core cost. */
  readonly budgetByYear: Float64Array;
  /** Spend by organisation and year (£), index `o * years + year`. */
  readonly spendByYear: Float64Array;
  /** Years held in `budgetByYear` and `spendByYear`. */
  readonly years: number;
}

/** Posts and the key workers in them. Indexed by post. */
export interface PostState {
  /** Number of posts. */
  readonly count: number;
  /** Organisation of each post. */
  readonly org: Int32Array;
  /** {@linkcode POST} status. */
  readonly status: Uint8Array;
  /** Weeks until a vacant post is filled. */
  readonly vacancyWeeksLeft: Int32Array;
  /** Weeks the current key worker has been in post. */
  readonly tenureWeeks: Int32Array;
  /** Relational capability of the current key worker, in [0, 1]. */
  readonly capability: Float32Array;
  /** How far the current key worker has learnt the local context, in [0, 1]. */
  readonly learning: Float32Array;
  /** Families assigned to the post. */
  readonly caseload: Int32Array;
  /** Holder generation: changes whenever the key worker leaves (wraps at 2^16). */
  readonly holder: Uint16Array;
  /** Share of normal contact the post can give this week, in [0, 1] (statutory capacity, M9). */
  readonly contactShare: Float32Array;
}

/** Families. Indexed by slot; a slot is reused once its family leaves. */
export interface FamilyState {
  /** Number of slots. */
  readonly capacity: number;
  /** {@linkcode FAMILY} status. */
  readonly status: Uint8Array;
  /** Organisation the family was referred to; -1 for an empty slot. */
  readonly org: Int32Array;
  /** Post of the family's key worker; -1 when none. */
  readonly keyWorker: Int32Array;
  /** The key worker's holder generation when assigned. */
  readonly keyWorkerHolder: Uint16Array;
  /** 1 once the family has had a key worker (so the next one is a change). */
  readonly hadKeyWorker: Uint8Array;
  /** Trust in the key worker (or, while waiting, the trust the family carries), in [0, 1]. */
  readonly trust: Float32Array;
  /** 1 when the family engaged this week. */
  readonly engaged: Uint8Array;
  /** Progress on the three outcomes, in [0, 1], stride 3: skills, together, community. */
  readonly progress: Float32Array;
  /** Bit k set once outcome k has been achieved. */
  readonly achieved: Uint8Array;
  /** Severity of the family's unaddressed needs, in [0, 1]. */
  readonly severity: Float32Array;
  /** Week the family was referred. */
  readonly arrivalWeek: Int32Array;
  /** Stack of free slot indices (top at `free.count - 1`). */
  readonly free: { readonly slots: Int32Array; count: number };
}

/** Everything a run holds. Mechanisms write into it in place. */
export interface ModelState {
  readonly orgs: OrganisationState;
  readonly posts: PostState;
  readonly families: FamilyState;
  /** This week's flows, indexed like the metrics ({@linkcode M}); zeroed by `measure` at the end of each week. */
  readonly flows: Float64Array;
  /** Running totals since week 0, indexed like the metrics. */
  readonly totals: Float64Array;
  /** Levels a step sets for the week (e.g. `shocks_active`), indexed like the metrics. */
  readonly gauges: Float64Array;
}

/** Sizes needed to allocate a state. */
export interface StateSizes {
  /** Posts of each organisation, funded ones first then statutory. */
  readonly postsPerOrganisation: readonly number[];
  /** Number of funded (voluntary and community) organisations; the rest are statutory. */
  readonly fundedCount: number;
  /** Family slots to allocate. */
  readonly familyCapacity: number;
  /** Years of budget and spend to hold per organisation (default 1). */
  readonly years?: number;
}

/**
 * Allocates an empty state: every post ended, every family slot empty, every organisation
 * closed. Initial conditions are set by the model (`createModel`).
 *
 * @param sizes How many organisations, posts and family slots.
 * @returns A zeroed state.
 *
 * @example One funded organisation with two posts
 * ```ts
 * import { allocateState, FAMILY } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 5 });
 * deepStrictEqual(s.posts.count, 2);
 * deepStrictEqual(s.families.status[0], FAMILY.empty);
 * deepStrictEqual(s.families.free.count, 5);
 * ```
 */
export function allocateState(sizes: StateSizes): ModelState {
  const orgCount = sizes.postsPerOrganisation.length;
  const postStart = new Int32Array(orgCount + 1);
  for (let o = 0; o < orgCount; o++) {
    postStart[o + 1] = postStart[o] + sizes.postsPerOrganisation[o];
  }
  const postCount = postStart[orgCount];
  const sector = new Uint8Array(orgCount);
  for (let o = sizes.fundedCount; o < orgCount; o++) sector[o] = SECTOR.statutory;
  const postOrg = new Int32Array(postCount);
  for (let o = 0; o < orgCount; o++) postOrg.fill(o, postStart[o], postStart[o + 1]);

  const capacity = sizes.familyCapacity;
  const freeSlots = new Int32Array(capacity);
  // Pop from the top gives slots in increasing order.
  for (let i = 0; i < capacity; i++) freeSlots[i] = capacity - 1 - i;
  const metricCount = Object.keys(M).length;
  const years = Math.max(1, sizes.years ?? 1);
  return {
    orgs: {
      count: orgCount,
      sector,
      postStart,
      grantGbpPerYear: new Float64Array(orgCount),
      phase: new Uint8Array(orgCount),
      grantEndWeek: new Int32Array(orgCount).fill(NO_END),
      programmeEndWeek: new Int32Array(orgCount).fill(NO_END),
      gapEndWeek: new Int32Array(orgCount).fill(-1),
      decided: new Uint8Array(orgCount),
      secured: new Uint8Array(orgCount),
      extended: new Uint8Array(orgCount),
      weeksToUnsecuredEnd: new Int32Array(orgCount).fill(NO_END),
      transition: new Uint8Array(orgCount),
      waiting: new Int32Array(orgCount),
      budgetByYear: new Float64Array(orgCount * years),
      spendByYear: new Float64Array(orgCount * years),
      years,
    },
    posts: {
      count: postCount,
      org: postOrg,
      status: new Uint8Array(postCount),
      vacancyWeeksLeft: new Int32Array(postCount),
      tenureWeeks: new Int32Array(postCount),
      capability: new Float32Array(postCount).fill(NaN),
      learning: new Float32Array(postCount).fill(NaN),
      caseload: new Int32Array(postCount),
      holder: new Uint16Array(postCount),
      contactShare: new Float32Array(postCount).fill(1),
    },
    families: {
      capacity,
      status: new Uint8Array(capacity),
      org: new Int32Array(capacity).fill(-1),
      keyWorker: new Int32Array(capacity).fill(-1),
      keyWorkerHolder: new Uint16Array(capacity),
      hadKeyWorker: new Uint8Array(capacity),
      trust: new Float32Array(capacity).fill(NaN),
      engaged: new Uint8Array(capacity),
      progress: new Float32Array(capacity * 3).fill(NaN),
      achieved: new Uint8Array(capacity),
      severity: new Float32Array(capacity).fill(NaN),
      arrivalWeek: new Int32Array(capacity).fill(-1),
      free: { slots: freeSlots, count: capacity },
    },
    flows: new Float64Array(metricCount),
    totals: new Float64Array(metricCount),
    gauges: new Float64Array(metricCount),
  };
}

/**
 * Takes a family slot off the free stack; returns -1 when none is free.
 *
 * @param families The family state.
 * @returns A free slot index, or -1.
 *
 * @example
 * ```ts
 * import { allocateState, takeFamilySlot } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * deepStrictEqual(takeFamilySlot(s.families), 0);
 * deepStrictEqual(takeFamilySlot(s.families), -1);
 * ```
 */
export function takeFamilySlot(families: FamilyState): number {
  const free = families.free;
  if (free.count === 0) return -1;
  free.count--;
  return free.slots[free.count];
}

/**
 * Removes a family from the programme: frees its key worker's caseload place, its waiting-list
 * place and its slot. The caller counts the exit in the right metric.
 *
 * @param state The model state.
 * @param family The family's slot.
 *
 * @example
 * ```ts
 * import { allocateState, FAMILY, releaseFamily, takeFamilySlot } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * const f = takeFamilySlot(s.families);
 * s.families.status[f] = FAMILY.waiting;
 * s.families.org[f] = 0;
 * s.orgs.waiting[0] = 1;
 * releaseFamily(s, f);
 * deepStrictEqual([s.families.status[f], s.orgs.waiting[0], s.families.free.count], [0, 0, 1]);
 * ```
 */
export function releaseFamily(state: ModelState, family: number): void {
  const fam = state.families;
  if (fam.status[family] === FAMILY.supported) {
    state.posts.caseload[fam.keyWorker[family]]--;
  } else if (fam.status[family] === FAMILY.waiting) {
    state.orgs.waiting[fam.org[family]]--;
  }
  fam.status[family] = FAMILY.empty;
  fam.org[family] = -1;
  fam.keyWorker[family] = -1;
  fam.free.slots[fam.free.count] = family;
  fam.free.count++;
}
