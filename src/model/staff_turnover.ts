/**
 * M2 staff and turnover: key workers leave with a weekly hazard built from the annual
 * turnover, raised in the final months before an unsecured grant end and by overload; vacant
 * posts take time to fill; new key workers take time to learn the local context; relational
 * capability differs between workers. Sources: `003_2d3a9cdd3abf509d.txt` (short-term funding
 * "limits their ability to offer long term contracts to staff and in turn negatively impacts
 * staff retention"), `001_b81cb5ae83b529e7.txt` ("the high churn in staff turnover"; "Building up
 * relationships was a slow process ... developing our own understanding of the context"),
 * `002_daf00433bb3d9d92.txt` ("a relationally capable practitioner is more likely to build
 * effective relationships with service users").
 *
 * @module
 */
import { type DrawBlock, type RandomStream, refillDrawBlock, weeklyHazard } from "../core/mod.ts";
import type { FundingParams } from "./funding_cycle.ts";
import { isOpen } from "./funding_cycle.ts";
import { M } from "./metric_names.ts";
import { keyWorkerLeaves, type ModelState, POST } from "./state.ts";

/** Parameters of M2 (and of key workers' caseloads). */
export interface StaffParams {
  /** Share of key workers who leave in a year with no grant end near and no overload, in [0, 1]. @default 0.2 */
  readonly turnoverPerYear: number;
  /** Weeks before an unsecured grant end over which leaving rises, ≥ 0. @default 26 */
  readonly endRiskWeeks: number;
  /** Leaving hazard multiplier reached at an unsecured end (1 = no rise), ≥ 1. @default 4 */
  readonly endLeaverMultiplier: number;
  /** Rise in the leaving hazard per unit of caseload above target (caseload/target − 1), ≥ 0. @default 1 */
  readonly overloadAttrition: number;
  /** Mean weeks to fill a vacant post, ≥ 1. @default 10 */
  readonly vacancyWeeks: number;
  /** Weeks a new key worker takes to learn the local context, ≥ 1. @default 26 */
  readonly learningWeeks: number;
  /** A new key worker's effectiveness on day one, in [0, 1]. @default 0.4 */
  readonly learningStart: number;
  /** Mean relational capability of key workers, in (0, 1). @default 0.6 */
  readonly capabilityMean: number;
  /** Concentration of the Beta distribution of capability (higher = less varied), > 0. @default 10 */
  readonly capabilityConcentration: number;
  /** Families per key worker at which contact is full and there is no overload, ≥ 1. @default 12 */
  readonly caseloadTarget: number;
  /** Most families one key worker may hold, ≥ caseloadTarget. @default 16 */
  readonly caseloadMax: number;
  /**
   * Share of their normal capacity statutory key workers can give in person, in [0, 1]: it scales
   * their contact with each family and the families they take on. Lowered by the pandemic
   * scenario (M9). @default 1
   */
  readonly statutoryCapacityShare: number;
}

/** Defaults of M2. */
export const STAFF_DEFAULTS: StaffParams = Object.freeze({
  turnoverPerYear: 0.2,
  endRiskWeeks: 26,
  endLeaverMultiplier: 4,
  overloadAttrition: 1,
  vacancyWeeks: 10,
  learningWeeks: 26,
  learningStart: 0.4,
  capabilityMean: 0.6,
  capabilityConcentration: 10,
  caseloadTarget: 12,
  caseloadMax: 16,
  statutoryCapacityShare: 1,
});

/** The random streams M2 draws from. */
export interface StaffStreams {
  /** Leaving draws. */
  readonly leave: RandomStream;
  /**
   * Uniform draws that set the weeks to fill each vacancy (geometric, mean `vacancyWeeks`, as
   * `geometricWeeks` draws it), made ahead in a block.
   */
  readonly vacancy: DrawBlock;
  /** Capability of each new key worker: Beta(μκ, (1−μ)κ) draws, made ahead in a block. */
  readonly capability: DrawBlock;
}

/**
 * The weekly leaving hazard of one key worker.
 *
 * `h = h₀ · (1 + (m − 1) · max(0, 1 − w / W)) · (1 + a · max(0, caseload / target − 1))`, where
 * h₀ is the weekly hazard of the annual turnover, w the weeks to an unsecured end, W
 * `endRiskWeeks`, m `endLeaverMultiplier` and a `overloadAttrition`.
 *
 * @param params M2 parameters.
 * @param weeksToUnsecuredEnd Weeks to the end of an unsecured grant (a huge number when secure).
 * @param caseload Families the worker holds.
 * @param baseHazard h₀, when the caller has it: `weeklyHazard(params.turnoverPerYear)`, a power
 *   that the staff step works out once a week rather than once per key worker.
 * @returns Probability of leaving this week, in [0, 1].
 *
 * @example The hazard rises as an unsecured end nears
 * ```ts
 * import { leavingHazard, STAFF_DEFAULTS } from "./staff_turnover.ts";
 * import { ok } from "node:assert/strict";
 * ok(leavingHazard(STAFF_DEFAULTS, 4, 12) > 3 * leavingHazard(STAFF_DEFAULTS, 100, 12));
 * ```
 */
export function leavingHazard(
  params: StaffParams,
  weeksToUnsecuredEnd: number,
  caseload: number,
  baseHazard: number = weeklyHazard(params.turnoverPerYear),
): number {
  let h = baseHazard;
  if (weeksToUnsecuredEnd < params.endRiskWeeks) {
    h *= 1 + (params.endLeaverMultiplier - 1) * (1 - weeksToUnsecuredEnd / params.endRiskWeeks);
  }
  const over = caseload / params.caseloadTarget - 1;
  if (over > 0) h *= 1 + params.overloadAttrition * over;
  return h > 1 ? 1 : h;
}

/**
 * M2 step, for every post: a key worker in post gains tenure and learning and may leave; a
 * vacant post in an open organisation counts down its recruitment time and is filled by a new
 * key worker (new capability, learning from `learningStart`).
 *
 * With `enabled` false (M2 switched off): nobody leaves, vacancies fill at once, every key
 * worker has the mean capability and knows the context from the start.
 *
 * A hire happens a few times a week among hundreds of posts, so its draws come from blocks
 * made ahead (see `DrawBlock`) and the geometric weeks to fill a vacancy are worked out here
 * rather than in a call: the step then allocates nothing.
 *
 * @param state The model state.
 * @param params M2 parameters.
 * @param funding M1 parameters (for when recruitment stops).
 * @param streams The M2 streams.
 * @param enabled Whether M2 is on.
 *
 * @example A worker in post leaves when the draw falls under the hazard
 * ```ts
 * import { allocateState, POST } from "./state.ts";
 * import { FUNDING_DEFAULTS, startFunding } from "./funding_cycle.ts";
 * import { STAFF_DEFAULTS, staffStep } from "./staff_turnover.ts";
 * import { drawBlock } from "../core/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * startFunding(s, FUNDING_DEFAULTS, true);
 * s.posts.status[0] = POST.filled;
 * const streams = {
 *   leave: () => 0,
 *   vacancy: drawBlock((values) => values.fill(0.5), 1),
 *   capability: drawBlock((values) => values.fill(0.6), 1),
 * };
 * staffStep(s, STAFF_DEFAULTS, FUNDING_DEFAULTS, streams, true);
 * deepStrictEqual(s.posts.status[0], POST.vacant);
 * ```
 */
export function staffStep(
  state: ModelState,
  params: StaffParams,
  funding: FundingParams,
  streams: StaffStreams,
  enabled: boolean,
): void {
  const posts = state.posts;
  const orgs = state.orgs;
  const flows = state.flows;
  const learnPerWeek = (1 - params.learningStart) / params.learningWeeks;
  // geometricWeeks(stream, vacancyWeeks), written out: 1 + ⌊ln(1 − u) / ln(1 − 1 / mean)⌋.
  const logMiss = Math.log(1 - 1 / params.vacancyWeeks);
  const vacancy = streams.vacancy;
  const capability = streams.capability;
  const baseHazard = weeklyHazard(params.turnoverPerYear);
  for (let p = 0; p < posts.count; p++) {
    const status = posts.status[p];
    if (status === POST.filled) {
      posts.tenureWeeks[p]++;
      const learning = posts.learning[p] + learnPerWeek;
      posts.learning[p] = learning > 1 ? 1 : learning;
      if (!enabled) continue;
      const org = posts.org[p];
      const h =
        leavingHazard(params, orgs.weeksToUnsecuredEnd[org], posts.caseload[p], baseHazard) *
        orgs.attritionFactor[org];
      if (streams.leave() < h) {
        keyWorkerLeaves(state, p, POST.vacant);
        posts.vacancyWeeksLeft[p] = -1;
        flows[M.staff_leavers]++;
      }
    } else if (status === POST.vacant) {
      const org = posts.org[p];
      if (!isOpen(state, funding, org)) continue;
      if (posts.vacancyWeeksLeft[p] < 0) {
        if (!enabled) posts.vacancyWeeksLeft[p] = 0;
        else if (params.vacancyWeeks <= 1) posts.vacancyWeeksLeft[p] = 1;
        else {
          if (vacancy.next === vacancy.values.length) refillDrawBlock(vacancy);
          const u = vacancy.values[vacancy.next++];
          posts.vacancyWeeksLeft[p] = 1 + Math.floor(Math.log(1 - u) / logMiss);
        }
      }
      if (posts.vacancyWeeksLeft[p] > 0) posts.vacancyWeeksLeft[p]--;
      if (posts.vacancyWeeksLeft[p] === 0) {
        posts.status[p] = POST.filled;
        posts.tenureWeeks[p] = 0;
        if (enabled) {
          if (capability.next === capability.values.length) refillDrawBlock(capability);
          posts.capability[p] = capability.values[capability.next++];
        } else {
          posts.capability[p] = params.capabilityMean;
        }
        posts.learning[p] = enabled ? params.learningStart : 1;
        flows[M.staff_hired]++;
      }
    }
  }
}
