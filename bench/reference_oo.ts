/**
 * The simplified core model written the object-per-agent way, as a careful user of an
 * object-oriented ABM framework (Mesa, Agents.jl's mutable structs, MASON) would write it: one
 * object per family, key worker and organisation, arrays of objects, methods per phase, plain
 * `number` fields. It is the benchmark's reference and allocates only what that style needs (a
 * family object per arrival, a key-worker object per hire); departed families are compacted out
 * of the array in place once a week.
 *
 * Same model as the engine with the parameters of `coreParams` (see `scale.ts`): the same
 * phases in the same weekly order (staff → intake → caseloads → engagement → trust → outcomes →
 * measure) and the same equations, written out again here rather than imported, so that a test
 * can check the engine against an independent implementation. Its random draws come from its
 * own named streams (`reference.*`), so runs agree in distribution, not draw for draw. One
 * difference is deliberate, being the natural object-per-agent way: waiting families are served
 * in order of arrival (the engine serves them in slot order), which gives about 4% more
 * key-worker changes.
 *
 * @module
 */
import { randomBeta } from "d3";
import { createStream, geometricWeeks, poisson, weeklyHazard } from "../src/core/mod.ts";
import {
  grantPerYearGbp,
  horizonWeeks,
  type ModelParams,
  NEED,
  postsFundedBy,
} from "../src/model/mod.ts";
import { type CoreStats, type CoreTally, emptyTally } from "./core_stats.ts";

/** A key worker: one object per person hired (a post gets a new object when refilled). */
class KeyWorker {
  tenureWeeks: number;
  caseload = 0;
  inPost = true;
  constructor(
    readonly organisation: Organisation,
    public capability: number,
    public learning: number,
    tenureWeeks: number,
  ) {
    this.tenureWeeks = tenureWeeks;
  }
}

/** An organisation: its posts (a key worker or a vacancy each) and its waiting list count. */
class Organisation {
  readonly workers: (KeyWorker | null)[];
  readonly vacancyWeeksLeft: number[];
  waiting = 0;
  constructor(readonly statutory: boolean, readonly services: number, posts: number) {
    this.workers = new Array(posts).fill(null);
    this.vacancyWeeksLeft = new Array(posts).fill(-1);
  }
}

/** A family, from referral until it leaves. */
class Family {
  keyWorker: KeyWorker | null = null;
  hadKeyWorker = false;
  engaged = false;
  active = true;
  readonly progress = [0, 0, 0];
  achieved = 0;
  constructor(
    readonly organisation: Organisation,
    public trust: number,
    public severity: number,
    readonly needs: number,
    readonly arrivalWeek: number,
  ) {}

  /** Unmet needs beyond family support (none can be met by referral in the core model). */
  unmetCount(): number {
    let n = 0;
    for (let bit = NEED.mentalHealth; bit <= NEED.socialCare; bit <<= 1) {
      if ((this.needs & bit) !== 0 && (this.organisation.services & bit) === 0) n++;
    }
    return n;
  }
}

/**
 * Runs the object-per-agent reference of the core model to the horizon.
 *
 * @param params Parameters (the mechanisms `coreParams` switches off are ignored here).
 * @param seed The run seed.
 * @returns The run's core statistics.
 *
 * @example
 * ```ts
 * import { runReference } from "./reference_oo.ts";
 * import { coreParams } from "./scale.ts";
 * import { resolveParams } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const stats = runReference(coreParams(resolveParams({ horizonYears: 1 })), 1);
 * ok(stats.started > 0 && stats.meanTrust > 0);
 * ```
 */
export function runReference(params: ModelParams, seed: number): CoreStats {
  const model = new ReferenceModel(params, seed);
  const weeks = horizonWeeks(params);
  for (let week = 0; week < weeks; week++) model.step(week);
  return model.stats(weeks);
}

/**
 * The reference model: organisations, key workers and families as objects.
 *
 * @example
 * ```ts
 * import { ReferenceModel } from "./reference_oo.ts";
 * import { coreParams } from "./scale.ts";
 * import { DEFAULT_PARAMS } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const model = new ReferenceModel(coreParams(DEFAULT_PARAMS), 3);
 * for (let week = 0; week < 60; week++) model.step(week);
 * ok(model.families.length > 0);
 * ```
 */
export class ReferenceModel {
  /** Every organisation, funded first. */
  readonly organisations: Organisation[] = [];
  /** Families waiting or supported, in order of arrival. */
  readonly families: Family[] = [];
  private readonly p: ModelParams;
  private readonly random: Record<string, () => number>;
  private readonly capability: () => number;
  private readonly gains: readonly number[];
  private readonly tally: CoreTally = emptyTally();
  private familyWeeks = 0;
  private waitingWeeks = 0;
  private supportedWeeks = 0;
  private trustSum = 0;
  private trustWeeks = 0;
  private engagedSum = 0;

  /**
   * Builds the organisations and their posts: funded posts vacant, statutory posts filled by
   * experienced key workers.
   *
   * @param params Parameters.
   * @param seed The run seed.
   */
  constructor(params: ModelParams, seed: number) {
    this.p = params;
    const o = params.outcomes;
    this.gains = [o.skillsPerWeek, o.togetherPerWeek, o.communityPerWeek];
    const names = ["services", "initial", "leave", "vacancy", "capability", "arrivals"];
    const more = ["takeup", "needs", "need", "engage", "dropout"];
    this.random = {};
    for (const name of [...names, ...more]) {
      this.random[name] = createStream(seed, `reference.${name}`);
    }
    const s = params.staff;
    this.capability = randomBeta.source(this.random.capability)(
      s.capabilityMean * s.capabilityConcentration,
      (1 - s.capabilityMean) * s.capabilityConcentration,
    );
    const { funded, statutory, statutoryPostsEach } = params.organisations;
    const fundedPosts = postsFundedBy(params.money, grantPerYearGbp(params.funding, funded));
    const extras = [NEED.mentalHealth, NEED.moneyAdvice, NEED.disability];
    for (let o = 0; o < funded; o++) {
      const extra = extras[Math.floor(this.random.services() * extras.length)];
      this.organisations.push(new Organisation(false, NEED.familySupport | extra, fundedPosts));
    }
    const statutoryServices = NEED.familySupport | NEED.mentalHealth | NEED.disability |
      NEED.socialCare;
    for (let o = 0; o < statutory; o++) {
      const org = new Organisation(true, statutoryServices, statutoryPostsEach);
      for (let i = 0; i < statutoryPostsEach; i++) {
        const tenure = Math.floor(this.random.initial() * 260) + 1;
        org.workers[i] = new KeyWorker(org, this.capability(), 1, tenure);
      }
      this.organisations.push(org);
    }
  }

  /**
   * One week: staff, intake, caseloads, engagement, trust, outcomes, then measurement.
   *
   * @param week The week, from 0.
   */
  step(week: number): void {
    for (const org of this.organisations) this.staff(org);
    for (const org of this.organisations) this.intake(org, week);
    for (const family of this.families) this.caseload(family);
    for (const family of this.families) if (family.active) this.engage(family);
    for (const family of this.families) if (family.active) this.updateTrust(family);
    for (const family of this.families) if (family.active) this.progress(family, week);
    this.removeDeparted();
    this.measure();
  }

  /** Key workers gain tenure and learning and may leave; vacancies count down and fill. */
  private staff(org: Organisation): void {
    const s = this.p.staff;
    const learnPerWeek = (1 - s.learningStart) / s.learningWeeks;
    const base = weeklyHazard(s.turnoverPerYear);
    for (let i = 0; i < org.workers.length; i++) {
      const worker = org.workers[i];
      if (worker !== null) {
        worker.tenureWeeks++;
        worker.learning = Math.min(1, worker.learning + learnPerWeek);
        const over = worker.caseload / s.caseloadTarget - 1;
        const hazard = Math.min(1, base * (over > 0 ? 1 + s.overloadAttrition * over : 1));
        if (this.random.leave() < hazard) {
          worker.inPost = false;
          org.workers[i] = null;
          org.vacancyWeeksLeft[i] = -1;
          this.tally.leavers++;
        }
      } else {
        if (org.vacancyWeeksLeft[i] < 0) {
          org.vacancyWeeksLeft[i] = geometricWeeks(this.random.vacancy, s.vacancyWeeks);
        }
        if (org.vacancyWeeksLeft[i] > 0) org.vacancyWeeksLeft[i]--;
        if (org.vacancyWeeksLeft[i] === 0) {
          org.workers[i] = new KeyWorker(org, this.capability(), s.learningStart, 0);
          this.tally.hired++;
        }
      }
    }
  }

  /** Referrals arrive; those who take up the offer join the waiting list if it has room. */
  private intake(org: Organisation, week: number): void {
    const f = this.p.families;
    const t = this.p.trust;
    const posts = org.workers.length;
    const arrivals = poisson(this.random.arrivals, posts * f.referralsPerPostPerYear / 52);
    for (let i = 0; i < arrivals; i++) {
      if (this.random.takeup() >= f.takeUpShare) continue;
      if (org.waiting >= posts * f.maxWaitingPerPost) continue;
      let needs: number = NEED.familySupport;
      if (this.random.needs() < f.mentalHealthShare) needs |= NEED.mentalHealth;
      if (this.random.needs() < f.moneyAdviceShare) needs |= NEED.moneyAdvice;
      if (this.random.needs() < f.disabilityShare) needs |= NEED.disability;
      if (this.random.needs() < f.socialCareShare) needs |= NEED.socialCare;
      const trust = org.statutory ? t.initialStatutory : t.initialVoluntary;
      const severity = f.severityMin + (f.severityMax - f.severityMin) * this.random.need();
      this.families.push(new Family(org, trust, severity, needs, week));
      org.waiting++;
    }
  }

  /** A family whose key worker left goes back on the waiting list; a waiting one is assigned. */
  private caseload(family: Family): void {
    const worker = family.keyWorker;
    if (worker !== null && !worker.inPost) {
      worker.caseload--;
      family.keyWorker = null;
      family.trust *= this.p.trust.keptOnKeyWorkerChange;
      family.organisation.waiting++;
    }
    if (family.keyWorker !== null) return;
    let best: KeyWorker | null = null;
    let bestLoad = this.p.staff.caseloadMax;
    for (const candidate of family.organisation.workers) {
      if (candidate !== null && candidate.caseload < bestLoad) {
        best = candidate;
        bestLoad = candidate.caseload;
      }
    }
    if (best === null) return;
    family.keyWorker = best;
    best.caseload++;
    family.organisation.waiting--;
    if (family.hadKeyWorker) this.tally.keyWorkerChanges++;
    else this.tally.started++;
    family.hadKeyWorker = true;
  }

  /** A supported family engages (logistic in trust) or may drop out; a waiting one may give up. */
  private engage(family: Family): void {
    const e = this.p.engagement;
    if (family.keyWorker !== null) {
      const p = 1 / (1 + Math.exp(-e.steepness * (family.trust - e.trustAtHalf)));
      family.engaged = this.random.engage() < p;
      if (!family.engaged && this.random.dropout() < e.dropoutPerMissedWeek * (1 - family.trust)) {
        this.leave(family);
        this.tally.dropouts++;
      }
    } else if (this.random.dropout() < e.waitingDropoutPerWeek) {
      this.leave(family);
      this.tally.dropouts++;
    }
  }

  /** Trust grows in an engaged week (with contact, capability, learning) and decays otherwise. */
  private updateTrust(family: Family): void {
    const worker = family.keyWorker;
    if (worker === null) return;
    if (family.engaged) {
      const growth = this.p.trust.growthPerWeek * this.contact(worker) * worker.capability *
        worker.learning;
      family.trust += growth * (1 - family.trust);
    } else {
      family.trust *= 1 - this.p.trust.lossPerMissedWeek;
    }
  }

  /** Progress towards the three outcomes, severity, completion and closure. */
  private progress(family: Family, week: number): void {
    const o = this.p.outcomes;
    const worker = family.keyWorker;
    if (worker !== null && family.engaged) {
      const needFactor = Math.max(0, 1 - o.unmetNeedDrag * family.unmetCount());
      const effect = worker.capability * worker.learning * this.contact(worker) *
        (0.5 + 0.5 * family.trust) * (1 - o.severityDrag * family.severity) * needFactor;
      for (let k = 0; k < 3; k++) {
        family.progress[k] = Math.min(1, family.progress[k] + this.gains[k] * effect);
        if ((family.achieved & (1 << k)) === 0 && family.progress[k] >= o.threshold) {
          family.achieved |= 1 << k;
          this.tally.outcomes++;
        }
      }
      family.severity *= 1 - o.recoveryPerWeek;
      if (family.achieved === 0b111) {
        this.leave(family);
        this.tally.completed++;
        return;
      }
    } else {
      if (worker !== null) {
        for (let k = 0; k < 3; k++) family.progress[k] *= 1 - o.decayPerWeek;
      }
      family.severity += o.escalationPerWeek * (1 - family.severity);
    }
    if (week - family.arrivalWeek >= o.maxWeeksInProgramme) {
      this.leave(family);
      this.tally.casesClosed++;
    }
  }

  /** Contact a key worker gives each family: full up to the target caseload. */
  private contact(worker: KeyWorker): number {
    const target = this.p.staff.caseloadTarget;
    return worker.caseload > target ? target / worker.caseload : 1;
  }

  /** A family leaves: its key worker's caseload or its waiting-list place is freed. */
  private leave(family: Family): void {
    family.active = false;
    if (family.keyWorker !== null) family.keyWorker.caseload--;
    else family.organisation.waiting--;
  }

  /** Drops departed families from the array, in place, keeping arrival order. */
  private removeDeparted(): void {
    let kept = 0;
    for (const family of this.families) if (family.active) this.families[kept++] = family;
    this.families.length = kept;
  }

  /** This week's stocks, added to the run's sums. */
  private measure(): void {
    let supported = 0;
    let engaged = 0;
    let trust = 0;
    for (const family of this.families) {
      if (family.keyWorker === null) continue;
      supported++;
      trust += family.trust;
      if (family.engaged) engaged++;
    }
    this.familyWeeks += this.families.length;
    this.supportedWeeks += supported;
    this.waitingWeeks += this.families.length - supported;
    if (supported > 0) {
      this.trustSum += trust / supported;
      this.engagedSum += engaged / supported;
      this.trustWeeks++;
    }
  }

  /**
   * The run's statistics so far.
   *
   * @param weeks Weeks run.
   * @returns The core statistics.
   */
  stats(weeks: number): CoreStats {
    return {
      familyWeeks: this.familyWeeks,
      meanWaiting: this.waitingWeeks / weeks,
      meanSupported: this.supportedWeeks / weeks,
      meanTrust: this.trustWeeks > 0 ? this.trustSum / this.trustWeeks : NaN,
      engagedShare: this.trustWeeks > 0 ? this.engagedSum / this.trustWeeks : NaN,
      ...this.tally,
    };
  }
}
