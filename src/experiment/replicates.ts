/**
 * Replicates: one scenario run with R seeds. Replicate r of every scenario with the same seed
 * runs with the same run seed, so scenarios compared replicate by replicate share their random
 * numbers (paired comparison).
 *
 * @module
 */
import { replicateSeed } from "../core/mod.ts";
import type { Recording } from "../core/mod.ts";
import { createModel, type NetworkSnapshot, runModel, snapshotNetwork } from "../model/mod.ts";
import type { Scenario } from "../scenario/mod.ts";

/** Default weeks between network snapshots: the last week of each year. */
export const NETWORK_SNAPSHOT_WEEKS = 52;

/** Options of {@linkcode runReplicates}. */
export interface ReplicateOptions {
  /** Called after each run (for progress), with the number done. */
  readonly onRun?: (done: number) => void;
  /** Weeks between snapshots of replicate 0's partnership network (1 = every week). @default 52 */
  readonly networkEveryWeeks?: number;
}

/** One finished run. */
export interface RunResult {
  /** Scenario name. */
  readonly scenario: string;
  /** Replicate number, from 0. */
  readonly replicate: number;
  /** Run seed: `replicateSeed(scenario seed, replicate)`. */
  readonly seed: number;
  /** Weekly metrics. */
  readonly recording: Recording;
  /** Each organisation's budget and spend by year (M10). */
  readonly accounts: Accounts;
  /** The partnership network at the end of each year (replicate 0 only; empty otherwise). */
  readonly network: readonly NetworkSnapshot[];
}

/** Budget and spend by organisation and year, copied from the model state at the end of a run. */
export interface Accounts {
  /** Sector of each organisation (0 voluntary and funded, 1 statutory). */
  readonly sector: Uint8Array;
  /** Years held. */
  readonly years: number;
  /** Budget (£) at `o * years + year`: grant awarded, or a statutory service's core cost. */
  readonly budgetByYear: Float64Array;
  /** Spend (£) at `o * years + year`. */
  readonly spendByYear: Float64Array;
}

/**
 * Runs `replicates` replicates of a scenario, one after another.
 *
 * @param scenario A validated scenario.
 * @param replicates How many (an integer ≥ 1).
 * @param options Progress callback and how often to snapshot the network.
 * @returns One result per replicate, in replicate order.
 *
 * @example
 * ```ts
 * import { runReplicates } from "./replicates.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const results = runReplicates(resolveScenario({ horizonYears: 1 }, "tiny"), 2);
 * deepStrictEqual(results.map((r) => r.replicate), [0, 1]);
 * ```
 */
export function runReplicates(
  scenario: Scenario,
  replicates: number,
  options: ReplicateOptions = {},
): RunResult[] {
  const every = options.networkEveryWeeks ?? NETWORK_SNAPSHOT_WEEKS;
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new RangeError(`Cannot run a number of replicates: ${replicates}`);
  }
  const results: RunResult[] = [];
  for (let r = 0; r < replicates; r++) {
    const seed = replicateSeed(scenario.seed, r);
    const model = createModel(scenario.params, seed);
    const network: NetworkSnapshot[] = [];
    const recording = r === 0
      ? runModel(model, (week) => {
        if ((week + 1) % every === 0) {
          network.push(snapshotNetwork(model.state, week));
        }
      })
      : runModel(model);
    const orgs = model.state.orgs;
    results.push({
      scenario: scenario.name,
      replicate: r,
      seed,
      recording,
      accounts: {
        sector: orgs.sector,
        years: orgs.years,
        budgetByYear: orgs.budgetByYear,
        spendByYear: orgs.spendByYear,
      },
      network,
    });
    options.onRun?.(r + 1);
  }
  return results;
}
