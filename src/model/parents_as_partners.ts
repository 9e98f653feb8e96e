/**
 * M8 parents as partners: a family that completes may become a volunteer, mentor or ambassador
 * in its organisation's community for a while. Active ambassadors raise the trust newly referred
 * families start with and the share who take up the offer. Source: `000_8ae7b1f1b088dc19.txt`
 * ("Parents took on many different roles - as volunteers, mentors, ambassadors"; "Their
 * involvement encouraged other parents to trust the services").
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import type { ModelState } from "./state.ts";

/** Parameters of M8. */
export interface ParentParams {
  /** Probability a family that completes becomes an ambassador, in [0, 1]. @default 0.05 */
  readonly ambassadorShare: number;
  /** Mean weeks an ambassador stays active, ≥ 1. @default 104 */
  readonly ambassadorWeeks: number;
  /** Ambassadors per post at which their effect is full, > 0. @default 3 */
  readonly saturationPerPost: number;
  /** Rise in a new family's starting trust at full effect, in [0, 1]. @default 0.1 */
  readonly trustBoost: number;
  /** Share of the families who would not take up the offer who do at full effect, in [0, 1]. @default 0.5 */
  readonly takeUpBoost: number;
}

/** Defaults of M8 (assumptions; 000 describes the roles, not their numbers). */
export const PARENT_DEFAULTS: ParentParams = Object.freeze({
  ambassadorShare: 0.05,
  ambassadorWeeks: 104,
  saturationPerPost: 3,
  trustBoost: 0.1,
  takeUpBoost: 0.5,
});

/** The random streams M8 draws from. */
export interface ParentStreams {
  /** Whether a completing family becomes an ambassador. */
  readonly join: RandomStream;
  /** Whether an ambassador steps down this week. */
  readonly retire: RandomStream;
}

/**
 * The effect of an organisation's ambassadors on families referred to it, in [0, 1]:
 * `min(1, ambassadors / (posts · saturationPerPost))`.
 *
 * @param state The model state.
 * @param params M8 parameters.
 * @param org The organisation.
 * @returns 0 with no ambassadors, 1 at saturation.
 *
 * @example
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { ambassadorEffect, PARENT_DEFAULTS } from "./parents_as_partners.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 1 });
 * s.orgs.ambassadors[0] = 1;
 * strictEqual(ambassadorEffect(s, { ...PARENT_DEFAULTS, saturationPerPost: 1 }, 0), 0.5);
 * ```
 */
export function ambassadorEffect(state: ModelState, params: ParentParams, org: number): number {
  const posts = state.orgs.postStart[org + 1] - state.orgs.postStart[org];
  const effect = state.orgs.ambassadors[org] / (posts * params.saturationPerPost);
  return effect > 1 ? 1 : effect;
}

/**
 * M8 step, per organisation: each active ambassador steps down with probability
 * `1 / ambassadorWeeks`; each family that completed this week becomes an ambassador with
 * probability `ambassadorShare`. With `enabled` false (M8 off) there are no ambassadors.
 *
 * @param state The model state.
 * @param params M8 parameters.
 * @param streams The M8 streams.
 * @param enabled Whether M8 is on.
 *
 * @example Every completing family becomes an ambassador when the share is 1
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { PARENT_DEFAULTS, parentsStep } from "./parents_as_partners.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 1 });
 * s.orgs.completedThisWeek[0] = 3;
 * parentsStep(s, { ...PARENT_DEFAULTS, ambassadorShare: 1 }, { join: () => 0.5, retire: () => 0.5 }, true);
 * strictEqual(s.orgs.ambassadors[0], 3);
 * strictEqual(s.orgs.completedThisWeek[0], 0);
 * ```
 */
export function parentsStep(
  state: ModelState,
  params: ParentParams,
  streams: ParentStreams,
  enabled: boolean,
): void {
  const orgs = state.orgs;
  const retire = 1 / params.ambassadorWeeks;
  for (let o = 0; o < orgs.count; o++) {
    const completed = orgs.completedThisWeek[o];
    orgs.completedThisWeek[o] = 0;
    if (!enabled) continue;
    let active = orgs.ambassadors[o];
    for (let i = orgs.ambassadors[o]; i > 0; i--) if (streams.retire() < retire) active--;
    for (let i = 0; i < completed; i++) if (streams.join() < params.ambassadorShare) active++;
    orgs.ambassadors[o] = active;
  }
}
