/**
 * `--set a.b.c=value` overrides: a dotted path and a YAML scalar, applied to a parsed scenario
 * before it is validated, so that the schema checks their types and ranges too.
 *
 * @module
 */
import { parse } from "yaml";
import { ScenarioError } from "./errors.ts";

/** One parsed override. */
export interface Override {
  /** Dotted field path. */
  readonly path: readonly string[];
  /** The value (a YAML scalar: number, boolean, text). */
  readonly value: unknown;
  /** The override as typed, for messages. */
  readonly text: string;
}

/**
 * Parses `a.b.c=value` strings.
 *
 * @param sets The strings, as given after `--set`.
 * @returns The overrides.
 * @throws {ScenarioError} For a string without `=` or with an empty path segment.
 *
 * @example
 * ```ts
 * import { parseOverrides } from "./overrides.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(parseOverrides(["staff.turnoverPerYear=0.4"])[0].value, 0.4);
 * deepStrictEqual(parseOverrides(["mechanisms.trust=false"])[0].value, false);
 * ```
 */
export function parseOverrides(sets: readonly string[]): Override[] {
  return sets.map((text) => {
    const eq = text.indexOf("=");
    const path = eq > 0 ? text.slice(0, eq).trim().split(".") : [];
    if (eq <= 0 || path.some((part) => part === "")) {
      throw new ScenarioError([{
        file: "--set",
        path: "",
        expected: "a dotted path and a value, like staff.turnoverPerYear=0.3",
        found: JSON.stringify(text),
      }]);
    }
    const raw = text.slice(eq + 1).trim();
    let value: unknown;
    try {
      value = raw === "" ? "" : parse(raw);
    } catch {
      value = raw;
    }
    return { path, value, text };
  });
}

/**
 * Returns a copy of `scenario` with the overrides applied (creating mappings on the way).
 *
 * @param scenario Parsed scenario data (a mapping, or null for an empty file).
 * @param overrides Overrides from {@linkcode parseOverrides}.
 * @returns The overridden data.
 *
 * @example
 * ```ts
 * import { applyOverrides, parseOverrides } from "./overrides.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const out = applyOverrides({ seed: 1 }, parseOverrides(["funding.gapWeeks=13"]));
 * deepStrictEqual(out, { seed: 1, funding: { gapWeeks: 13 } });
 * ```
 */
export function applyOverrides(scenario: unknown, overrides: readonly Override[]): unknown {
  const root: Record<string, unknown> = isMapping(scenario) ? structuredClone(scenario) : {};
  for (const { path, value } of overrides) {
    let node = root;
    for (const key of path.slice(0, -1)) {
      if (!isMapping(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return root;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
