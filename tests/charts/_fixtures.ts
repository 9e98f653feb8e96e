/**
 * Deterministic synthetic recorder rows for the chart tests: no random draws, only smooth
 * functions of scenario, replicate and week.
 *
 * @module
 */
import type { TimeseriesRow } from "../../src/charts/mod.ts";

/** Options of {@linkcode fixtureRows}. */
export interface FixtureOptions {
  /** Scenario names. @default {["baseline", "stable funding"]} */
  readonly scenarios?: readonly string[];
  /** Replicates per scenario. @default {3} */
  readonly replicates?: number;
  /** Weeks per run. @default {104} */
  readonly weeks?: number;
}

/**
 * Builds rows for every scenario × replicate × week with the eight default metrics.
 * `mean_trust` is NaN for the first 4 weeks (nobody supported yet) and
 * `outcomes_per_million_gbp` is NaN until the first outcome.
 */
export function fixtureRows(options: FixtureOptions = {}): TimeseriesRow[] {
  const { scenarios = ["baseline", "stable funding"], replicates = 3, weeks = 104 } = options;
  const rows: TimeseriesRow[] = [];
  scenarios.forEach((scenario, s) => {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const seed = 1000 + replicate;
      let outcomesToDate = 0;
      let spendToDate = 0;
      for (let week = 0; week < weeks; week++) {
        const phase = week / 10 + replicate;
        const grantEnded = s === 0 && week >= 52;
        const outcomes = week < 6 ? 0 : Math.round(4 + 2 * Math.sin(phase) + s + replicate / 2);
        const spend = 25_000 + 2_000 * s + 500 * replicate + (grantEnded ? -8_000 : 0);
        outcomesToDate += outcomes;
        spendToDate += spend;
        rows.push({
          scenario,
          replicate,
          seed,
          week,
          families_supported: 40 + 8 * s + 5 * Math.sin(phase) + 0.2 * week -
            (grantEnded ? 15 : 0),
          mean_trust: week < 4
            ? NaN
            : 0.45 + 0.25 * (1 - Math.exp(-week / 30)) + 0.02 * replicate - 0.05 * s,
          engaged_share: 0.6 + 0.1 * Math.sin(week / 13 + replicate) + 0.05 * s,
          outcomes_achieved: outcomes,
          staff_leavers: (week * 7 + replicate * 3 + s) % 5 === 0 ? 1 : 0,
          vacancies: grantEnded ? 3 + replicate : 1 + ((week + replicate) % 3 === 0 ? 1 : 0),
          spend_gbp: spend,
          outcomes_per_million_gbp: outcomesToDate === 0
            ? NaN
            : (outcomesToDate / spendToDate) * 1_000_000,
        });
      }
    }
  });
  return rows;
}
