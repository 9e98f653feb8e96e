/**
 * The statistics on which the engine and the reference implementations of the simplified core
 * model are compared: totals and weekly means of one run.
 *
 * @module
 */
import { column, type Recording } from "../src/core/mod.ts";

/** What one run of the core model produced. */
export interface CoreStats {
  /** Families active (waiting or supported) summed over the weeks. */
  familyWeeks: number;
  /** Mean families waiting at the end of a week. */
  meanWaiting: number;
  /** Mean families supported at the end of a week. */
  meanSupported: number;
  /** Mean over weeks (with anyone supported) of supported families' mean trust. */
  meanTrust: number;
  /** Mean over weeks of the share of supported families who engaged. */
  engagedShare: number;
  /** Families given their first key worker. */
  started: number;
  /** Families given a new key worker after losing one. */
  keyWorkerChanges: number;
  /** Outcomes achieved (up to three per family). */
  outcomes: number;
  /** Families who achieved all three outcomes. */
  completed: number;
  /** Families who dropped out or gave up waiting. */
  dropouts: number;
  /** Cases closed unfinished (time in the programme ran out). */
  casesClosed: number;
  /** Key workers who left. */
  leavers: number;
  /** Key workers hired. */
  hired: number;
}

/** The counts a run adds up event by event: the part of {@linkcode CoreStats} that is a tally. */
export type CoreTally = Pick<
  CoreStats,
  | "started"
  | "keyWorkerChanges"
  | "outcomes"
  | "completed"
  | "dropouts"
  | "casesClosed"
  | "leavers"
  | "hired"
>;

/**
 * A tally with every count at zero, for an implementation to add to as its run goes.
 *
 * @returns A new tally.
 *
 * @example
 * ```ts
 * import { emptyTally } from "./core_stats.ts";
 * import { strictEqual } from "node:assert/strict";
 * const tally = emptyTally();
 * tally.hired++;
 * strictEqual(tally.hired + tally.leavers, 1);
 * ```
 */
export function emptyTally(): CoreTally {
  return {
    started: 0,
    keyWorkerChanges: 0,
    outcomes: 0,
    completed: 0,
    dropouts: 0,
    casesClosed: 0,
    leavers: 0,
    hired: 0,
  };
}

/** Names of the statistics, in a fixed order (for tables and loops). */
export const CORE_STAT_NAMES: readonly (keyof CoreStats)[] = Object.freeze([
  "familyWeeks",
  "meanWaiting",
  "meanSupported",
  "meanTrust",
  "engagedShare",
  "started",
  "keyWorkerChanges",
  "outcomes",
  "completed",
  "dropouts",
  "casesClosed",
  "leavers",
  "hired",
]);

/**
 * The core statistics of an engine run, from its recording.
 *
 * @param recording The engine's weekly metrics.
 * @returns The statistics.
 *
 * @example
 * ```ts
 * import { statsOfRecording } from "./core_stats.ts";
 * import { resolveParams, simulate } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const stats = statsOfRecording(simulate(resolveParams({ horizonYears: 1 }), 1));
 * ok(stats.familyWeeks > 0 && stats.started > 0);
 * ```
 */
export function statsOfRecording(recording: Recording): CoreStats {
  const sum = (name: string) => column(recording, name).reduce((a, b) => a + b, 0);
  const meanDefined = (name: string) => {
    let total = 0;
    let n = 0;
    for (const v of column(recording, name)) {
      if (!Number.isNaN(v)) {
        total += v;
        n++;
      }
    }
    return n > 0 ? total / n : NaN;
  };
  const weeks = recording.weeks;
  return {
    familyWeeks: sum("families_active"),
    meanWaiting: sum("families_waiting") / weeks,
    meanSupported: sum("families_supported") / weeks,
    meanTrust: meanDefined("mean_trust"),
    engagedShare: meanDefined("engaged_share"),
    started: sum("families_started"),
    keyWorkerChanges: sum("key_worker_changes"),
    outcomes: sum("outcomes_achieved"),
    completed: sum("families_completed"),
    dropouts: sum("dropouts"),
    casesClosed: sum("cases_closed"),
    leavers: sum("staff_leavers"),
    hired: sum("staff_hired"),
  };
}
