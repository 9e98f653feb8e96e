/**
 * Chunks: running a few consecutive runs of a plan, and their results as bytes. A chunk's
 * bytes depend only on the plan and the chunk index, so a chunk computed in a Worker, in
 * another process or on another machine is byte-identical to one computed here.
 *
 * Layout of an encoded chunk: one line of JSON (the {@linkcode ChunkHeader}), padded with
 * spaces so that the numbers start at a multiple of 8 bytes, then float64 numbers
 * (little-endian): for each run, its summary (one value per metric), then, if the plan keeps
 * time series, its weekly values (week by week, one value per metric).
 *
 * @module
 */
import { createModel, METRICS, runModel } from "../model/mod.ts";
import { chunkRuns, type ExperimentPlan, pointScenario, runSeed } from "./plan.ts";
import { summariseRun } from "./run_summary.ts";
import { evaluateTestFunction } from "./test_functions.ts";
import type { Scenario } from "../scenario/mod.ts";

/** Format tag of encoded chunks. */
export const CHUNK_FORMAT = "partnership-sim chunk 1";

/** One run inside a chunk. */
export interface ChunkRun {
  /** Point index. */
  readonly point: number;
  /** Replicate index. */
  readonly replicate: number;
  /** Run seed. */
  readonly seed: number;
  /** Weeks of time series stored (0 when the plan keeps none). */
  readonly weeks: number;
}

/** The JSON header of an encoded chunk. */
export interface ChunkHeader {
  /** Always {@linkcode CHUNK_FORMAT}. */
  readonly format: string;
  /** Hash of the plan it belongs to. */
  readonly plan: string;
  /** Chunk index. */
  readonly chunk: number;
  /** Index of its first run. */
  readonly firstRun: number;
  /** Metric names, in the order of the stored values. */
  readonly metrics: readonly string[];
  /** Its runs, in order. */
  readonly runs: readonly ChunkRun[];
}

/** A decoded chunk. */
export interface Chunk {
  /** Its header. */
  readonly header: ChunkHeader;
  /** Each run's summary values (one per metric), in run order. */
  readonly summaries: readonly Float64Array[];
  /** Each run's weekly values (`week * metrics + metric`), in run order. */
  readonly timeseries: readonly Float64Array[];
}

/**
 * The metric names of a plan's runs: the model's metrics, or `y` for a test function.
 *
 * @param plan The plan.
 * @returns Names, in stored order.
 *
 * @example
 * ```ts
 * import { planMetrics } from "./chunk.ts";
 * import { ok } from "node:assert/strict";
 * ok(planMetrics({} as never).includes("outcomes_achieved"));
 * ```
 */
export function planMetrics(plan: Pick<ExperimentPlan, "testFunction">): string[] {
  return plan.testFunction === undefined ? METRICS.map((m) => m.name) : ["y"];
}

/**
 * Runs one chunk of a plan.
 *
 * @param plan The plan.
 * @param hash The plan's hash (stored in the header).
 * @param chunk Chunk index.
 * @returns The encoded chunk.
 *
 * @example
 * ```ts
 * import { decodeChunk, runChunk } from "./chunk.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { kind: "sweep", name: "t", file: "t.yaml", fixed: [], seed: 1,
 *   bases: [{ file: "t.yaml", data: { horizonYears: 1 } }], parameters: ["staff.turnoverPerYear"],
 *   points: [{ label: "p0", base: 0, values: [0.2] }], replicates: 2, pairing: "common",
 *   runsPerChunk: 2, timeseries: true } as const;
 * const chunk = decodeChunk(runChunk(plan, "h", 0));
 * strictEqual(chunk.header.runs.length, 2);
 * strictEqual(chunk.timeseries[0].length, 52 * chunk.header.metrics.length);
 * ```
 */
export function runChunk(plan: ExperimentPlan, hash: string, chunk: number): Uint8Array {
  const [first, end] = chunkRuns(plan, chunk);
  const metrics = planMetrics(plan);
  const runs: ChunkRun[] = [];
  const blocks: Float64Array[] = [];
  let scenario: Scenario | undefined;
  let scenarioPoint = -1;
  for (let k = first; k < end; k++) {
    const point = Math.floor(k / plan.replicates);
    const replicate = k % plan.replicates;
    const seed = runSeed(plan, point, replicate);
    if (plan.testFunction !== undefined) {
      const x = plan.points[point].values as readonly number[];
      blocks.push(Float64Array.of(evaluateTestFunction(plan.testFunction, x)));
      runs.push({ point, replicate, seed, weeks: 0 });
      continue;
    }
    if (point !== scenarioPoint) {
      scenario = pointScenario(plan, point);
      scenarioPoint = point;
    }
    const recording = runModel(createModel((scenario as Scenario).params, seed));
    const summary = summariseRun(recording);
    blocks.push(Float64Array.from(metrics, (name) => summary[name]));
    const weeks = plan.timeseries ? recording.weeks : 0;
    if (weeks > 0) {
      const series = new Float64Array(weeks * metrics.length);
      for (let m = 0; m < metrics.length; m++) {
        const column = recording.columns[m];
        for (let w = 0; w < weeks; w++) series[w * metrics.length + m] = column[w];
      }
      blocks.push(series);
    }
    runs.push({ point, replicate, seed, weeks });
  }
  return encodeChunk(
    { format: CHUNK_FORMAT, plan: hash, chunk, firstRun: first, metrics, runs },
    blocks,
  );
}

/**
 * Encodes a chunk header and its numbers.
 *
 * @param header The header.
 * @param blocks The numbers, in stored order.
 * @returns The bytes.
 *
 * @example
 * ```ts
 * import { CHUNK_FORMAT, decodeChunk, encodeChunk } from "./chunk.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const header = { format: CHUNK_FORMAT, plan: "h", chunk: 0, firstRun: 0, metrics: ["y"],
 *   runs: [{ point: 0, replicate: 0, seed: 9, weeks: 0 }] };
 * const chunk = decodeChunk(encodeChunk(header, [Float64Array.of(2.5)]));
 * deepStrictEqual(Array.from(chunk.summaries[0]), [2.5]);
 * ```
 */
export function encodeChunk(header: ChunkHeader, blocks: readonly Float64Array[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((json.length + 1) / 8) * 8;
  const values = blocks.reduce((n, b) => n + b.length, 0);
  const bytes = new Uint8Array(start + values * 8);
  bytes.set(json);
  bytes.fill(0x20, json.length, start - 1);
  bytes[start - 1] = 0x0a;
  const numbers = new Float64Array(bytes.buffer, start, values);
  let at = 0;
  for (const block of blocks) {
    numbers.set(block, at);
    at += block.length;
  }
  return bytes;
}

/**
 * Decodes a chunk.
 *
 * @param bytes An encoded chunk.
 * @returns The chunk.
 * @throws {Error} If the bytes are not a whole chunk (e.g. a file cut short).
 *
 * @example A truncated chunk is refused
 * ```ts
 * import { CHUNK_FORMAT, decodeChunk, encodeChunk } from "./chunk.ts";
 * import { throws } from "node:assert/strict";
 * const header = { format: CHUNK_FORMAT, plan: "h", chunk: 0, firstRun: 0, metrics: ["y"],
 *   runs: [{ point: 0, replicate: 0, seed: 9, weeks: 0 }] };
 * const bytes = encodeChunk(header, [Float64Array.of(2.5)]);
 * throws(() => decodeChunk(bytes.subarray(0, bytes.length - 1)), /cut short/);
 * ```
 */
export function decodeChunk(bytes: Uint8Array): Chunk {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new Error("not a chunk: no header line");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline))) as ChunkHeader;
  if (header.format !== CHUNK_FORMAT) {
    throw new Error(`not a chunk: format ${JSON.stringify(header.format)}`);
  }
  const start = newline + 1;
  const m = header.metrics.length;
  const expected = header.runs.reduce((n, r) => n + m * (1 + r.weeks), 0);
  if ((bytes.length - start) !== expected * 8) {
    throw new Error(
      `chunk ${header.chunk} is cut short or too long: ${
        bytes.length - start
      } bytes of numbers, expected ${expected * 8}`,
    );
  }
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const numbers = new Float64Array(aligned.buffer, aligned.byteOffset + start, expected);
  const summaries: Float64Array[] = [];
  const timeseries: Float64Array[] = [];
  let at = 0;
  for (const run of header.runs) {
    summaries.push(numbers.subarray(at, at + m));
    at += m;
    timeseries.push(numbers.subarray(at, at + run.weeks * m));
    at += run.weeks * m;
  }
  return { header, summaries, timeseries };
}
