/**
 * M3 family–key worker trust: grows with time spent with the same key worker, faster with a
 * relationally capable worker who knows the context and has time for the family; slow to build
 * and quick to lose; mostly lost when the key worker changes; lower at the start for statutory
 * services. Sources: `001_b81cb5ae83b529e7.txt` ("Time allows trust to emerge"; "*personal*
 * relationships have been key"), `002_daf00433bb3d9d92.txt` (relational capability),
 * `003_2d3a9cdd3abf509d.txt` ("there is a fear of statutory services ... people think they're
 * coming to judge them"), `004_a455ba607feee30c.txt` ("Time – having the time is important").
 *
 * @module
 */
import { keyWorkerContact } from "./caseload.ts";
import { type ModelState, SECTOR } from "./state.ts";

/** Parameters of M3. */
export interface TrustParams {
  /** Trust a family starts with in a voluntary or community organisation's key worker, in [0, 1]. @default 0.3 */
  readonly initialVoluntary: number;
  /** Trust a family starts with in a statutory service's key worker, in [0, 1]. @default 0.15 */
  readonly initialStatutory: number;
  /** Share of the gap to full trust closed in an engaged week with full contact, capability and learning, in [0, 1]. @default 0.1 */
  readonly growthPerWeek: number;
  /** Share of trust lost in a week the family does not engage, in [0, 1]. @default 0.08 */
  readonly lossPerMissedWeek: number;
  /** Share of trust kept when the key worker changes (ρ), in [0, 1]. @default 0.3 */
  readonly keptOnKeyWorkerChange: number;
}

/** Defaults of M3 (assumptions; no published estimate exists, see `SOURCES.md`). */
export const TRUST_DEFAULTS: TrustParams = Object.freeze({
  initialVoluntary: 0.3,
  initialStatutory: 0.15,
  growthPerWeek: 0.1,
  lossPerMissedWeek: 0.08,
  keptOnKeyWorkerChange: 0.3,
});

/**
 * Trust a newly referred family has in a key worker of the given sector.
 *
 * @param params M3 parameters.
 * @param sector The organisation's {@linkcode SECTOR}.
 * @returns Trust in [0, 1].
 *
 * @example Families start warier of statutory services
 * ```ts
 * import { initialTrust, TRUST_DEFAULTS } from "./trust.ts";
 * import { SECTOR } from "./state.ts";
 * import { ok } from "node:assert/strict";
 * ok(initialTrust(TRUST_DEFAULTS, SECTOR.statutory) < initialTrust(TRUST_DEFAULTS, SECTOR.voluntary));
 * ```
 */
export function initialTrust(params: TrustParams, sector: number): number {
  return sector === SECTOR.statutory ? params.initialStatutory : params.initialVoluntary;
}

/**
 * Trust kept when a family loses its key worker: `ρ · T` (unchanged when M3 is off).
 *
 * @param params M3 parameters.
 * @param trust Trust before the change, in [0, 1].
 * @param enabled Whether M3 is on.
 * @returns Trust after the change.
 *
 * @example Most trust is lost with the key worker
 * ```ts
 * import { trustAfterKeyWorkerLoss, TRUST_DEFAULTS } from "./trust.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, 0.8, true), 0.8 * 0.3);
 * deepStrictEqual(trustAfterKeyWorkerLoss(TRUST_DEFAULTS, 0.8, false), 0.8);
 * ```
 */
export function trustAfterKeyWorkerLoss(params: TrustParams, trust: number, enabled: boolean) {
  return enabled ? params.keptOnKeyWorkerChange * trust : trust;
}

/**
 * Works out each key worker's trust gain for this week into `posts.trustGain`:
 * `a · c · q · ℓ`, with a `growthPerWeek`, contact `c = min(1, caseloadTarget / caseload) ·
 * contactShare`, capability q and learning ℓ. The outcomes step calls it once, after this week's
 * engagement and drop-outs, and applies {@linkcode trustAfterWeek} to each supported family
 * with its key worker's gain; families leaving during that step do not change the gains.
 *
 * @param state The model state.
 * @param params M3 parameters.
 * @param caseloadTarget Families per key worker at full contact.
 *
 * @example Full contact, capability and learning: the gain is growthPerWeek
 * ```ts
 * import { allocateState, POST } from "./state.ts";
 * import { setTrustGains, TRUST_DEFAULTS } from "./trust.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.posts.status[0] = POST.filled; s.posts.capability[0] = 1; s.posts.learning[0] = 1; s.posts.caseload[0] = 1;
 * setTrustGains(s, TRUST_DEFAULTS, 12);
 * strictEqual(s.posts.trustGain[0], 0.1);
 * ```
 */
export function setTrustGains(
  state: ModelState,
  params: TrustParams,
  caseloadTarget: number,
): void {
  const posts = state.posts;
  const growth = params.growthPerWeek;
  const capability = posts.capability;
  const learning = posts.learning;
  const gain = posts.trustGain;
  for (let w = 0; w < posts.count; w++) {
    gain[w] = growth * keyWorkerContact(posts, w, caseloadTarget) * capability[w] * learning[w];
  }
}

/**
 * M3's weekly rule for a supported family's trust T, after this week's engagement draw:
 *
 * - engaged: `T + g · (1 − T)`, with g its key worker's gain (`setTrustGains`);
 * - not engaged: `T · keep`, with keep `1 − lossPerMissedWeek`.
 *
 * Slow to build, quick to lose: at the defaults a missed week costs more than a typical engaged
 * week gains.
 *
 * @param trust Trust before this week, in [0, 1].
 * @param engaged Whether the family engaged this week.
 * @param gain The key worker's trust gain this week, in [0, 1].
 * @param keep `1 − lossPerMissedWeek`.
 * @returns Trust after this week, in [0, 1].
 *
 * @example
 * ```ts
 * import { trustAfterWeek } from "./trust.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(trustAfterWeek(0.5, true, 0.1, 0.92), 0.55);
 * strictEqual(trustAfterWeek(0.5, false, 0.1, 0.92), 0.46);
 * ```
 */
export function trustAfterWeek(
  trust: number,
  engaged: boolean,
  gain: number,
  keep: number,
): number {
  return engaged ? trust + gain * (1 - trust) : trust * keep;
}
