/**
 * M5 the partnership network: funded organisations are linked to partners (voluntary or
 * statutory) by partnerships whose strength grows with the effort both sides put in, a shared
 * goal and two-way referral flows, and decays without investment. Strength falls when the worker
 * who holds a partnership leaves, less so with a formal agreement and with ties at several
 * levels. Every partnership costs the funded organisation staff time, taken from casework,
 * whatever it returns. Depth follows strength: on paper (< 0.3), working (< 0.65), deep.
 * Source: `003_2d3a9cdd3abf509d.txt` ("'partners on paper' may have been written into funding
 * bids ... but in practice had little to no involvement"; "Partnerships were established and
 * maintained through the conscious investment of time and effort"; "partnerships ending with the
 * loss of the relevant staff"; "Having a clearly established formal agreement ... limit the
 * degree of disruption when there are staff changes"; "Partnerships that were acknowledged ... at
 * all levels of the organisations ... were better supported and less likely to fail").
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import { learnOf, LEVEL, type ModelState, PARTNER_CAPACITY, PHASE, POST, SECTOR } from "./state.ts";

/** Parameters of M5. */
export interface PartnershipParams {
  /** Formal partners each funded organisation starts with (003: "at least one"), integer ≥ 0. @default 2 */
  readonly perOrganisation: number;
  /** Share of a funded organisation's partners that are statutory services, in [0, 1]. @default 0.5 */
  readonly statutoryShare: number;
  /** Share of partnerships that start on paper (effort 0.05), in [0, 1]. @default 0.3 */
  readonly shareOnPaper: number;
  /** Share that start deep (effort 0.9); the rest start working (effort 0.5), in [0, 1]. @default 0.3 */
  readonly shareDeep: number;
  /** Share of partnerships with a formal agreement, in [0, 1]. @default 0.5 */
  readonly formalShare: number;
  /** Staff hours a week each side spends on each partnership, ≥ 0. @default 1 */
  readonly hoursPerWeek: number;
  /** Weekly growth of strength at full effort, shared goal and mutual benefit, in [0, 1]. @default 0.03 */
  readonly growthPerWeek: number;
  /** Weekly decay of strength without effort, in [0, 1]. @default 0.02 */
  readonly decayPerWeek: number;
  /** Share of strength kept when the holder leaves, with no formal agreement and one level, in [0, 1]. @default 0.5 */
  readonly keptOnHolderLoss: number;
  /** Extra share kept with a formal agreement, in [0, 1]. @default 0.2 */
  readonly formalProtection: number;
  /** Extra share kept per level spanned beyond delivery, in [0, 1]. @default 0.1 */
  readonly levelProtection: number;
  /** Staff hours in a key worker's week (to turn partnership hours into lost casework), > 0. @default 37.5 */
  readonly hoursPerPostPerWeek: number;
}

/** Defaults of M5 (assumptions, shaped by the qualitative findings of 003). */
export const PARTNERSHIP_DEFAULTS: PartnershipParams = Object.freeze({
  perOrganisation: 2,
  statutoryShare: 0.5,
  shareOnPaper: 0.3,
  shareDeep: 0.3,
  formalShare: 0.5,
  hoursPerWeek: 1,
  growthPerWeek: 0.03,
  decayPerWeek: 0.02,
  keptOnHolderLoss: 0.5,
  formalProtection: 0.2,
  levelProtection: 0.1,
  hoursPerPostPerWeek: 37.5,
});

/** Strength at which a partnership stops being on paper. */
export const WORKING_STRENGTH = 0.3;
/** Strength at which a partnership is deep. */
export const DEEP_STRENGTH = 0.65;

/** Draws of a partner before giving up when every candidate is a partner already. */
const MAX_PARTNER_DRAWS = 20;

/** Effort and starting strength of the three depths. */
const START = Object.freeze({
  paper: { effort: 0.05, strength: 0.1, levels: LEVEL.delivery },
  working: { effort: 0.5, strength: 0.45, levels: LEVEL.delivery | LEVEL.management },
  deep: { effort: 0.9, strength: 0.8, levels: LEVEL.delivery | LEVEL.management | LEVEL.board },
});

/**
 * Partnership depth of a strength: 0 on paper, 1 working, 2 deep.
 *
 * @param strength Strength in [0, 1].
 * @returns 0, 1 or 2.
 *
 * @example
 * ```ts
 * import { depthOf } from "./partnership_network.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual([depthOf(0.1), depthOf(0.5), depthOf(0.9)], [0, 1, 2]);
 * ```
 */
export function depthOf(strength: number): 0 | 1 | 2 {
  return strength < WORKING_STRENGTH ? 0 : strength < DEEP_STRENGTH ? 1 : 2;
}

/**
 * Adds one partnership (if there is room and the two are not already partners). If it starts at
 * least working, both sides come to know each other's services; a partnership on paper teaches
 * nobody anything.
 *
 * @param state The model state.
 * @param a The funded organisation that holds it.
 * @param b The partner.
 * @param start Effort, strength, levels, formal agreement, informal flag and shared goal.
 * @returns The edge index, or -1.
 *
 * @example
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { addPartnership } from "./partnership_network.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1], fundedCount: 2, familyCapacity: 1, partnershipCapacity: 4 });
 * const e = addPartnership(s, 0, 1, { effort: 0.5, strength: 0.4, levels: 1, formal: 1, informal: 0, sharedGoal: 0.7 });
 * strictEqual(e, 0);
 * strictEqual(addPartnership(s, 1, 0, { effort: 0.5, strength: 0.4, levels: 1, formal: 1, informal: 0, sharedGoal: 0.7 }), -1);
 * strictEqual(s.orgs.known[0], 1);
 * ```
 */
export function addPartnership(
  state: ModelState,
  a: number,
  b: number,
  start: {
    effort: number;
    strength: number;
    levels: number;
    formal: number;
    informal: number;
    sharedGoal: number;
  },
): number {
  const p = state.partnerships;
  const orgs = state.orgs;
  if (p.count >= p.capacity || a === b || partnershipBetween(state, a, b) >= 0) return -1;
  if (orgs.degree[a] >= PARTNER_CAPACITY || orgs.degree[b] >= PARTNER_CAPACITY) return -1;
  const e = p.count++;
  orgs.partnerEdges[a * PARTNER_CAPACITY + orgs.degree[a]++] = e;
  orgs.partnerEdges[b * PARTNER_CAPACITY + orgs.degree[b]++] = e;
  p.a[e] = a;
  p.b[e] = b;
  p.effort[e] = start.effort;
  p.strength[e] = start.strength;
  p.levels[e] = start.levels;
  p.formal[e] = start.formal;
  p.informal[e] = start.informal;
  p.sharedGoal[e] = start.sharedGoal;
  p.holder[e] = -1;
  p.flowAB[e] = 0;
  p.flowBA[e] = 0;
  p.taught[e] = 0;
  if (start.strength >= WORKING_STRENGTH) {
    learnOf(orgs, a, b);
    learnOf(orgs, b, a);
  }
  return e;
}

/**
 * The partnership between two organisations (either way round), or -1.
 *
 * @param state The model state.
 * @param x One organisation.
 * @param y The other.
 * @returns The edge index, or -1.
 *
 * @example
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { partnershipBetween } from "./partnership_network.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1], fundedCount: 2, familyCapacity: 1 });
 * strictEqual(partnershipBetween(s, 0, 1), -1);
 * ```
 */
export function partnershipBetween(state: ModelState, x: number, y: number): number {
  const p = state.partnerships;
  const orgs = state.orgs;
  const start = x * PARTNER_CAPACITY;
  const n = orgs.degree[x];
  for (let i = 0; i < n; i++) {
    const e = orgs.partnerEdges[start + i];
    if (p.a[e] === y || p.b[e] === y) return e;
  }
  return -1;
}

/**
 * Gives every funded organisation its formal partners at the start: `perOrganisation` partners,
 * each statutory with probability `statutoryShare` (else another funded organisation), starting
 * on paper, working or deep by the shares given, formal with probability `formalShare`. A draw
 * that falls on an existing partner is drawn again (up to 20 times, so that an organisation with
 * too few possible partners ends up with all of them, not in a loop).
 *
 * @param state The model state (organisations allocated, with room for partnerships).
 * @param params M5 parameters.
 * @param random The `partnerships.setup` stream.
 *
 * @example
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { PARTNERSHIP_DEFAULTS, setupPartnerships } from "./partnership_network.ts";
 * import { ok } from "node:assert/strict";
 * import { createStream } from "../core/mod.ts";
 * const s = allocateState({ postsPerOrganisation: [1, 1, 1, 1], fundedCount: 3, familyCapacity: 1, partnershipCapacity: 20 });
 * setupPartnerships(s, PARTNERSHIP_DEFAULTS, createStream(1, "setup"));
 * ok(s.partnerships.count >= 3);
 * ```
 */
export function setupPartnerships(
  state: ModelState,
  params: PartnershipParams,
  random: RandomStream,
): void {
  const orgs = state.orgs;
  let funded = 0;
  while (funded < orgs.count && orgs.sector[funded] === SECTOR.voluntary) funded++;
  const statutory = orgs.count - funded;
  if (funded + statutory < 2) return; // nobody to partner with
  for (let a = 0; a < funded; a++) {
    for (let k = 0; k < params.perOrganisation; k++) {
      const u = random();
      const depth = u < params.shareOnPaper
        ? START.paper
        : u < params.shareOnPaper + params.shareDeep
        ? START.deep
        : START.working;
      const start = {
        effort: depth.effort,
        strength: depth.strength,
        levels: depth.levels,
        formal: random() < params.formalShare ? 1 : 0,
        informal: 0,
        sharedGoal: 0.4 + 0.6 * random(),
      };
      // Draw a partner; draw again (a bounded number of times) if they are partners already.
      for (let attempt = 0; attempt < MAX_PARTNER_DRAWS; attempt++) {
        const toStatutory = statutory > 0 && (funded < 2 || random() < params.statutoryShare);
        let b = toStatutory
          ? funded + Math.floor(random() * statutory)
          : Math.floor(random() * (funded - 1));
        if (!toStatutory && b >= a) b++;
        if (addPartnership(state, a, b, start) >= 0) break;
      }
    }
  }
}

/**
 * M5 step, for every partnership:
 *
 * - no effort while either side has no running grant or service;
 * - holder: if the worker who held it has left, strength falls to `k · s` with
 *   `k = min(1, keptOnHolderLoss + formalProtection · formal + levelProtection · extraLevels)`,
 *   and the partnership passes to a key worker in post at side a;
 * - strength: `s ← s + g · e · goal · (0.5 + 0.5 · m) · (1 − s) − d · (1 − e) · s`, with effort
 *   e, growth g, decay d and mutual benefit `m = min(fAB, fBA) / max(fAB, fBA)` of the decaying
 *   referral flows (0 when one way or none);
 * - referral flows decay by 5% a week;
 * - once at least working, each side knows what the other offers (a partnership on paper
 *   teaches nothing);
 * - while both sides run, each spends `hoursPerWeek` on it, whatever its depth.
 *
 * Each organisation's posts then give casework contact
 * `max(0.5, 1 − hours / (posts · hoursPerPostPerWeek))` of the usual (times the statutory capacity
 * share for statutory services; `posts.contactShare` is set by the caseload step from
 * `orgs.partnershipHours`). With `enabled` false (M5 off),
 * partnerships neither change nor cost time, and referrals treat every partner as a stranger.
 *
 * @param state The model state.
 * @param params M5 parameters.
 * @param enabled Whether M5 is on.
 *
 * @example Effort builds strength
 * ```ts
 * import { allocateState, PHASE } from "./state.ts";
 * import { addPartnership, PARTNERSHIP_DEFAULTS, partnershipStep } from "./partnership_network.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1], fundedCount: 2, familyCapacity: 1, partnershipCapacity: 2 });
 * s.orgs.phase.fill(PHASE.active);
 * addPartnership(s, 0, 1, { effort: 0.9, strength: 0.3, levels: 1, formal: 0, informal: 0, sharedGoal: 1 });
 * for (let w = 0; w < 52; w++) partnershipStep(s, PARTNERSHIP_DEFAULTS, true);
 * ok(s.partnerships.strength[0] > 0.5);
 * ```
 */
export function partnershipStep(
  state: ModelState,
  params: PartnershipParams,
  enabled: boolean,
): void {
  const p = state.partnerships;
  const orgs = state.orgs;
  const posts = state.posts;
  orgs.partnershipHours.fill(0);
  if (!enabled) return;
  const g = params.growthPerWeek;
  const d = params.decayPerWeek;
  const hoursPerWeek = params.hoursPerWeek;
  const sideA = p.a;
  const sideB = p.b;
  const strength = p.strength;
  const effortOf = p.effort;
  const holderOf = p.holder;
  const holderGeneration = p.holderGeneration;
  const flowAB = p.flowAB;
  const flowBA = p.flowBA;
  const sharedGoal = p.sharedGoal;
  const phase = orgs.phase;
  const hours = orgs.partnershipHours;
  const postStatus = posts.status;
  const postHolder = posts.holder;
  const active = PHASE.active; // codes in locals, not looked up for each partnership
  const filled = POST.filled;
  for (let e = 0; e < p.count; e++) {
    const a = sideA[e];
    const b = sideB[e];
    const running = phase[a] === active && phase[b] === active;
    const effort = running ? effortOf[e] : 0;
    let s = strength[e];
    // The holder: the worker at side a who carries the partnership.
    let h = holderOf[e];
    if (h >= 0 && (postStatus[h] !== filled || postHolder[h] !== holderGeneration[e])) {
      const levels = p.levels[e];
      const extra = ((levels >> 1) & 1) + ((levels >> 2) & 1);
      const kept = params.keptOnHolderLoss + params.formalProtection * p.formal[e] +
        params.levelProtection * extra;
      s *= kept > 1 ? 1 : kept;
      h = -1;
      holderOf[e] = -1;
    }
    if (h < 0) {
      const last = orgs.postStart[a + 1];
      for (let q = orgs.postStart[a]; q < last; q++) {
        if (postStatus[q] === filled) {
          holderOf[e] = q;
          holderGeneration[e] = postHolder[q];
          break;
        }
      }
    }
    const ab = flowAB[e];
    const ba = flowBA[e];
    const hi = ab > ba ? ab : ba;
    const mutual = hi > 0 ? (ab < ba ? ab : ba) / hi : 0;
    s += g * effort * sharedGoal[e] * (0.5 + 0.5 * mutual) * (1 - s) - d * (1 - effort) * s;
    strength[e] = s < 0 ? 0 : s > 1 ? 1 : s;
    if (s >= WORKING_STRENGTH && p.taught[e] === 0) {
      // A working partnership teaches each side what the other offers (once: nothing is forgotten).
      learnOf(orgs, a, b);
      learnOf(orgs, b, a);
      p.taught[e] = 1;
    }
    flowAB[e] = ab * 0.95;
    flowBA[e] = ba * 0.95;
    if (running) {
      // Both sides give the partnership time, taken from their casework.
      hours[a] += hoursPerWeek;
      hours[b] += hoursPerWeek;
    }
  }
}
