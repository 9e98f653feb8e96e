/**
 * M6 referrals and advocacy: a family's needs beyond family support are met only by an
 * organisation that serves them. Each week a key worker may act on one of a family's unmet needs:
 * if their organisation knows a service that meets it (knowledge of the landscape), they refer
 * the family on, through a partnership where there is one. The receiver accepts a cold referral
 * with probability `1 − threshold` (statutory gatekeeping); a working or deep partnership lowers
 * the threshold in proportion to its strength. A warm hand-off through such a partnership
 * carries part of the family's trust in its key worker across (vouching); a cold signpost leaves
 * the family with only the trust it has in that sector. The family takes the referral up with the
 * engagement probability of that trust. A referred-and-taken-up need is met and eases the
 * family's needs; a refused or abandoned referral fails, and a family that leaves with a need
 * never met has fallen through the gaps. Source: `003_2d3a9cdd3abf509d.txt` ("better knowledge of
 * the landscape"; "smooth referral of families between services"; "the GP assesses them and says,
 * 'No, you don't meet my threshold'"; "vouching for the other organisation and extending the sense
 * of trust and safety a family feels with the voluntary organisation into the relationship with the
 * statutory organisation"; "stop the family from falling through the gaps").
 *
 * @module
 */
import type { RandomStream } from "../core/mod.ts";
import { type EngagementParams, engages } from "./engagement.ts";
import { M } from "./metric_names.ts";
import { WORKING_STRENGTH } from "./partnership_network.ts";
import { KNOWN_CAPACITY, type ModelState, PHASE, REFERABLE_NEEDS, SECTOR } from "./state.ts";
import type { TrustParams } from "./trust.ts";

/** Parameters of M6. */
export interface ReferralParams {
  /** Weekly probability that a key worker acts on an engaged family's unmet need, in [0, 1]. @default 0.15 */
  readonly actPerWeek: number;
  /** Share of cold referrals a statutory service turns away (its threshold), in [0, 1]. @default 0.5 */
  readonly statutoryThreshold: number;
  /** Share of cold referrals a voluntary organisation turns away, in [0, 1]. @default 0.1 */
  readonly voluntaryThreshold: number;
  /** Whether referrals through a working or deep partnership are warm hand-offs (vouching). @default true */
  readonly warmHandoffs: boolean;
  /** Share of the family's trust in its key worker a warm hand-off carries across, in [0, 1]. @default 0.8 */
  readonly vouchShare: number;
  /** Share of need severity removed when a referral meets a need, in [0, 1]. @default 0.3 */
  readonly needRelief: number;
  /** Other organisations whose services each organisation knows at the start, integer ≥ 0. @default 3 */
  readonly initiallyKnown: number;
}

/** Defaults of M6 (assumptions; 003 describes the mechanisms, not their sizes). */
export const REFERRAL_DEFAULTS: ReferralParams = Object.freeze({
  actPerWeek: 0.15,
  statutoryThreshold: 0.5,
  voluntaryThreshold: 0.1,
  warmHandoffs: true,
  vouchShare: 0.8,
  needRelief: 0.3,
  initiallyKnown: 3,
});

/** The random streams M6 draws from. */
export interface ReferralStreams {
  /** Whether a key worker acts this week. */
  readonly refer: RandomStream;
  /** Whether the receiver accepts. */
  readonly accept: RandomStream;
  /** Whether the family takes the referral up. */
  readonly takeUp: RandomStream;
}

/**
 * The receivers a referral step has chosen, by organisation and need (`org * 4 + k` for need bit
 * `2 << k`), valid for the week `week` they are stamped with. {@linkcode startReferralWeek} fills
 * in the partners at the start of each week (and resets `edge` and `strength` for the rest); the
 * referral step stamps an organisation it knows of when first needed.
 */
export interface ReferralTargets {
  /** Counts the weeks started; an entry whose stamp differs is stale. */
  week: number;
  /** Week count at which each entry was chosen. */
  readonly stamp: Int32Array;
  /** The receiving organisation, or -1 for none. */
  readonly target: Int32Array;
  /** The partnership it goes through, or -1 for a cold referral. */
  readonly edge: Int32Array;
  /** That partnership's strength (−1 without one). */
  readonly strength: Float32Array;
}

/**
 * Allocates the scratch space of {@linkcode referralStep} for `orgCount` organisations.
 *
 * @param orgCount Number of organisations.
 * @returns Empty (stale) entries.
 *
 * @example
 * ```ts
 * import { createReferralTargets } from "./referrals.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(createReferralTargets(3).target.length, 12);
 * ```
 */
export function createReferralTargets(orgCount: number): ReferralTargets {
  return {
    week: 0,
    stamp: new Int32Array(orgCount * 4),
    target: new Int32Array(orgCount * 4).fill(-1),
    edge: new Int32Array(orgCount * 4).fill(-1),
    strength: new Float32Array(orgCount * 4).fill(-1),
  };
}

/**
 * Starts a week of referrals: advances `targets.week`, so that the receivers chosen last week are
 * stale, and, when partnerships count, finds for every organisation and need the partner with the
 * strongest working or deep partnership among running organisations that serve the need (ties:
 * the partnership made first), in one pass over the partnerships in the order they were made.
 * Those receivers are chosen for the week; the others are chosen when first needed
 * ({@linkcode referralStep}), from the organisations each one knows.
 *
 * One pass reads the partnership arrays in order; choosing each receiver when first needed would
 * read them at random, once per organisation and need, which on a large population misses the
 * cache.
 *
 * @param state The model state.
 * @param partnershipsCount Whether partnerships count (M5 on).
 * @param targets The receivers, by organisation and need.
 *
 * @example A working partnership that serves the need is the receiver
 * ```ts
 * import { allocateState, NEED, PHASE } from "./state.ts";
 * import { addPartnership } from "./partnership_network.ts";
 * import { createReferralTargets, startReferralWeek } from "./referrals.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1], fundedCount: 2, familyCapacity: 1, partnershipCapacity: 1 });
 * s.orgs.phase.fill(PHASE.active);
 * s.orgs.services[1] |= NEED.mentalHealth;
 * const start = { effort: 0.5, strength: 0.5, levels: 1, formal: 1, informal: 0, sharedGoal: 0.5 };
 * const edge = addPartnership(s, 0, 1, start);
 * const targets = createReferralTargets(2);
 * startReferralWeek(s, true, targets);
 * const slot = 0 * 4 + 0; // organisation 0, mental health (need 2, the first of four)
 * strictEqual(targets.target[slot], 1);
 * strictEqual(targets.edge[slot], edge);
 * strictEqual(targets.stamp[slot], targets.week);
 * ```
 */
export function startReferralWeek(
  state: ModelState,
  partnershipsCount: boolean,
  targets: ReferralTargets,
): void {
  const week = ++targets.week;
  const edgeOf = targets.edge;
  const strengthOf = targets.strength;
  edgeOf.fill(-1);
  strengthOf.fill(-1);
  if (!partnershipsCount) return;
  const p = state.partnerships;
  const pa = p.a;
  const pb = p.b;
  const strength = p.strength;
  const orgs = state.orgs;
  const services = orgs.services;
  const phase = orgs.phase;
  const active = PHASE.active;
  const stamp = targets.stamp;
  const target = targets.target;
  const edges = p.count;
  for (let e = 0; e < edges; e++) {
    const s = strength[e];
    if (s < WORKING_STRENGTH) continue; // a partner on paper is a stranger
    const a = pa[e];
    const b = pb[e];
    for (let side = 0; side < 2; side++) {
      const org = side === 0 ? a : b;
      const other = side === 0 ? b : a;
      if (phase[other] !== active) continue;
      let serves = services[other] & REFERABLE_NEEDS;
      while (serves !== 0) {
        const need = serves & -serves;
        serves ^= need;
        const slot = org * 4 + (30 - Math.clz32(need)); // need 2, 4, 8, 16 → 0 … 3
        if (s > strengthOf[slot]) {
          strengthOf[slot] = s;
          edgeOf[slot] = e;
          target[slot] = other;
          stamp[slot] = week;
        }
      }
    }
  }
}

/**
 * Chooses the receiver of a referral from `org` for `need` when no partnership offers one: the
 * first organisation `org` knows of that serves it and is running, or none (-1); stores it in
 * `targets[slot]` for the week.
 */
function chooseKnownReceiver(
  state: ModelState,
  org: number,
  need: number,
  targets: ReferralTargets,
  slot: number,
): void {
  const orgs = state.orgs;
  let target = -1;
  const start = org * KNOWN_CAPACITY;
  for (let i = 0; i < orgs.knownCount[org]; i++) {
    const other = orgs.known[start + i];
    if ((orgs.services[other] & need) !== 0 && orgs.phase[other] === PHASE.active) {
      target = other;
      break;
    }
  }
  targets.stamp[slot] = targets.week;
  targets.target[slot] = target;
}

/**
 * M6 step, for every supported family that engaged this week and has a need its own organisation
 * does not serve and no referral has met (those among `families.referable`, which the
 * trust-and-outcomes step lists): with probability `actPerWeek` its key worker acts on
 * the lowest such need. Among running organisations that serve the need, the partner with the
 * strongest working or deep partnership is chosen (ties: the partnership made first; see
 * {@linkcode startReferralWeek}), else the first one theirs knows of (partners on
 * paper count as unknown). No such organisation: no referral. The receiver accepts with probability `1 − threshold · (1 − s)` where s is the
 * partnership's strength if it is at least working, else 0. The family's trust in the receiver
 * is, for a warm hand-off, `max(T₀, vouchShare · T)`, else the sector's starting trust T₀ (for a
 * statutory receiver, the family's trust in statutory services, which a warm hand-off raises).
 * It takes the referral up with the engagement probability of that trust.
 *
 * With `enabled` false (M6 off) nobody is referred.
 *
 * @param state The model state.
 * @param params M6 parameters.
 * @param trust M3 parameters (sector starting trust).
 * @param engagement M4 parameters (take-up follows the engagement curve).
 * @param streams The M6 streams.
 * @param partnershipsCount Whether partnerships count (M5 on).
 * @param enabled Whether M6 is on.
 * @param targets Scratch space for the receivers chosen this week (allocated once by the model;
 *   by default a fresh one).
 *
 * @example A family whose organisation knows a mental-health service is referred to it
 * ```ts
 * import { allocateState, FAMILY, NEED, PHASE } from "./state.ts";
 * import { REFERRAL_DEFAULTS, referralStep } from "./referrals.ts";
 * import { TRUST_DEFAULTS } from "./trust.ts";
 * import { ENGAGEMENT_DEFAULTS } from "./engagement.ts";
 * import { M } from "./metric_names.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = allocateState({ postsPerOrganisation: [1, 1], fundedCount: 2, familyCapacity: 1 });
 * s.orgs.phase.fill(PHASE.active);
 * s.orgs.services[1] |= NEED.mentalHealth;
 * s.orgs.known[0] = 1; s.orgs.knownCount[0] = 1;
 * s.families.status[0] = FAMILY.supported; s.families.engaged[0] = 1; s.families.org[0] = 0;
 * s.families.needs[0] = NEED.familySupport | NEED.mentalHealth; s.families.needsMet[0] = NEED.familySupport;
 * s.families.trust[0] = 0.5; s.families.trustStatutory[0] = 0.3;
 * s.families.referable.slots[0] = 0; s.families.referable.needs[0] = NEED.mentalHealth;
 * s.families.referable.count = 1;
 * const always = () => 0;
 * referralStep(s, REFERRAL_DEFAULTS, TRUST_DEFAULTS, ENGAGEMENT_DEFAULTS, { refer: always, accept: always, takeUp: always }, true, true);
 * strictEqual(s.flows[M.referrals_made], 1);
 * ```
 */
export function referralStep(
  state: ModelState,
  params: ReferralParams,
  trust: TrustParams,
  engagement: EngagementParams,
  streams: ReferralStreams,
  partnershipsCount: boolean,
  enabled: boolean,
  targets: ReferralTargets = createReferralTargets(state.orgs.count),
): void {
  if (!enabled) return;
  startReferralWeek(state, partnershipsCount, targets);
  const fam = state.families;
  const orgs = state.orgs;
  const p = state.partnerships;
  const flows = state.flows;
  const familyOrg = fam.org;
  const refer = streams.refer;
  const actPerWeek = params.actPerWeek;
  // The trust-and-outcomes step listed, in slot order, every family this step may refer on,
  // with the needs it may act on. Nothing between that pass and this step changes them, and
  // acting for one family changes no other's, so a family's own fields are read only when its
  // key worker acts (about one listed family in seven in the baseline).
  const referable = fam.referable.slots;
  const listedNeeds = fam.referable.needs;
  const listed = fam.referable.count;
  for (let i = 0; i < listed; i++) {
    const unmet = listedNeeds[i];
    if (unmet === 0 || refer() >= actPerWeek) continue;
    const f = referable[i];
    const org = familyOrg[f];
    const need = unmet & -unmet; // the lowest unmet need
    // The receiver depends only on the organisation and the need, and nothing it depends on
    // changes during this step: partners were chosen at the start of the week, others are
    // chosen once per (organisation, need) when first needed.
    const slot = org * 4 + (30 - Math.clz32(need)); // need 2, 4, 8, 16 → 0 … 3
    if (targets.stamp[slot] !== targets.week) chooseKnownReceiver(state, org, need, targets, slot);
    const target = targets.target[slot];
    const edge = targets.edge[slot];
    const best = targets.strength[slot];
    if (target < 0) continue; // nobody known meets the need: the family may fall through the gaps
    flows[M.referrals_made]++;
    // Only working or deep partnerships are chosen (startReferralWeek): a partner is warm.
    const warmStrength = edge >= 0 ? best : 0;
    if (edge >= 0) {
      if (p.a[edge] === org) p.flowAB[edge]++;
      else p.flowBA[edge]++;
    }
    const statutory = orgs.sector[target] === SECTOR.statutory;
    const threshold = statutory ? params.statutoryThreshold : params.voluntaryThreshold;
    if (streams.accept() >= 1 - threshold * (1 - warmStrength)) {
      flows[M.referrals_failed]++;
      continue;
    }
    if (statutory) orgs.statutoryReferrals[0]++;
    const warm = warmStrength > 0 && params.warmHandoffs;
    const base = statutory ? fam.trustStatutory[f] : trust.initialVoluntary;
    const carried = params.vouchShare * fam.trust[f];
    const t = warm && carried > base ? carried : base;
    if (statutory && t > fam.trustStatutory[f]) fam.trustStatutory[f] = t;
    if (engages(engagement, t, streams.takeUp())) {
      flows[M.referrals_completed]++;
      fam.needsMet[f] |= need;
      fam.severity[f] *= 1 - params.needRelief;
      if (statutory) orgs.statutoryReferrals[1]++;
    } else {
      flows[M.referrals_failed]++;
    }
  }
}
