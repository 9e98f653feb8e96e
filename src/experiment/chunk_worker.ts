/**
 * The Worker side of {@linkcode runChunksInWorkers}: receives a plan once, then chunk indices;
 * runs each chunk, writes it to the results folder and answers with its index.
 *
 * Messages in: `{ plan, hash, out }`, then `{ chunk }` for each chunk. Messages out:
 * `{ chunk }` once the chunk's file is on disk, or `{ chunk, error }` if the run failed.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { runChunk } from "./chunk.ts";
import type { ExperimentPlan } from "./plan.ts";
import { writeChunkFile } from "./results_dir.ts";

let plan: ExperimentPlan | undefined;
let hash = "";
let out = "";

self.onmessage = async (event: MessageEvent) => {
  const message = event.data as {
    plan?: ExperimentPlan;
    hash?: string;
    out?: string;
    chunk?: number;
  };
  if (message.plan !== undefined) {
    plan = message.plan;
    hash = message.hash ?? "";
    out = message.out ?? "";
    return;
  }
  const chunk = message.chunk as number;
  try {
    if (plan === undefined) throw new Error("chunk worker: no plan received");
    await writeChunkFile(out, chunk, runChunk(plan, hash, chunk));
    self.postMessage({ chunk });
  } catch (error) {
    self.postMessage({
      chunk,
      error: error instanceof Error ? error.stack ?? error.message : String(error),
    });
  }
};
