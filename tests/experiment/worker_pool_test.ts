import { rejects, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { runChunk } from "../../src/experiment/chunk.ts";
import { runChunksInWorkers } from "../../src/experiment/worker_pool.ts";

const plan = {
  kind: "sweep",
  name: "t",
  file: "t.yaml",
  fixed: [],
  seed: 3,
  bases: [{ file: "t.yaml", data: { horizonYears: 1 } }],
  parameters: ["staff.turnoverPerYear"],
  points: [{ label: "p0", base: 0, values: [0.1] }, { label: "p1", base: 0, values: [0.4] }],
  replicates: 3,
  pairing: "common",
  runsPerChunk: 2,
  timeseries: true,
} as const;

Deno.test("Workers write each chunk's file themselves, byte-identical to a chunk run here", async () => {
  const out = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(out, "chunks"));
    const reported: number[] = [];
    await runChunksInWorkers(plan, "h", [0, 1, 2], 2, out, (chunk) => {
      reported.push(chunk);
    });
    strictEqual([...reported].sort().join(","), "0,1,2");
    for (const chunk of [0, 1, 2]) {
      const file = await Deno.readFile(
        join(out, "chunks", `c${String(chunk).padStart(6, "0")}.bin`),
      );
      strictEqual(file.join(","), runChunk(plan, "h", chunk).join(","), `chunk ${chunk}`);
    }
    const leftovers = [...Deno.readDirSync(join(out, "chunks"))].filter((e) =>
      e.name.endsWith(".tmp")
    );
    strictEqual(leftovers.length, 0);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("A chunk a Worker cannot write fails the pool with the chunk's number", async () => {
  const out = await Deno.makeTempDir();
  try {
    // No chunks/ folder: every write fails.
    await rejects(
      runChunksInWorkers(plan, "h", [0, 1, 2], 2, out, () => {}),
      /chunk \d failed in a worker: .*NotFound/s,
    );
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
