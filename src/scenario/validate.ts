/**
 * Checks a parsed scenario against the schema and turns every problem into a
 * {@linkcode ScenarioIssue} that names the field path, what was expected (type, unit, range)
 * and what was found, with a "did you mean" hint for near-miss keys.
 *
 * @module
 */
import { z } from "zod";
import { numberRange } from "./number_range.ts";
import type { ScenarioIssue } from "./errors.ts";
import { type ScenarioFile, scenarioSchema } from "./schema.ts";

/** The outcome of {@linkcode validateScenario}. */
export type Validation =
  | { readonly ok: true; readonly value: ScenarioFile }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/**
 * Validates a parsed scenario file.
 *
 * @param raw The parsed YAML or JSON.
 * @param file The file name, for messages.
 * @returns The typed scenario, or every issue found.
 *
 * @example A misspelt key gets a hint
 * ```ts
 * import { validateScenario } from "./validate.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 * const result = validateScenario({ staff: { turnoverPerYr: 0.3 } }, "my.yaml");
 * ok(!result.ok);
 * deepStrictEqual(result.issues[0].path, "staff.turnoverPerYr");
 * deepStrictEqual(result.issues[0].hint, 'did you mean "turnoverPerYear"?');
 * ```
 */
export function validateScenario(raw: unknown, file: string): Validation {
  return validateAgainst(scenarioSchema, raw, file, "scenario");
}

/**
 * Validates parsed data against any zod schema of this project's files (scenarios, sweeps,
 * sensitivity specs), turning each problem into a {@linkcode ScenarioIssue} that names the
 * file, the field path, what was expected (type, unit, range, from the schema) and what was
 * found, with "did you mean" hints for near-miss keys.
 *
 * @param schema The file's schema (a zod object, strict where unknown keys are errors).
 * @param raw The parsed YAML or JSON.
 * @param file The file name, for messages.
 * @param kind What the file is, for messages about an empty file, e.g. `"sweep"`.
 * @returns The typed value, or every issue found.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { validateAgainst } from "./validate.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 * const schema = z.strictObject({ replicates: z.int().min(1).optional() });
 * const result = validateAgainst(schema, { replicate: 3 }, "s.yaml", "sweep");
 * ok(!result.ok);
 * deepStrictEqual(result.issues[0].hint, 'did you mean "replicates"?');
 * ```
 */
export function validateAgainst<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  file: string,
  kind: string,
):
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] } {
  if (raw === null || raw === undefined) {
    return {
      ok: false,
      issues: [{
        file,
        path: "",
        expected: `a mapping of ${kind} fields`,
        found: "an empty file",
      }],
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issues: ScenarioIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const near = nearestName(key, known);
        issues.push({
          file,
          path: formatPath([...path, key]),
          expected: path.length === 0 ? `a ${kind} field` : `a field of ${formatPath(path)}`,
          found: "an unknown field",
          hint: near ? `did you mean "${near}"?` : `known fields: ${known.join(", ")}`,
        });
      }
      continue;
    }
    if (issue.code === "custom") {
      const params = (issue as { params?: { found?: string; candidates?: readonly string[] } })
        .params;
      const found = params?.found ?? describeFound(valueAt(raw, path));
      const near = params?.candidates
        ? nearestName(found.replace(/^"|"$/g, ""), params.candidates)
        : "";
      issues.push({
        file,
        path: formatPath(path),
        expected: issue.message,
        found,
        hint: near ? `did you mean "${near}"?` : undefined,
      });
      continue;
    }
    issues.push({
      file,
      path: formatPath(path),
      expected: describeExpected(schemaAt(schema, path)),
      found: describeFound(valueAt(raw, path)),
    });
  }
  // zod can report one problem twice (e.g. a huge whole number is both too big and unsafe).
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.path}\n${i.expected}\n${i.found}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { ok: false, issues: unique };
}

/**
 * A field path for messages: `funding.gapWeeks`, `shocks[0].path`.
 *
 * @param path Path segments.
 * @returns The dotted path, list indices in brackets.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (/^\d+$/.test(String(part))) out += `[${part}]`;
    else out += out === "" ? String(part) : `.${part}`;
  }
  return out;
}

/**
 * The schema of the field at a path, or undefined.
 *
 * @param root The file's schema.
 * @param path Field path segments (list indices step into the list's element).
 * @returns The field's schema, unwrapped from optional.
 *
 * @example
 * ```ts
 * import { schemaAt } from "./validate.ts";
 * import { scenarioSchema } from "./schema.ts";
 * import { ok } from "node:assert/strict";
 * ok(schemaAt(scenarioSchema, ["staff", "turnoverPerYear"]) !== undefined);
 * ok(schemaAt(scenarioSchema, ["staff", "nonsense"]) === undefined);
 * ```
 */
export function schemaAt(root: z.ZodType, path: readonly string[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodArray) {
      schema = schema.element as z.ZodType;
      continue;
    }
    if (!(schema instanceof z.ZodObject)) return undefined;
    schema = (schema.shape as Record<string, z.ZodType>)[key];
  }
  return schema === undefined ? undefined : unwrap(schema);
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function knownKeys(root: z.ZodType, path: readonly string[]): readonly string[] {
  const schema = schemaAt(root, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Describes what a field expects: type, unit and range.
 *
 * @param schema The field's schema.
 * @returns E.g. `a number (years) in [0.019, 100]`.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { describeExpected } from "./validate.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(describeExpected(z.boolean()), "true or false");
 * ```
 */
export function describeExpected(schema: z.ZodType | undefined): string {
  if (schema === undefined) return "a known field";
  const unit = (schema.meta() as { unit?: string } | undefined)?.unit;
  const withUnit = (text: string) => unit && unit !== "text" ? `${text} (${unit})` : text;
  if (schema instanceof z.ZodNumber) {
    const kind = schema.isInt ? "a whole number" : "a number";
    return withUnit(kind) + describeRange(schema);
  }
  if (schema instanceof z.ZodBoolean) return "true or false";
  if (schema instanceof z.ZodEnum) {
    return `one of ${schema.options.map((o) => JSON.stringify(o)).join(", ")}`;
  }
  if (schema instanceof z.ZodArray) return "a list";
  if (schema instanceof z.ZodString) return "text on one line";
  if (schema instanceof z.ZodObject) {
    return `a mapping with fields ${Object.keys(schema.shape).join(", ")}`;
  }
  return "a valid value";
}

function describeRange(schema: z.ZodNumber): string {
  const range = numberRange(schema);
  if (range === undefined) return "";
  return range.startsWith("[") || range.startsWith("(") ? ` in ${range}` : ` ${range}`;
}

/**
 * Describes a found value for a message: strings quoted, structures named.
 *
 * @param value Any parsed value.
 * @returns E.g. `"five"`, `-3`, `a list`, `nothing`.
 */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value (null)";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/**
 * The value at a field path of parsed data, or undefined where the path leads nowhere.
 *
 * @param raw Parsed YAML or JSON.
 * @param path Field path segments (list indices as strings).
 * @returns The value found.
 *
 * @example
 * ```ts
 * import { valueAt } from "./validate.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(valueAt({ staff: { turnoverPerYear: 0.3 } }, ["staff", "turnoverPerYear"]), 0.3);
 * strictEqual(valueAt({ staff: 1 }, ["staff", "x"]), undefined);
 * ```
 */
export function valueAt(raw: unknown, path: readonly string[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The closest known name to a misspelt one, for "did you mean" hints: by edit distance, or by
 * edit distance to a known name's beginning (so "turnovr" finds "turnoverPerYear"); none further
 * than a third of the name's length (at least 1 edit).
 *
 * @param key The name as written.
 * @param known The names it could have meant.
 * @returns The closest, or undefined when none is close enough.
 *
 * @example
 * ```ts
 * import { nearestName } from "./validate.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(nearestName("replicate", ["replicates", "seed"]), "replicates");
 * strictEqual(nearestName("when", ["seed"]), undefined);
 * ```
 */
export function nearestName(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    let d = editDistance(k, c);
    if (k.length >= 4) {
      for (let length = k.length - 1; length <= k.length + 1; length++) {
        d = Math.min(d, editDistance(k, c.slice(0, length)) + 1);
      }
    }
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Short keys need a close match: "when" is not a misspelt "seed".
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
