/**
 * Running chunks on several cores: a pool of Deno Workers, each holding the plan, fed chunk
 * indices from one queue (a Worker that finishes takes the next chunk), so fast and slow chunks
 * balance. Each Worker writes the chunks it runs to the results folder. With one worker the
 * chunks run in this thread, by the same functions.
 *
 * @module
 */
import { runChunk } from "./chunk.ts";
import { writeChunkFile } from "./results_dir.ts";
import type { ExperimentPlan } from "./plan.ts";

/** Called with each finished chunk once its file is on disk, in the order they finish. */
export type OnChunk = (chunk: number) => void | Promise<void>;

/**
 * The default number of workers: one per core.
 *
 * @returns `navigator.hardwareConcurrency`, at least 1.
 *
 * @example
 * ```ts
 * import { defaultWorkers } from "./worker_pool.ts";
 * import { ok } from "node:assert/strict";
 * ok(defaultWorkers() >= 1);
 * ```
 */
export function defaultWorkers(): number {
  return Math.max(1, navigator.hardwareConcurrency ?? 1);
}

/**
 * Runs the given chunks on `workers` Workers (or in this thread when `workers` is 1). Each chunk
 * is written to the results folder `out` by whoever ran it (atomically, see
 * {@linkcode writeChunkFile}); then `onChunk` is called with its index. `onChunk` runs one chunk
 * at a time; the pool waits for it before it settles.
 *
 * The chunk's bytes never cross between threads: a Worker writes its own chunks and reports
 * only their indices. Handing megabytes of results to the main thread instead made its
 * garbage collector compete with the Workers for the cores (about 10% of a two-core sweep).
 *
 * @param plan The plan.
 * @param hash The plan's hash.
 * @param chunks Chunk indices to run, in the order to start them.
 * @param workers How many Workers (≥ 1).
 * @param out The experiment folder (its `chunks/` folder must exist).
 * @param onChunk Told of each finished chunk.
 *
 * @example Two workers
 * ```ts
 * import { runChunksInWorkers } from "./worker_pool.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { kind: "sweep", name: "t", file: "t.yaml", fixed: [], seed: 1,
 *   bases: [{ file: "t.yaml", data: { horizonYears: 1 } }], parameters: [],
 *   points: [{ label: "p0", base: 0, values: [] }], replicates: 4, pairing: "common",
 *   runsPerChunk: 1, timeseries: false } as const;
 * const out = await Deno.makeTempDir();
 * await Deno.mkdir(`${out}/chunks`);
 * const done: number[] = [];
 * await runChunksInWorkers(plan, "h", [0, 1, 2, 3], 2, out, (chunk) => { done.push(chunk); });
 * strictEqual(done.length, 4);
 * await Deno.remove(out, { recursive: true });
 * ```
 */
export async function runChunksInWorkers(
  plan: ExperimentPlan,
  hash: string,
  chunks: readonly number[],
  workers: number,
  out: string,
  onChunk: OnChunk,
): Promise<void> {
  if (workers <= 1 || chunks.length <= 1) {
    for (const chunk of chunks) {
      await writeChunkFile(out, chunk, runChunk(plan, hash, chunk));
      await onChunk(chunk);
    }
    return;
  }
  const queue = [...chunks];
  // Reports run one at a time, in the order chunks finish. A Worker is given its next chunk as
  // soon as it reports one, not once the report is handled.
  let reporting = Promise.resolve();
  let failed = false;
  const pool = Array.from(
    { length: Math.min(workers, chunks.length) },
    () => new Worker(new URL("./chunk_worker.ts", import.meta.url).href, { type: "module" }),
  );
  try {
    await Promise.all(pool.map((worker) =>
      new Promise<void>((resolve, reject) => {
        const fail = (error: unknown) => {
          failed = true;
          queue.length = 0;
          reject(error);
        };
        const next = () => {
          const chunk = queue.shift(); // emptied by fail()
          if (chunk === undefined) resolve();
          else worker.postMessage({ chunk });
        };
        worker.onmessage = (event: MessageEvent) => {
          const { chunk, error } = event.data as { chunk: number; error?: string };
          if (error !== undefined) {
            fail(new Error(`chunk ${chunk} failed in a worker: ${error}`));
            return;
          }
          next();
          reporting = reporting.then(() => failed ? undefined : onChunk(chunk));
          reporting.catch(fail);
        };
        worker.onerror = (event) => {
          event.preventDefault();
          fail(new Error(`a worker failed: ${event.message}`));
        };
        worker.postMessage({ plan, hash, out });
        next();
      })
    ));
    await reporting;
  } finally {
    for (const worker of pool) worker.terminate();
  }
}
