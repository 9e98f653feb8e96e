/**
 * The weekly measurement: stocks counted from the state, this week's flows, running ratios of
 * totals to date. Runs last each week; allocates nothing.
 *
 * @module
 */
import { FLOW_INDICES, M } from "./metric_names.ts";
import { DEEP_STRENGTH, WORKING_STRENGTH } from "./partnership_network.ts";
import { FAMILY, type ModelState, PHASE, POST, SECTOR } from "./state.ts";

/**
 * Fills `values` (one per metric, in {@linkcode M} order) with this week's metrics, adds the
 * flows to the running totals and zeroes the flows for next week.
 *
 * @param state The model state.
 * @param values The row to fill (length = number of metrics).
 *
 * @example An empty state has no families and undefined trust
 * ```ts
 * import { allocateState } from "./state.ts";
 * import { measure } from "./measure.ts";
 * import { M, METRICS } from "./metric_names.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 2 });
 * const values = new Float64Array(METRICS.length);
 * measure(s, values);
 * deepStrictEqual(values[M.families_active], 0);
 * ok(Number.isNaN(values[M.mean_trust]));
 * ```
 */
export function measure(state: ModelState, values: Float64Array): void {
  const fam = state.families;
  let waiting = 0;
  let supported = 0;
  let engaged = 0;
  let trustSum = 0;
  let severitySum = 0;
  const statusOf = fam.status;
  const severity = fam.severity;
  const trust = fam.trust;
  const engagedOf = fam.engaged;
  const empty = FAMILY.empty; // codes in locals, not looked up for each family
  const waitingCode = FAMILY.waiting;
  const end = fam.free.end; // slots from here on have never held a family
  for (let f = 0; f < end; f++) {
    const status = statusOf[f];
    if (status === empty) continue;
    severitySum += severity[f];
    if (status === waitingCode) {
      waiting++;
    } else {
      supported++;
      trustSum += trust[f];
      engaged += engagedOf[f];
    }
  }
  const posts = state.posts;
  let filled = 0;
  let vacant = 0;
  for (let p = 0; p < posts.count; p++) {
    if (posts.status[p] === POST.filled) filled++;
    else if (posts.status[p] === POST.vacant) vacant++;
  }
  const orgs = state.orgs;
  let grants = 0;
  for (let o = 0; o < orgs.count; o++) {
    if (orgs.sector[o] === SECTOR.voluntary && orgs.phase[o] === PHASE.active) grants++;
  }
  const active = waiting + supported;
  values[M.families_active] = active;
  values[M.families_waiting] = waiting;
  values[M.families_supported] = supported;
  values[M.mean_trust] = supported > 0 ? trustSum / supported : NaN;
  values[M.engaged_share] = supported > 0 ? engaged / supported : NaN;
  values[M.mean_need_severity] = active > 0 ? severitySum / active : NaN;
  values[M.posts_filled] = filled;
  values[M.vacancies] = vacant;
  values[M.grants_active] = grants;
  values[M.shocks_active] = state.gauges[M.shocks_active];

  const p = state.partnerships;
  let paper = 0;
  let working = 0;
  let deep = 0;
  let informal = 0;
  for (let e = 0; e < p.count; e++) {
    const s = p.strength[e];
    if (s < WORKING_STRENGTH) paper++;
    else if (s < DEEP_STRENGTH) working++;
    else deep++;
    informal += p.informal[e];
  }
  let hours = 0;
  let ambassadors = 0;
  for (let o = 0; o < orgs.count; o++) {
    hours += orgs.partnershipHours[o];
    ambassadors += orgs.ambassadors[o];
  }
  values[M.partnerships_on_paper] = paper;
  values[M.partnerships_working] = working;
  values[M.partnerships_deep] = deep;
  values[M.informal_partnerships] = informal;
  values[M.partnership_hours] = hours;
  values[M.ambassadors_active] = ambassadors;

  const flows = state.flows;
  const totals = state.totals;
  for (let i = 0; i < FLOW_INDICES.length; i++) {
    const m = FLOW_INDICES[i];
    values[m] = flows[m];
    totals[m] += flows[m];
    flows[m] = 0;
  }
  const started = totals[M.families_started];
  const outcomes = totals[M.outcomes_achieved];
  const spend = totals[M.spend_gbp];
  values[M.key_worker_changes_per_family] = started > 0
    ? totals[M.key_worker_changes] / started
    : NaN;
  const accepted = orgs.statutoryReferrals[0];
  values[M.statutory_engagement] = accepted > 0 ? orgs.statutoryReferrals[1] / accepted : NaN;
  values[M.cost_per_family_supported_gbp] = started > 0 ? spend / started : NaN;
  values[M.cost_per_outcome_gbp] = outcomes > 0 ? spend / outcomes : NaN;
  values[M.outcomes_per_million_gbp] = spend > 0 ? outcomes / (spend / 1e6) : NaN;
}
