/**
 * M7 the networking programme: periodic learning and networking events for the funded
 * organisations. Attending organisations meet in pairs; a pair that meets learns what each
 * other offers and may start an informal partnership; staff who attended have peer support,
 * which lowers their leaving hazard for a while. Source: `003_2d3a9cdd3abf509d.txt`
 * ("organisations attended networking events with the other grantees, in some cases developing
 * informal partnerships"; "an annual calendar of learning and networking events"; "these informal
 * partnerships provided a form of 'peer support'").
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import { M } from "./metric_names.ts";
import { addPartnership } from "./partnership_network.ts";
import { learnOf, LEVEL, type ModelState, PHASE, SECTOR } from "./state.ts";

/** Parameters of M7. */
export interface NetworkingParams {
  /** Weeks between events (17 ≈ three a year), integer ≥ 1. @default 17 */
  readonly intervalWeeks: number;
  /** Probability a funded organisation with a running grant attends an event, in [0, 1]. @default 0.7 */
  readonly attendance: number;
  /** Probability two attending organisations meet properly, in [0, 1]. @default 0.15 */
  readonly meetProbability: number;
  /** Probability a pair that meets, not yet partners, starts an informal partnership, in [0, 1]. @default 0.3 */
  readonly informalProbability: number;
  /** Weeks peer support from an event lasts, integer ≥ 0. @default 26 */
  readonly peerSupportWeeks: number;
  /** Share by which peer support lowers the leaving hazard, in [0, 1]. @default 0.2 */
  readonly peerSupportEffect: number;
}

/** Defaults of M7 (assumptions; 003 gives the mechanisms, not their sizes). */
export const NETWORKING_DEFAULTS: NetworkingParams = Object.freeze({
  intervalWeeks: 17,
  attendance: 0.7,
  meetProbability: 0.15,
  informalProbability: 0.3,
  peerSupportWeeks: 26,
  peerSupportEffect: 0.2,
});

/** Effort, strength and shared goal of a new informal partnership: peers doing similar work. */
const INFORMAL = Object.freeze({
  effort: 0.5,
  strength: 0.2,
  levels: LEVEL.delivery,
  formal: 0,
  informal: 1,
  sharedGoal: 0.8,
});

/** The random streams M7 draws from. */
export interface NetworkingStreams {
  /** Who attends. */
  readonly attend: RandomStream;
  /** Which pairs meet (pairs skipped between meetings) and which start a partnership. */
  readonly meet: RandomStream;
}

/**
 * M7 step. In weeks `intervalWeeks, 2 · intervalWeeks, …` an event is held (if any funded
 * organisation has a running grant): each such organisation attends with probability
 * `attendance` and gains peer support for `peerSupportWeeks`; each pair of attendees meets with
 * probability `meetProbability`, learning of each other's services, and, if not yet partners,
 * starts an informal partnership (on paper at first, effort 0.5, held by either side with equal
 * chance) with probability `informalProbability`. Every week, each organisation's leaving hazard is multiplied by
 * `1 − peerSupportEffect` while its peer support lasts.
 *
 * With `enabled` false (M7 off) no events are held.
 *
 * @param state The model state.
 * @param params M7 parameters.
 * @param streams The M7 streams.
 * @param week The current week.
 * @param enabled Whether M7 is on.
 * @param attendees Scratch space, one slot per organisation (allocated once by the model).
 *
 * @example An event where everyone meets makes informal partnerships
 * ```ts
 * import { allocateState, PHASE } from "./state.ts";
 * import { NETWORKING_DEFAULTS, networkingStep } from "./networking.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1, 1], fundedCount: 3, familyCapacity: 1, partnershipCapacity: 9 });
 * s.orgs.phase.fill(PHASE.active);
 * networkingStep(s, NETWORKING_DEFAULTS, { attend: () => 0, meet: () => 0 }, 17, true, new Int32Array(3));
 * ok(s.partnerships.count === 3 && s.orgs.attritionFactor[0] < 1);
 * ```
 */
export function networkingStep(
  state: ModelState,
  params: NetworkingParams,
  streams: NetworkingStreams,
  week: number,
  enabled: boolean,
  attendees: Int32Array,
): void {
  const orgs = state.orgs;
  if (enabled && week > 0 && week % params.intervalWeeks === 0) {
    let n = 0;
    for (let o = 0; o < orgs.count; o++) {
      if (orgs.sector[o] !== SECTOR.voluntary || orgs.phase[o] !== PHASE.active) continue;
      if (streams.attend() < params.attendance) {
        attendees[n++] = o;
        orgs.peerSupportUntil[o] = week + params.peerSupportWeeks;
      }
    }
    if (n > 0) state.flows[M.networking_events]++;
    // Pairs (i, j), i < j, in order; each meets with probability meetProbability. Instead of a
    // draw per pair, one draw per meeting gives the number of pairs skipped before it
    // (geometric), so an event costs O(attendees + meetings), not O(attendees²).
    const pairs = n * (n - 1) / 2;
    const p = params.meetProbability;
    const logMiss = Math.log(1 - p);
    let i = 0;
    let rowStart = 0; // index of pair (i, i + 1)
    let k = -1;
    while (p > 0) {
      k += 1 + (p >= 1 ? 0 : Math.floor(Math.log(1 - streams.meet()) / logMiss));
      if (k >= pairs) break;
      while (k >= rowStart + n - 1 - i) {
        rowStart += n - 1 - i;
        i++;
      }
      const a = attendees[i];
      const b = attendees[i + 1 + k - rowStart];
      learnOf(orgs, a, b);
      learnOf(orgs, b, a);
      if (streams.meet() < params.informalProbability) {
        // Either side may be the one whose worker holds the new partnership.
        if (streams.meet() < 0.5) addPartnership(state, a, b, INFORMAL);
        else addPartnership(state, b, a, INFORMAL);
      }
    }
  }
  const supported = 1 - params.peerSupportEffect;
  for (let o = 0; o < orgs.count; o++) {
    orgs.attritionFactor[o] = orgs.peerSupportUntil[o] > week ? supported : 1;
  }
}
