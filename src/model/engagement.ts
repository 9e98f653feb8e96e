/**
 * M4 engagement and drop-out: each week a supported family engages with a probability that
 * rises with its trust in the key worker (logistic); a family that does not engage may drop
 * out, the more likely the less it trusts; a waiting family may give up. Sources:
 * `004_a455ba607feee30c.txt` ("Both sides are more committed and motivated to achieving the
 * outcome"), `003_2d3a9cdd3abf509d.txt`.
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import { M } from "./metric_names.ts";
import { FAMILY, type ModelState, releaseFamily } from "./state.ts";

/** Parameters of engagement and drop-out (M4). */
export interface EngagementParams {
  /** Trust at which a family engages in half of its weeks (T₅₀), in [0, 1]. @default 0.25 */
  readonly trustAtHalf: number;
  /** Steepness k of the logistic curve of engagement in trust, > 0. @default 10 */
  readonly steepness: number;
  /** Drop-out hazard in a week without engagement, at zero trust (scaled by 1 − T), in [0, 1]. @default 0.1 */
  readonly dropoutPerMissedWeek: number;
  /** Weekly probability that a waiting family gives up, in [0, 1]. @default 0.03 */
  readonly waitingDropoutPerWeek: number;
}

/** Defaults of engagement and drop-out (assumptions). */
export const ENGAGEMENT_DEFAULTS: EngagementParams = Object.freeze({
  trustAtHalf: 0.25,
  steepness: 10,
  dropoutPerMissedWeek: 0.1,
  waitingDropoutPerWeek: 0.03,
});

/** The random streams engagement draws from. */
export interface EngagementStreams {
  /** Whether a family engages this week. */
  readonly engage: RandomStream;
  /** Whether a family drops out. */
  readonly dropout: RandomStream;
}

/**
 * Probability that a family with trust T engages this week: `1 / (1 + e^(−k (T − T₅₀)))`.
 *
 * @param params M4 engagement parameters.
 * @param trust Trust in the key worker, in [0, 1].
 * @returns Probability in (0, 1).
 *
 * @example Half at T₅₀, more with more trust
 * ```ts
 * import { ENGAGEMENT_DEFAULTS, engagementProbability } from "./engagement.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 * deepStrictEqual(engagementProbability(ENGAGEMENT_DEFAULTS, 0.25), 0.5);
 * ok(engagementProbability(ENGAGEMENT_DEFAULTS, 0.6) > 0.9);
 * ```
 */
export function engagementProbability(params: EngagementParams, trust: number): number {
  return 1 / (1 + Math.exp(-params.steepness * (trust - params.trustAtHalf)));
}

/**
 * Whether a family with trust T engages, given its uniform draw u: the same decision as
 * `u < engagementProbability(params, T)`, mostly without computing an exponential.
 *
 * With x = −k (T − T₅₀) and y = |x|, e^y is at least its cubic Taylor sum
 * s = 1 + y + y²/2 + y³/6. So when x < 0 the probability 1 / (1 + e^x) is at least s / (1 + s),
 * and a draw below that engages at once; when x > 0 it is at most 1 / (1 + s), and a draw at or
 * above that does not engage. Only draws between the bounds compute the exponential. The
 * bounds' margin (about y⁴ / 96) far exceeds rounding for y > 10⁻², so the decisions are
 * exactly those of the formula. In the bundled baseline about one draw in seven reaches the
 * exponential. The engagement step decides from a table instead ({@linkcode engagesOnCurve}),
 * which needs the formula for about one draw in a thousand; referral take-up (M6) uses this.
 *
 * @param params M4 engagement parameters.
 * @param trust Trust in the key worker, in [0, 1].
 * @param u A uniform draw in [0, 1).
 * @returns True when the family engages.
 *
 * @example
 * ```ts
 * import { ENGAGEMENT_DEFAULTS, engagementProbability, engages } from "./engagement.ts";
 * import { strictEqual } from "node:assert/strict";
 * const p = engagementProbability(ENGAGEMENT_DEFAULTS, 0.7);
 * strictEqual(engages(ENGAGEMENT_DEFAULTS, 0.7, p - 1e-12), true);
 * strictEqual(engages(ENGAGEMENT_DEFAULTS, 0.7, p), false);
 * ```
 */
export function engages(params: EngagementParams, trust: number, u: number): boolean {
  const x = -params.steepness * (trust - params.trustAtHalf);
  const y = x < 0 ? -x : x;
  if (y > 1e-2) {
    const s = 1 + y * (1 + y * (0.5 + y * (1 / 6)));
    if (x < 0) {
      if (u * (1 + s) < s) return true;
    } else if (u * (1 + s) >= 1) {
      return false;
    }
  }
  return u < 1 / (1 + Math.exp(x));
}

/** Cells per unit of trust in an {@linkcode EngagementCurve}. */
const CURVE_CELLS = 1024;

/**
 * How far a draw must lie below or above a cell's bounds to be decided from the table. The
 * probability formula is within about 10⁻¹⁵ of the true curve, so a margin of 10⁻¹² keeps every
 * decision exactly that of {@linkcode engages}.
 */
const CURVE_MARGIN = 1e-12;

/**
 * The engagement curve tabulated over trust, so that the engagement step decides most draws
 * with two comparisons instead of an exponential. Trust in [0, 1] falls in cell
 * `i = ⌊1024 T⌋`; the curve is monotone, so over the cell the probability lies between its
 * values at the cell's two ends. A draw below the lower one less a margin engages, a draw at
 * or above the upper one plus the margin does not, and only a draw between them (about one in
 * 400 in the bundled baseline) computes the probability. The decisions are exactly those of
 * {@linkcode engages}. The table is rebuilt whenever the curve's parameters change (a shock, M9,
 * may change them).
 */
export interface EngagementCurve {
  /** The steepness the table was built for; NaN before the first build. */
  steepness: number;
  /** The trust at half the table was built for; NaN before the first build. */
  trustAtHalf: number;
  /** For cell i, a bound below the probability anywhere in the cell at `2i`, one above at `2i + 1`. */
  readonly bounds: Float64Array;
}

/**
 * Creates an empty engagement curve; the engagement step fills it on first use.
 *
 * @returns A curve, 16 KB.
 *
 * @example
 * ```ts
 * import { createEngagementCurve } from "./engagement.ts";
 * import { ok } from "node:assert/strict";
 * ok(Number.isNaN(createEngagementCurve().steepness));
 * ```
 */
export function createEngagementCurve(): EngagementCurve {
  return { steepness: NaN, trustAtHalf: NaN, bounds: new Float64Array(2 * (CURVE_CELLS + 1)) };
}

/**
 * Builds the table of `curve` for `params`, unless it was built for the same curve.
 *
 * @param curve The curve to fill.
 * @param params M4 engagement parameters.
 *
 * @example Every probability in a cell lies within the cell's bounds
 * ```ts
 * import { createEngagementCurve, ENGAGEMENT_DEFAULTS, engagementProbability, fitEngagementCurve } from "./engagement.ts";
 * import { ok } from "node:assert/strict";
 * const curve = createEngagementCurve();
 * fitEngagementCurve(curve, ENGAGEMENT_DEFAULTS);
 * const p = engagementProbability(ENGAGEMENT_DEFAULTS, 0.3001);
 * const i = Math.floor(0.3001 * 1024);
 * ok(curve.bounds[2 * i] < p && p < curve.bounds[2 * i + 1]);
 * ```
 */
export function fitEngagementCurve(curve: EngagementCurve, params: EngagementParams): void {
  if (curve.steepness === params.steepness && curve.trustAtHalf === params.trustAtHalf) return;
  const bounds = curve.bounds;
  let atStart = engagementProbability(params, 0);
  for (let i = 0; i <= CURVE_CELLS; i++) {
    const atEnd = engagementProbability(params, (i + 1) / CURVE_CELLS);
    // Either way round, so that a falling curve (steepness below 0) is bounded too.
    bounds[2 * i] = (atStart < atEnd ? atStart : atEnd) - CURVE_MARGIN;
    bounds[2 * i + 1] = (atStart < atEnd ? atEnd : atStart) + CURVE_MARGIN;
    atStart = atEnd;
  }
  curve.steepness = params.steepness;
  curve.trustAtHalf = params.trustAtHalf;
}

/**
 * {@linkcode engages}, read from a curve fitted to `params`: the same decision, mostly without
 * arithmetic.
 *
 * @param curve A curve fitted to `params` by {@linkcode fitEngagementCurve}.
 * @param params M4 engagement parameters.
 * @param trust Trust in the key worker.
 * @param u A uniform draw in [0, 1).
 * @returns True when the family engages.
 *
 * @example
 * ```ts
 * import { createEngagementCurve, ENGAGEMENT_DEFAULTS, engages, engagesOnCurve, fitEngagementCurve } from "./engagement.ts";
 * import { strictEqual } from "node:assert/strict";
 * const curve = createEngagementCurve();
 * fitEngagementCurve(curve, ENGAGEMENT_DEFAULTS);
 * for (const u of [0.1, 0.5, 0.9, 0.99]) {
 *   strictEqual(engagesOnCurve(curve, ENGAGEMENT_DEFAULTS, 0.4, u), engages(ENGAGEMENT_DEFAULTS, 0.4, u));
 * }
 * ```
 */
export function engagesOnCurve(
  curve: EngagementCurve,
  params: EngagementParams,
  trust: number,
  u: number,
): boolean {
  if (trust >= 0 && trust <= 1) {
    const i = 2 * ((trust * CURVE_CELLS) | 0);
    const bounds = curve.bounds;
    if (u < bounds[i]) return true;
    if (u >= bounds[i + 1]) return false;
  }
  return engages(params, trust, u);
}

/**
 * M4 engagement step: draws engagement for every supported family, then drop-out for those who
 * did not engage (hazard `d · (1 − T)`); waiting families give up with `waitingDropoutPerWeek`.
 *
 * With `enabled` false (M4 off), every supported family engages every week and nobody drops out.
 *
 * @param state The model state.
 * @param params M4 engagement parameters.
 * @param streams The engagement streams.
 * @param enabled Whether M4 is on.
 * @param curve The model's engagement curve, refitted here when M4's parameters changed.
 *
 * @example With no draws under the probability, everyone engages
 * ```ts
 * import { allocateState, FAMILY } from "./state.ts";
 * import { ENGAGEMENT_DEFAULTS, engagementStep } from "./engagement.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.families.status[0] = FAMILY.supported; s.families.trust[0] = 0.5;
 * engagementStep(s, ENGAGEMENT_DEFAULTS, { engage: () => 0, dropout: () => 0.99 }, true);
 * deepStrictEqual(s.families.engaged[0], 1);
 * ```
 */
export function engagementStep(
  state: ModelState,
  params: EngagementParams,
  streams: EngagementStreams,
  enabled: boolean,
  curve: EngagementCurve = createEngagementCurve(),
): void {
  const fam = state.families;
  const flows = state.flows;
  if (!enabled) {
    const end = fam.free.end; // slots from here on have never held a family
    for (let f = 0; f < end; f++) {
      if (fam.status[f] === FAMILY.supported) fam.engaged[f] = 1;
    }
    return;
  }
  fitEngagementCurve(curve, params);
  const dropout = params.dropoutPerMissedWeek;
  const giveUp = params.waitingDropoutPerWeek;
  const status = fam.status;
  const trust = fam.trust;
  const engaged = fam.engaged;
  const engage = streams.engage;
  const dropoutDraw = streams.dropout;
  // Status codes in locals, not looked up in the module's frozen object for each family.
  const supported = FAMILY.supported;
  const waiting = FAMILY.waiting;
  const end = fam.free.end; // slots from here on have never held a family
  for (let f = 0; f < end; f++) {
    const st = status[f];
    if (st === supported) {
      const t = trust[f];
      if (engagesOnCurve(curve, params, t, engage())) {
        engaged[f] = 1;
      } else {
        engaged[f] = 0;
        if (dropoutDraw() < dropout * (1 - t)) {
          releaseFamily(state, f);
          flows[M.dropouts]++;
        }
      }
    } else if (st === waiting) {
      if (dropoutDraw() < giveUp) {
        releaseFamily(state, f);
        flows[M.dropouts]++;
      }
    }
  }
}
