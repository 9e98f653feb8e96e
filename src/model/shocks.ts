/**
 * M9 shocks: scheduled changes to parameters for a period. A shock sets a parameter to a value,
 * or multiplies it, from week `from` to week `to`, as a step (the change holds in [from, to),
 * then the parameter returns to its value) or as a ramp (the parameter moves linearly from its
 * value at `from` to the changed value at `to`, and keeps it afterwards). Several shocks on one
 * parameter apply in the order given, each to the value the previous ones produced. Source:
 * `003_2d3a9cdd3abf509d.txt` ("Partnership in a pandemic": statutory services "forced to close
 * their doors or severely limit their in-person services"; "the pre-existing needs of families
 * have heightened"; "exacerbated the workload and emotional strain some VCSE staff were facing").
 *
 * @module
 */
import { M } from "./metric_names.ts";
import type { ModelState } from "./state.ts";

/** One scheduled change to a parameter. */
export interface Shock {
  /** A label, e.g. "lockdown". */
  readonly name?: string;
  /** Dotted path of a numeric parameter that may change during a run ({@linkcode SHOCKABLE_PATHS}). */
  readonly path: string;
  /** First week of the change (integer, ≥ 0). */
  readonly from: number;
  /** Week the step ends, or the ramp reaches its full value (integer, > from). */
  readonly to: number;
  /** `"step"` (temporary) or `"ramp"` (phased in, then lasting). @default "step" */
  readonly shape?: "step" | "ramp";
  /** The value to set (give `set` or `multiply`, not both). */
  readonly set?: number;
  /** The factor to multiply by (give `set` or `multiply`, not both). */
  readonly multiply?: number;
}

/**
 * Parameters read only when a model is built (sizes, the number of posts, the programme
 * window, the capability distribution): a shock to them would change nothing, so it is refused.
 */
export const SETUP_ONLY_PATHS: readonly string[] = Object.freeze([
  "horizonYears",
  "organisations.funded",
  "organisations.statutory",
  "organisations.statutoryPostsEach",
  "funding.annualBudgetGbp",
  "funding.programmeYears",
  "funding.budgetRule",
  "staff.capabilityMean",
  "staff.capabilityConcentration",
  "money.overheadShare",
  // Read when the model is built as well as each week (the first grant, the equal-total
  // budget, the seamless extension check): a shock would make the two disagree.
  "funding.grantLengthYears",
  "funding.gapWeeks",
  "funding.extensionYears",
  // The starting partnership network and what organisations know are set up once.
  "partnerships.perOrganisation",
  "partnerships.statutoryShare",
  "partnerships.shareOnPaper",
  "partnerships.shareDeep",
  "partnerships.formalShare",
  "referrals.initiallyKnown",
]);

/**
 * The highest value a parameter can take under the shocks (an upper bound), used to size the
 * state: e.g. family slots when a shock raises `staff.caseloadMax`.
 *
 * @param base The parameter's value.
 * @param path Its dotted path.
 * @param shocks The scenario's shocks.
 * @returns At least `base`.
 *
 * @example
 * ```ts
 * import { peakValue } from "./shocks.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(peakValue(16, "staff.caseloadMax", [{ path: "staff.caseloadMax", from: 0, to: 9, multiply: 1.25 }]), 20);
 * ```
 */
export function peakValue(base: number, path: string, shocks: readonly Shock[]): number {
  let peak = base;
  let factor = 1;
  for (const s of shocks) {
    if (s.path !== path) continue;
    if (s.set !== undefined) peak = Math.max(peak, s.set);
    if (s.multiply !== undefined && s.multiply > 1) factor *= s.multiply;
  }
  return Math.max(peak * factor, base * factor);
}

/** Shockable parameters held as whole numbers: a ramped or multiplied value is rounded. */
export const WHOLE_NUMBER_PATHS: ReadonlySet<string> = new Set([
  "networking.intervalWeeks",
  "networking.peerSupportWeeks",
  "staff.caseloadMax",
  "families.maxWaitingPerPost",
  "funding.decisionNoticeWeeks",
  "funding.intakeStopWeeks",
  "staff.endRiskWeeks",
  "staff.caseloadTarget",
  "outcomes.maxWeeksInProgramme",
]);

/**
 * Every parameter path a shock may change: the numeric parameters read each week.
 *
 * @param params A full parameter set (for its shape).
 * @returns Dotted paths.
 *
 * @example
 * ```ts
 * import { shockablePaths } from "./shocks.ts";
 * import { DEFAULT_PARAMS } from "./params.ts";
 * import { ok } from "node:assert/strict";
 * const paths = shockablePaths(DEFAULT_PARAMS);
 * ok(paths.includes("families.referralsPerPostPerYear"));
 * ok(!paths.includes("organisations.funded"));
 * ```
 */
export function shockablePaths(params: object): string[] {
  const out: string[] = [];
  for (const [block, value] of Object.entries(params)) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    for (const [key, leaf] of Object.entries(value)) {
      const path = `${block}.${key}`;
      if (typeof leaf === "number" && !SETUP_ONLY_PATHS.includes(path)) out.push(path);
    }
  }
  return out;
}

/** The compiled shock schedule of one run (all arrays built once). */
export interface ShockSchedule {
  /** Number of shocked parameters. */
  readonly count: number;
  /** Applies the schedule for `week`: writes each shocked parameter's value for the week. */
  readonly apply: (state: ModelState, week: number) => void;
}

/**
 * Compiles shocks against the live (mutable) parameter blocks a model's steps read.
 *
 * @param live The mutable parameter set the steps read (changed in place each week).
 * @param shocks The shocks, in the order they apply.
 * @returns The schedule.
 * @throws {RangeError} For a path that cannot be shocked.
 *
 * @example A step doubles referrals for weeks 10 to 19
 * ```ts
 * import { compileShocks } from "./shocks.ts";
 * import { allocateState } from "./state.ts";
 * import { strictEqual } from "node:assert/strict";
 * const live = { families: { referralsPerPostPerYear: 20 } };
 * const schedule = compileShocks(live, [{ path: "families.referralsPerPostPerYear", from: 10, to: 20, multiply: 2 }]);
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * schedule.apply(s, 12);
 * strictEqual(live.families.referralsPerPostPerYear, 40);
 * schedule.apply(s, 20);
 * strictEqual(live.families.referralsPerPostPerYear, 20);
 * ```
 */
export function compileShocks(
  live: Record<string, unknown>,
  shocks: readonly Shock[],
): ShockSchedule {
  const paths = [...new Set(shocks.map((s) => s.path))];
  const blocks: Record<string, number>[] = [];
  const keys: string[] = [];
  const bases = new Float64Array(paths.length);
  const integer = new Uint8Array(paths.length);
  for (const [i, path] of paths.entries()) {
    const [block, key, ...rest] = path.split(".");
    const holder = live[block] as Record<string, number> | undefined;
    if (rest.length > 0 || holder === undefined || typeof holder[key] !== "number") {
      throw new RangeError(`Cannot shock a parameter that is not numeric: "${path}"`);
    }
    if (SETUP_ONLY_PATHS.includes(path)) {
      throw new RangeError(`Cannot shock a parameter read only when the model is built: "${path}"`);
    }
    blocks.push(holder);
    keys.push(key);
    bases[i] = holder[key];
    integer[i] = WHOLE_NUMBER_PATHS.has(path) ? 1 : 0;
  }
  const n = shocks.length;
  const target = Int32Array.from(shocks, (s) => paths.indexOf(s.path));
  const from = Int32Array.from(shocks, (s) => s.from);
  const to = Int32Array.from(shocks, (s) => s.to);
  const ramp = Uint8Array.from(shocks, (s) => s.shape === "ramp" ? 1 : 0);
  const setTo = Float64Array.from(shocks, (s) => s.set ?? NaN);
  const factor = Float64Array.from(shocks, (s) => s.multiply ?? NaN);
  return {
    count: paths.length,
    apply(state: ModelState, week: number): void {
      let active = 0;
      for (let i = 0; i < paths.length; i++) {
        let value = bases[i];
        for (let k = 0; k < n; k++) {
          if (target[k] !== i || week < from[k]) continue;
          const changed = Number.isNaN(setTo[k]) ? value * factor[k] : setTo[k];
          if (ramp[k] === 1) {
            value = week >= to[k]
              ? changed
              : value + (changed - value) * (week - from[k]) / (to[k] - from[k]);
            active++;
          } else if (week < to[k]) {
            value = changed;
            active++;
          }
        }
        blocks[i][keys[i]] = integer[i] === 1 ? Math.round(value) : value;
      }
      state.gauges[M.shocks_active] = active;
    },
  };
}
