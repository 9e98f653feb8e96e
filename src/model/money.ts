/**
 * M10 money (the part the first stylised facts need): a grant pays its organisation's posts
 * and overheads; statutory partners' posts are core funded; every hire costs recruitment.
 * Spend is what is actually paid: a vacant post costs nothing, a gap costs nothing. Source:
 * `003_2d3a9cdd3abf509d.txt` ("invested £25 million in 36 different organisations ... over
 * five years").
 *
 * @module
 */
import { WEEKS_PER_YEAR } from "./funding_cycle.ts";
import { M } from "./metric_names.ts";
import type { PartnershipParams } from "./partnership_network.ts";
import { type ModelState, PHASE, POST, SECTOR } from "./state.ts";

/** Parameters of money. */
export interface MoneyParams {
  /** Cost of one funded key-worker post, salary and on-costs (£ per post per year), > 0. @default 32_000 */
  readonly salaryGbpPerPostPerYear: number;
  /** Cost of one statutory key-worker post, salary and on-costs (£ per post per year), > 0. @default 42_000 */
  readonly statutorySalaryGbpPerPostPerYear: number;
  /** Share of a grant spent on overheads and activities rather than posts, in [0, 1). @default 0.3 */
  readonly overheadShare: number;
  /** Cost of recruiting one key worker (£ per hire), ≥ 0. @default 4_000 */
  readonly recruitmentCostGbp: number;
}

/** Defaults of money (assumptions; see `data/parameters.csv`). */
export const MONEY_DEFAULTS: MoneyParams = Object.freeze({
  salaryGbpPerPostPerYear: 32_000,
  statutorySalaryGbpPerPostPerYear: 42_000,
  overheadShare: 0.3,
  recruitmentCostGbp: 4_000,
});

/**
 * Posts one funded organisation's grant pays for: `floor(grant · (1 − overheadShare) / salary)`.
 *
 * @param params Money parameters.
 * @param grantGbpPerYear The organisation's grant (£ per year).
 * @returns A whole number of posts.
 *
 * @example £5m a year over 36 organisations pays three posts each
 * ```ts
 * import { MONEY_DEFAULTS, postsFundedBy } from "./money.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(postsFundedBy(MONEY_DEFAULTS, 5_000_000 / 36), 3);
 * ```
 */
export function postsFundedBy(params: MoneyParams, grantGbpPerYear: number): number {
  return Math.floor(grantGbpPerYear * (1 - params.overheadShare) / params.salaryGbpPerPostPerYear);
}

/**
 * Money step: pays this week's salaries for filled posts, overheads for running grants and
 * recruitment for key workers hired this week (tenure 0); records the week's awarded grant
 * budget (`budget_gbp`) and the part of salaries that paid for partnership time
 * (`partnership_cost_gbp`: salaries × the share of the posts' hours spent on partnerships, as
 * last set by M5), and adds budget and spend to each organisation's year.
 *
 * @param state The model state.
 * @param params Money parameters.
 * @param week The current week.
 * @param partnerships M5 parameters: `hoursPerPostPerWeek`, the staff hours in a key worker's
 *   week. An object rather than the number, because the live parameters hold it as a mutable
 *   double, and passing it out as a number would allocate every week.
 *
 * @example A running grant with one filled post spends salary and overheads
 * ```ts
 * import { allocateState, PHASE, POST } from "./state.ts";
 * import { MONEY_DEFAULTS, moneyStep } from "./money.ts";
 * import { M } from "./metric_names.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.orgs.phase[0] = PHASE.active; s.orgs.grantGbpPerYear[0] = 52_000;
 * s.posts.status[0] = POST.filled; s.posts.tenureWeeks[0] = 5;
 * moneyStep(s, MONEY_DEFAULTS, 0);
 * ok(Math.abs(s.flows[M.spend_gbp] - (32_000 / 52 + 0.3 * 1_000)) < 1e-9);
 * ok(Math.abs(s.flows[M.budget_gbp] - 1_000) < 1e-9);
 * ```
 */
export function moneyStep(
  state: ModelState,
  params: MoneyParams,
  week: number,
  partnerships: Pick<PartnershipParams, "hoursPerPostPerWeek"> = { hoursPerPostPerWeek: 37.5 },
): void {
  const hoursPerPostPerWeek = partnerships.hoursPerPostPerWeek;
  const orgs = state.orgs;
  const posts = state.posts;
  const grantSalary = params.salaryGbpPerPostPerYear / WEEKS_PER_YEAR;
  const coreSalary = params.statutorySalaryGbpPerPostPerYear / WEEKS_PER_YEAR;
  const years = orgs.years;
  const year = Math.min(Math.floor(week / WEEKS_PER_YEAR), years - 1);
  let grantSpend = 0;
  let coreSpend = 0;
  let grantBudget = 0;
  let partnershipCost = 0;
  for (let o = 0; o < orgs.count; o++) {
    if (orgs.phase[o] !== PHASE.active) continue;
    const statutory = orgs.sector[o] === SECTOR.statutory;
    const first = orgs.postStart[o];
    const last = orgs.postStart[o + 1];
    const budget = statutory
      ? (last - first) * coreSalary
      : orgs.grantGbpPerYear[o] / WEEKS_PER_YEAR;
    let spend = statutory ? 0 : params.overheadShare * budget;
    const salary = statutory ? coreSalary : grantSalary;
    let salaries = 0;
    for (let p = first; p < last; p++) {
      if (posts.status[p] !== POST.filled) continue;
      salaries += salary;
      if (posts.tenureWeeks[p] === 0) spend += params.recruitmentCostGbp;
    }
    spend += salaries;
    // Partnership time (M5) is paid for within salaries: its share of the posts' hours.
    const share = orgs.partnershipHours[o] / ((last - first) * hoursPerPostPerWeek);
    partnershipCost += salaries * (share > 1 ? 1 : share);
    orgs.budgetByYear[o * years + year] += budget;
    orgs.spendByYear[o * years + year] += spend;
    if (statutory) {
      coreSpend += spend;
    } else {
      grantSpend += spend;
      grantBudget += budget;
    }
  }
  state.flows[M.grant_spend_gbp] += grantSpend;
  state.flows[M.spend_gbp] += grantSpend + coreSpend;
  state.flows[M.budget_gbp] += grantBudget;
  state.flows[M.partnership_cost_gbp] += partnershipCost;
}
