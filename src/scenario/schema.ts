/**
 * The scenario schema: every field a scenario file may set, with its type, range and unit.
 * Fields left out take the model's defaults (`DEFAULT_PARAMS`); unknown fields are errors.
 *
 * @module
 */
import { z } from "zod";

const share = (unit = "share in [0, 1]") => z.number().min(0).max(1).meta({ unit });
const nonNegative = (unit: string) => z.number().min(0).meta({ unit });
const positive = (unit: string) => z.number().gt(0).meta({ unit });
const atLeast = (min: number, unit: string) => z.number().min(min).meta({ unit });
const count = (min: number, unit: string) => z.int().min(min).max(1_000_000).meta({ unit });

/** Mechanism switches. */
const mechanisms = z.strictObject({
  fundingCycles: z.boolean().meta({ unit: "switch" }),
  staffTurnover: z.boolean().meta({ unit: "switch" }),
  trust: z.boolean().meta({ unit: "switch" }),
  engagement: z.boolean().meta({ unit: "switch" }),
}).partial();

const organisations = z.strictObject({
  funded: count(1, "organisations"),
  statutory: count(0, "organisations"),
  statutoryPostsEach: count(1, "posts"),
}).partial();

const funding = z.strictObject({
  annualBudgetGbp: nonNegative("£ per year"),
  programmeYears: z.number().gt(0).max(100).meta({ unit: "years" }),
  grantLengthYears: z.number().min(1 / 52).max(100).meta({ unit: "years" }),
  renewalProbability: share("probability"),
  gapWeeks: z.int().min(0).max(520).meta({ unit: "weeks" }),
  decisionNoticeWeeks: z.int().min(0).max(520).meta({ unit: "weeks" }),
  extensionShare: share(),
  extensionYears: z.number().min(0).max(100).meta({ unit: "years" }),
  intakeStopWeeks: z.int().min(0).max(520).meta({ unit: "weeks" }),
  caseHandoverShare: share(),
}).partial();

const staff = z.strictObject({
  turnoverPerYear: share("probability per year"),
  endRiskWeeks: z.int().min(0).max(520).meta({ unit: "weeks" }),
  endLeaverMultiplier: atLeast(1, "multiplier"),
  overloadAttrition: nonNegative("multiplier per unit of overload"),
  vacancyWeeks: atLeast(1, "weeks"),
  learningWeeks: atLeast(1, "weeks"),
  learningStart: share("effectiveness in [0, 1]"),
  capabilityMean: z.number().gt(0).lt(1).meta({ unit: "capability in (0, 1)" }),
  capabilityConcentration: positive("Beta concentration"),
  caseloadTarget: z.int().min(1).max(1000).meta({ unit: "families per key worker" }),
  caseloadMax: z.int().min(1).max(1000).meta({ unit: "families per key worker" }),
}).partial();

const families = z.strictObject({
  referralsPerPostPerYear: nonNegative("families per post per year"),
  maxWaitingPerPost: z.int().min(0).max(1000).meta({ unit: "families per post" }),
  severityMin: share("severity in [0, 1]"),
  severityMax: share("severity in [0, 1]"),
}).partial();

const trust = z.strictObject({
  initialVoluntary: share("trust in [0, 1]"),
  initialStatutory: share("trust in [0, 1]"),
  growthPerWeek: share("share per week"),
  lossPerMissedWeek: share("share per week"),
  keptOnKeyWorkerChange: share(),
}).partial();

const engagement = z.strictObject({
  trustAtHalf: share("trust in [0, 1]"),
  steepness: z.number().gt(0).max(1000).meta({ unit: "per unit of trust" }),
  dropoutPerMissedWeek: share("probability per week"),
  waitingDropoutPerWeek: share("probability per week"),
}).partial();

const outcomes = z.strictObject({
  skillsPerWeek: share("progress per week"),
  togetherPerWeek: share("progress per week"),
  communityPerWeek: share("progress per week"),
  threshold: z.number().gt(0).max(1).meta({ unit: "progress in (0, 1]" }),
  decayPerWeek: share("share per week"),
  escalationPerWeek: share("share per week"),
  recoveryPerWeek: share("share per week"),
  severityDrag: share(),
  maxWeeksInProgramme: z.int().min(1).max(10_000).meta({ unit: "weeks" }),
}).partial();

const money = z.strictObject({
  salaryGbpPerPostPerYear: positive("£ per post per year"),
  statutorySalaryGbpPerPostPerYear: positive("£ per post per year"),
  overheadShare: z.number().min(0).lt(1).meta({ unit: "share in [0, 1)" }),
  recruitmentCostGbp: nonNegative("£ per hire"),
}).partial();

/**
 * The schema of a scenario file. Every field is optional; `name`, `description` and `seed`
 * describe the scenario, the rest are model parameters.
 *
 * @example A valid scenario
 * ```ts
 * import { scenarioSchema } from "./schema.ts";
 * import { ok } from "node:assert/strict";
 * ok(scenarioSchema.safeParse({ name: "x", staff: { turnoverPerYear: 0.3 } }).success);
 * ok(!scenarioSchema.safeParse({ staff: { turnover: 0.3 } }).success);
 * ```
 */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1).max(200).regex(/^[^\n\r]*$/).meta({ unit: "text" }),
  description: z.string().max(10_000).meta({ unit: "text" }),
  seed: z.int().min(0).max(2 ** 32 - 1).meta({ unit: "integer" }),
  horizonYears: z.number().gt(0).max(100).meta({ unit: "years" }),
  mechanisms,
  organisations,
  funding,
  staff,
  families,
  trust,
  engagement,
  outcomes,
  money,
}).partial();

/** What a scenario file holds once validated. */
export type ScenarioFile = z.infer<typeof scenarioSchema>;
