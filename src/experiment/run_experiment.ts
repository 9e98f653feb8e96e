/**
 * Running an experiment plan to its folder of results, on any number of Workers, as the whole
 * experiment or one shard, resuming whatever an earlier, interrupted run already finished; and
 * merging the folders of shards. Both end in {@linkcode finishExperiment}, which builds the
 * same tables from the chunks however they were made.
 *
 * @module
 */
import { join } from "node:path";
import { TOOL_NAME, TOOL_VERSION } from "../core/mod.ts";
import { GENERATOR } from "../core/random.ts";
import { STREAM_NAMES } from "../model/mod.ts";
import { assembleTables, type ExperimentTables } from "./assemble.ts";
import { comparisonTable } from "./comparison.ts";
import { canonicalJson, sha256Hex } from "./manifest.ts";
import { chunkCount, chunkRuns, type ExperimentPlan, planHash, runCount } from "./plan.ts";
import {
  chunkFileName,
  CHUNKS_DIR,
  EXPERIMENT_FILE,
  ExperimentDirError,
  finishedChunks,
  openExperimentDir,
  readChunkFile,
  readExperimentRecord,
} from "./results_dir.ts";
import { type Shard, shardChunks } from "./shard.ts";
import { tableToArrow, tableToCsv } from "./tables.ts";
import { runChunksInWorkers } from "./worker_pool.ts";
import { type OutputFile, writeOutputFiles } from "./write_output.ts";

/** Progress of a run: runs finished (including resumed ones) of the runs to do. */
export interface ExperimentProgress {
  /** Runs finished so far, counting those found from an earlier run. */
  readonly done: number;
  /** Runs this process (or shard) is responsible for. */
  readonly total: number;
  /** Runs found finished at the start (resumed, not re-run). */
  readonly resumed: number;
}

/** Options of {@linkcode runExperiment}. */
export interface ExperimentOptions {
  /** The results folder. */
  readonly out: string;
  /** Workers (1 runs in this thread). */
  readonly workers: number;
  /** The shard to run, or null for the whole experiment. */
  readonly shard: Shard | null;
  /** The command line, for the manifest. */
  readonly command: readonly string[];
  /** Called at the start and after each chunk. */
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

/** What {@linkcode runExperiment} did. */
export interface ExperimentOutput {
  /** The results folder. */
  readonly dir: string;
  /** The plan's hash. */
  readonly hash: string;
  /** Runs run by this call. */
  readonly ran: number;
  /** Runs found finished and not re-run. */
  readonly resumed: number;
  /** Wall time of this call, in seconds. */
  readonly wallSeconds: number;
  /** The output files written (none for a shard, whose chunks are its output). */
  readonly files: readonly string[];
  /** The tables (only when the whole experiment was finished). */
  readonly tables?: ExperimentTables;
  /** The plan run (for a merge: the plan the parts hold). */
  readonly plan: ExperimentPlan;
}

/**
 * Runs a plan into a folder: every chunk (or the shard's chunks) not already finished there,
 * each written as it completes; then, for a whole experiment, the tables and manifest.
 *
 * @param plan The plan.
 * @param options Folder, workers, shard, command and progress callback.
 * @returns What was done.
 * @throws {ExperimentDirError} If the folder holds another plan's results.
 *
 * @example
 * ```ts
 * import { runExperiment } from "./run_experiment.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { kind: "sweep", name: "t", file: "t.yaml", fixed: [], seed: 1,
 *   bases: [{ file: "t.yaml", data: { horizonYears: 1 } }], parameters: [],
 *   points: [{ label: "p0", base: 0, values: [] }], replicates: 2, pairing: "common",
 *   runsPerChunk: 1, timeseries: false } as const;
 * const out = await Deno.makeTempDir();
 * const first = await runExperiment(plan, { out, workers: 1, shard: null, command: [] });
 * const again = await runExperiment(plan, { out, workers: 1, shard: null, command: [] });
 * strictEqual(first.ran, 2);
 * strictEqual(again.ran, 0); // resumed: nothing left to run
 * await Deno.remove(out, { recursive: true });
 * ```
 */
export async function runExperiment(
  plan: ExperimentPlan,
  options: ExperimentOptions,
): Promise<ExperimentOutput> {
  const started = new Date();
  const t0 = performance.now();
  const hash = await planHash(plan);
  const { out, shard } = options;
  await openExperimentDir(out, plan, hash, shard);
  const finished = await finishedChunks(out, hash);
  const mine = shardChunks(chunkCount(plan), shard);
  const runsIn = (chunk: number) => {
    const [first, end] = chunkRuns(plan, chunk);
    return end - first;
  };
  const total = mine.reduce((n, c) => n + runsIn(c), 0);
  const todo = mine.filter((c) => !finished.has(c));
  const resumed = total - todo.reduce((n, c) => n + runsIn(c), 0);
  let done = resumed;
  options.onProgress?.({ done, total, resumed });
  await runChunksInWorkers(plan, hash, todo, options.workers, out, (chunk) => {
    done += runsIn(chunk);
    options.onProgress?.({ done, total, resumed });
  });
  const base = { dir: out, hash, ran: total - resumed, resumed, plan };
  if (shard !== null && shard.count > 1) {
    return { ...base, wallSeconds: (performance.now() - t0) / 1000, files: [] };
  }
  // Every chunk is now on disk: checked at the start, or written by this call.
  const ordered = mine.map((chunk) => join(out, CHUNKS_DIR, chunkFileName(chunk)));
  const result = await finishExperiment(plan, hash, ordered, out, {
    command: options.command,
    startedAt: started,
    wallSeconds: (performance.now() - t0) / 1000,
    workers: options.workers,
    ranRuns: total - resumed,
  });
  return { ...base, wallSeconds: (performance.now() - t0) / 1000, ...result };
}

/**
 * Merges the folders of an experiment's shards into one folder of results: checks that they
 * hold the same plan, that every chunk is present exactly once, then writes the same tables
 * and manifest as a single-process run.
 *
 * @param dirs The shards' folders.
 * @param out The merged results folder.
 * @param command The command line, for the manifest.
 * @returns What was written.
 * @throws {ExperimentDirError} For folders of different plans, or chunks missing or duplicated.
 *
 * @example
 * ```ts ignore
 * await mergeExperiments(["out/part0", "out/part1"], "out/merged", ["merge"]);
 * ```
 */
export async function mergeExperiments(
  dirs: readonly string[],
  out: string,
  command: readonly string[],
): Promise<ExperimentOutput> {
  const t0 = performance.now();
  const started = new Date();
  if (dirs.length === 0) throw new ExperimentDirError("merge: expected one or more folders");
  const records = [];
  for (const dir of dirs) {
    try {
      records.push(await readExperimentRecord(dir));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) {
        throw new ExperimentDirError(
          `${dir}: expected an experiment folder with ${EXPERIMENT_FILE}, found none`,
        );
      }
      throw error;
    }
  }
  const { hash, plan } = records[0];
  records.forEach((r, i) => {
    if (r.hash !== hash) {
      throw new ExperimentDirError(
        `${dirs[i]} holds plan ${r.hash.slice(0, 12)}… ("${r.plan.name}"), but ${
          dirs[0]
        } holds plan ${
          hash.slice(0, 12)
        }… ("${plan.name}"); only parts of one experiment can be merged`,
      );
    }
  });
  const owner = new Map<number, string>();
  const paths = new Map<number, string>();
  for (const dir of dirs) {
    for (const [chunk, path] of await finishedChunks(dir, hash)) {
      const other = owner.get(chunk);
      if (other !== undefined) {
        throw new ExperimentDirError(
          `chunk ${chunk} is in both ${other} and ${dir}: each chunk must come from one part`,
        );
      }
      owner.set(chunk, dir);
      paths.set(chunk, path);
    }
  }
  const total = chunkCount(plan);
  const missing = Array.from({ length: total }, (_, c) => c).filter((c) => !paths.has(c));
  if (missing.length > 0) {
    const shards = records.map((r) => r.shard).filter((s): s is Shard => s !== null);
    const count = shards[0]?.count;
    const hint = count === undefined
      ? ""
      : ` (of shards ${
        [...new Set(missing.map((c) => c % count))].map((i) => `${i}/${count}`).join(", ")
      }: run them, or resume them with the same command, then merge again)`;
    throw new ExperimentDirError(
      `merge: expected all ${total} chunks, found ${total - missing.length}; missing ${
        missing.length > 12 ? `${missing.slice(0, 12).join(", ")}…` : missing.join(", ")
      }${hint}`,
    );
  }
  await Deno.mkdir(out, { recursive: true });
  const result = await finishExperiment(
    plan,
    hash,
    Array.from({ length: total }, (_, c) => paths.get(c) as string),
    out,
    {
      command,
      startedAt: started,
      wallSeconds: (performance.now() - t0) / 1000,
      workers: 1,
      ranRuns: 0,
      mergedFrom: dirs,
    },
  );
  return {
    dir: out,
    hash,
    plan,
    ran: 0,
    resumed: runCount(plan),
    wallSeconds: (performance.now() - t0) / 1000,
    ...result,
  };
}

/** What a finished experiment's manifest says about timing and provenance. */
interface FinishInfo {
  readonly command: readonly string[];
  readonly startedAt: Date;
  readonly wallSeconds: number;
  readonly workers: number;
  readonly ranRuns: number;
  readonly mergedFrom?: readonly string[];
}

/**
 * Reads every chunk of a plan (in chunk order), builds the tables and writes them, with the
 * manifest, atomically into `out`.
 *
 * @param plan The plan.
 * @param hash Its hash.
 * @param chunkPaths Chunk files, in chunk order.
 * @param out The results folder.
 * @param info Provenance and timing for the manifest.
 * @returns The files written and the tables.
 */
async function finishExperiment(
  plan: ExperimentPlan,
  hash: string,
  chunkPaths: readonly string[],
  out: string,
  info: FinishInfo,
): Promise<{ files: string[]; tables: ExperimentTables }> {
  const chunks = [];
  for (const path of chunkPaths) chunks.push(await readChunkFile(path));
  const tables = assembleTables(plan, chunks);
  const files: OutputFile[] = [
    { name: "points.csv", data: tableToCsv(tables.points) },
    { name: "runs.csv", data: tableToCsv(tables.runs) },
    { name: "runs.arrow", data: tableToArrow(tables.runs) },
    { name: "summary.csv", data: tableToCsv(tables.summary) },
  ];
  if (tables.timeseries !== undefined) {
    files.push(
      { name: "timeseries.csv", data: tableToCsv(tables.timeseries) },
      { name: "timeseries.arrow", data: tableToArrow(tables.timeseries) },
    );
  }
  if (plan.kind === "compare") {
    files.push({ name: "comparison.csv", data: tableToCsv(comparisonTable(plan, tables.runs)) });
  }
  const names = [...files.map((f) => f.name), "manifest.json"];
  const manifest = await experimentManifest(plan, hash, names, info);
  files.push({ name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" });
  await writeOutputFiles(out, files);
  return { files: names, tables };
}

async function experimentManifest(
  plan: ExperimentPlan,
  hash: string,
  files: readonly string[],
  info: FinishInfo,
) {
  const runs = runCount(plan);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: info.command,
    experiment: {
      kind: plan.kind,
      name: plan.name,
      file: plan.file,
      planHash: hash,
      seed: plan.seed,
      pairing: plan.pairing,
      replicates: plan.replicates,
      points: plan.points.length,
      runs,
      parameters: plan.parameters,
      fixed: Object.fromEntries(plan.fixed),
      runsPerChunk: plan.runsPerChunk,
      testFunction: plan.testFunction ?? null,
    },
    scenarios: await Promise.all(plan.bases.map(async (b) => ({
      file: b.file,
      name: typeof b.data.name === "string" ? b.data.name : null,
      contentHash: await sha256Hex(canonicalJson(b.data)),
    }))),
    random: {
      generator: GENERATOR,
      streams: STREAM_NAMES,
      runSeeds: plan.pairing === "common"
        ? "replicate r of every point: replicateSeed(seed, r)"
        : "replicate r of point p: replicateSeed(hashString(`${seed}/point ${p}`), r)",
    },
    files,
    timing: {
      startedAt: info.startedAt.toISOString(),
      wallSeconds: info.wallSeconds,
      workers: info.workers,
      runsRunByThisCommand: info.ranRuns,
      runsPerSecond: info.wallSeconds > 0 ? info.ranRuns / info.wallSeconds : 0,
      mergedFrom: info.mergedFrom ?? null,
    },
  };
}
