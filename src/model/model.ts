/**
 * The family–partnership model: builds the state from parameters and a run seed, lays out the
 * weekly schedule (the order mechanisms run in) and runs it.
 *
 * Order each week: shocks (M9) → funding (M1) → staff (M2) → money (M10) → intake → caseloads
 * (M1, M2, M3) → engagement and drop-out (M4) → trust (M3) and progress and outcomes (M4), in one
 * pass over the families, trust first for each → referrals (M6) → partnership strength (M5) →
 * networking events (M7) → parent ambassadors (M8) → packing the families into the lowest slots
 * → measure. Shocks come first so that a change
 * scheduled for week A acts on week A.
 *
 * @module
 */
import {
  betaBlock,
  createRecorder,
  createStreams,
  drawBlock,
  nextDraw,
  type Recording,
  runLoop,
  uniformBlock,
  type WeeklyStep,
} from "../core/mod.ts";
import { caseloadStep } from "./caseload.ts";
import { createEngagementCurve, engagementStep } from "./engagement.ts";
import { fundingStep, grantPerYearGbp, startFunding, WEEKS_PER_YEAR } from "./funding_cycle.ts";
import { intakeStep } from "./intake.ts";
import { measure } from "./measure.ts";
import { METRIC_NAMES } from "./metric_names.ts";
import { moneyStep, postsFundedBy } from "./money.ts";
import { outcomesStep } from "./outcomes.ts";
import { horizonWeeks, type ModelParams } from "./params.ts";
import { staffStep } from "./staff_turnover.ts";
import {
  allocateState,
  compactFamilies,
  learnOf,
  type ModelState,
  NEED,
  PARTNER_CAPACITY,
  POST,
  SECTOR,
} from "./state.ts";
import { compileShocks, peakValue } from "./shocks.ts";
import { networkingStep } from "./networking.ts";
import { parentsStep } from "./parents_as_partners.ts";
import { partnershipStep, setupPartnerships } from "./partnership_network.ts";
import { createReferralTargets, referralStep } from "./referrals.ts";

/** Every named random stream of a run; each mechanism draws only from its own. */
export const STREAM_NAMES = Object.freeze(
  [
    "funding.decision",
    "funding.handover",
    "staff.leave",
    "staff.vacancy",
    "staff.capability",
    "staff.initial",
    "families.arrivals",
    "families.need",
    "engagement.engage",
    "engagement.dropout",
    "families.needs",
    "families.takeup",
    "organisations.services",
    "partnerships.setup",
    "referrals.refer",
    "referrals.accept",
    "referrals.takeup",
    "networking.attend",
    "networking.meet",
    "parents.join",
    "parents.retire",
  ] as const,
);

/** A model ready to run: its state, its schedule and how to measure a week. */
export interface Model {
  /** The parameters it was built from. */
  readonly params: ModelParams;
  /** The run seed. */
  readonly seed: number;
  /** The state, changed in place by the schedule. */
  readonly state: ModelState;
  /** The weekly steps, in order. */
  readonly schedule: readonly WeeklyStep[];
  /** Weeks in the horizon. */
  readonly weeks: number;
}

/**
 * Builds a model: allocates the state (all storage for the run), sets the initial conditions
 * and binds each mechanism to its parameters and streams.
 *
 * Initial conditions: every funded organisation starts its first grant in week 0 with its posts
 * vacant (to be recruited); statutory partners start with experienced key workers in post.
 * Nobody is waiting or supported.
 *
 * @param params A resolved parameter set (see `resolveParams`).
 * @param seed The run seed.
 * @returns The model.
 *
 * @example
 * ```ts
 * import { createModel } from "./model.ts";
 * import { DEFAULT_PARAMS } from "./params.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const model = createModel(DEFAULT_PARAMS, 1);
 * deepStrictEqual(model.weeks, 520);
 * deepStrictEqual(model.state.orgs.count, 41);
 * ```
 */
export function createModel(params: ModelParams, seed: number): Model {
  const streams = createStreams(seed, STREAM_NAMES);
  const { organisations, mechanisms: on } = params;
  // The steps read `live`, a mutable copy of the parameters that M9 shocks change week by week;
  // `params` itself stays frozen.
  const live = structuredClone(params) as Mutable<ModelParams>;
  const { funding, staff, families, trust, engagement, outcomes, money } = live;
  const { partnerships, referrals, networking, parents } = live;
  const schedule = compileShocks(live as unknown as Record<string, unknown>, params.shocks);

  const grant = grantPerYearGbp(params.funding, organisations.funded);
  const fundedPosts = postsFundedBy(params.money, grant);
  const postsPerOrganisation: number[] = [];
  for (let o = 0; o < organisations.funded; o++) postsPerOrganisation.push(fundedPosts);
  for (let o = 0; o < organisations.statutory; o++) {
    postsPerOrganisation.push(organisations.statutoryPostsEach);
  }
  const totalPosts = postsPerOrganisation.reduce((a, b) => a + b, 0);
  const slotsPerPost = peakValue(params.staff.caseloadMax, "staff.caseloadMax", params.shocks) +
    peakValue(params.families.maxWaitingPerPost, "families.maxWaitingPerPost", params.shocks);
  const weeks = horizonWeeks(params);
  const state = allocateState({
    postsPerOrganisation,
    fundedCount: organisations.funded,
    familyCapacity: totalPosts * Math.ceil(slotsPerPost),
    years: Math.ceil(weeks / WEEKS_PER_YEAR),
    partnershipCapacity: (organisations.funded + organisations.statutory) * PARTNER_CAPACITY / 2,
    slotsOnDemand: true,
  });
  for (let o = 0; o < organisations.funded; o++) state.orgs.grantGbpPerYear[o] = grant;
  setupServices(state, params, streams["organisations.services"]);
  if (on.partnerships) setupPartnerships(state, params.partnerships, streams["partnerships.setup"]);

  // Hires draw from blocks made ahead (see `staffStep`): vacancies a post's worth at a time,
  // capabilities one per post-year for the whole horizon (the bundled scenarios hire 0.21 to
  // 0.31 key workers per post a year), so that the Beta sampler, whose rejection loop V8
  // optimises only part way, seldom or never runs inside the loop. A block used up is refilled.
  const blockSize = Math.max(64, state.posts.count);
  const { capabilityMean: mean, capabilityConcentration: concentration } = params.staff;
  const capability = on.staffTurnover
    ? betaBlock(
      streams["staff.capability"],
      mean * concentration,
      (1 - mean) * concentration,
      blockSize * Math.ceil(weeks / WEEKS_PER_YEAR),
    )
    : drawBlock((values) => values.fill(mean), blockSize);
  const posts = state.posts;
  for (let p = 0; p < posts.count; p++) {
    if (state.orgs.sector[posts.org[p]] === SECTOR.statutory) {
      posts.status[p] = POST.filled;
      posts.capability[p] = nextDraw(capability);
      posts.learning[p] = 1;
      posts.tenureWeeks[p] = Math.floor(streams["staff.initial"]() * 260) + 1;
    } else {
      posts.status[p] = POST.vacant;
      posts.vacancyWeeksLeft[p] = -1;
    }
  }
  startFunding(state, params.funding, on.fundingCycles);

  const staffStreams = {
    leave: streams["staff.leave"],
    vacancy: uniformBlock(streams["staff.vacancy"], blockSize),
    capability,
  };
  const intakeStreams = {
    arrivals: streams["families.arrivals"],
    need: streams["families.need"],
    needs: streams["families.needs"],
    takeUp: streams["families.takeup"],
  };
  const referralStreams = {
    refer: streams["referrals.refer"],
    accept: streams["referrals.accept"],
    takeUp: streams["referrals.takeup"],
  };
  const networkingStreams = {
    attend: streams["networking.attend"],
    meet: streams["networking.meet"],
  };
  const parentStreams = { join: streams["parents.join"], retire: streams["parents.retire"] };
  const attendees = new Int32Array(state.orgs.count);
  const referralTargets = createReferralTargets(state.orgs.count);
  const engagementCurve = createEngagementCurve();
  const engagementStreams = {
    engage: streams["engagement.engage"],
    dropout: streams["engagement.dropout"],
  };
  const steps: WeeklyStep[] = [
    { name: "shocks", run: (week) => schedule.apply(state, week) },
    {
      name: "funding",
      run: (week) => fundingStep(state, funding, streams["funding.decision"], week),
    },
    { name: "staff", run: () => staffStep(state, staff, funding, staffStreams, on.staffTurnover) },
    {
      name: "money",
      run: (week) => moneyStep(state, money, week, partnerships),
    },
    {
      name: "intake",
      run: (week) => intakeStep(state, families, funding, trust, parents, intakeStreams, week),
    },
    {
      name: "caseload",
      run: () =>
        caseloadStep(
          state,
          staff,
          funding,
          trust,
          streams["funding.handover"],
          on.trust,
          partnerships,
        ),
    },
    {
      name: "engagement",
      run: () =>
        engagementStep(state, engagement, engagementStreams, on.engagement, engagementCurve),
    },
    {
      name: "trust and outcomes",
      run: (week) =>
        outcomesStep(
          state,
          outcomes,
          staff.caseloadTarget,
          week,
          on.engagement,
          on.trust ? trust : null,
          on.referrals,
        ),
    },
    {
      name: "referrals",
      run: () =>
        referralStep(
          state,
          referrals,
          trust,
          engagement,
          referralStreams,
          on.partnerships,
          on.referrals,
          referralTargets,
        ),
    },
    { name: "partnerships", run: () => partnershipStep(state, partnerships, on.partnerships) },
    {
      name: "networking",
      run: (week) =>
        networkingStep(state, networking, networkingStreams, week, on.networking, attendees),
    },
    {
      name: "parents",
      run: () => parentsStep(state, parents, parentStreams, on.parentsAsPartners),
    },
    { name: "compact", run: () => compactFamilies(state) },
  ];
  return Object.freeze({ params, seed, state, schedule: steps, weeks });
}

/**
 * What each organisation serves: every organisation offers family support; each funded one also
 * one of mental health, money advice or disability support (drawn); statutory services offer
 * mental health, disability and social care. Each organisation starts knowing
 * `referrals.initiallyKnown` others.
 */
function setupServices(state: ModelState, params: ModelParams, random: () => number): void {
  const orgs = state.orgs;
  const extras = [NEED.mentalHealth, NEED.moneyAdvice, NEED.disability];
  for (let o = 0; o < orgs.count; o++) {
    if (orgs.sector[o] === SECTOR.statutory) {
      orgs.services[o] = NEED.familySupport | NEED.mentalHealth | NEED.disability |
        NEED.socialCare;
    } else {
      orgs.services[o] = NEED.familySupport | extras[Math.floor(random() * extras.length)];
    }
  }
  for (let o = 0; o < orgs.count && orgs.count > 1; o++) {
    for (let k = 0; k < params.referrals.initiallyKnown; k++) {
      const other = Math.floor(random() * (orgs.count - 1));
      learnOf(orgs, o, other >= o ? other + 1 : other);
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/**
 * Runs a model to its horizon and returns its weekly metrics.
 *
 * @param model A model from {@linkcode createModel}.
 * @param onWeek Called after each week is measured (e.g. to take network snapshots).
 * @returns The recording: one column per metric, one row per week.
 *
 * @example
 * ```ts
 * import { createModel, runModel } from "./model.ts";
 * import { resolveParams } from "./params.ts";
 * import { column } from "../core/mod.ts";
 * import { ok } from "node:assert/strict";
 * const rec = runModel(createModel(resolveParams({ horizonYears: 2 }), 1));
 * ok(column(rec, "families_supported")[103] > 0);
 * ```
 */
export function runModel(model: Model, onWeek?: (week: number) => void): Recording {
  const recorder = createRecorder(METRIC_NAMES, model.weeks);
  runLoop(model.schedule, {
    weeks: model.weeks,
    recorder,
    measure: onWeek === undefined
      ? (_week, values) => measure(model.state, values)
      : (week, values) => {
        measure(model.state, values);
        onWeek(week);
      },
  });
  return recorder;
}

/**
 * Builds and runs one replicate: the shortest way from parameters and a seed to results.
 *
 * @param params A resolved parameter set.
 * @param seed The run seed.
 * @returns The recording.
 *
 * @example Same parameters and seed, same results
 * ```ts
 * import { simulate } from "./model.ts";
 * import { resolveParams } from "./params.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const params = resolveParams({ horizonYears: 1 });
 * deepStrictEqual(simulate(params, 5).columns, simulate(params, 5).columns);
 * ```
 */
export function simulate(params: ModelParams, seed: number): Recording {
  return runModel(createModel(params, seed));
}
