/**
 * The simplified core model on an established JavaScript ABM library from npm: flocc 0.7.0
 * (`npm:flocc`, pinned in `deno.json`). Written the way flocc's documentation writes models:
 * every family and key worker is a flocc `Agent` whose data is read and written with
 * `agent.get` / `agent.set`, each with a `tick` rule, in two `Environment`s (key workers, families)
 * ticked once a week; what is not an agent's own behaviour (referrals arriving, waiting families
 * being given a key worker, vacancies) is plain model code around the ticks, as in flocc's
 * examples.
 *
 * Same equations and weekly order as the engine with `coreParams` (see `reference_oo.ts`), with
 * one difference flocc's one-rule-per-tick design brings: a family's engagement, trust and
 * outcomes run in its one tick rule, so its trust and progress see the caseloads as they are at
 * that moment of the week rather than after every family's engagement. Random draws come from
 * its own named streams (`flocc.*`).
 *
 * @module
 */
import { Agent, Environment } from "flocc";
import { randomBeta } from "d3";
import { createStream, geometricWeeks, poisson, weeklyHazard } from "../src/core/mod.ts";
import {
  grantPerYearGbp,
  horizonWeeks,
  type ModelParams,
  NEED,
  postsFundedBy,
} from "../src/model/mod.ts";
import { type CoreStats, emptyTally } from "./core_stats.ts";

/** An organisation: plain model data around the agents. */
interface Organisation {
  statutory: boolean;
  services: number;
  workers: (Agent | null)[];
  vacancyWeeksLeft: number[];
  waiting: number;
}

/**
 * Runs the flocc version of the core model to the horizon.
 *
 * @param params Parameters (the mechanisms `coreParams` switches off are ignored here).
 * @param seed The run seed.
 * @returns The run's core statistics.
 *
 * @example
 * ```ts
 * import { runFloccPeer } from "./peer_flocc.ts";
 * import { coreParams } from "./scale.ts";
 * import { resolveParams } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const stats = runFloccPeer(coreParams(resolveParams({ horizonYears: 1 })), 1);
 * ok(stats.started > 0 && stats.meanTrust > 0);
 * ```
 */
export function runFloccPeer(params: ModelParams, seed: number): CoreStats {
  const random = (name: string) => createStream(seed, `flocc.${name}`);
  const rServices = random("services");
  const rInitial = random("initial");
  const rLeave = random("leave");
  const rVacancy = random("vacancy");
  const rArrivals = random("arrivals");
  const rTakeUp = random("takeup");
  const rNeeds = random("needs");
  const rNeed = random("need");
  const rEngage = random("engage");
  const rDropout = random("dropout");
  const { staff: s, families: fp, trust: tp, engagement: ep, outcomes: op } = params;
  const capability = randomBeta.source(random("capability"))(
    s.capabilityMean * s.capabilityConcentration,
    (1 - s.capabilityMean) * s.capabilityConcentration,
  );
  const tally = emptyTally();
  const staffEnv = new Environment();
  const familyEnv = new Environment();
  const learnPerWeek = (1 - s.learningStart) / s.learningWeeks;
  const baseHazard = weeklyHazard(s.turnoverPerYear);
  const gains = [op.skillsPerWeek, op.togetherPerWeek, op.communityPerWeek];
  let week = 0;

  const contact = (worker: Agent) => {
    const load = worker.get("caseload");
    return load > s.caseloadTarget ? s.caseloadTarget / load : 1;
  };

  const workerTick = (worker: Agent) => {
    worker.increment("tenureWeeks");
    worker.set("learning", Math.min(1, worker.get("learning") + learnPerWeek));
    const over = worker.get("caseload") / s.caseloadTarget - 1;
    const hazard = Math.min(1, baseHazard * (over > 0 ? 1 + s.overloadAttrition * over : 1));
    if (rLeave() < hazard) worker.set("inPost", false);
  };

  const hire = (learning: number, tenureWeeks: number) => {
    const worker = new Agent({
      capability: capability(),
      learning,
      tenureWeeks,
      caseload: 0,
      inPost: true,
    });
    worker.set("tick", workerTick);
    staffEnv.addAgent(worker);
    return worker;
  };

  const leave = (family: Agent) => {
    family.set("active", false);
    const worker = family.get("keyWorker") as Agent | null;
    if (worker !== null) worker.decrement("caseload");
    else (family.get("organisation") as Organisation).waiting--;
  };

  const familyTick = (family: Agent) => {
    const worker = family.get("keyWorker") as Agent | null;
    // Engagement and drop-out.
    if (worker !== null) {
      const trust = family.get("trust");
      const p = 1 / (1 + Math.exp(-ep.steepness * (trust - ep.trustAtHalf)));
      family.set("engaged", rEngage() < p);
      if (!family.get("engaged") && rDropout() < ep.dropoutPerMissedWeek * (1 - trust)) {
        leave(family);
        tally.dropouts++;
        return;
      }
    } else if (rDropout() < ep.waitingDropoutPerWeek) {
      leave(family);
      tally.dropouts++;
      return;
    }
    // Trust.
    if (worker !== null) {
      const trust = family.get("trust");
      if (family.get("engaged")) {
        const growth = tp.growthPerWeek * contact(worker) * worker.get("capability") *
          worker.get("learning");
        family.set("trust", trust + growth * (1 - trust));
      } else {
        family.set("trust", trust * (1 - tp.lossPerMissedWeek));
      }
    }
    // Progress, outcomes, severity.
    const severity = family.get("severity");
    if (worker !== null && family.get("engaged")) {
      const needFactor = Math.max(0, 1 - op.unmetNeedDrag * family.get("unmetCount"));
      const effect = worker.get("capability") * worker.get("learning") * contact(worker) *
        (0.5 + 0.5 * family.get("trust")) * (1 - op.severityDrag * severity) * needFactor;
      const progress = family.get("progress") as number[];
      let achieved = family.get("achieved");
      for (let k = 0; k < 3; k++) {
        progress[k] = Math.min(1, progress[k] + gains[k] * effect);
        if ((achieved & (1 << k)) === 0 && progress[k] >= op.threshold) {
          achieved |= 1 << k;
          tally.outcomes++;
        }
      }
      family.set("achieved", achieved);
      family.set("severity", severity * (1 - op.recoveryPerWeek));
      if (achieved === 0b111) {
        leave(family);
        tally.completed++;
        return;
      }
    } else {
      if (worker !== null) {
        const progress = family.get("progress") as number[];
        for (let k = 0; k < 3; k++) progress[k] *= 1 - op.decayPerWeek;
      }
      family.set("severity", severity + op.escalationPerWeek * (1 - severity));
    }
    if (week - family.get("arrivalWeek") >= op.maxWeeksInProgramme) {
      leave(family);
      tally.casesClosed++;
    }
  };

  const organisations: Organisation[] = [];
  const { funded, statutory, statutoryPostsEach } = params.organisations;
  const fundedPosts = postsFundedBy(params.money, grantPerYearGbp(params.funding, funded));
  const extras = [NEED.mentalHealth, NEED.moneyAdvice, NEED.disability];
  for (let o = 0; o < funded + statutory; o++) {
    const isStatutory = o >= funded;
    const posts = isStatutory ? statutoryPostsEach : fundedPosts;
    const org: Organisation = {
      statutory: isStatutory,
      services: isStatutory
        ? NEED.familySupport | NEED.mentalHealth | NEED.disability | NEED.socialCare
        : NEED.familySupport | extras[Math.floor(rServices() * extras.length)],
      workers: new Array(posts).fill(null),
      vacancyWeeksLeft: new Array(posts).fill(-1),
      waiting: 0,
    };
    if (isStatutory) {
      for (let i = 0; i < posts; i++) {
        org.workers[i] = hire(1, Math.floor(rInitial() * 260) + 1);
      }
    }
    organisations.push(org);
  }

  let familyWeeks = 0;
  let waitingWeeks = 0;
  let supportedWeeks = 0;
  let trustSum = 0;
  let engagedSum = 0;
  let measuredWeeks = 0;
  const weeks = horizonWeeks(params);
  for (week = 0; week < weeks; week++) {
    // Staff: key workers tick; leavers free their posts; vacancies count down and fill.
    staffEnv.tick();
    for (const org of organisations) {
      for (let i = 0; i < org.workers.length; i++) {
        const worker = org.workers[i];
        if (worker !== null) {
          if (!worker.get("inPost")) {
            staffEnv.removeAgent(worker);
            org.workers[i] = null;
            org.vacancyWeeksLeft[i] = -1;
            tally.leavers++;
          }
          continue;
        }
        if (org.vacancyWeeksLeft[i] < 0) {
          org.vacancyWeeksLeft[i] = geometricWeeks(rVacancy, s.vacancyWeeks);
        }
        if (org.vacancyWeeksLeft[i] > 0) org.vacancyWeeksLeft[i]--;
        if (org.vacancyWeeksLeft[i] === 0) {
          org.workers[i] = hire(s.learningStart, 0);
          tally.hired++;
        }
      }
    }
    // Intake.
    for (const org of organisations) {
      const posts = org.workers.length;
      const arrivals = poisson(rArrivals, posts * fp.referralsPerPostPerYear / 52);
      for (let i = 0; i < arrivals; i++) {
        if (rTakeUp() >= fp.takeUpShare) continue;
        if (org.waiting >= posts * fp.maxWaitingPerPost) continue;
        let needs: number = NEED.familySupport;
        if (rNeeds() < fp.mentalHealthShare) needs |= NEED.mentalHealth;
        if (rNeeds() < fp.moneyAdviceShare) needs |= NEED.moneyAdvice;
        if (rNeeds() < fp.disabilityShare) needs |= NEED.disability;
        if (rNeeds() < fp.socialCareShare) needs |= NEED.socialCare;
        let unmet = 0;
        for (let bit = NEED.mentalHealth; bit <= NEED.socialCare; bit <<= 1) {
          if ((needs & bit) !== 0 && (org.services & bit) === 0) unmet++;
        }
        const family = new Agent({
          organisation: org,
          keyWorker: null,
          hadKeyWorker: false,
          engaged: false,
          active: true,
          trust: org.statutory ? tp.initialStatutory : tp.initialVoluntary,
          severity: fp.severityMin + (fp.severityMax - fp.severityMin) * rNeed(),
          unmetCount: unmet,
          progress: [0, 0, 0],
          achieved: 0,
          arrivalWeek: week,
        });
        family.set("tick", familyTick);
        familyEnv.addAgent(family);
        org.waiting++;
      }
    }
    // Caseloads: families whose key worker left wait again; waiting families are assigned.
    for (const family of familyEnv.getAgents()) {
      const org = family.get("organisation") as Organisation;
      const current = family.get("keyWorker") as Agent | null;
      if (current !== null && !current.get("inPost")) {
        current.decrement("caseload");
        family.set("keyWorker", null);
        family.set("trust", family.get("trust") * tp.keptOnKeyWorkerChange);
        org.waiting++;
      } else if (current !== null) {
        continue;
      }
      let best: Agent | null = null;
      let bestLoad = s.caseloadMax;
      for (const candidate of org.workers) {
        if (candidate !== null && candidate.get("caseload") < bestLoad) {
          best = candidate;
          bestLoad = candidate.get("caseload");
        }
      }
      if (best === null) continue;
      family.set("keyWorker", best);
      best.increment("caseload");
      org.waiting--;
      if (family.get("hadKeyWorker")) tally.keyWorkerChanges++;
      else tally.started++;
      family.set("hadKeyWorker", true);
    }
    // Families: engagement, trust, outcomes; then the departed leave the environment.
    familyEnv.tick();
    for (const family of familyEnv.getAgents().slice()) {
      if (!family.get("active")) familyEnv.removeAgent(family);
    }
    // Measure.
    let supported = 0;
    let engaged = 0;
    let trust = 0;
    const all = familyEnv.getAgents();
    for (const family of all) {
      if (family.get("keyWorker") === null) continue;
      supported++;
      trust += family.get("trust");
      if (family.get("engaged")) engaged++;
    }
    familyWeeks += all.length;
    supportedWeeks += supported;
    waitingWeeks += all.length - supported;
    if (supported > 0) {
      trustSum += trust / supported;
      engagedSum += engaged / supported;
      measuredWeeks++;
    }
  }
  return {
    familyWeeks,
    meanWaiting: waitingWeeks / weeks,
    meanSupported: supportedWeeks / weeks,
    meanTrust: measuredWeeks > 0 ? trustSum / measuredWeeks : NaN,
    engagedShare: measuredWeeks > 0 ? engagedSum / measuredWeeks : NaN,
    ...tally,
  };
}
