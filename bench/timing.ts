/**
 * Timing helpers of the benchmark suite: engine runs, the streaming floor, heap growth, and
 * side-by-side comparisons taken in alternation (the machines are noisy, so every ratio comes
 * from runs interleaved in one process).
 *
 * @module
 */
import { replicateSeed } from "../src/core/mod.ts";
import {
  createModel,
  M,
  measure,
  METRICS,
  type Model,
  type ModelParams,
  runModel,
} from "../src/model/mod.ts";
import { streamState } from "./floor.ts";
import { sampleRss } from "./peak_memory.ts";

/** One timed engine run. */
export interface EngineRun {
  /** Families active, summed over the weeks. */
  readonly familyWeeks: number;
  /** Weeks run. */
  readonly weeks: number;
  /** Seconds in the weekly loop (measurement included, model building not). */
  readonly loopSeconds: number;
  /** Seconds building the model. */
  readonly setupSeconds: number;
  /** The model, after the run. */
  readonly model: Model;
}

/**
 * Builds and runs one replicate, timing the weekly loop.
 *
 * @param params Parameters.
 * @param seed Run seed.
 * @returns The run's timing and size.
 *
 * @example
 * ```ts
 * import { timeEngine } from "./timing.ts";
 * import { resolveParams } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const run = timeEngine(resolveParams({ horizonYears: 1 }), 1);
 * ok(run.familyWeeks > 0 && run.loopSeconds > 0);
 * ```
 */
export function timeEngine(params: ModelParams, seed: number): EngineRun {
  const t0 = performance.now();
  const model = createModel(params, seed);
  const t1 = performance.now();
  const recording = runModel(model);
  const t2 = performance.now();
  sampleRss();
  let familyWeeks = 0;
  for (const n of recording.columns[M.families_active]) familyWeeks += n;
  return {
    familyWeeks,
    weeks: model.weeks,
    loopSeconds: (t2 - t1) / 1000,
    setupSeconds: (t1 - t0) / 1000,
    model,
  };
}

/**
 * Seconds per week of the floor: streaming once through a model's state (see `streamState`),
 * timed over `passes` passes after the model has run its course (so the state is realistic).
 *
 * @param model A model that has been run.
 * @param passes How many passes to time.
 * @returns Seconds per pass (per week).
 *
 * @example
 * ```ts
 * import { floorSecondsPerWeek, timeEngine } from "./timing.ts";
 * import { resolveParams } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * ok(floorSecondsPerWeek(timeEngine(resolveParams({ horizonYears: 1 }), 1).model, 10) > 0);
 * ```
 */
export function floorSecondsPerWeek(model: Model, passes: number): number {
  let check = 0;
  for (let i = 0; i < 50; i++) check += streamState(model.state, 0); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < passes; i++) check += streamState(model.state, 0);
  const seconds = (performance.now() - t0) / 1000 / passes;
  if (check < 0) throw new Error("Cannot happen: negative checksum"); // keeps `check` alive
  return seconds;
}

/**
 * Heap growth inside the weekly loop: one model runs `warmWeeks`, garbage is collected, then
 * `weeks` more weeks (steps and measurement) run; returns the growth of the used heap, less the
 * growth over no weeks measured the same way (reading the heap allocates a little). Needs
 * `--v8-flags=--expose-gc` for a comparable figure (else NaN).
 *
 * @param params Parameters.
 * @param seed Run seed.
 * @param warmWeeks Weeks before measuring.
 * @param weeks Weeks measured.
 * @returns Bytes, or NaN without `gc`.
 *
 * @example
 * ```ts
 * import { heapGrowthBytes } from "./timing.ts";
 * import { resolveParams } from "../src/model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const growth = heapGrowthBytes(resolveParams({ horizonYears: 1 }), 1, 10, 10);
 * ok(Number.isNaN(growth) || Number.isFinite(growth));
 * ```
 */
export function heapGrowthBytes(
  params: ModelParams,
  seed: number,
  warmWeeks: number,
  weeks: number,
): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  const model = createModel(params, seed);
  const values = new Float64Array(METRICS.length);
  const steps = model.schedule.map((step) => step.run);
  const runWeek = (week: number) => {
    for (let s = 0; s < steps.length; s++) steps[s](week);
    measure(model.state, values);
  };
  for (let week = 0; week < warmWeeks; week++) runWeek(week);
  if (gc === undefined) return NaN;
  // What reading the heap costs by itself (the reading allocates), measured the same way over
  // no weeks, is taken off.
  gc();
  const idle = Deno.memoryUsage().heapUsed;
  const idleGrowth = Deno.memoryUsage().heapUsed - idle;
  gc();
  const before = Deno.memoryUsage().heapUsed;
  for (let week = warmWeeks; week < warmWeeks + weeks; week++) runWeek(week);
  return Deno.memoryUsage().heapUsed - before - idleGrowth;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs several contenders in alternation, `rounds` times, each round on the next replicate's
 * seed, and returns each one's median family-weeks per second.
 *
 * @param contenders Functions from a run seed to the family-weeks they simulated.
 * @param seed The scenario seed.
 * @param rounds Rounds of alternation.
 * @returns Median family-weeks per second of each contender, in order.
 *
 * @example
 * ```ts
 * import { alternate } from "./timing.ts";
 * import { ok } from "node:assert/strict";
 * const [a] = alternate([() => { let s = 0; for (let i = 0; i < 1e5; i++) s += i; return s > 0 ? 1e5 : 0; }], 1, 3);
 * ok(a > 0);
 * ```
 */
export function alternate(
  contenders: readonly ((seed: number) => number)[],
  seed: number,
  rounds: number,
): number[] {
  const rates: number[][] = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const runSeed = replicateSeed(seed, r);
    contenders.forEach((run, i) => {
      const t0 = performance.now();
      const familyWeeks = run(runSeed);
      rates[i].push(familyWeeks / ((performance.now() - t0) / 1000));
    });
  }
  return rates.map(median);
}
