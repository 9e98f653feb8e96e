/**
 * M1 funding cycles: grants start, run, are renewed or extended (or not) on notice, pause in
 * gaps and end. A grant that ends unrenewed closes the organisation's posts and caseloads;
 * statutory partners are core funded and never end. Source: `003_2d3a9cdd3abf509d.txt`
 * ("All projects were initially funded for five years, and one third were later awarded a
 * further two years funding"; "the majority of funding streams are on a short-term cycle which
 * limits their ability to offer long term contracts to staff").
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import { M } from "./metric_names.ts";
import {
  keyWorkerLeaves,
  type ModelState,
  NO_END,
  PHASE,
  POST,
  SECTOR,
  TRANSITION,
} from "./state.ts";

/** Parameters of M1. */
export interface FundingParams {
  /** Programme money per year for all funded organisations together (£ per year), ≥ 0. @default 5_000_000 */
  readonly annualBudgetGbp: number;
  /** Years from the first grant's start during which grants are awarded (the programme window), > 0. @default 5 */
  readonly programmeYears: number;
  /** Length of one grant (years), > 0; the last grant in the window is cut to fit it. @default 5 */
  readonly grantLengthYears: number;
  /** Probability that a grant ending inside the programme window is renewed, in [0, 1]. @default 0.8 */
  readonly renewalProbability: number;
  /** Weeks without funding between a grant and its renewal, ≥ 0. @default 0 */
  readonly gapWeeks: number;
  /** Weeks before a grant's end at which the renewal or extension decision is announced, ≥ 0. @default 13 */
  readonly decisionNoticeWeeks: number;
  /** Share of organisations whose grant is extended at the end of the window, in [0, 1]. @default 1/3 */
  readonly extensionShare: number;
  /** Length of an extension (years), ≥ 0. @default 2 */
  readonly extensionYears: number;
  /** Weeks before an unsecured end at which new intake and recruitment stop, ≥ 0. @default 13 */
  readonly intakeStopWeeks: number;
  /** Share of a caseload kept on the waiting list through a gap (the rest are closed), in [0, 1]. @default 0.5 */
  readonly caseHandoverShare: number;
  /**
   * How the programme money becomes grants:
   * - `"annual"`: every running grant receives `annualBudgetGbp / organisations` a year, so
   *   gaps and refusals leave money unawarded;
   * - `"equalTotal"`: the programme's total, `annualBudgetGbp · programmeYears`, is spread
   *   over the weeks the window's grants actually run (after gaps), so any cycle length awards
   *   the same total when every renewal is granted ("the same money, spread differently").
   *
   * @default "annual"
   */
  readonly budgetRule: "annual" | "equalTotal";
}

/** Defaults of M1, modelled on the Reaching Out, Supporting Families programme (003). */
export const FUNDING_DEFAULTS: FundingParams = Object.freeze({
  annualBudgetGbp: 5_000_000,
  programmeYears: 5,
  grantLengthYears: 5,
  renewalProbability: 0.8,
  gapWeeks: 0,
  decisionNoticeWeeks: 13,
  extensionShare: 1 / 3,
  extensionYears: 2,
  intakeStopWeeks: 13,
  caseHandoverShare: 0.5,
  budgetRule: "annual",
});

/** Weeks in a year, everywhere in the model. */
export const WEEKS_PER_YEAR = 52;

/**
 * Weeks of grant one organisation receives inside the programme window if every renewal is
 * granted: grants of `grantLengthYears` back to back, each after `gapWeeks`, the last cut to the
 * window, and no stub shorter than half a grant (as {@linkcode fundingStep} decides).
 *
 * @param params M1 parameters.
 * @returns Weeks of running grant (extensions not included).
 *
 * @example Two-year grants with 13-week gaps in a seven-year window run 312 of its 364 weeks
 * ```ts
 * import { FUNDING_DEFAULTS, plannedGrantWeeks } from "./funding_cycle.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(plannedGrantWeeks({ ...FUNDING_DEFAULTS, programmeYears: 7, grantLengthYears: 2, gapWeeks: 13 }), 312);
 * strictEqual(plannedGrantWeeks(FUNDING_DEFAULTS), 260);
 * ```
 */
export function plannedGrantWeeks(params: FundingParams): number {
  const windowEnd = Math.round(params.programmeYears * WEEKS_PER_YEAR);
  const grantWeeks = Math.max(1, Math.round(params.grantLengthYears * WEEKS_PER_YEAR));
  let start = 0;
  let total = 0;
  for (;;) {
    const end = Math.min(start + grantWeeks, windowEnd);
    total += end - start;
    if (end + params.gapWeeks + Math.ceil(grantWeeks / 2) > windowEnd) return total;
    start = end + params.gapWeeks;
  }
}

/**
 * The grant one funded organisation receives per year of running grant, by `budgetRule`.
 *
 * @param params M1 parameters.
 * @param organisations Funded organisations sharing the programme.
 * @returns £ per year.
 *
 * @example The same total, spread over fewer running weeks, gives a higher annual grant
 * ```ts
 * import { FUNDING_DEFAULTS, grantPerYearGbp } from "./funding_cycle.ts";
 * import { ok } from "node:assert/strict";
 * const p = { ...FUNDING_DEFAULTS, programmeYears: 7, grantLengthYears: 2, gapWeeks: 13 };
 * ok(grantPerYearGbp({ ...p, budgetRule: "equalTotal" }, 36) > grantPerYearGbp(p, 36));
 * ```
 */
export function grantPerYearGbp(params: FundingParams, organisations: number): number {
  const annual = params.annualBudgetGbp / organisations;
  if (params.budgetRule === "annual") return annual;
  const windowWeeks = Math.round(params.programmeYears * WEEKS_PER_YEAR);
  return annual * windowWeeks / plannedGrantWeeks(params);
}

/**
 * Starts the first grant of every funded organisation at week 0 (posts vacant, to be recruited)
 * and puts statutory partners on core funding. With `enabled` false (M1 switched off), funded
 * organisations are funded continuously, like core funding, with no ends.
 *
 * @param state The model state (organisations allocated).
 * @param params M1 parameters.
 * @param enabled Whether M1 is on.
 *
 * @example
 * ```ts
 * import { allocateState, PHASE } from "./state.ts";
 * import { FUNDING_DEFAULTS, startFunding } from "./funding_cycle.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 4 });
 * startFunding(s, FUNDING_DEFAULTS, true);
 * deepStrictEqual(s.orgs.phase[0], PHASE.active);
 * deepStrictEqual(s.orgs.grantEndWeek[0], 260);
 * ```
 */
export function startFunding(state: ModelState, params: FundingParams, enabled: boolean): void {
  const orgs = state.orgs;
  const windowEnd = Math.round(params.programmeYears * WEEKS_PER_YEAR);
  const grantWeeks = Math.max(1, Math.round(params.grantLengthYears * WEEKS_PER_YEAR));
  for (let o = 0; o < orgs.count; o++) {
    orgs.phase[o] = PHASE.active;
    if (orgs.sector[o] === SECTOR.statutory || !enabled) {
      orgs.grantEndWeek[o] = NO_END;
      orgs.programmeEndWeek[o] = NO_END;
      orgs.secured[o] = 1;
      orgs.decided[o] = 1;
    } else {
      orgs.programmeEndWeek[o] = windowEnd;
      orgs.grantEndWeek[o] = Math.min(grantWeeks, windowEnd);
    }
  }
  updateWeeksToEnd(state, 0);
}

/**
 * M1 step: announces decisions `decisionNoticeWeeks` before a grant ends, ends grants, opens
 * gaps and starts renewed grants. Posts of a grant that ends or pauses are ended; the caseload
 * step then closes or hands over their families (see {@linkcode TRANSITION}).
 *
 * Decisions: a grant ending inside the programme window is renewed with probability
 * `renewalProbability`, provided the renewed grant would still run, after any gap, for at least
 * half a grant's length before the window ends (no stub grants). The grant that reaches the
 * window's end (or the last one that could be renewed) is extended by `extensionYears` with
 * probability `extensionShare` (once); otherwise the organisation closes.
 *
 * @param state The model state.
 * @param params M1 parameters.
 * @param random The `funding.decision` stream.
 * @param week The current week.
 *
 * @example A grant that is not renewed closes at its end
 * ```ts
 * import { allocateState, PHASE, POST } from "./state.ts";
 * import { FUNDING_DEFAULTS, fundingStep, startFunding } from "./funding_cycle.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * const params = { ...FUNDING_DEFAULTS, extensionShare: 0 };
 * startFunding(s, params, true);
 * s.posts.status[0] = POST.filled;
 * for (let week = 0; week <= 260; week++) fundingStep(s, params, () => 0.5, week);
 * deepStrictEqual(s.orgs.phase[0], PHASE.closed);
 * deepStrictEqual(s.posts.status[0], POST.ended);
 * ```
 */
export function fundingStep(
  state: ModelState,
  params: FundingParams,
  random: RandomStream,
  week: number,
): void {
  const orgs = state.orgs;
  const grantWeeks = Math.max(1, Math.round(params.grantLengthYears * WEEKS_PER_YEAR));
  const extensionWeeks = Math.round(params.extensionYears * WEEKS_PER_YEAR);
  const notice = params.decisionNoticeWeeks;
  for (let o = 0; o < orgs.count; o++) {
    orgs.transition[o] = TRANSITION.none;
    const phase = orgs.phase[o];
    if (phase === PHASE.active) {
      const end = orgs.grantEndWeek[o];
      if (end === NO_END) continue;
      if (orgs.decided[o] === 0 && week >= end - notice) {
        orgs.decided[o] = 1;
        // A renewal is offered only if the renewed grant, after any gap, would still run at
        // least half a grant's length inside the window; a shorter stub is never funded.
        if (end + params.gapWeeks + Math.ceil(grantWeeks / 2) <= orgs.programmeEndWeek[o]) {
          orgs.secured[o] = random() < params.renewalProbability ? 1 : 0;
        } else if (orgs.extended[o] === 0 && extensionWeeks > 0) {
          const extend = random() < params.extensionShare;
          orgs.secured[o] = extend ? 1 : 0;
          if (extend) {
            orgs.extended[o] = 1;
            orgs.programmeEndWeek[o] = end + extensionWeeks;
          }
        } else {
          orgs.secured[o] = 0;
        }
      }
      if (week >= end) {
        const seamless = orgs.extended[o] === 1 &&
          end === orgs.programmeEndWeek[o] - extensionWeeks;
        if (orgs.secured[o] === 1 && (params.gapWeeks === 0 || seamless)) {
          orgs.grantEndWeek[o] = nextGrantEnd(end, grantWeeks, orgs.programmeEndWeek[o], seamless);
          orgs.decided[o] = 0;
          orgs.secured[o] = 0;
        } else if (orgs.secured[o] === 1) {
          orgs.phase[o] = PHASE.gap;
          orgs.gapEndWeek[o] = week + params.gapWeeks;
          orgs.transition[o] = TRANSITION.enteredGap;
          endPosts(state, o);
        } else {
          orgs.phase[o] = PHASE.closed;
          orgs.grantEndWeek[o] = NO_END;
          orgs.transition[o] = TRANSITION.closed;
          endPosts(state, o);
        }
      }
    } else if (phase === PHASE.gap && week >= orgs.gapEndWeek[o]) {
      orgs.phase[o] = PHASE.active;
      orgs.grantEndWeek[o] = nextGrantEnd(week, grantWeeks, orgs.programmeEndWeek[o], false);
      orgs.decided[o] = 0;
      orgs.secured[o] = 0;
      const last = orgs.postStart[o + 1];
      for (let p = orgs.postStart[o]; p < last; p++) {
        state.posts.status[p] = POST.vacant;
        state.posts.vacancyWeeksLeft[p] = -1; // the staff step draws the recruitment time
      }
    }
  }
  updateWeeksToEnd(state, week);
}

function nextGrantEnd(start: number, grantWeeks: number, windowEnd: number, extension: boolean) {
  // An extension runs to the new window end; a renewal runs one grant, cut to the window.
  return extension ? windowEnd : Math.min(start + grantWeeks, windowEnd);
}

function endPosts(state: ModelState, org: number): void {
  const posts = state.posts;
  const last = state.orgs.postStart[org + 1];
  for (let p = state.orgs.postStart[org]; p < last; p++) {
    if (posts.status[p] !== POST.ended) state.flows[M.posts_ended]++;
    if (posts.status[p] === POST.filled) keyWorkerLeaves(state, p, POST.ended);
    else posts.status[p] = POST.ended;
  }
}

function updateWeeksToEnd(state: ModelState, week: number): void {
  const orgs = state.orgs;
  for (let o = 0; o < orgs.count; o++) {
    orgs.weeksToUnsecuredEnd[o] = orgs.phase[o] === PHASE.active && orgs.secured[o] === 0 &&
        orgs.grantEndWeek[o] !== NO_END
      ? orgs.grantEndWeek[o] - week
      : NO_END;
  }
}

/**
 * Whether an organisation takes new families and recruits staff this week: its grant is
 * running and is not within `intakeStopWeeks` of an unsecured end.
 *
 * @param state The model state.
 * @param params M1 parameters.
 * @param org The organisation.
 * @returns True when open.
 *
 * @example
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { FUNDING_DEFAULTS, isOpen, startFunding } from "./funding_cycle.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * startFunding(s, FUNDING_DEFAULTS, true);
 * ok(isOpen(s, FUNDING_DEFAULTS, 0));
 * ```
 */
export function isOpen(state: ModelState, params: FundingParams, org: number): boolean {
  return state.orgs.phase[org] === PHASE.active &&
    state.orgs.weeksToUnsecuredEnd[org] > params.intakeStopWeeks;
}
