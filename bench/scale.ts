/**
 * Scenario variants the benchmark runs: the baseline at a multiple of its population, and the
 * simplified core (families, key workers, trust, engagement, outcomes, turnover) that the
 * object-per-agent reference and the npm peer implement too.
 *
 * @module
 */
import { type ModelParams, resolveParams } from "../src/model/mod.ts";

/**
 * The baseline at `factor` times its population: `factor` times the funded organisations, the
 * statutory services and the programme money, so every organisation keeps its posts (three
 * funded posts each, four statutory) and every post its families. Organisations meet at
 * networking events with probability `meetProbability / factor`, so each meets as many others
 * per event as in the baseline (about 3.8); without it one event would pair each organisation
 * of a 100× region with some 380 others, which is a different model, not a bigger one.
 *
 * @param params The parameters to scale (e.g. `scenarios/baseline.yaml`'s).
 * @param factor Population multiple, an integer ≥ 1.
 * @returns Resolved parameters.
 *
 * @example Ten times the organisations, the same posts each
 * ```ts
 * import { scaledParams } from "./scale.ts";
 * import { DEFAULT_PARAMS } from "../src/model/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const p = scaledParams(DEFAULT_PARAMS, 10);
 * strictEqual(p.organisations.funded, 360);
 * strictEqual(p.funding.annualBudgetGbp, 50_000_000);
 * ```
 */
export function scaledParams(params: ModelParams, factor: number): ModelParams {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(
      `Cannot scale the population by a factor that is not an integer ≥ 1: ${factor}`,
    );
  }
  return resolveParams({
    ...params,
    organisations: {
      ...params.organisations,
      funded: params.organisations.funded * factor,
      statutory: params.organisations.statutory * factor,
    },
    funding: { ...params.funding, annualBudgetGbp: params.funding.annualBudgetGbp * factor },
    networking: {
      ...params.networking,
      meetProbability: params.networking.meetProbability / factor,
    },
  });
}

/**
 * The simplified core the reference implementations share with the engine: grants without end
 * (M1 off), no partnerships, referrals, networking or parent ambassadors (M5–M8 off); families
 * arrive, wait, get the least-loaded key worker of their organisation, engage, build or lose
 * trust, progress towards three outcomes, drop out or are closed after `maxWeeksInProgramme`;
 * key workers leave (M2 on), posts stay vacant for a while, new workers learn the context.
 *
 * @param params The parameters to simplify.
 * @returns Resolved parameters with those mechanisms switched off.
 *
 * @example
 * ```ts
 * import { coreParams } from "./scale.ts";
 * import { DEFAULT_PARAMS } from "../src/model/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(coreParams(DEFAULT_PARAMS).mechanisms.referrals, false);
 * ```
 */
export function coreParams(params: ModelParams): ModelParams {
  return resolveParams({
    ...params,
    mechanisms: {
      fundingCycles: false,
      staffTurnover: true,
      trust: true,
      engagement: true,
      partnerships: false,
      referrals: false,
      networking: false,
      parentsAsPartners: false,
    },
    shocks: [],
  });
}
