/**
 * Families arrive: each open organisation receives referrals at a rate proportional to its
 * posts; a family joins the waiting list unless it is full. Families carry needs of a severity
 * and start with the trust they have in that sector. Source: `003_2d3a9cdd3abf509d.txt` (all
 * projects "engaged with families experiencing adversity").
 *
 * @module
 */
import { poisson, type RandomStream } from "../core/mod.ts";
import { type FundingParams, isOpen, WEEKS_PER_YEAR } from "./funding_cycle.ts";
import { M } from "./metric_names.ts";
import { ambassadorEffect, type ParentParams } from "./parents_as_partners.ts";
import { FAMILY, type ModelState, NEED, takeFamilySlot } from "./state.ts";
import { initialTrust, type TrustParams } from "./trust.ts";

/** Parameters of family arrivals and waiting lists. */
export interface FamilyParams {
  /** Referrals an organisation receives per post per year, ≥ 0. @default 25 */
  readonly referralsPerPostPerYear: number;
  /** Share of referred families who take up the offer and join the waiting list, in [0, 1]. @default 0.8 */
  readonly takeUpShare: number;
  /** Share of families who also need mental-health support, in [0, 1]. @default 0.3 */
  readonly mentalHealthShare: number;
  /** Share of families who also need money or debt advice, in [0, 1]. @default 0.3 */
  readonly moneyAdviceShare: number;
  /** Share of families who also need disability or special-needs support, in [0, 1]. @default 0.2 */
  readonly disabilityShare: number;
  /** Share of families who also need statutory social care, in [0, 1]. @default 0.15 */
  readonly socialCareShare: number;
  /** Longest waiting list, in families per post; further referrals are turned away, ≥ 0. @default 6 */
  readonly maxWaitingPerPost: number;
  /** Lowest severity of needs at referral, in [0, 1]. @default 0.2 */
  readonly severityMin: number;
  /** Highest severity of needs at referral, in [0, 1], ≥ severityMin. @default 0.8 */
  readonly severityMax: number;
}

/**
 * Defaults for arrivals (assumptions). At the defaults, filled posts hold about 10 families
 * against a target of 12 and waiting lists stay short; raise `referralsPerPostPerYear` for
 * more pressure.
 */
export const FAMILY_DEFAULTS: FamilyParams = Object.freeze({
  referralsPerPostPerYear: 25,
  takeUpShare: 0.8,
  mentalHealthShare: 0.3,
  moneyAdviceShare: 0.3,
  disabilityShare: 0.2,
  socialCareShare: 0.15,
  maxWaitingPerPost: 6,
  severityMin: 0.2,
  severityMax: 0.8,
});

/** The random streams intake draws from. */
export interface IntakeStreams {
  /** Number of referrals per organisation and week (Poisson). */
  readonly arrivals: RandomStream;
  /** Severity of each family's needs. */
  readonly need: RandomStream;
  /** Which needs beyond family support a family has. */
  readonly needs: RandomStream;
  /** Whether a referred family takes up the offer. */
  readonly takeUp: RandomStream;
}

/**
 * Intake step: referrals arrive at every open organisation (Poisson, mean
 * `posts · referralsPerPostPerYear / 52` a week). A family takes up the offer with probability
 * `u + (1 − u) · takeUpBoost · a` (u `takeUpShare`, a the organisation's ambassador effect, M8),
 * else declines; one that takes it up joins the waiting list, or is turned away when the list is
 * full. It starts with the sector's trust plus `trustBoost · a`, trust in statutory services
 * `initialStatutory`, needs of a severity in [severityMin, severityMax], family support plus
 * each other need with its share.
 *
 * @param state The model state.
 * @param params Arrival parameters.
 * @param funding M1 parameters (an organisation near an unsecured end takes no one new).
 * @param trust M3 parameters (initial trust).
 * @param parents M8 parameters (ambassadors' effect on trust and take-up).
 * @param streams The intake streams.
 * @param week The current week.
 *
 * @example Families arrive at an open organisation
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { FUNDING_DEFAULTS, startFunding } from "./funding_cycle.ts";
 * import { FAMILY_DEFAULTS, intakeStep } from "./intake.ts";
 * import { TRUST_DEFAULTS } from "./trust.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [3], fundedCount: 1, familyCapacity: 30 });
 * startFunding(s, FUNDING_DEFAULTS, true);
 * import { PARENT_DEFAULTS } from "./parents_as_partners.ts";
 * const streams = { arrivals: () => 0.999, need: () => 0.5, needs: () => 0.5, takeUp: () => 0 };
 * intakeStep(s, FAMILY_DEFAULTS, FUNDING_DEFAULTS, TRUST_DEFAULTS, PARENT_DEFAULTS, streams, 0);
 * ok(s.orgs.waiting[0] > 0);
 * ```
 */
export function intakeStep(
  state: ModelState,
  params: FamilyParams,
  funding: FundingParams,
  trust: TrustParams,
  parents: ParentParams,
  streams: IntakeStreams,
  week: number,
): void {
  const orgs = state.orgs;
  const fam = state.families;
  const flows = state.flows;
  const perPostPerWeek = params.referralsPerPostPerYear / WEEKS_PER_YEAR;
  const severitySpan = params.severityMax - params.severityMin;
  for (let o = 0; o < orgs.count; o++) {
    if (!isOpen(state, funding, o)) continue;
    const posts = orgs.postStart[o + 1] - orgs.postStart[o];
    const arrivals = poisson(streams.arrivals, posts * perPostPerWeek);
    const maxWaiting = posts * params.maxWaitingPerPost;
    const effect = ambassadorEffect(state, parents, o);
    const startTrust = initialTrust(trust, orgs.sector[o]) + parents.trustBoost * effect;
    const takeUp = params.takeUpShare + (1 - params.takeUpShare) * parents.takeUpBoost * effect;
    for (let i = 0; i < arrivals; i++) {
      flows[M.families_arrived]++;
      if (streams.takeUp() >= takeUp) {
        flows[M.families_declined]++;
        continue;
      }
      const f = orgs.waiting[o] < maxWaiting ? takeFamilySlot(fam) : -1;
      if (f < 0) {
        flows[M.families_turned_away]++;
        continue;
      }
      fam.status[f] = FAMILY.waiting;
      fam.org[f] = o;
      fam.keyWorker[f] = -1;
      fam.hadKeyWorker[f] = 0;
      fam.trust[f] = startTrust > 1 ? 1 : startTrust;
      fam.trustStatutory[f] = trust.initialStatutory;
      let needs: number = NEED.familySupport;
      if (streams.needs() < params.mentalHealthShare) needs |= NEED.mentalHealth;
      if (streams.needs() < params.moneyAdviceShare) needs |= NEED.moneyAdvice;
      if (streams.needs() < params.disabilityShare) needs |= NEED.disability;
      if (streams.needs() < params.socialCareShare) needs |= NEED.socialCare;
      fam.needs[f] = needs;
      fam.needsMet[f] = NEED.familySupport;
      fam.engaged[f] = 0;
      fam.progress[3 * f] = 0;
      fam.progress[3 * f + 1] = 0;
      fam.progress[3 * f + 2] = 0;
      fam.achieved[f] = 0;
      fam.severity[f] = params.severityMin + severitySpan * streams.need();
      fam.arrivalWeek[f] = week;
      orgs.waiting[o]++;
    }
  }
}
