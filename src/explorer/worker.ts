/**
 * The explorer's simulation Worker (bundled on its own and started from a Blob URL, so it also
 * works from a page opened as a file). It runs the same `src/core` and `src/model` code as the
 * command line, replicate by replicate, posting each run as it finishes, and yields between
 * runs so a newer request replaces an older one at once.
 *
 * @module
 */
import { replicateSeed } from "../core/mod.ts";
import { createModel, runModel } from "../model/mod.ts";
import type { RunRequest, WorkerMessage } from "./run_protocol.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let latest = -1;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type !== "run") return;
  latest = request.id;
  run(request).catch((error) => {
    scope.postMessage({
      type: "failed",
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  });
};

async function run(request: RunRequest): Promise<void> {
  const started = performance.now();
  let runs = 0;
  for (let r = 0; r < request.replicates; r++) {
    const seed = replicateSeed(request.seed, r);
    for (let s = 0; s < request.sides.length; s++) {
      // Let a newer request in: it replaces this one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (latest !== request.id) return;
      const t0 = performance.now();
      const recording = runModel(createModel(request.sides[s].params, seed));
      // Each column has a buffer of its own, handed over without a copy.
      const columns = recording.columns as Float64Array[];
      scope.postMessage({
        type: "replicate",
        id: request.id,
        side: s,
        replicate: r,
        seed,
        metrics: recording.metrics,
        weeks: recording.weeks,
        columns,
        milliseconds: performance.now() - t0,
      }, columns.map((c) => c.buffer));
      runs++;
    }
  }
  scope.postMessage({
    type: "done",
    id: request.id,
    runs,
    milliseconds: performance.now() - started,
  });
}
