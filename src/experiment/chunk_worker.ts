/**
 * The Worker side of {@linkcode runChunksInWorkers}: receives a plan once, then chunk indices,
 * and answers each with the chunk's bytes (transferred, not copied).
 *
 * Messages in: `{ plan, hash }`, then `{ chunk }` for each chunk. Messages out:
 * `{ chunk, bytes }`, or `{ chunk, error }` if the run failed.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { runChunk } from "./chunk.ts";
import type { ExperimentPlan } from "./plan.ts";

let plan: ExperimentPlan | undefined;
let hash = "";

self.onmessage = (event: MessageEvent) => {
  const message = event.data as { plan?: ExperimentPlan; hash?: string; chunk?: number };
  if (message.plan !== undefined) {
    plan = message.plan;
    hash = message.hash ?? "";
    return;
  }
  const chunk = message.chunk as number;
  try {
    if (plan === undefined) throw new Error("chunk worker: no plan received");
    const bytes = runChunk(plan, hash, chunk);
    self.postMessage({ chunk, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({
      chunk,
      error: error instanceof Error ? error.stack ?? error.message : String(error),
    });
  }
};
