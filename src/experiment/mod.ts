/**
 * Experiments: replicates with paired seeds, run summaries, statistics across replicates,
 * tidy tables (arquero) and run manifests.
 *
 * @example Three replicates of a one-year scenario
 * ```ts
 * import { runReplicates, runsTable } from "./mod.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const table = runsTable(runReplicates(resolveScenario({ horizonYears: 1 }, "tiny"), 3));
 * deepStrictEqual(table.numRows(), 3);
 * ```
 *
 * @module
 */
export { buildManifest, canonicalJson, type Manifest, scenarioHash } from "./manifest.ts";
export { runReplicates, type RunResult } from "./replicates.ts";
export { summariseRun } from "./run_summary.ts";
export { pairedDifference, summarise, type Summary, tCritical95 } from "./stats.ts";
export {
  budgetsTable,
  runId,
  runsTable,
  type Table,
  tableToArrow,
  tableToCsv,
  timeseriesTable,
} from "./tables.ts";
