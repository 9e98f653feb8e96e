/**
 * The metrics every run records, in column order, with unit, kind and meaning.
 *
 * - **stock**: a level at the end of the week; its run summary is the mean over weeks.
 * - **flow**: a count or amount during the week; its run summary is the total.
 * - **ratio**: a running ratio of totals to date; its run summary is the final week's value.
 *
 * @module
 */

/** How a metric is summarised over a run. */
export type MetricKind = "stock" | "flow" | "ratio";

/** A recorded metric. */
export interface MetricSpec {
  /** snake_case name with the unit in it where there is one. */
  readonly name: string;
  /** What one unit is, e.g. "families", "£", "share in [0, 1]". */
  readonly unit: string;
  /** How it is summarised over a run. */
  readonly kind: MetricKind;
  /** One line saying what it measures. */
  readonly description: string;
}

/**
 * Every metric, in recorder column order.
 *
 * @example Metric names are unique snake_case
 * ```ts
 * import { METRICS } from "./metric_names.ts";
 * import { ok } from "node:assert/strict";
 * const names = METRICS.map((m) => m.name);
 * ok(new Set(names).size === names.length);
 * ok(names.every((n) => /^[a-z0-9_]+$/.test(n)));
 * ```
 */
export const METRICS: readonly MetricSpec[] = Object.freeze([
  stock("families_active", "families", "families waiting for or receiving support"),
  stock("families_waiting", "families", "families waiting for a key worker"),
  stock("families_supported", "families", "families with a key worker this week"),
  stock("mean_trust", "trust in [0, 1]", "mean trust of supported families in their key worker"),
  stock("engaged_share", "share in [0, 1]", "share of supported families who engaged this week"),
  stock("mean_need_severity", "severity in [0, 1]", "mean severity of active families' needs"),
  stock("posts_filled", "posts", "posts with a key worker in them"),
  stock("vacancies", "posts", "posts (funded and statutory) without a key worker"),
  stock("grants_active", "grants", "organisations whose grant is running this week"),
  stock("partnerships_on_paper", "partnerships", "partnerships with strength below 0.3 (M5)"),
  stock("partnerships_working", "partnerships", "partnerships with strength in [0.3, 0.65) (M5)"),
  stock("partnerships_deep", "partnerships", "partnerships with strength from 0.65 (M5)"),
  stock(
    "informal_partnerships",
    "partnerships",
    "partnerships made at networking events, of any depth (M7)",
  ),
  stock("partnership_hours", "hours per week", "staff time spent on partnerships (M5)"),
  stock("ambassadors_active", "parents", "parent ambassadors active in their communities (M8)"),
  stock(
    "shocks_active",
    "shocks",
    "scheduled shocks (M9) in force this week: a step in [from, to), a ramp from `from` on",
  ),
  flow("families_arrived", "families", "families referred to an organisation this week"),
  flow("families_turned_away", "families", "families turned away by a full waiting list"),
  flow("families_started", "families", "families given their first key worker"),
  flow("families_completed", "families", "families who reached all three outcomes"),
  flow("dropouts", "families", "families who stopped engaging and left, or gave up waiting"),
  flow("cases_closed", "families", "cases closed unfinished: grant ended or support time ran out"),
  flow("outcomes_achieved", "outcomes", "programme outcomes reached (up to three per family)"),
  flow("key_worker_changes", "changes", "families given a new key worker after losing one"),
  flow("staff_leavers", "workers", "key workers who left their post"),
  flow("staff_hired", "workers", "key workers recruited into vacant posts"),
  flow("posts_ended", "posts", "posts ended because their grant ended or paused"),
  flow("spend_gbp", "£", "money spent on posts, overheads and recruitment (grants and core)"),
  flow("grant_spend_gbp", "£", "the part of spend_gbp paid from programme grants"),
  flow("budget_gbp", "£", "programme grant money awarded for the week (running grants' budgets)"),
  flow(
    "partnership_cost_gbp",
    "£",
    "the part of spend_gbp paying for staff time spent on partnerships (M5)",
  ),
  flow("families_declined", "families", "referred families who did not take up the offer"),
  flow(
    "referrals_made",
    "referrals",
    "referrals on to another organisation for an unmet need (M6)",
  ),
  flow("referrals_completed", "referrals", "referrals accepted and taken up: the need is met (M6)"),
  flow("referrals_failed", "referrals", "referrals refused by the receiver or not taken up (M6)"),
  flow(
    "fell_through_gaps",
    "families",
    "families leaving support with a need never met by a referral (M6)",
  ),
  flow("networking_events", "events", "learning and networking events held (M7)"),
  ratio(
    "key_worker_changes_per_family",
    "changes per family",
    "key-worker changes to date per family supported to date",
  ),
  ratio(
    "statutory_engagement",
    "share in [0, 1]",
    "share of referrals accepted by statutory services that families took up, to date (M6)",
  ),
  ratio(
    "cost_per_family_supported_gbp",
    "£ per family",
    "spend to date per family given a key worker to date",
  ),
  ratio("cost_per_outcome_gbp", "£ per outcome", "spend to date per outcome achieved to date"),
  ratio(
    "outcomes_per_million_gbp",
    "outcomes per £1m",
    "outcomes achieved to date per £1m spent to date",
  ),
]);

function stock(name: string, unit: string, description: string): MetricSpec {
  return Object.freeze({ name, unit, kind: "stock", description });
}
function flow(name: string, unit: string, description: string): MetricSpec {
  return Object.freeze({ name, unit, kind: "flow", description });
}
function ratio(name: string, unit: string, description: string): MetricSpec {
  return Object.freeze({ name, unit, kind: "ratio", description });
}

/**
 * Column index of each metric, for the weekly loop (`values[M.dropouts] += 1`).
 *
 * @example
 * ```ts
 * import { M, METRICS } from "./metric_names.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(METRICS[M.dropouts].name, "dropouts");
 * ```
 */
export const M = Object.freeze(
  {
    families_active: 0,
    families_waiting: 1,
    families_supported: 2,
    mean_trust: 3,
    engaged_share: 4,
    mean_need_severity: 5,
    posts_filled: 6,
    vacancies: 7,
    grants_active: 8,
    partnerships_on_paper: 9,
    partnerships_working: 10,
    partnerships_deep: 11,
    informal_partnerships: 12,
    partnership_hours: 13,
    ambassadors_active: 14,
    shocks_active: 15,
    families_arrived: 16,
    families_turned_away: 17,
    families_started: 18,
    families_completed: 19,
    dropouts: 20,
    cases_closed: 21,
    outcomes_achieved: 22,
    key_worker_changes: 23,
    staff_leavers: 24,
    staff_hired: 25,
    posts_ended: 26,
    spend_gbp: 27,
    grant_spend_gbp: 28,
    budget_gbp: 29,
    partnership_cost_gbp: 30,
    families_declined: 31,
    referrals_made: 32,
    referrals_completed: 33,
    referrals_failed: 34,
    fell_through_gaps: 35,
    networking_events: 36,
    key_worker_changes_per_family: 37,
    statutory_engagement: 38,
    cost_per_family_supported_gbp: 39,
    cost_per_outcome_gbp: 40,
    outcomes_per_million_gbp: 41,
  } as const,
);

/** Column indices of the flows, in order (what `measure` copies and totals). */
export const FLOW_INDICES: Int32Array = Int32Array.from(
  METRICS.flatMap((m, i) => m.kind === "flow" ? [i] : []),
);

/** Metric names, in column order. */
export const METRIC_NAMES: readonly string[] = Object.freeze(METRICS.map((m) => m.name));
