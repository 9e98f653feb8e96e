/**
 * The weekly scheduler and run loop.
 *
 * A schedule is an ordered list of named steps; each week runs them in that order, then
 * records the week. The loop increments `week` in plain sight: no wrapped methods, no
 * scheduler classes.
 *
 * @module
 */
import type { Recorder } from "./recorder.ts";

/** One step of the weekly schedule. Each step reads what earlier steps wrote this week. */
export interface WeeklyStep {
  /** A short name, e.g. `"staff"`, used in profiles and error messages. */
  readonly name: string;
  /** Runs the step for `week` (an integer from 0). Must not allocate. */
  readonly run: (week: number) => void;
}

/** Options of {@linkcode runLoop}. */
export interface RunLoopOptions {
  /** Number of weeks to run (an integer ≥ 0). */
  readonly weeks: number;
  /** Fills `values` with this week's metrics, in the recorder's column order. */
  readonly measure: (week: number, values: Float64Array) => void;
  /** Where the weekly metrics go. */
  readonly recorder: Recorder;
}

/**
 * Runs the schedule week by week and records metrics after each week.
 *
 * @param schedule The steps, in the order they run each week.
 * @param options Weeks, the measure function and the recorder.
 *
 * @example Count weeks
 * ```ts
 * import { runLoop } from "./run_loop.ts";
 * import { createRecorder } from "./recorder.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * let count = 0;
 * const recorder = createRecorder(["count"], 3);
 * runLoop([{ name: "tick", run: () => count++ }], {
 *   weeks: 3,
 *   recorder,
 *   measure: (_week, values) => values[0] = count,
 * });
 * deepStrictEqual(Array.from(recorder.columns[0]), [1, 2, 3]);
 * ```
 */
export function runLoop(schedule: readonly WeeklyStep[], options: RunLoopOptions): void {
  const { weeks, measure, recorder } = options;
  const values = new Float64Array(recorder.metrics.length);
  const steps = schedule.map((step) => step.run);
  for (let week = 0; week < weeks; week++) {
    for (let s = 0; s < steps.length; s++) steps[s](week);
    values.fill(0);
    measure(week, values);
    recorder.record(week, values);
  }
}
