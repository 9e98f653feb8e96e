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
import { FAMILY, type ModelState, SECTOR } from "./state.ts";

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
 * M3 step, for every supported family, after this week's engagement draw:
 *
 * - engaged: `T ← T + a · c · q · ℓ · (1 − T)`, with a `growthPerWeek`, contact
 *   `c = min(1, caseloadTarget / caseload)`, the key worker's capability q and learning ℓ;
 * - not engaged: `T ← T · (1 − δ)`, with δ `lossPerMissedWeek`.
 *
 * With `enabled` false (M3 off) trust stays where it started.
 *
 * @param state The model state.
 * @param params M3 parameters.
 * @param caseloadTarget Families per key worker at full contact.
 * @param enabled Whether M3 is on.
 *
 * @example An engaged week raises trust
 * ```ts
 * import { allocateState, FAMILY, POST } from "./state.ts";
 * import { TRUST_DEFAULTS, trustStep } from "./trust.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.posts.status[0] = POST.filled; s.posts.capability[0] = 1; s.posts.learning[0] = 1; s.posts.caseload[0] = 1;
 * s.families.status[0] = FAMILY.supported; s.families.keyWorker[0] = 0;
 * s.families.trust[0] = 0.5; s.families.engaged[0] = 1;
 * trustStep(s, TRUST_DEFAULTS, 12, true);
 * ok(s.families.trust[0] > 0.5);
 * ```
 */
export function trustStep(
  state: ModelState,
  params: TrustParams,
  caseloadTarget: number,
  enabled: boolean,
): void {
  if (!enabled) return;
  const fam = state.families;
  const posts = state.posts;
  const growth = params.growthPerWeek;
  const keep = 1 - params.lossPerMissedWeek;
  const status = fam.status;
  const trust = fam.trust;
  const engaged = fam.engaged;
  const keyWorker = fam.keyWorker;
  const capability = posts.capability;
  const learning = posts.learning;
  // The gain of an engaged family, per unit of distrust, by key worker: caseloads do not change
  // during this step, so it is the same for every family of that key worker.
  const gain = posts.stepFactor;
  for (let w = 0; w < posts.count; w++) {
    gain[w] = growth * keyWorkerContact(posts, w, caseloadTarget) * capability[w] * learning[w];
  }
  const end = fam.free.end; // slots from here on have never held a family
  for (let f = 0; f < end; f++) {
    if (status[f] !== FAMILY.supported) continue;
    const t = trust[f];
    if (engaged[f] === 1) {
      trust[f] = t + gain[keyWorker[f]] * (1 - t);
    } else {
      trust[f] = t * keep;
    }
  }
}
