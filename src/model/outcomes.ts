/**
 * M4 progress and outcomes: engaged weeks move a family towards the programme's three outcomes
 * (skills to overcome adversity, coming together to learn, being part of the community), faster
 * with a capable key worker who knows the context, has time and is trusted; progress slips back
 * slowly without engagement; unaddressed needs escalate while a family waits or disengages and
 * slow its progress. Sources: `003_2d3a9cdd3abf509d.txt` (the three outcomes),
 * `004_a455ba607feee30c.txt` ("Immediate problems are addressed and prevented from escalating").
 *
 * @module
 */
import { keyWorkerContact } from "./caseload.ts";
import { M } from "./metric_names.ts";
import { FAMILY, type ModelState, type PostState, referableNeeds, releaseFamily } from "./state.ts";
import { setTrustGains, trustAfterWeek, type TrustParams } from "./trust.ts";

/** Parameters of progress, outcomes and escalation (M4). */
export interface OutcomeParams {
  /** Progress per engaged week at full effect towards skills to overcome adversity, in [0, 1]. @default 0.08 */
  readonly skillsPerWeek: number;
  /** Progress per engaged week at full effect towards coming together to learn, in [0, 1]. @default 0.07 */
  readonly togetherPerWeek: number;
  /** Progress per engaged week at full effect towards being part of the community, in [0, 1]. @default 0.06 */
  readonly communityPerWeek: number;
  /** Progress at which an outcome counts as achieved, in (0, 1]. @default 0.7 */
  readonly threshold: number;
  /** Share of progress lost in a week without engagement, in [0, 1]. @default 0.02 */
  readonly decayPerWeek: number;
  /** Share of the gap to full severity added in a week waiting or disengaged, in [0, 1]. @default 0.02 */
  readonly escalationPerWeek: number;
  /** Share of severity removed in an engaged week, in [0, 1]. @default 0.03 */
  readonly recoveryPerWeek: number;
  /** How much full severity slows progress (progress × (1 − drag · severity)), in [0, 1]. @default 0.5 */
  readonly severityDrag: number;
  /** Weeks after referral at which an unfinished case is closed, ≥ 1. @default 104 */
  readonly maxWeeksInProgramme: number;
  /** Share of progress lost to each need left unmet (M6), in [0, 1]. @default 0.3 */
  readonly unmetNeedDrag: number;
}

/** Defaults of progress and outcomes (assumptions). */
export const OUTCOME_DEFAULTS: OutcomeParams = Object.freeze({
  skillsPerWeek: 0.08,
  togetherPerWeek: 0.07,
  communityPerWeek: 0.06,
  threshold: 0.7,
  decayPerWeek: 0.02,
  escalationPerWeek: 0.02,
  recoveryPerWeek: 0.03,
  severityDrag: 0.5,
  maxWeeksInProgramme: 104,
  unmetNeedDrag: 0.3,
});

/** Bits of the three outcomes, all set: the family has completed. */
const ALL_OUTCOMES = 0b111;

/**
 * M3 trust and M4 outcomes step, for every active family, in one pass over the families.
 *
 * Trust (M3, when `trust` is given): each supported family's trust first takes this week's
 * change, {@linkcode trustAfterWeek} with its key worker's gain from {@linkcode setTrustGains},
 * worked out once before the pass from the caseloads after engagement; families leaving during
 * the pass do not change the gains. The family's progress below then uses its new trust.
 *
 * Outcomes (M4): an engaged family with key worker w gains, on each outcome k,
 * `g_k · q_w · ℓ_w · c_w · (0.5 + 0.5 T) · (1 − drag · s) · (1 − u · n)` (capability q, learning
 * ℓ, contact c, trust T, severity s, `unmetNeedDrag` u, needs beyond family support still unmet
 * n; the last factor is kept at 0 or above), and its severity falls by `recoveryPerWeek · s`. A
 * family that does not engage loses `decayPerWeek` of its progress. Severity escalates by
 * `escalationPerWeek · (1 − s)` in every week waiting or disengaged (when M4 is on). Each
 * outcome counts once when its progress first reaches `threshold`; a family with all three
 * completes; a case still open `maxWeeksInProgramme` after referral is closed. A family that
 * leaves frees its key worker's time for the families after it in the pass. The pass also lists
 * the families M6 may refer on (`listReferable`), so that M6 need not look at every slot.
 *
 * @param state The model state.
 * @param params Outcome parameters.
 * @param caseloadTarget Families per key worker at full contact.
 * @param week The current week.
 * @param escalates Whether unaddressed needs escalate (M4 on).
 * @param trust M3 parameters, or `null` to leave trust as it is (M3 off).
 * @param listReferable Whether to list, in `families.referable`, the families who engaged, are
 *   still supported and have a need a referral could meet, with those needs
 *   ({@linkcode referableNeeds}), for the referral step (M6 on). Otherwise the list is left empty.
 *
 * @example An engaged family gains trust, then progresses
 * ```ts
 * import { allocateState, FAMILY, POST } from "./state.ts";
 * import { OUTCOME_DEFAULTS, outcomesStep } from "./outcomes.ts";
 * import { TRUST_DEFAULTS } from "./trust.ts";
 * import { ok } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
 * s.posts.status[0] = POST.filled; s.posts.capability[0] = 1; s.posts.learning[0] = 1; s.posts.caseload[0] = 1;
 * s.families.status[0] = FAMILY.supported; s.families.keyWorker[0] = 0; s.families.org[0] = 0;
 * s.families.trust[0] = 0.5; s.families.engaged[0] = 1; s.families.severity[0] = 0;
 * s.families.progress.fill(0, 0, 3); s.families.arrivalWeek[0] = 0;
 * outcomesStep(s, OUTCOME_DEFAULTS, 12, 1, true, TRUST_DEFAULTS);
 * ok(s.families.trust[0] > 0.5 && s.families.progress[0] > 0);
 * ```
 */
export function outcomesStep(
  state: ModelState,
  params: OutcomeParams,
  caseloadTarget: number,
  week: number,
  escalates: boolean,
  trust: TrustParams | null = null,
  listReferable = false,
): void {
  const fam = state.families;
  const posts = state.posts;
  const flows = state.flows;
  const progress = fam.progress;
  const g0 = params.skillsPerWeek;
  const g1 = params.togetherPerWeek;
  const g2 = params.communityPerWeek;
  const threshold = params.threshold;
  const keep = 1 - params.decayPerWeek;
  const escalation = escalates ? params.escalationPerWeek : 0;
  const recoveryKeep = 1 - params.recoveryPerWeek;
  const drag = params.severityDrag;
  const maxWeeks = params.maxWeeksInProgramme;
  const needDrag = params.unmetNeedDrag;
  const status = fam.status;
  const severity = fam.severity;
  const engaged = fam.engaged;
  const keyWorker = fam.keyWorker;
  const needs = fam.needs;
  const needsMet = fam.needsMet;
  const trustOf = fam.trust;
  const achievedBits = fam.achieved;
  const arrivalWeek = fam.arrivalWeek;
  const trustOn = trust !== null;
  const trustGain = posts.trustGain;
  const keepTrust = trustOn ? 1 - trust.lossPerMissedWeek : 1;
  if (trustOn) setTrustGains(state, trust, caseloadTarget);
  // Each key worker's effect (capability × learning × contact), by post; a family leaving a
  // caseload raises its key worker's contact for the families after it in this pass.
  const effectOf = posts.progressEffect;
  for (let w = 0; w < posts.count; w++) setKeyWorkerEffect(posts, w, caseloadTarget);
  const referable = fam.referable.slots;
  const referableNeedsOf = fam.referable.needs;
  const services = state.orgs.services;
  const postOrg = posts.org;
  // Status codes in locals, not looked up in the module's frozen object for each family.
  const empty = FAMILY.empty;
  const supported = FAMILY.supported;
  let listed = 0;
  // As integers for the branch-free listing below: 1 to list, and whole weeks (ages are whole).
  const listFlag = listReferable ? 1 : 0;
  const openWeeks = Math.ceil(maxWeeks);
  const end = fam.free.end; // slots from here on have never held a family
  for (let f = 0; f < end; f++) {
    const st = status[f];
    if (st === empty) continue;
    const s = severity[f];
    if (st === supported) {
      const w = keyWorker[f];
      const isEngaged = engaged[f] === 1;
      let t = trustOf[f];
      if (trustOn) {
        // Rounded as the Float32Array stores it, so that progress sees the stored trust.
        t = Math.fround(trustAfterWeek(t, isEngaged, trustGain[w], keepTrust));
        trustOf[f] = t;
      }
      if (isEngaged) {
        const had = needs[f];
        const met = needsMet[f];
        const unmet = had & ~met;
        const unmetCount = ((unmet >> 1) & 1) + ((unmet >> 2) & 1) + ((unmet >> 3) & 1) +
          ((unmet >> 4) & 1);
        const needFactor = 1 - needDrag * unmetCount;
        const effect = effectOf[w] * (0.5 + 0.5 * t) * (1 - drag * s) *
          (needFactor > 0 ? needFactor : 0);
        const i = 3 * f;
        const before = achievedBits[f];
        let achieved = before;
        const p0 = progress[i] + g0 * effect;
        const p1 = progress[i + 1] + g1 * effect;
        const p2 = progress[i + 2] + g2 * effect;
        progress[i] = p0 > 1 ? 1 : p0;
        progress[i + 1] = p1 > 1 ? 1 : p1;
        progress[i + 2] = p2 > 1 ? 1 : p2;
        if ((achieved & 1) === 0 && p0 >= threshold) achieved |= 1;
        if ((achieved & 2) === 0 && p1 >= threshold) achieved |= 2;
        if ((achieved & 4) === 0 && p2 >= threshold) achieved |= 4;
        if (achieved !== before) {
          flows[M.outcomes_achieved] += bitCount3(achieved) - bitCount3(before);
          achievedBits[f] = achieved;
        }
        severity[f] = s * recoveryKeep;
        if (achieved === ALL_OUTCOMES) {
          state.orgs.completedThisWeek[fam.org[f]]++;
          releaseFamily(state, f);
          setKeyWorkerEffect(posts, w, caseloadTarget);
          flows[M.families_completed]++;
          continue;
        }
        // Listed for M6, with the needs it may act on, unless the case is closed just below.
        // Without a branch: whether a family has such a need is close to a coin toss, which a
        // branch would mispredict. A key worker's organisation is the family's own.
        const listable = referableNeeds(had, met, services[postOrg[w]]);
        referable[listed] = f;
        referableNeedsOf[listed] = listable;
        listed += listFlag & ((-listable) >>> 31) & ((week - arrivalWeek[f] - openWeeks) >>> 31);
      } else {
        const i = 3 * f;
        progress[i] *= keep;
        progress[i + 1] *= keep;
        progress[i + 2] *= keep;
        severity[f] = s + escalation * (1 - s);
      }
    } else {
      severity[f] = s + escalation * (1 - s);
    }
    if (week - arrivalWeek[f] >= maxWeeks) {
      const w = st === supported ? keyWorker[f] : -1;
      releaseFamily(state, f);
      if (w >= 0) setKeyWorkerEffect(posts, w, caseloadTarget);
      flows[M.cases_closed]++;
    }
  }
  fam.referable.count = listed;
}

/**
 * Writes key worker `w`'s effect on progress into `posts.progressEffect`: capability × learning ×
 * contact. It returns nothing, so that calling it from a rarely taken branch puts no number on
 * the heap.
 */
function setKeyWorkerEffect(posts: PostState, w: number, caseloadTarget: number): void {
  posts.progressEffect[w] = posts.capability[w] * posts.learning[w] *
    keyWorkerContact(posts, w, caseloadTarget);
}

function bitCount3(bits: number): number {
  return (bits & 1) + ((bits >> 1) & 1) + ((bits >> 2) & 1);
}
