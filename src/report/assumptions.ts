/**
 * The assumptions table: every parameter a scenario used, with its value, unit, default and
 * source (from `data/parameters.csv`), marking the values that differ from the defaults.
 *
 * @module
 */
import * as aq from "arquero";
import { DEFAULT_PARAMS } from "../model/mod.ts";

/** One row of `data/parameters.csv`. */
export interface ParameterSourceRow {
  /** Dotted path, e.g. `"staff.turnoverPerYear"`. */
  readonly path: string;
  /** Unit, e.g. `"share per year"`. */
  readonly unit: string;
  /** Default, as text. */
  readonly default: string;
  /** `"seed"`, `"published"` or `"assumption"`. */
  readonly source_type: string;
  /** The seed file, the reference, or `"assumption"`. */
  readonly source: string;
  /** The passage or reasoning behind the default. */
  readonly passage: string;
}

/** One row of the assumptions table. */
export interface AssumptionRow {
  /** Dotted path. */
  readonly path: string;
  /** Unit (from `data/parameters.csv`), or `""`. */
  readonly unit: string;
  /** The model's default, as text. */
  readonly defaultValue: string;
  /** Each scenario's value, as text, in the order of the scenarios given. */
  readonly values: readonly string[];
  /** Per scenario: does its value differ from the default? */
  readonly differs: readonly boolean[];
  /** The source of the default, or `""`. */
  readonly source?: ParameterSourceRow;
}

/**
 * Reads `data/parameters.csv` (next to `src/`): every parameter's unit, default and source.
 *
 * @param url Where the table is. @default {the repository's `data/parameters.csv`}
 * @returns The rows by path.
 *
 * @example
 * ```ts
 * import { readParameterSources } from "./assumptions.ts";
 * import { strictEqual } from "node:assert/strict";
 * const sources = await readParameterSources();
 * strictEqual(sources.get("horizonYears")?.unit, "years");
 * ```
 */
export async function readParameterSources(
  url: URL = new URL("../../data/parameters.csv", import.meta.url),
): Promise<Map<string, ParameterSourceRow>> {
  const table = aq.fromCSV(await Deno.readTextFile(url), { autoType: false });
  const out = new Map<string, ParameterSourceRow>();
  for (const row of table.objects() as Record<string, string | null>[]) {
    const path = row.path ?? "";
    out.set(path, {
      path,
      unit: row.unit ?? "",
      default: row.default ?? "",
      source_type: row.source_type ?? "",
      source: row.source ?? "",
      passage: row.passage ?? "",
    });
  }
  return out;
}

/**
 * Every leaf of a nested parameter object by dotted path; lists (the shocks) are kept whole.
 *
 * @param value A parameter object, e.g. a scenario's resolved parameters.
 * @param prefix Path prefix.
 * @returns Path → value.
 *
 * @example
 * ```ts
 * import { leafValues } from "./assumptions.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual([...leafValues({ a: { b: 1 }, shocks: [] })], [["a.b", 1], ["shocks", []]]);
 * ```
 */
export function leafValues(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value === null || typeof value !== "object") return out;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
      for (const [p, v] of leafValues(inner, path)) out.set(p, v);
    } else out.set(path, inner);
  }
  return out;
}

/**
 * Formats a parameter value for the table: numbers to at most 6 significant digits, lists of
 * shocks as a count (they have their own table).
 *
 * @param value The value.
 * @returns Text.
 *
 * @example
 * ```ts
 * import { formatParameter } from "./assumptions.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual([formatParameter(1 / 3), formatParameter(true), formatParameter([{}, {}])], ["0.333333", "true", "2 shocks"]);
 * ```
 */
export function formatParameter(value: unknown): string {
  if (typeof value === "number") return String(Number(value.toPrecision(6)));
  if (Array.isArray(value)) {
    return value.length === 0 ? "none" : `${value.length} shock${value.length === 1 ? "" : "s"}`;
  }
  if (value === undefined) return "–";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Builds the assumptions table of one or more scenarios: one row per parameter path (the
 * defaults' paths first, in their order), each scenario's value, and whether it differs from
 * the default. Swept parameters show the values swept.
 *
 * @param scenarios Each scenario's resolved parameters (`undefined` when not recorded).
 * @param sources `data/parameters.csv` by path.
 * @param swept Swept parameter paths and the values swept, shown instead of one value.
 * @returns The rows.
 *
 * @example A changed turnover is marked
 * ```ts
 * import { assumptionRows } from "./assumptions.ts";
 * import { DEFAULT_PARAMS } from "../model/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const changed = { ...DEFAULT_PARAMS, staff: { ...DEFAULT_PARAMS.staff, turnoverPerYear: 0.4 } };
 * const row = assumptionRows([DEFAULT_PARAMS, changed], new Map())
 *   .find((r) => r.path === "staff.turnoverPerYear");
 * deepStrictEqual(row?.values, ["0.2", "0.4"]);
 * deepStrictEqual(row?.differs, [false, true]);
 * ```
 */
export function assumptionRows(
  scenarios: readonly unknown[],
  sources: ReadonlyMap<string, ParameterSourceRow>,
  swept: ReadonlyMap<string, readonly unknown[]> = new Map(),
): AssumptionRow[] {
  const defaults = leafValues(DEFAULT_PARAMS);
  const leaves = scenarios.map((s) => s === undefined ? undefined : leafValues(s));
  const paths = [...defaults.keys()];
  for (const leaf of leaves) {
    for (const path of leaf?.keys() ?? []) if (!paths.includes(path)) paths.push(path);
  }
  return paths.map((path) => {
    const defaultValue = defaults.get(path);
    const sweptValues = swept.get(path);
    const values = leaves.map((leaf) =>
      sweptValues !== undefined
        ? `swept: ${sweptValues.map(formatParameter).join(", ")}`
        : leaf === undefined
        ? "not recorded"
        : formatParameter(leaf.get(path))
    );
    const differs = leaves.map((leaf) =>
      sweptValues !== undefined ||
      (leaf !== undefined && JSON.stringify(leaf.get(path)) !== JSON.stringify(defaultValue))
    );
    return {
      path,
      unit: sources.get(path)?.unit ?? "",
      defaultValue: formatParameter(defaultValue),
      values,
      differs,
      source: sources.get(path),
    };
  });
}
