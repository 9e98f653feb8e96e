/**
 * Sensitivity specs: which model to analyse (a scenario file, or a test function with known
 * indices), which parameters to vary over which ranges, which metrics to read, the method and
 * its sample size, replicates per point, bootstrap resamples and the seed. Every problem is
 * reported at once as a {@linkcode ScenarioIssue} naming the file, the field path, what was
 * expected and what was found.
 *
 * ```yaml
 * name: ishigami
 * model: ishigami   # or sobol-g with coefficients: [...], or base: ../baseline.yaml
 * a: 7
 * b: 0.1
 * metrics: [y]
 * method: sobol     # or morris with trajectories: and levels:
 * samples: 4096
 * bootstrap: 1000
 * seed: 2024
 * ```
 *
 * Pure: the caller reads the file (and the base scenario, at `target.basePath`).
 *
 * @module
 */
import { z } from "zod";
import { METRIC_NAMES } from "../model/mod.ts";
import {
  applyOverrides,
  describeFound,
  fileBaseName,
  formatPath,
  nearestName,
  parseScenarioText,
  ScenarioError,
  type ScenarioIssue,
  scenarioSchema,
  validateScenario,
  valueAt,
} from "../scenario/mod.ts";
import type { DesignParameter } from "./parameters.ts";
import {
  MAX_SPEC_PARAMETERS,
  type SensitivitySpecFile,
  sensitivitySpecSchema,
  SPEC_FIELD_EXPECTED,
} from "./spec_schema.ts";

/** What a spec analyses: a scenario file, or a test function. */
export type SpecTarget =
  | {
    readonly kind: "scenario";
    /** The base scenario's path as written in the spec (relative to the spec). */
    readonly base: string;
    /** The base scenario's path relative to the working directory (the spec's folder joined). */
    readonly basePath: string;
  }
  | { readonly kind: "ishigami"; readonly a: number; readonly b: number }
  | { readonly kind: "sobol-g"; readonly coefficients: readonly number[] };

/** The method and its sample size. */
export type SpecMethod =
  | {
    readonly kind: "sobol";
    /** N, base samples. */
    readonly samples: number;
    /** Whether second-order indices are estimated. */
    readonly secondOrder: boolean;
  }
  | {
    readonly kind: "morris";
    /** r, trajectories. */
    readonly trajectories: number;
    /** p, grid levels (even). */
    readonly levels: number;
  };

/** A validated sensitivity spec, with defaults filled in. */
export interface SensitivitySpec {
  /** The file it came from (or a label). */
  readonly file: string;
  /** Its name (from the file, else the file's base name). */
  readonly name: string;
  /** What it is for. */
  readonly description: string;
  /** What is analysed. */
  readonly target: SpecTarget;
  /** The parameters varied, in design order (`x1` … `xk` for a test function). */
  readonly parameters: readonly DesignParameter[];
  /** The output metrics (`y` for a test function). */
  readonly metrics: readonly string[];
  /** The method and its sample size. */
  readonly method: SpecMethod;
  /** Runs averaged per design point. @default 1 */
  readonly replicates: number;
  /** Bootstrap resamples for the intervals. @default 1000 */
  readonly bootstrap: number;
  /** The seed of the design, the bootstrap and (by the engine's choice) the runs. @default 1 */
  readonly seed: number;
}

/** Defaults of optional spec fields. */
export const SPEC_DEFAULTS = Object.freeze({
  replicates: 1,
  bootstrap: 1000,
  seed: 1,
  levels: 4,
  secondOrder: false,
  a: 7,
  b: 0.1,
});

/**
 * Parses and validates a spec file's text.
 *
 * @param text The file's text (YAML, or JSON for a `.json` file).
 * @param file The file's path, for messages and to find `base:` relative to it.
 * @returns The spec.
 * @throws {ScenarioError} With every problem found (syntax, fields, paths, metrics).
 *
 * @example
 * ```ts
 * import { parseSensitivitySpec } from "./spec.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const spec = parseSensitivitySpec("model: sobol-g\ncoefficients: [0, 9]\nmethod: sobol\nsamples: 64\n", "g.yaml");
 * deepStrictEqual(spec.parameters.map((p) => p.path), ["x1", "x2"]);
 * deepStrictEqual(spec.method, { kind: "sobol", samples: 64, secondOrder: false });
 * ```
 */
export function parseSensitivitySpec(text: string, file: string): SensitivitySpec {
  return validateSensitivitySpec(parseScenarioText(text, file), file);
}

/**
 * Validates parsed spec data.
 *
 * @param raw Parsed YAML or JSON.
 * @param file The file's path, for messages and to find `base:` relative to it.
 * @returns The spec.
 * @throws {ScenarioError} With every problem found.
 *
 * @example A misspelt parameter path gets a hint
 * ```ts
 * import { validateSensitivitySpec } from "./spec.ts";
 * import { ScenarioError } from "../scenario/mod.ts";
 * import { ok, throws } from "node:assert/strict";
 * throws(
 *   () => validateSensitivitySpec({
 *     base: "baseline.yaml",
 *     parameters: [{ path: "staff.turnoverPerYr", min: 0.1, max: 0.4 }],
 *     metrics: ["outcomes_achieved"],
 *     method: "morris",
 *     trajectories: 10,
 *   }, "s.yaml"),
 *   (e) => e instanceof ScenarioError && e.issues[0].path === "parameters[0].path" &&
 *     e.issues[0].hint === 'did you mean "staff.turnoverPerYear"?',
 * );
 * ok(true);
 * ```
 */
export function validateSensitivitySpec(raw: unknown, file: string): SensitivitySpec {
  const parsed = sensitivitySpecSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(schemaIssues(parsed.error, raw, file));
  const s = parsed.data;
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, expected: string, found: string, hint?: string) =>
    issues.push({ file, path, expected, found, ...(hint ? { hint } : {}) });

  const target = checkTarget(s, file, issue);
  const method = checkMethod(s, issue);
  const parameters = target ? checkParameters(s, target, method, issue) : [];
  const metrics = target ? checkMetrics(s, target, issue) : [];
  if (issues.length > 0 || !target || !method) {
    throw new ScenarioError(issues);
  }
  return Object.freeze({
    file,
    name: s.name ?? fileBaseName(file),
    description: s.description ?? "",
    target: Object.freeze(target),
    parameters: Object.freeze(parameters.map((p) => Object.freeze(p))),
    metrics: Object.freeze(metrics),
    method: Object.freeze(method),
    replicates: s.replicates ?? SPEC_DEFAULTS.replicates,
    bootstrap: s.bootstrap ?? SPEC_DEFAULTS.bootstrap,
    seed: s.seed ?? SPEC_DEFAULTS.seed,
  });
}

type Report = (path: string, expected: string, found: string, hint?: string) => void;

function checkTarget(
  s: SensitivitySpecFile,
  file: string,
  issue: Report,
): SpecTarget | undefined {
  if (s.base !== undefined && s.model !== undefined) {
    issue("model", "either base: (a scenario file) or model: (a test function), not both", "both");
    return undefined;
  }
  if (s.base === undefined && s.model === undefined) {
    issue(
      "",
      'base: (a scenario file) or model: ("ishigami" or "sobol-g")',
      "neither",
    );
    return undefined;
  }
  let ok = true;
  const only = (field: "a" | "b" | "coefficients", model: string) => {
    if (s[field] !== undefined && s.model !== model) {
      issue(field, `${field} only with model: ${model}`, describeFound(s[field]));
      ok = false;
    }
  };
  only("a", "ishigami");
  only("b", "ishigami");
  only("coefficients", "sobol-g");
  if (s.model === "sobol-g" && s.coefficients === undefined) {
    issue("coefficients", SPEC_FIELD_EXPECTED.coefficients, "nothing");
    ok = false;
  }
  if (!ok) return undefined;
  if (s.base !== undefined) {
    return { kind: "scenario", base: s.base, basePath: joinRelative(file, s.base) };
  }
  if (s.model === "ishigami") {
    return { kind: "ishigami", a: s.a ?? SPEC_DEFAULTS.a, b: s.b ?? SPEC_DEFAULTS.b };
  }
  return { kind: "sobol-g", coefficients: Object.freeze([...(s.coefficients ?? [])]) };
}

function checkMethod(s: SensitivitySpecFile, issue: Report): SpecMethod | undefined {
  const notFor = (field: "samples" | "secondOrder" | "trajectories" | "levels") => {
    if (s[field] !== undefined) {
      issue(field, `no ${field} with method: ${s.method}`, describeFound(s[field]));
    }
  };
  if (s.method === "sobol") {
    notFor("trajectories");
    notFor("levels");
    if (s.samples === undefined) {
      issue("samples", SPEC_FIELD_EXPECTED.samples, "nothing");
      return undefined;
    }
    return {
      kind: "sobol",
      samples: s.samples,
      secondOrder: s.secondOrder ?? SPEC_DEFAULTS.secondOrder,
    };
  }
  notFor("samples");
  notFor("secondOrder");
  const levels = s.levels ?? SPEC_DEFAULTS.levels;
  if (levels % 2 !== 0) issue("levels", SPEC_FIELD_EXPECTED.levels, String(levels));
  if (s.trajectories === undefined) {
    issue("trajectories", SPEC_FIELD_EXPECTED.trajectories, "nothing");
    return undefined;
  }
  return { kind: "morris", trajectories: s.trajectories, levels };
}

function checkParameters(
  s: SensitivitySpecFile,
  target: SpecTarget,
  method: SpecMethod | undefined,
  issue: Report,
): DesignParameter[] {
  const given = s.parameters;
  if (target.kind !== "scenario") {
    const k = target.kind === "ishigami" ? 3 : target.coefficients.length;
    const defaultRange = target.kind === "ishigami" ? [-Math.PI, Math.PI] : [0, 1];
    if (given === undefined) {
      return Array.from({ length: k }, (_, i) => ({
        path: `x${i + 1}`,
        min: defaultRange[0],
        max: defaultRange[1],
      }));
    }
    const names = Array.from({ length: k }, (_, i) => `x${i + 1}`);
    if (given.map((p) => p.path).join() !== names.join()) {
      issue(
        "parameters",
        `the inputs ${names.join(", ")} in that order (or no parameters: for the standard ranges)`,
        given.map((p) => JSON.stringify(p.path)).join(", "),
      );
    }
    given.forEach((p, i) => checkRange(p, i, issue));
    return given.map((p) => ({ path: p.path, min: p.min, max: p.max }));
  }
  if (given === undefined) {
    issue("parameters", SPEC_FIELD_EXPECTED.parameters, "nothing");
    return [];
  }
  if (method?.kind === "sobol" && given.length > MAX_SPEC_PARAMETERS) {
    issue("parameters", SPEC_FIELD_EXPECTED.parameters, `${given.length} parameters`);
  }
  const seen = new Map<string, number>();
  const out: DesignParameter[] = [];
  given.forEach((p, i) => {
    const where = `parameters[${i}]`;
    if (seen.has(p.path)) {
      issue(
        `${where}.path`,
        `a path not already varied (parameters[${seen.get(p.path)}] varies it)`,
        JSON.stringify(p.path),
      );
      return;
    }
    seen.set(p.path, i);
    const field = numericField(p.path);
    if (field.kind === "unknown") {
      issue(
        `${where}.path`,
        "a numeric scenario field path (see docs/scenarios.md)",
        JSON.stringify(p.path),
        field.near ? `did you mean "${field.near}"?` : undefined,
      );
      return;
    }
    if (field.kind === "other") {
      issue(
        `${where}.path`,
        "a numeric scenario field path (switches, rules, text and lists cannot be varied)",
        `${JSON.stringify(p.path)}, ${field.found}`,
      );
      return;
    }
    let ok = checkRange(p, i, issue);
    for (const end of ["min", "max"] as const) {
      const check = validateScenario(
        applyOverrides({}, [{ path: p.path.split("."), value: p[end], text: p.path }]),
        "",
      );
      if (!check.ok) {
        ok = false;
        for (const problem of check.issues) {
          issue(`${where}.${end}`, `${problem.expected} (${p.path})`, problem.found);
        }
      }
    }
    if (ok) out.push({ path: p.path, min: p.min, max: p.max, wholeNumber: field.wholeNumber });
  });
  return out;
}

function checkRange(p: { min: number; max: number }, i: number, issue: Report): boolean {
  if (p.min < p.max) return true;
  issue(`parameters[${i}].max`, `a number above min (${p.min})`, String(p.max));
  return false;
}

function checkMetrics(s: SensitivitySpecFile, target: SpecTarget, issue: Report): string[] {
  if (target.kind !== "scenario") {
    const metrics = s.metrics ?? ["y"];
    metrics.forEach((m, i) => {
      if (m !== "y") issue(`metrics[${i}]`, 'the test function\'s output "y"', JSON.stringify(m));
    });
    return [...new Set(metrics)];
  }
  if (s.metrics === undefined) {
    issue("metrics", `${SPEC_FIELD_EXPECTED.metrics} (see docs/model.md, metrics)`, "nothing");
    return [];
  }
  const seen = new Set<string>();
  s.metrics.forEach((m, i) => {
    if (!METRIC_NAMES.includes(m)) {
      const near = nearestName(m, METRIC_NAMES);
      issue(
        `metrics[${i}]`,
        "the name of a recorded metric (see docs/model.md)",
        JSON.stringify(m),
        near ? `did you mean "${near}"?` : undefined,
      );
    } else if (seen.has(m)) {
      issue(`metrics[${i}]`, "a metric not already listed", JSON.stringify(m));
    }
    seen.add(m);
  });
  return s.metrics;
}

/** Every numeric leaf of the scenario schema (except `seed`), with whether it is whole. */
function numericLeaves(): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const walk = (schema: z.ZodType, path: string[]) => {
    const s = unwrap(schema);
    if (s instanceof z.ZodObject) {
      for (const [key, inner] of Object.entries(s.shape as Record<string, z.ZodType>)) {
        walk(inner, [...path, key]);
      }
    } else if (s instanceof z.ZodNumber && path.join(".") !== "seed") {
      out.set(path.join("."), s.isInt);
    }
  };
  walk(scenarioSchema, []);
  return out;
}

let leaves: Map<string, boolean> | undefined;

/** What a dotted path names in the scenario schema. */
function numericField(
  path: string,
):
  | { kind: "number"; wholeNumber: boolean }
  | { kind: "other"; found: string }
  | { kind: "unknown"; near?: string } {
  leaves ??= numericLeaves();
  const whole = leaves.get(path);
  if (whole !== undefined) return { kind: "number", wholeNumber: whole };
  let schema: z.ZodType | undefined = scenarioSchema;
  for (const key of path.split(".")) {
    const s = unwrap(schema);
    schema = s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>)[key] : undefined;
    if (schema === undefined) break;
  }
  const leaf = unwrap(schema);
  if (leaf !== undefined) {
    const found = leaf instanceof z.ZodBoolean
      ? "a switch (true or false)"
      : leaf instanceof z.ZodEnum
      ? "a rule (one of a list of words)"
      : leaf instanceof z.ZodObject
      ? "a group of fields"
      : leaf instanceof z.ZodArray
      ? "a list"
      : path === "seed"
      ? "the scenario seed (replicates vary it)"
      : "text";
    return { kind: "other", found };
  }
  return { kind: "unknown", near: nearestName(path, [...leaves.keys()]) };
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** Zod's issues as spec issues: unknown fields with a hint, else what the field expects. */
function schemaIssues(error: z.ZodError, raw: unknown, file: string): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const e of error.issues) {
    const path = e.path.map(String);
    if (e.code === "unrecognized_keys") {
      const known = path.length === 0
        ? Object.keys(sensitivitySpecSchema.shape)
        : ["path", "min", "max"];
      for (const key of e.keys) {
        const near = nearestName(key, known);
        out.push({
          file,
          path: formatPath([...path, key]),
          expected: path.length === 0
            ? "a sensitivity spec field"
            : `a field of ${formatPath(path)}`,
          found: "an unknown field",
          hint: near ? `did you mean "${near}"?` : `known fields: ${known.join(", ")}`,
        });
      }
      continue;
    }
    const key = path.length === 0
      ? ""
      : /^\d+$/.test(path[path.length - 1])
      ? `${path[path.length - 2]}[]`
      : path[path.length - 1];
    out.push({
      file,
      path: formatPath(path),
      expected: SPEC_FIELD_EXPECTED[key] ?? "a valid value",
      found: path.length === 0 && (raw === null || raw === undefined)
        ? "an empty file"
        : describeFound(valueAt(raw, path)),
    });
  }
  return out;
}

/**
 * A path relative to a file's folder, as a path from the working directory (`/` separators;
 * `.` and `..` resolved where possible).
 *
 * @param file The file (e.g. `scenarios/sensitivity/a.yaml`).
 * @param relative The path written in it (e.g. `../baseline.yaml`); an absolute path is kept.
 * @returns E.g. `scenarios/baseline.yaml`.
 *
 * @example
 * ```ts
 * import { joinRelative } from "./spec.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(joinRelative("scenarios/sensitivity/a.yaml", "../baseline.yaml"), "scenarios/baseline.yaml");
 * strictEqual(joinRelative("a.yaml", "b.yaml"), "b.yaml");
 * ```
 */
export function joinRelative(file: string, relative: string): string {
  if (relative.startsWith("/")) return relative;
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  const joined = slash < 0 ? relative : `${file.slice(0, slash)}/${relative}`;
  const parts: string[] = [];
  for (const part of joined.split(/[\\/]/)) {
    if (part === "." || part === "") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return (joined.startsWith("/") ? "/" : "") + parts.join("/");
}
