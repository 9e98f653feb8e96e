/**
 * The family–partnership model: parameters with defaults and units, state as typed arrays,
 * one file per mechanism (M1 funding cycles, M2 staff and turnover, M3 trust, M4 engagement
 * and outcomes, M10 money), and the metrics each run records. No Deno or DOM APIs.
 *
 * @example Run the baseline for two years
 * ```ts
 * import { resolveParams, simulate } from "./mod.ts";
 * import { ok } from "node:assert/strict";
 * const recording = simulate(resolveParams({ horizonYears: 2 }), 42);
 * ok(recording.weeks === 104);
 * ```
 *
 * @module
 */
export { caseloadStep, keyWorkerContact } from "./caseload.ts";
export {
  createEngagementCurve,
  ENGAGEMENT_DEFAULTS,
  type EngagementCurve,
  type EngagementParams,
  engagementProbability,
  engagementStep,
  type EngagementStreams,
  engages,
  engagesOnCurve,
  fitEngagementCurve,
} from "./engagement.ts";
export {
  FUNDING_DEFAULTS,
  type FundingParams,
  fundingStep,
  grantPerYearGbp,
  isOpen,
  plannedGrantWeeks,
  startFunding,
  WEEKS_PER_YEAR,
} from "./funding_cycle.ts";
export {
  NETWORKING_DEFAULTS,
  type NetworkingParams,
  networkingStep,
  type NetworkingStreams,
} from "./networking.ts";
export {
  ambassadorEffect,
  PARENT_DEFAULTS,
  type ParentParams,
  parentsStep,
  type ParentStreams,
} from "./parents_as_partners.ts";
export {
  addPartnership,
  DEEP_STRENGTH,
  depthOf,
  PARTNERSHIP_DEFAULTS,
  partnershipBetween,
  type PartnershipParams,
  partnershipStep,
  setupPartnerships,
  WORKING_STRENGTH,
} from "./partnership_network.ts";
export {
  createReferralTargets,
  REFERRAL_DEFAULTS,
  type ReferralParams,
  referralStep,
  type ReferralStreams,
  type ReferralTargets,
  startReferralWeek,
} from "./referrals.ts";
export { FAMILY_DEFAULTS, type FamilyParams, intakeStep, type IntakeStreams } from "./intake.ts";
export { measure } from "./measure.ts";
export { type NetworkSnapshot, snapshotNetwork } from "./network_snapshot.ts";
export { M, METRIC_NAMES, type MetricKind, METRICS, type MetricSpec } from "./metric_names.ts";
export { createModel, type Model, runModel, simulate, STREAM_NAMES } from "./model.ts";
export { MONEY_DEFAULTS, type MoneyParams, moneyStep, postsFundedBy } from "./money.ts";
export { ORGANISATION_DEFAULTS, type OrganisationParams } from "./organisations.ts";
export { OUTCOME_DEFAULTS, type OutcomeParams, outcomesStep } from "./outcomes.ts";
export {
  checkParams,
  DEFAULT_PARAMS,
  horizonWeeks,
  type MechanismSwitches,
  mergeParams,
  type ModelParams,
  type ParamsInput,
  type ParamsProblem,
  resolveParams,
} from "./params.ts";
export {
  leavingHazard,
  STAFF_DEFAULTS,
  type StaffParams,
  staffStep,
  type StaffStreams,
} from "./staff_turnover.ts";
export {
  compileShocks,
  peakValue,
  SETUP_ONLY_PATHS,
  type Shock,
  shockablePaths,
  type ShockSchedule,
  WHOLE_NUMBER_PATHS,
} from "./shocks.ts";
export {
  allocateState,
  FAMILY,
  type FamilyState,
  keyWorkerLeaves,
  KNOWN_CAPACITY,
  learnOf,
  LEVEL,
  type ModelState,
  NEED,
  NO_END,
  type OrganisationState,
  PARTNER_CAPACITY,
  type PartnershipState,
  PHASE,
  POST,
  type PostState,
  REFERABLE_NEEDS,
  referableNeeds,
  releaseFamily,
  SECTOR,
  type StateSizes,
  takeFamilySlot,
  TRANSITION,
} from "./state.ts";
export {
  initialTrust,
  setTrustGains,
  TRUST_DEFAULTS,
  trustAfterKeyWorkerLoss,
  trustAfterWeek,
  type TrustParams,
} from "./trust.ts";
