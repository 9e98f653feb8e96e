/**
 * Running chunks on several cores: a pool of Deno Workers, each holding the plan, fed chunk
 * indices from one queue (a Worker that finishes takes the next chunk), so fast and slow chunks
 * balance. With one worker the chunks run in this thread, by the same function.
 *
 * @module
 */
import { runChunk } from "./chunk.ts";
import type { ExperimentPlan } from "./plan.ts";

/** Called with each finished chunk, in the order they finish (not chunk order). */
export type OnChunk = (chunk: number, bytes: Uint8Array) => void | Promise<void>;

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
 * Runs the given chunks on `workers` Workers (or in this thread when `workers` is 1) and hands
 * each chunk's bytes to `onChunk` as it finishes. `onChunk` runs one chunk at a time; the pool
 * waits for it before it settles.
 *
 * @param plan The plan.
 * @param hash The plan's hash.
 * @param chunks Chunk indices to run, in the order to start them.
 * @param workers How many Workers (≥ 1).
 * @param onChunk Receives each finished chunk.
 *
 * @example Two workers
 * ```ts
 * import { runChunksInWorkers } from "./worker_pool.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { kind: "sweep", name: "t", file: "t.yaml", fixed: [], seed: 1,
 *   bases: [{ file: "t.yaml", data: { horizonYears: 1 } }], parameters: [],
 *   points: [{ label: "p0", base: 0, values: [] }], replicates: 4, pairing: "common",
 *   runsPerChunk: 1, timeseries: false } as const;
 * const done: number[] = [];
 * await runChunksInWorkers(plan, "h", [0, 1, 2, 3], 2, (chunk) => { done.push(chunk); });
 * strictEqual(done.length, 4);
 * ```
 */
export async function runChunksInWorkers(
  plan: ExperimentPlan,
  hash: string,
  chunks: readonly number[],
  workers: number,
  onChunk: OnChunk,
): Promise<void> {
  if (workers <= 1 || chunks.length <= 1) {
    for (const chunk of chunks) await onChunk(chunk, runChunk(plan, hash, chunk));
    return;
  }
  const queue = [...chunks];
  let delivering = Promise.resolve();
  const pool = Array.from(
    { length: Math.min(workers, chunks.length) },
    () => new Worker(new URL("./chunk_worker.ts", import.meta.url).href, { type: "module" }),
  );
  try {
    await Promise.all(pool.map((worker) =>
      new Promise<void>((resolve, reject) => {
        const next = () => {
          const chunk = queue.shift();
          if (chunk === undefined) resolve();
          else worker.postMessage({ chunk });
        };
        worker.onmessage = (event: MessageEvent) => {
          const { chunk, bytes, error } = event.data as {
            chunk: number;
            bytes?: Uint8Array;
            error?: string;
          };
          if (error !== undefined || bytes === undefined) {
            queue.length = 0;
            reject(new Error(`chunk ${chunk} failed in a worker: ${error}`));
            return;
          }
          delivering = delivering.then(() => onChunk(chunk, bytes));
          delivering.then(next, (e) => {
            queue.length = 0;
            reject(e);
          });
        };
        worker.onerror = (event) => {
          event.preventDefault();
          queue.length = 0;
          reject(new Error(`a worker failed: ${event.message}`));
        };
        worker.postMessage({ plan, hash });
        next();
      })
    ));
    await delivering;
  } finally {
    for (const worker of pool) worker.terminate();
  }
}
