/**
 * Experiments: replicates with paired seeds, run summaries, statistics across replicates,
 * tidy tables (arquero) and run manifests; experiment plans (sweeps, paired comparisons) run in
 * chunks on Workers or shards, resumable, merged into the same tables.
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
export {
  assembleTables,
  baseScenarioName,
  type ExperimentTables,
  pointScenarioNames,
} from "./assemble.ts";
export { type Chunk, decodeChunk, encodeChunk, planMetrics, runChunk } from "./chunk.ts";
export { comparisonTable } from "./comparison.ts";
export {
  buildManifest,
  canonicalJson,
  type Manifest,
  scenarioHash,
  sha256Hex,
} from "./manifest.ts";
export {
  chunkCount,
  chunkRuns,
  type ExperimentPlan,
  type Pairing,
  type PlanBase,
  planHash,
  type PlanPoint,
  type PlanTestFunction,
  pointOverrides,
  pointScenario,
  type PointValue,
  runCount,
  runSeed,
} from "./plan.ts";
export { runReplicates, type RunResult } from "./replicates.ts";
export {
  type ExperimentOptions,
  type ExperimentOutput,
  type ExperimentProgress,
  mergeExperiments,
  runExperiment,
} from "./run_experiment.ts";
export { summariseRun } from "./run_summary.ts";
export { ExperimentDirError, type ExperimentRecord, readExperimentRecord } from "./results_dir.ts";
export { parseShard, type Shard, SHARD_INDEX_VARIABLES, shardChunks } from "./shard.ts";
export { pairedDifference, summarise, type Summary, tCritical95 } from "./stats.ts";
export {
  budgetsTable,
  runId,
  runsTable,
  runSummaryTable,
  type SummaryGroup,
  summaryTable,
  type Table,
  tableToArrow,
  tableToCsv,
  timeseriesTable,
} from "./tables.ts";
export {
  checkPoints,
  DEFAULT_RUNS_PER_CHUNK,
  loadSweepFile,
  type SweepFile,
  sweepSchema,
} from "./sweep_file.ts";
export { type DesignRange, gridDesign, latinHypercube } from "./design.ts";
export {
  evaluateTestFunction,
  ishigami,
  ishigamiIndices,
  sobolG,
  sobolGIndices,
  type TestFunction,
  testFunctionParameters,
} from "./test_functions.ts";
export { defaultWorkers, runChunksInWorkers } from "./worker_pool.ts";
export { type OutputFile, writeOutputFiles } from "./write_output.ts";
