/**
 * A scenario: a named, seeded, validated set of model parameters, built from a scenario file's
 * parsed data plus `--set` overrides. Every problem is reported at once, naming the file (or
 * the override) and the field path.
 *
 * @module
 */
import {
  allocateState,
  checkParams,
  compileShocks,
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
    name: name ?? fileBaseName(file),
    description: description ?? "",
    seed: options.seed ?? seed ?? DEFAULT_SEED,
    file,
    input,
    params,
  });
}

/**
 * Checks that the shocks, as the model will apply them (in order, chained), leave every
 * parameter inside its own range and the parameters consistent with each other, at every week
 * where a shock starts, ends or completes a ramp. Uses the model's own shock schedule, so the
 * check and the run cannot disagree.
 */
function checkShockValues(
  fields: Omit<ScenarioFile, "name" | "description" | "seed" | "extends">,
  file: string,
): ScenarioIssue[] {
  const shocks = fields.shocks ?? [];
  if (shocks.length === 0) return [];
  const live = structuredClone(mergeParams(fieldsOnly(fields))) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const schedule = compileShocks(live, shocks);
  const probe = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 1 });
  const weeks = [...new Set(shocks.flatMap((s) => [s.from, s.to - 1, s.to]))].sort((a, b) => a - b);
  const issues: ScenarioIssue[] = [];
  const reported = new Set<string>();
  for (const week of weeks) {
    schedule.apply(probe, week);
    const values: Record<string, Record<string, unknown>> = {};
    for (const shock of shocks) {
      const [block, key] = shock.path.split(".");
      (values[block] ??= {})[key] = live[block][key];
    }
    const check = validateScenario(values, file);
    const problems = check.ok ? [] : check.issues.map((i) => ({ ...i }));
    for (const p of checkParams(live as unknown as ModelParams)) problems.push({ file, ...p });
    for (const problem of problems) {
      if (reported.has(problem.path)) continue;
      reported.add(problem.path);
      // Blame the shock on that parameter, else the last shock in force that week.
      let index = shocks.findIndex((s) => s.path === problem.path);
      if (index < 0) {
        index = shocks.findLastIndex((s) => s.from <= week && (s.shape === "ramp" || week < s.to));
      }
      issues.push({
        file,
        path: index >= 0 ? `shocks[${index}]` : "shocks",
        expected: `shocks that keep ${problem.path} ${problem.expected}`,
        found: `${problem.path} = ${problem.found} in week ${week}`,
      });
    }
  }
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

/**
 * The name a file gives by default: its base name without a `.yaml`, `.yml` or `.json`
 * extension (scenarios, sweeps and sensitivity specs that name none).
 *
 * @param file A path.
 * @returns E.g. `baseline` for `scenarios/baseline.yaml`.
 *
 * @example
 * ```ts
 * import { fileBaseName } from "./scenario.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(fileBaseName("scenarios/sweeps/cycle-by-turnover.yaml"), "cycle-by-turnover");
 * ```
 */
export function fileBaseName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(ya?ml|json)$/i, "");
}
