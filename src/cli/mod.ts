/**
 * The command line: `main(args)` for `deno task sim`, the `run` and `demo` commands, atomic
 * output writing and terminal summaries.
 *
 * @example
 * ```ts
 * import { main } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(await main(["--version"], { out: () => {}, err: () => {} }), 0);
 * ```
 *
 * @module
 */
export { DEMO_REPLICATES, DEMO_SCENARIOS, runDemo } from "./demo_command.ts";
export { EXIT_BAD_INPUT, main } from "./main.ts";
export {
  outputFiles,
  RUN_FILES,
  type RunOptions,
  type RunOutput,
  runScenario,
} from "./run_command.ts";
export {
  formatInterval,
  pairedSummaryLines,
  scenarioSummaryLines,
  SHOWN_METRICS,
  type ShownMetric,
} from "./summary_text.ts";
