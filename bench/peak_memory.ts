/**
 * Peak resident memory of this process: Linux's `VmHWM` from `/proc/self/status` where Deno may
 * read it (it asks for `--allow-all`), else the largest resident set size seen by
 * {@linkcode sampleRss}, which the suite calls after every run and the long run every week.
 *
 * @module
 */

let peakBytes = 0;

/**
 * Notes the current resident set size, so that {@linkcode peakRssMb} can report the peak.
 *
 * @example
 * ```ts
 * import { peakRssMb, sampleRss } from "./peak_memory.ts";
 * import { ok } from "node:assert/strict";
 * sampleRss();
 * ok(peakRssMb() > 1);
 * ```
 */
export function sampleRss(): void {
  const rss = Deno.memoryUsage().rss;
  if (rss > peakBytes) peakBytes = rss;
}

/**
 * The process's peak resident set size so far, in MB (10⁶ bytes).
 *
 * @returns Megabytes.
 *
 * @example
 * ```ts
 * import { peakRssMb } from "./peak_memory.ts";
 * import { ok } from "node:assert/strict";
 * ok(peakRssMb() > 1);
 * ```
 */
export function peakRssMb(): number {
  sampleRss();
  let hwm = 0;
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(Deno.readTextFileSync("/proc/self/status"));
    if (match) hwm = Number(match[1]) * 1024;
  } catch {
    // Not readable without --allow-all: the sampled peak stands.
  }
  return Math.max(hwm, peakBytes) / 1e6;
}
