/**
 * The weekly measurement: stocks counted from the state, this week's flows, running ratios of
 * totals to date. Runs last each week; allocates nothing.
 *
 * @module
 */
import { M } from "./metric_names.ts";
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
  for (let f = 0; f < fam.capacity; f++) {
    const status = fam.status[f];
    if (status === FAMILY.empty) continue;
    severitySum += fam.severity[f];
    if (status === FAMILY.waiting) {
      waiting++;
    } else {
      supported++;
      trustSum += fam.trust[f];
      engaged += fam.engaged[f];
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

  const flows = state.flows;
  const totals = state.totals;
  for (let m = M.families_arrived; m <= M.budget_gbp; m++) {
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
  values[M.cost_per_family_supported_gbp] = started > 0 ? spend / started : NaN;
  values[M.cost_per_outcome_gbp] = outcomes > 0 ? spend / outcomes : NaN;
  values[M.outcomes_per_million_gbp] = spend > 0 ? outcomes / (spend / 1e6) : NaN;
}
