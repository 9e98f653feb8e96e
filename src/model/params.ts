/**
 * The model's parameters: one readonly interface, one set of defaults, and
 * {@linkcode resolveParams}, which returns the frozen, fully defaulted object the weekly loop
 * accepts. Types and ranges of scenario files are checked earlier, by `src/scenario`; this
 * module checks what only makes sense across fields.
 *
 * @module
 */
import { ENGAGEMENT_DEFAULTS, type EngagementParams } from "./engagement.ts";
import { FUNDING_DEFAULTS, type FundingParams, grantPerYearGbp } from "./funding_cycle.ts";
import { FAMILY_DEFAULTS, type FamilyParams } from "./intake.ts";
import { MONEY_DEFAULTS, type MoneyParams, postsFundedBy } from "./money.ts";
import { ORGANISATION_DEFAULTS, type OrganisationParams } from "./organisations.ts";
import { OUTCOME_DEFAULTS, type OutcomeParams } from "./outcomes.ts";
import { STAFF_DEFAULTS, type StaffParams } from "./staff_turnover.ts";
import { TRUST_DEFAULTS, type TrustParams } from "./trust.ts";
import type { Shock } from "./shocks.ts";
import { NETWORKING_DEFAULTS, type NetworkingParams } from "./networking.ts";
import { PARENT_DEFAULTS, type ParentParams } from "./parents_as_partners.ts";
import { PARTNERSHIP_DEFAULTS, type PartnershipParams } from "./partnership_network.ts";
import { REFERRAL_DEFAULTS, type ReferralParams } from "./referrals.ts";

/** Switches for each mechanism; a switched-off mechanism is neutralised (see `docs/model.md`). */
export interface MechanismSwitches {
  /** M1 funding cycles. Off: funded organisations are funded without end. @default true */
  readonly fundingCycles: boolean;
  /** M2 staff and turnover. Off: nobody leaves; a vacant post in an open organisation fills the same week (still paying recruitment); every key worker has the mean capability and knows the context. @default true */
  readonly staffTurnover: boolean;
  /** M3 trust. Off: trust stays at the value a family starts with (it neither grows nor is lost with a key worker). @default true */
  readonly trust: boolean;
  /** M4 engagement. Off: every supported family engages every week; no drop-out, no escalation. @default true */
  readonly engagement: boolean;
  /** M5 partnership network. Off: no formal partnerships are set up; informal ones from networking neither change nor cost time, and count for nothing in referrals. @default true */
  readonly partnerships: boolean;
  /** M6 referrals. Off: nobody is referred on; needs beyond family support stay unmet. @default true */
  readonly referrals: boolean;
  /** M7 networking programme. Off: no events, no informal partnerships, no peer support. @default true */
  readonly networking: boolean;
  /** M8 parents as partners. Off: no parent ambassadors. @default true */
  readonly parentsAsPartners: boolean;
}

/** Every parameter of the model. */
export interface ModelParams {
  /** Years simulated, > 0 (weeks = round(52 · years)). @default 10 */
  readonly horizonYears: number;
  /** Mechanism switches. */
  readonly mechanisms: MechanismSwitches;
  /** Organisations. */
  readonly organisations: OrganisationParams;
  /** M1 funding cycles. */
  readonly funding: FundingParams;
  /** M2 staff and turnover, and caseloads. */
  readonly staff: StaffParams;
  /** Family arrivals and waiting lists. */
  readonly families: FamilyParams;
  /** M3 trust. */
  readonly trust: TrustParams;
  /** M4 engagement and drop-out. */
  readonly engagement: EngagementParams;
  /** M4 progress and outcomes. */
  readonly outcomes: OutcomeParams;
  /** M10 money. */
  readonly money: MoneyParams;
  /** M5 partnership network. */
  readonly partnerships: PartnershipParams;
  /** M6 referrals and advocacy. */
  readonly referrals: ReferralParams;
  /** M7 networking programme. */
  readonly networking: NetworkingParams;
  /** M8 parents as partners. */
  readonly parents: ParentParams;
  /** M9 shocks: scheduled changes to parameters, applied in order. @default [] */
  readonly shocks: readonly Shock[];
}

/** A partial parameter set, as a scenario file gives it: any field may be left out. */
export type ParamsInput = {
  readonly [K in keyof ModelParams]?: ModelParams[K] extends readonly unknown[] ? ModelParams[K]
    : ModelParams[K] extends object ? Partial<ModelParams[K]>
    : ModelParams[K];
};

/**
 * The defaults: the Reaching Out, Supporting Families programme (`003_2d3a9cdd3abf509d.txt`)
 * over ten years, every mechanism on.
 */
export const DEFAULT_PARAMS: ModelParams = deepFreeze({
  horizonYears: 10,
  mechanisms: {
    fundingCycles: true,
    staffTurnover: true,
    trust: true,
    engagement: true,
    partnerships: true,
    referrals: true,
    networking: true,
    parentsAsPartners: true,
  },
  organisations: ORGANISATION_DEFAULTS,
  funding: FUNDING_DEFAULTS,
  staff: STAFF_DEFAULTS,
  families: FAMILY_DEFAULTS,
  trust: TRUST_DEFAULTS,
  engagement: ENGAGEMENT_DEFAULTS,
  outcomes: OUTCOME_DEFAULTS,
  money: MONEY_DEFAULTS,
  partnerships: PARTNERSHIP_DEFAULTS,
  referrals: REFERRAL_DEFAULTS,
  networking: NETWORKING_DEFAULTS,
  parents: PARENT_DEFAULTS,
  shocks: [],
});

/**
 * Merges a partial parameter set onto the defaults, checks what must hold across fields, and
 * returns a frozen object.
 *
 * @param input Fields that differ from the defaults.
 * @returns The full, frozen parameter set.
 * @throws {RangeError} When fields contradict each other, naming the field path.
 *
 * @example Override one field
 * ```ts
 * import { resolveParams } from "./params.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 * const p = resolveParams({ staff: { turnoverPerYear: 0.4 } });
 * deepStrictEqual(p.staff.turnoverPerYear, 0.4);
 * deepStrictEqual(p.staff.vacancyWeeks, 10);
 * throws(() => resolveParams({ staff: { caseloadMax: 4 } }), RangeError);
 * ```
 */
export function resolveParams(input: ParamsInput = {}): ModelParams {
  const params = mergeParams(input);
  const problems = checkParams(params);
  if (problems.length > 0) {
    throw new RangeError(
      problems.map((q) => `Cannot use ${q.path}: expected ${q.expected}, found ${q.found}`)
        .join("\n"),
    );
  }
  return deepFreeze(params);
}

/**
 * Merges a partial parameter set onto the defaults, without checking or freezing.
 *
 * @param input Fields that differ from the defaults.
 * @returns A full parameter set (not yet checked).
 *
 * @example
 * ```ts
 * import { mergeParams } from "./params.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(mergeParams({ trust: { growthPerWeek: 0.2 } }).trust.keptOnKeyWorkerChange, 0.3);
 * ```
 */
export function mergeParams(input: ParamsInput = {}): ModelParams {
  const merged = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(DEFAULT_PARAMS)) {
    const given = (input as Record<string, unknown>)[key];
    merged[key] = Array.isArray(value)
      ? (given ?? value)
      : typeof value === "object"
      ? { ...value, ...(given as object ?? {}) }
      : (given ?? value);
  }
  return merged as unknown as ModelParams;
}

/** A problem that only shows across fields: the path, what was expected, what was found. */
export interface ParamsProblem {
  /** Dotted field path. */
  readonly path: string;
  /** What was expected. */
  readonly expected: string;
  /** What was found. */
  readonly found: string;
}

/**
 * Checks what must hold across fields of a full parameter set.
 *
 * @param p A full parameter set.
 * @returns Every problem found (empty when consistent).
 *
 * @example
 * ```ts
 * import { checkParams, DEFAULT_PARAMS } from "./params.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(checkParams(DEFAULT_PARAMS), []);
 * ```
 */
export function checkParams(p: ModelParams): ParamsProblem[] {
  const problems: ParamsProblem[] = [];
  if (p.staff.caseloadMax < p.staff.caseloadTarget) {
    problems.push({
      path: "staff.caseloadMax",
      expected: `at least staff.caseloadTarget (${p.staff.caseloadTarget})`,
      found: String(p.staff.caseloadMax),
    });
  }
  if (p.partnerships.shareOnPaper + p.partnerships.shareDeep > 1) {
    problems.push({
      path: "partnerships.shareDeep",
      expected: `at most 1 − partnerships.shareOnPaper (${1 - p.partnerships.shareOnPaper})`,
      found: String(p.partnerships.shareDeep),
    });
  }
  if (p.families.severityMax < p.families.severityMin) {
    problems.push({
      path: "families.severityMax",
      expected: `at least families.severityMin (${p.families.severityMin})`,
      found: String(p.families.severityMax),
    });
  }
  const grant = grantPerYearGbp(p.funding, p.organisations.funded);
  if (postsFundedBy(p.money, grant) < 1) {
    const needed = p.money.salaryGbpPerPostPerYear / (1 - p.money.overheadShare);
    problems.push({
      path: "funding.annualBudgetGbp",
      expected: `enough to pay one post per funded organisation (£${
        Math.ceil(needed * p.organisations.funded)
      } a year for ${p.organisations.funded} organisations)`,
      found: `£${p.funding.annualBudgetGbp}`,
    });
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Weeks simulated: `round(52 · horizonYears)`.
 *
 * @param params Model parameters.
 * @returns An integer number of weeks.
 *
 * @example
 * ```ts
 * import { DEFAULT_PARAMS, horizonWeeks } from "./params.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(horizonWeeks(DEFAULT_PARAMS), 520);
 * ```
 */
export function horizonWeeks(params: ModelParams): number {
  return Math.round(52 * params.horizonYears);
}
