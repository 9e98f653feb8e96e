/**
 * One run's summary metrics: flows summed, stocks averaged over weeks, running ratios taken at
 * the final week.
 *
 * @module
 */
import type { Recording } from "../core/mod.ts";
import { METRICS } from "../model/mod.ts";

/**
 * Summarises a recording into one value per metric.
 *
 * @param recording A run's weekly metrics (columns in `METRICS` order).
 * @returns Metric name → summary value (NaN where undefined).
 *
 * @example
 * ```ts
 * import { summariseRun } from "./run_summary.ts";
 * import { resolveParams, simulate } from "../model/mod.ts";
 * import { ok } from "node:assert/strict";
 * const summary = summariseRun(simulate(resolveParams({ horizonYears: 2 }), 1));
 * ok(summary.families_started > 0);
 * ```
 */
export function summariseRun(recording: Recording): Record<string, number> {
  const out: Record<string, number> = {};
  for (let m = 0; m < METRICS.length; m++) {
    const spec = METRICS[m];
    const values = recording.columns[m];
    if (spec.kind === "ratio") {
      out[spec.name] = values.length > 0 ? values[values.length - 1] : NaN;
      continue;
    }
    let sum = 0;
    let n = 0;
    for (let w = 0; w < values.length; w++) {
      if (Number.isNaN(values[w])) continue;
      sum += values[w];
      n++;
    }
    out[spec.name] = spec.kind === "flow" ? sum : (n > 0 ? sum / n : NaN);
  }
  return out;
}
