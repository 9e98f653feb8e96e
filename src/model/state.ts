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

/**
 * Needs a family can have, as bits. Every family has the core need (family support, met by its
 * key worker); the other four are met only by an organisation that serves them, through a
 * referral (M6) unless the family's own organisation serves them.
 */
export const NEED = Object.freeze(
  {
    familySupport: 1,
    mentalHealth: 2,
    moneyAdvice: 4,
    disability: 8,
    socialCare: 16,
  } as const,
);

/** The needs other than the core one: those a referral can meet. */
export const REFERABLE_NEEDS = 0b11110;

/**
 * The needs of a family that a referral (M6) may act on: those it has, that no referral has
 * met and that its own organisation does not serve, other than family support.
 *
 * @param needs The family's {@linkcode NEED} bits.
 * @param needsMet The bits already met.
 * @param services The bits its organisation serves.
 * @returns The bits, 0 when there is nothing to refer on.
 *
 * @example Mental health is unmet and not served where the family is
 * ```ts
 * import { NEED, referableNeeds } from "./state.ts";
 * import { strictEqual } from "node:assert/strict";
 * const needs = NEED.familySupport | NEED.mentalHealth | NEED.disability;
 * strictEqual(referableNeeds(needs, NEED.familySupport, NEED.familySupport | NEED.disability), NEED.mentalHealth);
 * ```
 */
export function referableNeeds(needs: number, needsMet: number, services: number): number {
  return needs & ~needsMet & ~services & REFERABLE_NEEDS;
}

/** Levels a partnership can span, as bits (003: "delivery, management, board"). */
export const LEVEL = Object.freeze({ delivery: 1, management: 2, board: 4 } as const);

/** Most organisations one organisation can know of; further ones are not learnt. */
export const KNOWN_CAPACITY = 48;

/** Most partnerships one organisation can hold; further ones are not made. */
export const PARTNER_CAPACITY = 32;

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
  /** Needs each organisation serves ({@linkcode NEED} bits). */
  readonly services: Uint8Array;
  /**
   * Organisations whose services this one's staff know (knowledge of the landscape): organisation
   * o's list is `known[o * KNOWN_CAPACITY …]`, `knownCount[o]` long.
   */
  readonly known: Int32Array;
  /** Length of each organisation's `known` list. */
  readonly knownCount: Int32Array;
  /** Partnerships of each organisation: `partnerEdges[o * PARTNER_CAPACITY …]`, `degree[o]` long. */
  readonly partnerEdges: Int32Array;
  /** Number of partnerships of each organisation. */
  readonly degree: Int32Array;
  /** Staff hours a week the organisation spends on its partnerships (M5), set each week. */
  readonly partnershipHours: Float32Array;
  /** Week until which the organisation's staff have peer support from a networking event (M7). */
  readonly peerSupportUntil: Int32Array;
  /** Multiplier on the organisation's staff leaving hazard this week (peer support, M7), set weekly. */
  readonly attritionFactor: Float32Array;
  /** Parent ambassadors active in the organisation's community (M8). */
  readonly ambassadors: Int32Array;
  /** Families who completed this week, per organisation (read by M8). */
  readonly completedThisWeek: Int32Array;
  /**
   * 1 when a key worker of the organisation has left, or its posts have ended, since the caseload
   * step last ran (set by {@linkcode keyWorkerLeaves}); that step checks the families of these
   * organisations only, then clears it.
   */
  readonly keyWorkerLeft: Uint8Array;
  /** Running totals of referrals to statutory services: [accepted, taken up] (M6). */
  readonly statutoryReferrals: Float64Array;
}

/** Partnerships between organisations (M5): an edge list with room for new informal ones. */
export interface PartnershipState {
  /** Edges in use. */
  count: number;
  /** Room for edges (formal ones plus informal ones made at networking events). */
  readonly capacity: number;
  /** The funded organisation that holds the partnership (side a). */
  readonly a: Int32Array;
  /** The partner organisation (side b). */
  readonly b: Int32Array;
  /** Strength in [0, 1]: on paper below 0.3, working below 0.65, deep from 0.65. */
  readonly strength: Float32Array;
  /** Effort both sides put in, in [0, 1]: dedicated time and communication. */
  readonly effort: Float32Array;
  /** How far the two organisations share a goal, in [0, 1]. */
  readonly sharedGoal: Float32Array;
  /** 1 with a formal agreement. */
  readonly formal: Uint8Array;
  /** 1 for an informal partnership made at a networking event (M7). */
  readonly informal: Uint8Array;
  /** Levels spanned ({@linkcode LEVEL} bits). */
  readonly levels: Uint8Array;
  /** Post at side a of the worker who holds the partnership; -1 when none. */
  readonly holder: Int32Array;
  /** That post's holder generation when the partnership was taken on. */
  readonly holderGeneration: Uint16Array;
  /** Recent referrals a → b (decaying), for mutual benefit. */
  readonly flowAB: Float32Array;
  /** Recent referrals b → a (decaying). */
  readonly flowBA: Float32Array;
  /**
   * 1 once the partnership has worked (strength ≥ 0.3) and each side has learnt what the other
   * offers; known organisations are never forgotten, so this need not be done again.
   */
  readonly taught: Uint8Array;
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
  /**
   * Scratch of the trust-and-outcomes step: each key worker's trust gain this week (M3,
   * `setTrustGains`), worked out once so that the family loop reads one number per family rather
   * than four and a division. Meaningful only inside that step.
   */
  readonly trustGain: Float64Array;
  /**
   * Scratch of the same step: each key worker's effect on progress (M4, capability × learning ×
   * contact), kept up to date as families leave caseloads during the step.
   */
  readonly progressEffect: Float64Array;
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
  /** The family's needs ({@linkcode NEED} bits). */
  readonly needs: Uint8Array;
  /** Needs met so far (bits of `needs`). */
  readonly needsMet: Uint8Array;
  /** Trust in statutory services, in [0, 1]; raised by warm hand-offs (M6). */
  readonly trustStatutory: Float32Array;
  /**
   * Stack of free slot indices (top at `free.count - 1`), and `end`: one past the highest slot
   * that may hold a family. Loops over families stop at `end`, so the slots never yet handed out
   * cost nothing (see `StateSizes.slotsOnDemand`).
   */
  readonly free: { readonly slots: Int32Array; count: number; end: number };
  /**
   * The families who engaged this week, are still supported and have a need a referral could
   * meet: `referable.slots[0 … count − 1]`, in increasing slot order, and in `referable.needs[i]`
   * the needs of family `slots[i]` that M6 may act on ({@linkcode referableNeeds}). The
   * trust-and-outcomes step writes it (when referrals are on) and the referral step (M6) reads it,
   * so that M6 visits these families rather than every slot, and reads a family's other fields
   * only when its key worker acts.
   */
  readonly referable: { readonly slots: Int32Array; readonly needs: Uint8Array; count: number };
}

/** Everything a run holds. Mechanisms write into it in place. */
export interface ModelState {
  readonly orgs: OrganisationState;
  readonly posts: PostState;
  readonly families: FamilyState;
  readonly partnerships: PartnershipState;
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
  /** Room for partnerships (default 0). */
  readonly partnershipCapacity?: number;
  /**
   * True when families are only ever placed through {@linkcode takeFamilySlot}, as the model
   * places them: the slots loops visit (`free.end`) then grow as slots are handed out, in
   * increasing order. False (the default): loops visit every slot, so a hand-built state may
   * write any slot directly.
   */
  readonly slotsOnDemand?: boolean;
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
      services: new Uint8Array(orgCount).fill(NEED.familySupport),
      known: new Int32Array(orgCount * KNOWN_CAPACITY).fill(-1),
      knownCount: new Int32Array(orgCount),
      partnerEdges: new Int32Array(orgCount * PARTNER_CAPACITY).fill(-1),
      degree: new Int32Array(orgCount),
      partnershipHours: new Float32Array(orgCount),
      peerSupportUntil: new Int32Array(orgCount).fill(-1),
      attritionFactor: new Float32Array(orgCount).fill(1),
      ambassadors: new Int32Array(orgCount),
      completedThisWeek: new Int32Array(orgCount),
      keyWorkerLeft: new Uint8Array(orgCount),
      statutoryReferrals: new Float64Array(2),
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
      trustGain: new Float64Array(postCount),
      progressEffect: new Float64Array(postCount),
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
      needs: new Uint8Array(capacity),
      needsMet: new Uint8Array(capacity),
      trustStatutory: new Float32Array(capacity).fill(NaN),
      free: { slots: freeSlots, count: capacity, end: sizes.slotsOnDemand ? 0 : capacity },
      referable: { slots: new Int32Array(capacity), needs: new Uint8Array(capacity), count: 0 },
    },
    partnerships: allocatePartnerships(sizes.partnershipCapacity ?? 0),
    flows: new Float64Array(metricCount),
    totals: new Float64Array(metricCount),
    gauges: new Float64Array(metricCount),
  };
}

function allocatePartnerships(capacity: number): PartnershipState {
  return {
    count: 0,
    capacity,
    a: new Int32Array(capacity).fill(-1),
    b: new Int32Array(capacity).fill(-1),
    strength: new Float32Array(capacity),
    effort: new Float32Array(capacity),
    sharedGoal: new Float32Array(capacity),
    formal: new Uint8Array(capacity),
    informal: new Uint8Array(capacity),
    levels: new Uint8Array(capacity),
    holder: new Int32Array(capacity).fill(-1),
    holderGeneration: new Uint16Array(capacity),
    flowAB: new Float32Array(capacity),
    flowBA: new Float32Array(capacity),
    taught: new Uint8Array(capacity),
  };
}

/**
 * Records that organisation a's staff know what b offers (no effect if already known, or if a's
 * list is full).
 *
 * @param orgs The organisations.
 * @param a Who learns.
 * @param b Whom they learn of.
 * @returns True when newly learnt.
 *
 * @example
 * ```ts
 * import { allocateState, learnOf } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1], fundedCount: 2, familyCapacity: 1 });
 * deepStrictEqual([learnOf(s.orgs, 0, 1), learnOf(s.orgs, 0, 1)], [true, false]);
 * ```
 */
export function learnOf(orgs: OrganisationState, a: number, b: number): boolean {
  if (a === b) return false;
  const start = a * KNOWN_CAPACITY;
  const n = orgs.knownCount[a];
  for (let i = 0; i < n; i++) if (orgs.known[start + i] === b) return false;
  if (n >= KNOWN_CAPACITY) return false;
  orgs.known[start + n] = b;
  orgs.knownCount[a] = n + 1;
  return true;
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
  const slot = free.slots[free.count];
  if (slot >= free.end) free.end = slot + 1;
  return slot;
}

/**
 * The key worker in post `post` leaves it: the post becomes `next` (vacant, or ended with its
 * grant), its holder count moves on, so the worker's families no longer match it, and the
 * organisation is marked for the caseload step (`keyWorkerLeft`). Every departure goes through
 * here.
 *
 * @param state The model state.
 * @param post The post, which must be filled.
 * @param next The post's status from now: {@linkcode POST} vacant or ended.
 *
 * @example
 * ```ts
 * import { allocateState, keyWorkerLeaves, POST } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 1 });
 * s.posts.status[1] = POST.filled;
 * keyWorkerLeaves(s, 1, POST.vacant);
 * deepStrictEqual([s.posts.status[1], s.posts.holder[1], s.orgs.keyWorkerLeft[0]], [POST.vacant, 1, 1]);
 * ```
 */
export function keyWorkerLeaves(state: ModelState, post: number, next: number): void {
  const posts = state.posts;
  posts.status[post] = next;
  posts.holder[post]++;
  state.orgs.keyWorkerLeft[posts.org[post]] = 1;
}

/**
 * Removes a family from the programme: frees its key worker's caseload place, its waiting-list
 * place and its slot. A family that had a key worker and leaves with a need never met (M6)
 * counts as fallen through the gaps; the caller counts the exit itself in the right metric.
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
  if (
    fam.hadKeyWorker[family] === 1 &&
    (fam.needs[family] & ~fam.needsMet[family] & REFERABLE_NEEDS) !== 0
  ) {
    state.flows[M.fell_through_gaps]++;
  }
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

/**
 * Copies family `from` into slot `to` (every attribute) and empties slot `from`. Only
 * {@linkcode compactFamilies} moves families: nothing else holds a family's slot across weeks.
 */
function moveFamily(fam: FamilyState, from: number, to: number): void {
  fam.status[to] = fam.status[from];
  fam.org[to] = fam.org[from];
  fam.keyWorker[to] = fam.keyWorker[from];
  fam.keyWorkerHolder[to] = fam.keyWorkerHolder[from];
  fam.hadKeyWorker[to] = fam.hadKeyWorker[from];
  fam.trust[to] = fam.trust[from];
  fam.engaged[to] = fam.engaged[from];
  fam.progress[3 * to] = fam.progress[3 * from];
  fam.progress[3 * to + 1] = fam.progress[3 * from + 1];
  fam.progress[3 * to + 2] = fam.progress[3 * from + 2];
  fam.achieved[to] = fam.achieved[from];
  fam.severity[to] = fam.severity[from];
  fam.arrivalWeek[to] = fam.arrivalWeek[from];
  fam.needs[to] = fam.needs[from];
  fam.needsMet[to] = fam.needsMet[from];
  fam.trustStatutory[to] = fam.trustStatutory[from];
  fam.status[from] = FAMILY.empty;
  fam.org[from] = -1;
  fam.keyWorker[from] = -1;
}

/**
 * Packs the families into the lowest slots, so that the weekly loops visit only occupied
 * slots: each family in the highest occupied slot moves into the lowest empty one until none is
 * left above an empty one. Afterwards slots `0 … n − 1` hold the n families, `free.end` is n
 * and the free stack hands out `n, n + 1, …` in increasing order. The cost is one move per
 * empty slot below the last family (the families that left this week), not one per slot.
 *
 * The model runs it once a week, after every mechanism: within a week a family keeps its slot.
 * Which slot a family has changes the order families draw their random numbers in, never what
 * happens to a family with given draws.
 *
 * @param state The model state.
 *
 * @example Two families with a gap between them end up in slots 0 and 1
 * ```ts
 * import { allocateState, compactFamilies, FAMILY, releaseFamily, takeFamilySlot } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 4, slotsOnDemand: true });
 * for (let i = 0; i < 3; i++) { const f = takeFamilySlot(s.families); s.families.status[f] = FAMILY.waiting; s.families.org[f] = 0; s.families.arrivalWeek[f] = i; }
 * s.orgs.waiting[0] = 3;
 * releaseFamily(s, 0);
 * compactFamilies(s);
 * deepStrictEqual([s.families.free.end, s.families.arrivalWeek[0], s.families.arrivalWeek[1]], [2, 2, 1]);
 * deepStrictEqual(takeFamilySlot(s.families), 2);
 * ```
 */
export function compactFamilies(state: ModelState): void {
  const fam = state.families;
  const free = fam.free;
  const status = fam.status;
  let hi = free.end - 1;
  let lo = 0;
  for (;;) {
    while (hi >= 0 && status[hi] === FAMILY.empty) hi--;
    while (lo < hi && status[lo] !== FAMILY.empty) lo++;
    if (lo >= hi) break;
    moveFamily(fam, hi, lo);
    hi--;
    lo++;
  }
  const n = hi + 1;
  // The free slots are now n … capacity − 1. Stack positions below `capacity − free.end` were
  // never written since they last held that layout (at least that many slots stayed free), so
  // only the rest is rewritten: top of the stack n, bottom capacity − 1.
  const capacity = fam.capacity;
  for (let i = capacity - free.end; i < capacity - n; i++) free.slots[i] = capacity - 1 - i;
  free.count = capacity - n;
  free.end = n;
}
