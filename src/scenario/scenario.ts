/**
 * A scenario: a named, seeded, validated set of model parameters, built from a scenario file's
 * parsed data plus `--set` overrides. Every problem is reported at once, naming the file (or
 * the override) and the field path.
 *
 * @module
 */
import {
  checkParams,
  mergeParams,
  type ModelParams,
  type ParamsInput,
  resolveParams,
} from "../model/mod.ts";
import { ScenarioError, type ScenarioIssue } from "./errors.ts";
import { applyOverrides, type Override } from "./overrides.ts";
import type { ScenarioFile } from "./schema.ts";
import { validateScenario } from "./validate.ts";

/** A validated scenario, ready to run. */
export interface Scenario {
  /** Its name (from the file, else the file's base name). */
  readonly name: string;
  /** What it represents. */
  readonly description: string;
  /** The scenario seed; replicate r runs with `replicateSeed(seed, r)`. */
  readonly seed: number;
  /** The file it came from (or a label when built in code). */
  readonly file: string;
  /** The fields as given (file plus overrides), validated. */
  readonly input: ScenarioFile;
  /** The full, frozen model parameters. */
  readonly params: ModelParams;
}

/** Options of {@linkcode resolveScenario}. */
export interface ResolveOptions {
  /** `--set` overrides applied on top of the file. */
  readonly overrides?: readonly Override[];
  /** Seed to use instead of the file's (`--seed`). */
  readonly seed?: number;
}

/** The seed of a scenario that names none. */
export const DEFAULT_SEED = 1;

/**
 * Validates parsed scenario data and builds the scenario.
 *
 * @param raw Parsed YAML or JSON.
 * @param file File name, for messages and the default name.
 * @param options Overrides and seed.
 * @returns The scenario.
 * @throws {ScenarioError} Listing every problem found.
 *
 * @example
 * ```ts
 * import { resolveScenario } from "./scenario.ts";
 * import { parseOverrides } from "./overrides.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = resolveScenario({ name: "high churn" }, "x.yaml", {
 *   overrides: parseOverrides(["staff.turnoverPerYear=0.4"]),
 * });
 * deepStrictEqual([s.name, s.params.staff.turnoverPerYear], ["high churn", 0.4]);
 * ```
 */
export function resolveScenario(
  raw: unknown,
  file: string,
  options: ResolveOptions = {},
): Scenario {
  const overrides = options.overrides ?? [];
  const first = validateScenario(raw, file);
  if (!first.ok) throw new ScenarioError(first.issues);
  const merged = overrides.length > 0 ? applyOverrides(raw, overrides) : raw;
  const checked = validateScenario(merged, file);
  if (!checked.ok) throw new ScenarioError(checked.issues.map((i) => blame(i, overrides)));
  const input = checked.value;
  const { name, description, seed, extends: _extends, ...fields } = input;
  const shockIssues = checkShockValues(fields, file);
  if (shockIssues.length > 0) throw new ScenarioError(shockIssues);
  const problems = checkParams(mergeParams(fieldsOnly(fields)));
  if (problems.length > 0) {
    throw new ScenarioError(problems.map((p) => blame({ file, ...p }, overrides)));
  }
  const params = resolveParams(fieldsOnly(fields));
  return Object.freeze({
    name: name ?? baseName(file),
    description: description ?? "",
    seed: options.seed ?? seed ?? DEFAULT_SEED,
    file,
    input,
    params,
  });
}

/**
 * Checks that every shock leaves its parameter inside the parameter's own range (a `set`
 * value, or the base value times `multiply`).
 */
function checkShockValues(
  fields: Omit<ScenarioFile, "name" | "description" | "seed" | "extends">,
  file: string,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const params = mergeParams(fieldsOnly(fields));
  (fields.shocks ?? []).forEach((shock, i) => {
    const [block, key] = shock.path.split(".");
    const base = (params as unknown as Record<string, Record<string, number>>)[block][key];
    const value = shock.set ?? base * (shock.multiply ?? 1);
    const check = validateScenario({ [block]: { [key]: value } }, file);
    if (!check.ok) {
      const problem = check.issues[0];
      issues.push({
        file,
        path: `shocks[${i}].${shock.set !== undefined ? "set" : "multiply"}`,
        expected: `a change leaving ${shock.path} ${problem.expected}`,
        found: shock.set !== undefined ? String(value) : `${base} × ${shock.multiply} = ${value}`,
      });
    }
  });
  return issues;
}

function fieldsOnly(
  fields: Omit<ScenarioFile, "name" | "description" | "seed" | "extends">,
): ParamsInput {
  return fields as ParamsInput;
}

function blame(issue: ScenarioIssue, overrides: readonly Override[]): ScenarioIssue {
  for (const o of overrides) {
    const path = o.path.join(".");
    if (issue.path === path || issue.path.startsWith(path + ".")) {
      return { ...issue, file: `--set ${o.text}` };
    }
  }
  return issue;
}

function baseName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(ya?ml|json)$/i, "");
}
