/**
 * The model-agnostic engine: named seeded random streams, the weekly run loop and the
 * recorder. Knows nothing about families and uses no Deno or DOM APIs, so it runs in
 * the CLI, Workers, notebooks and the browser.
 *
 * @example Run three weeks with a named stream
 * ```ts
 * import { createRecorder, createStream, runLoop } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const random = createStream(1, "demo");
 * const recorder = createRecorder(["draw"], 3);
 * let last = 0;
 * runLoop([{ name: "draw", run: () => last = random() }], {
 *   weeks: 3,
 *   recorder,
 *   measure: (_week, values) => values[0] = last,
 * });
 * deepStrictEqual(recorder.columns[0].length, 3);
 * ```
 *
 * @module
 */
export {
  betaBlock,
  betaSampler,
  createStream,
  createStreams,
  type DrawBlock,
  drawBlock,
  GENERATOR,
  geometricWeeks,
  hashString,
  nextDraw,
  poisson,
  type RandomStream,
  refillDrawBlock,
  replicateSeed,
  uniformBlock,
  weeklyHazard,
} from "./random.ts";
export { column, createRecorder, type Recorder, type Recording } from "./recorder.ts";
export { runLoop, type RunLoopOptions, type WeeklyStep } from "./run_loop.ts";
export { TOOL_NAME, TOOL_VERSION } from "./version.ts";
