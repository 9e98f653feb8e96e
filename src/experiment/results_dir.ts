/**
 * An experiment's folder on disk, built for interruption: `experiment.json` records the plan
 * and its hash; each finished chunk is written to `chunks/` under a temporary name and then
 * renamed into place (a rename is atomic), so a chunk file is either whole or absent, whenever
 * the process is stopped. Running the same command again finds the finished chunks, checks they
 * belong to the same plan and runs only the rest. A folder holding another plan's results is
 * refused instead of mixing results.
 *
 * @module
 */
import { join } from "node:path";
import { type Chunk, decodeChunk } from "./chunk.ts";
import { chunkCount, type ExperimentPlan } from "./plan.ts";
import type { Shard } from "./shard.ts";

/** What `experiment.json` holds. */
export interface ExperimentRecord {
  /** Format tag. */
  readonly format: "partnership-sim experiment 1";
  /** The plan's hash. */
  readonly hash: string;
  /** Total chunks in the plan. */
  readonly chunks: number;
  /** The shard this folder holds, or null for the whole experiment. */
  readonly shard: Shard | null;
  /** The plan. */
  readonly plan: ExperimentPlan;
}

/** A folder that cannot be used for this experiment, with the reason. */
export class ExperimentDirError extends Error {
  /**
   * @param message What is wrong and what to do about it.
   */
  constructor(message: string) {
    super(message);
    this.name = "ExperimentDirError";
  }
}

/** File name of the record. */
export const EXPERIMENT_FILE = "experiment.json";

/** Folder of chunk files. */
export const CHUNKS_DIR = "chunks";

/**
 * The file name of a chunk: `c` and the index in six or more digits, e.g. `c000012.bin`.
 *
 * @param chunk Chunk index.
 * @returns The file name.
 *
 * @example
 * ```ts
 * import { chunkFileName } from "./results_dir.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(chunkFileName(12), "c000012.bin");
 * ```
 */
export function chunkFileName(chunk: number): string {
  return `c${String(chunk).padStart(6, "0")}.bin`;
}

/**
 * Prepares a folder for a plan: creates it with its `experiment.json`, or checks that the
 * record already there is for the same plan. Removes temporary files left by an interrupted
 * run.
 *
 * @param dir The folder.
 * @param plan The plan.
 * @param hash Its hash.
 * @param shard The shard to run, or null.
 * @returns Nothing.
 * @throws {ExperimentDirError} If the folder holds results of another plan (or something that
 *   is not an experiment folder).
 *
 * @example
 * ```ts ignore
 * await openExperimentDir("out/sweep", plan, hash, null);
 * ```
 */
export async function openExperimentDir(
  dir: string,
  plan: ExperimentPlan,
  hash: string,
  shard: Shard | null,
): Promise<void> {
  const existing = await readExperimentRecord(dir).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  });
  if (existing !== undefined && existing.hash !== hash) {
    throw new ExperimentDirError(
      `${dir} holds results of a different experiment ("${existing.plan.name}", plan hash ${
        existing.hash.slice(0, 12)
      }…); this one ("${plan.name}") has plan hash ${hash.slice(0, 12)}…. ` +
        `The sweep file, a scenario it uses, or an option such as --replicates has changed since ` +
        `those results were made. Write to a new folder with --out, or delete ${dir} to start again.`,
    );
  }
  await Deno.mkdir(join(dir, CHUNKS_DIR), { recursive: true });
  for (const folder of [dir, join(dir, CHUNKS_DIR)]) {
    for await (const entry of Deno.readDir(folder)) {
      if (entry.isFile && entry.name.endsWith(".tmp")) await Deno.remove(join(folder, entry.name));
    }
  }
  if (existing === undefined || JSON.stringify(existing.shard) !== JSON.stringify(shard)) {
    const record: ExperimentRecord = {
      format: "partnership-sim experiment 1",
      hash,
      chunks: chunkCount(plan),
      shard,
      plan,
    };
    await writeAtomically(join(dir, EXPERIMENT_FILE), JSON.stringify(record, null, 1) + "\n");
  }
}

/**
 * Reads a folder's `experiment.json`.
 *
 * @param dir The folder.
 * @returns The record.
 * @throws {Deno.errors.NotFound} If there is none; {@linkcode ExperimentDirError} if it is not
 *   an experiment record.
 *
 * @example
 * ```ts ignore
 * const record = await readExperimentRecord("out/sweep");
 * ```
 */
export async function readExperimentRecord(dir: string): Promise<ExperimentRecord> {
  const path = join(dir, EXPERIMENT_FILE);
  const text = await Deno.readTextFile(path);
  let record: ExperimentRecord;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new ExperimentDirError(
      `${path}: expected JSON, found a file that does not parse (${
        error instanceof Error ? error.message : error
      })`,
    );
  }
  if (record?.format !== "partnership-sim experiment 1") {
    throw new ExperimentDirError(
      `${path}: expected an experiment record (format "partnership-sim experiment 1"), found ${
        JSON.stringify(record?.format)
      }`,
    );
  }
  return record;
}

/**
 * The finished chunks in a folder, each checked to be whole and of the given plan.
 *
 * @param dir The folder.
 * @param hash The plan's hash.
 * @returns Chunk index → file path.
 * @throws {ExperimentDirError} For a chunk file that is damaged or of another plan.
 *
 * @example
 * ```ts ignore
 * const done = await finishedChunks("out/sweep", hash);
 * ```
 */
export async function finishedChunks(dir: string, hash: string): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const folder = join(dir, CHUNKS_DIR);
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(folder));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return found;
    throw error;
  }
  for (const entry of entries) {
    const match = /^c(\d{6,})\.bin$/.exec(entry.name);
    if (match === null) continue;
    const path = join(folder, entry.name);
    const chunk = readChunkFile(path);
    const header = (await chunk).header;
    if (header.plan !== hash || header.chunk !== Number(match[1])) {
      throw new ExperimentDirError(
        `${path}: expected chunk ${Number(match[1])} of plan ${
          hash.slice(0, 12)
        }…, found chunk ${header.chunk} of plan ${
          String(header.plan).slice(0, 12)
        }…; delete the folder to start again`,
      );
    }
    found.set(header.chunk, path);
  }
  return found;
}

/**
 * Reads and decodes one chunk file.
 *
 * @param path The file.
 * @returns The chunk.
 * @throws {ExperimentDirError} If the file is not a whole chunk.
 *
 * @example
 * ```ts ignore
 * const chunk = await readChunkFile("out/sweep/chunks/c000000.bin");
 * ```
 */
export async function readChunkFile(path: string): Promise<Chunk> {
  const bytes = await Deno.readFile(path);
  try {
    return decodeChunk(bytes);
  } catch (error) {
    throw new ExperimentDirError(
      `${path}: ${error instanceof Error ? error.message : error}; delete this file to re-run it`,
    );
  }
}

/**
 * Writes a finished chunk: to a temporary file in the same folder, then renamed into place.
 *
 * @param dir The experiment folder.
 * @param chunk Chunk index.
 * @param bytes The encoded chunk.
 * @returns Nothing.
 *
 * @example
 * ```ts ignore
 * await writeChunkFile("out/sweep", 3, bytes);
 * ```
 */
export async function writeChunkFile(dir: string, chunk: number, bytes: Uint8Array): Promise<void> {
  await writeAtomically(join(dir, CHUNKS_DIR, chunkFileName(chunk)), bytes);
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  if (typeof data === "string") await Deno.writeTextFile(temporary, data);
  else await Deno.writeFile(temporary, data);
  await Deno.rename(temporary, path);
}
