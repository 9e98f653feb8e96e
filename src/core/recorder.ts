/**
 * The recorder: weekly metrics held in one typed array per metric.
 *
 * @module
 */

/** Weekly metrics of one run: one `Float64Array` column per metric, one row per week. */
export interface Recording {
  /** Metric names, in column order. */
  readonly metrics: readonly string[];
  /** Number of weeks recorded. */
  readonly weeks: number;
  /** One column per metric, each of length `weeks`. */
  readonly columns: readonly Float64Array[];
}

/** A recorder being filled week by week. */
export interface Recorder extends Recording {
  /**
   * Copies this week's values (one per metric, in column order) into row `week`.
   * Allocates nothing.
   */
  record(week: number, values: Float64Array): void;
}

/**
 * Creates a recorder for `weeks` weeks of the named metrics; all storage is allocated here.
 *
 * @param metrics Metric names (snake_case, units in the name).
 * @param weeks Number of weeks to hold.
 * @returns An empty recorder (every cell NaN until recorded).
 *
 * @example Record two weeks of one metric
 * ```ts
 * import { createRecorder } from "./recorder.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const rec = createRecorder(["families_active"], 2);
 * rec.record(0, Float64Array.of(10));
 * rec.record(1, Float64Array.of(12));
 * deepStrictEqual(Array.from(rec.columns[0]), [10, 12]);
 * ```
 */
export function createRecorder(metrics: readonly string[], weeks: number): Recorder {
  if (!Number.isInteger(weeks) || weeks < 0) {
    throw new RangeError(`Cannot create a recorder for a number of weeks: ${weeks}`);
  }
  const columns = metrics.map(() => new Float64Array(weeks).fill(NaN));
  return {
    metrics: Object.freeze([...metrics]),
    weeks,
    columns,
    record(week: number, values: Float64Array): void {
      for (let m = 0; m < columns.length; m++) columns[m][week] = values[m];
    },
  };
}

/**
 * Returns the column of the named metric.
 *
 * @param recording A recording.
 * @param metric A metric name it holds.
 * @returns That metric's weekly values.
 *
 * @example Look a column up by name
 * ```ts
 * import { column, createRecorder } from "./recorder.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const rec = createRecorder(["a", "b"], 1);
 * rec.record(0, Float64Array.of(1, 2));
 * deepStrictEqual(column(rec, "b")[0], 2);
 * ```
 */
export function column(recording: Recording, metric: string): Float64Array {
  const index = recording.metrics.indexOf(metric);
  if (index < 0) {
    throw new RangeError(`Cannot find metric "${metric}" in the recording: ${recording.metrics}`);
  }
  return recording.columns[index];
}
