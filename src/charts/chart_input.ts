/**
 * What every chart builder accepts and says about its data: arquero tables or plain rows, and
 * the source line naming the scenarios and the number of replicates.
 *
 * @module
 */

/** One row of a table: column name to value. */
export type Row = Readonly<Record<string, unknown>>;

/** Anything with arquero's `objects()` method (an arquero table). */
export interface TableLike {
  /** The table's rows as plain objects. */
  objects(): object[];
}

/** Rows as a plain array, or an arquero table of them. */
export type RowsInput<T extends object = Row> = readonly T[] | TableLike;

/**
 * Reads an arquero table or a plain array of rows as a plain array.
 *
 * @param input An arquero table (anything with `objects()`) or an array of rows.
 * @param what What the rows are, for the error message, e.g. `"comparison rows"`.
 * @returns The rows, as a plain array (the array itself when given one).
 * @throws {TypeError} If `input` is neither.
 *
 * @example A table and its rows read alike
 * ```ts
 * import * as aq from "arquero";
 * import { rowsOf } from "./chart_input.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const rows = [{ week: 0, vacancies: 3 }];
 * deepStrictEqual(rowsOf(aq.from(rows), "rows"), rowsOf(rows, "rows"));
 * ```
 */
export function rowsOf<T extends object = Row>(input: RowsInput<T>, what: string): readonly T[] {
  if (Array.isArray(input)) return input;
  if (typeof (input as TableLike | undefined)?.objects === "function") {
    return (input as TableLike).objects() as T[];
  }
  throw new TypeError(`Cannot read ${what} from something that is neither rows nor a table`);
}

/**
 * Joins names in plain English: `"a"`, `"a and b"`, `"a, b and c"`.
 *
 * @param names The names.
 * @returns The list as text.
 *
 * @example
 * ```ts
 * import { listText } from "./chart_input.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(listText(["baseline", "short-cycles", "long-cycles"]), "baseline, short-cycles and long-cycles");
 * ```
 */
export function listText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The source line of a chart: the scenarios and how many replicates each, e.g.
 * `"Scenarios baseline and long-cycles, 10 replicates each"`, plus an optional detail.
 *
 * @param scenarios Scenario names, in the order to show them.
 * @param replicates Replicates per scenario (one number, or the distinct counts).
 * @param detail Appended after a comma, e.g. `"seed 2015"`.
 * @returns The source line, without the "Source: " prefix (the frame adds it).
 *
 * @example
 * ```ts
 * import { sourceLine } from "./chart_input.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(sourceLine(["baseline"], 3, "seed 2015"), "Scenario baseline, 3 replicates, seed 2015");
 * strictEqual(sourceLine(["a", "b"], [10]), "Scenarios a and b, 10 replicates each");
 * strictEqual(sourceLine(["a", "b"], [5, 10]), "Scenarios a and b, 5 to 10 replicates each");
 * ```
 */
export function sourceLine(
  scenarios: readonly string[],
  replicates: number | readonly number[],
  detail?: string,
): string {
  const counts = typeof replicates === "number" ? [replicates] : [...new Set(replicates)];
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  const n = lo === hi ? `${lo}` : `${lo} to ${hi}`;
  const plural = hi === 1 ? "replicate" : "replicates";
  const each = scenarios.length > 1 ? " each" : "";
  const head = `${scenarios.length === 1 ? "Scenario" : "Scenarios"} ${listText(scenarios)}`;
  return `${head}, ${n} ${plural}${each}${detail === undefined ? "" : `, ${detail}`}`;
}

/**
 * The source line of runs in long form (rows with `scenario` and `replicate`): scenarios in
 * order of first appearance, and the number of distinct replicates of each.
 *
 * @param rows Rows with a `scenario` (text) and a `replicate` (number).
 * @param detail Appended after a comma.
 * @returns The source line, as {@linkcode sourceLine} makes it.
 *
 * @example
 * ```ts
 * import { sourceOfRuns } from "./chart_input.ts";
 * import { strictEqual } from "node:assert/strict";
 * const rows = [0, 1].flatMap((replicate) => [{ scenario: "baseline", replicate, week: 0 }, { scenario: "baseline", replicate, week: 1 }]);
 * strictEqual(sourceOfRuns(rows), "Scenario baseline, 2 replicates");
 * ```
 */
export function sourceOfRuns(rows: readonly Row[], detail?: string): string {
  const replicates = new Map<string, Set<unknown>>();
  for (const row of rows) {
    const scenario = String(row.scenario);
    let set = replicates.get(scenario);
    if (set === undefined) replicates.set(scenario, set = new Set());
    set.add(row.replicate);
  }
  return sourceLine(
    [...replicates.keys()],
    [...replicates.values()].map((s) => s.size),
    detail,
  );
}

/**
 * Reads a finite number or `NaN` from a row's field; a missing, empty or `null` value is `NaN`.
 *
 * @param row The row.
 * @param field The field.
 * @param where Where the row is, for the error, e.g. `"rows[3]"`.
 * @returns The number (`NaN` when missing).
 * @throws {TypeError} If the value is present but not a number (numeric text is accepted).
 *
 * @example
 * ```ts
 * import { numberField } from "./chart_input.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 * strictEqual(numberField({ a: "2.5" }, "a", "rows[0]"), 2.5);
 * strictEqual(Number.isNaN(numberField({}, "a", "rows[0]")), true);
 * throws(() => numberField({ a: "two" }, "a", "rows[0]"), TypeError);
 * ```
 */
export function numberField(row: Row, field: string, where: string): number {
  const value = row?.[field];
  if (value === undefined || value === null || value === "") return NaN;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const n = Number(value);
    if (!Number.isNaN(n) || value.trim() === "NaN") return n;
  }
  throw new TypeError(`Cannot read ${where}.${field} as a number: ${JSON.stringify(value)}`);
}

/**
 * Formats a number for a chart label or a report: thousands separated, with fewer decimals the
 * larger it is (about three significant digits below 100), `–` for `NaN`.
 *
 * @param value The number.
 * @param signed Prefix positive numbers with `+` (for differences)? @default {false}
 * @returns The text.
 *
 * @example
 * ```ts
 * import { formatNumber } from "./chart_input.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(
 *   [formatNumber(26123.4), formatNumber(738.44), formatNumber(0.50712), formatNumber(12.345, true), formatNumber(NaN)],
 *   ["26,123", "738", "0.507", "+12.3", "–"],
 * );
 * ```
 */
export function formatNumber(value: number, signed = false): string {
  if (typeof value !== "number" || Number.isNaN(value)) return "–";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = abs.toLocaleString("en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const rounded = Number(abs.toFixed(digits));
  const sign = value < 0 && rounded !== 0 ? "−" : signed && value > 0 && rounded !== 0 ? "+" : "";
  return sign + text;
}
