/**
 * The field reference of scenario files, built from the scenario schema (types, ranges, units,
 * descriptions), the model's defaults and the parameter sources, and rendered as the Markdown
 * page `docs/scenarios.md` (written by `deno task docs`). Pure: no Deno APIs.
 *
 * @module
 */
import { z } from "zod";
import { numberRange } from "./number_range.ts";
import { DEFAULT_PARAMS, SETUP_ONLY_PATHS } from "../model/mod.ts";
import { formatIssue } from "./errors.ts";
import { parseOverrides } from "./overrides.ts";
import { DEFAULT_SEED, resolveScenario } from "./scenario.ts";
import { type FieldMeta, scenarioSchema, SHOCKABLE } from "./schema.ts";
import { validateScenario } from "./validate.ts";

/**
 * Where a parameter's default comes from: one row of `data/parameters.csv`.
 *
 * @example A published source is shown by its short reference
 * ```ts
 * import { fieldReference, type ParameterSource } from "./field_reference.ts";
 * import { strictEqual } from "node:assert/strict";
 * const source: ParameterSource = { source_type: "published", source: "Smith 2020, A Journal: https://example.org" };
 * const rows = fieldReference(new Map([["staff.turnoverPerYear", source]]));
 * strictEqual(rows.find((r) => r.path === "staff.turnoverPerYear")?.source, "Smith 2020");
 * ```
 */
export interface ParameterSource {
  /** `"seed"`, `"published"` or `"assumption"`. */
  readonly source_type: string;
  /** The seed file name, the full published reference, or `"assumption"`. */
  readonly source: string;
}

/**
 * One row of the field reference: one leaf field of a scenario file. Every cell is text.
 *
 * @example The row of a switch
 * ```ts
 * import { fieldReference, type FieldReferenceRow } from "./field_reference.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const row: FieldReferenceRow | undefined = fieldReference(new Map())
 *   .find((r) => r.path === "mechanisms.trust");
 * deepStrictEqual(row, {
 *   path: "mechanisms.trust",
 *   type: "true/false",
 *   unit: "switch",
 *   default: "true",
 *   range: "–",
 *   description: "M3 trust; off: trust stays at its starting value",
 *   source: "–",
 * });
 * ```
 */
export interface FieldReferenceRow {
  /** Dotted path, e.g. `funding.gapWeeks`; fields of each shock are `shocks[].path` etc. */
  readonly path: string;
  /** "number", "whole number", "true/false", "text", `"a" | "b"` or "list of shocks". */
  readonly type: string;
  /** The unit, from the schema's `meta()`. */
  readonly unit: string;
  /** The default as JSON (strings quoted), "required", or "–" when there is none. */
  readonly default: string;
  /** E.g. `[0, 1]`, `> 0`, `≥ 1`, `(0, 1)`; "–" for fields that are not numbers. */
  readonly range: string;
  /** One line saying what the field means, from the schema's `meta()`. */
  readonly description: string;
  /** Seed file name, short published reference, "assumption", or "–" when not a parameter. */
  readonly source: string;
}

/** Shown in a cell that has nothing to show. */
const NONE = "–";

/** Defaults of the fields that are not model parameters. */
const OTHER_DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ["description", ""],
  ["seed", DEFAULT_SEED],
  ["shocks[].shape", "step"],
]);

/** Section titles of the parameter blocks (the schema's blocks carry no description). */
const BLOCK_TITLES: Readonly<Record<string, string>> = Object.freeze({
  mechanisms: "mechanism switches",
  organisations: "organisations",
  funding: "M1 funding cycles",
  staff: "M2 staff and turnover, and caseloads",
  families: "family arrivals and waiting lists",
  trust: "M3 trust",
  engagement: "M4 engagement and drop-out",
  outcomes: "M4 progress and outcomes",
  money: "M10 money",
});

const COLUMNS = ["field", "type", "unit", "default", "range", "description", "source"] as const;

/**
 * Lists every leaf field of a scenario file in schema order: `name`, `description`, `seed`,
 * `extends` and `horizonYears`, then each block's fields as `block.field`, then `shocks` and the
 * fields of one shock as `shocks[].field`.
 *
 * @param sources Sources by parameter path (the rows of `data/parameters.csv`).
 * @returns One row per field.
 *
 * @example A parameter with its default, range and source
 * ```ts
 * import { fieldReference } from "./field_reference.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 * const rows = fieldReference(new Map([
 *   ["funding.gapWeeks", { source_type: "assumption", source: "assumption" }],
 * ]));
 * deepStrictEqual(rows.find((r) => r.path === "funding.gapWeeks"), {
 *   path: "funding.gapWeeks",
 *   type: "whole number",
 *   unit: "weeks",
 *   default: "0",
 *   range: "[0, 520]",
 *   description: "weeks without funding between a grant and its renewal",
 *   source: "assumption",
 * });
 * strictEqual(rows[0].path, "name");
 * strictEqual(rows.at(-1)?.path, "shocks[].multiply");
 * ```
 */
export function fieldReference(
  sources: ReadonlyMap<string, ParameterSource>,
): FieldReferenceRow[] {
  const rows: FieldReferenceRow[] = [];
  for (const [key, inner] of Object.entries(scenarioSchema.shape as Record<string, z.ZodType>)) {
    const schema = unwrap(inner);
    if (schema instanceof z.ZodObject) {
      for (const [field, leaf] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        rows.push(row(`${key}.${field}`, leaf, sources));
      }
    } else if (schema instanceof z.ZodArray) {
      rows.push(row(key, inner, sources));
      const element = unwrap(schema.element as z.ZodType);
      if (element instanceof z.ZodObject) {
        for (const [field, leaf] of Object.entries(element.shape as Record<string, z.ZodType>)) {
          rows.push(row(`${key}[].${field}`, leaf, sources));
        }
      }
    } else rows.push(row(key, inner, sources));
  }
  return rows;
}

function row(
  path: string,
  field: z.ZodType,
  sources: ReadonlyMap<string, ParameterSource>,
): FieldReferenceRow {
  const schema = unwrap(field);
  const meta = schema.meta() as Partial<FieldMeta> | undefined;
  return {
    path,
    type: describeType(path, schema),
    unit: meta?.unit ?? "",
    default: describeDefault(path, field),
    range: schema instanceof z.ZodNumber ? describeRange(schema) : NONE,
    description: meta?.description ?? "",
    source: describeSource(sources.get(path)),
  };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function describeType(path: string, schema: z.ZodType): string {
  if (schema instanceof z.ZodNumber) return schema.isInt ? "whole number" : "number";
  if (schema instanceof z.ZodBoolean) return "true/false";
  if (schema instanceof z.ZodString) return "text";
  if (schema instanceof z.ZodEnum) {
    return (schema.options as readonly string[]).map((o) => JSON.stringify(o)).join(" | ");
  }
  if (schema instanceof z.ZodArray) return path === "shocks" ? "list of shocks" : "list";
  return "value";
}

function describeDefault(path: string, field: z.ZodType): string {
  const dot = path.indexOf(".");
  const params = DEFAULT_PARAMS as unknown as Record<string, unknown>;
  let value: unknown;
  if (path.includes("[]")) value = OTHER_DEFAULTS.get(path);
  else if (dot < 0) value = params[path] ?? OTHER_DEFAULTS.get(path);
  else {
    const block = params[path.slice(0, dot)] as Record<string, unknown> | undefined;
    value = block?.[path.slice(dot + 1)];
  }
  if (value !== undefined) return JSON.stringify(value);
  return field instanceof z.ZodOptional ? NONE : "required";
}

/** A number's range, as `[0, 1]`, `(0, 1]`, `> 0`, `≥ 1`, `≤ 100`; "–" when unbounded. */
function describeRange(schema: z.ZodNumber): string {
  return numberRange(schema) ?? NONE;
}

function describeSource(source: ParameterSource | undefined): string {
  if (source === undefined) return NONE;
  if (source.source_type === "assumption") return "assumption";
  if (source.source_type === "published") return shortReference(source.source);
  return source.source;
}

/** "Edwards & Wildeman 2018, Children and Youth Services Review …: https://…" → authors, year. */
function shortReference(reference: string): string {
  return reference.split(/[,(:]/)[0].trim();
}

/**
 * Renders the field reference as the Markdown page `docs/scenarios.md`: how scenario files
 * work, one table per block, the M9 shocks and the budget rule. The tables are aligned as
 * `deno fmt` aligns them, so the page passes `deno fmt --check` as rendered.
 *
 * @param rows The rows from {@linkcode fieldReference}.
 * @returns The page, ending in a newline.
 *
 * @example The page lists every field and every shockable path
 * ```ts
 * import { fieldReference, renderScenarioReference } from "./field_reference.ts";
 * import { SHOCKABLE } from "./schema.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 * const page = renderScenarioReference(fieldReference(new Map()));
 * ok(page.startsWith("# Scenario files\n"));
 * ok(page.includes("| `funding.budgetRule` "));
 * ok(page.includes('"annual" \\| "equalTotal"'));
 * for (const path of SHOCKABLE) ok(page.includes(`\n- \`${path}\``), path);
 * strictEqual(page, renderScenarioReference(fieldReference(new Map())));
 * ```
 */
export function renderScenarioReference(rows: readonly FieldReferenceRow[]): string {
  const top = rows.filter((r) => !r.path.includes(".") && !r.path.startsWith("shocks"));
  const blocks = new Map<string, FieldReferenceRow[]>();
  const shocks = rows.filter((r) => r.path.startsWith("shocks"));
  for (const r of rows) {
    if (r.path.startsWith("shocks") || !r.path.includes(".")) continue;
    const block = r.path.slice(0, r.path.indexOf("."));
    const list = blocks.get(block) ?? [];
    list.push(r);
    blocks.set(block, list);
  }
  const wholeNumbers = new Set(rows.filter((r) => r.type === "whole number").map((r) => r.path));
  const out: string[] = [...INTRO, "", "```text", unknownFieldMessage(), "```", ""];
  out.push(...CROSS_FIELD_NOTE, "", "```text", overrideMessage(), "```", "");
  out.push(...GENERATED_NOTE, "", "## Scenario", "", ...SCENARIO_NOTE, "", ...table(top), "");
  for (const [block, list] of blocks) {
    const title = BLOCK_TITLES[block];
    out.push(`## \`${block}\`${title === undefined ? "" : `: ${title}`}`, "", ...table(list), "");
  }
  out.push(...SHOCKS_INTRO, "", ...table(shocks), "", ...SHOCKS_SEMANTICS, "");
  for (const path of SHOCKABLE) {
    out.push(`- \`${path}\`${wholeNumbers.has(path) ? " (whole number)" : ""}`);
  }
  out.push("", ...SETUP_ONLY_NOTE);
  for (const path of SETUP_ONLY_PATHS) out.push(`- \`${path}\``);
  out.push("", ...SHOCKS_EXAMPLE, "", ...BUDGET_RULE);
  return out.join("\n") + "\n";
}

/** What loading a file with a misspelt field reports. */
function unknownFieldMessage(): string {
  const result = validateScenario({ staff: { turnoverPerYr: 0.3 } }, "my.yaml");
  return result.ok ? "" : result.issues.map(formatIssue).join("\n");
}

/** What an override out of range reports. */
function overrideMessage(): string {
  try {
    resolveScenario({}, "my.yaml", { overrides: parseOverrides(["staff.turnoverPerYear=1.5"]) });
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A Markdown table aligned the way `deno fmt` aligns it. */
function table(rows: readonly FieldReferenceRow[]): string[] {
  const cells = rows.map((r) =>
    [
      `\`${r.path}\``,
      r.type,
      r.unit,
      r.default,
      r.range,
      r.description,
      r.source,
    ].map(escapeCell)
  );
  const widths = COLUMNS.map((name, i) =>
    Math.max(3, width(name), ...cells.map((line) => width(line[i])))
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((v, i) => v + " ".repeat(widths[i] - width(v))).join(" | ")} |`;
  return [line(COLUMNS), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

function escapeCell(text: string): string {
  const cell = text.replace(/\s+/g, " ").trim().replaceAll("|", "\\|");
  return cell === "" ? NONE : cell;
}

/** Width of a cell as `deno fmt` counts it: one per code point. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const INTRO: readonly string[] = [
  "# Scenario files",
  "",
  "<!-- Generated by `deno task docs` (src/scenario/write_reference.ts): do not edit by hand. -->",
  "",
  "A scenario file describes one run of the model. It is YAML (`.yaml`, `.yml`) or JSON (`.json`)",
  "holding one mapping: the scenario's `name`, `description`, `seed` and `extends`, and the model's",
  "parameters grouped in blocks (`funding.gapWeeks` is the field `gapWeeks` of the block `funding`).",
  "Run one with `deno task sim run scenarios/baseline.yaml`, or check files without running them with",
  "`deno task sim validate`.",
  "",
  "Every field is optional: a field left out takes its default (the column _default_, from",
  "`DEFAULT_PARAMS` in `src/model/params.ts`). A scenario without `name` is named after its file. The",
  "column _source_ says where each default comes from: a seed document (its file name), a published",
  "study, or an assumption; `data/parameters.csv` quotes the passage behind each one.",
  "",
  "Every field is checked when the file is loaded, and every problem is reported at once, naming the",
  "file, the field's path, what was expected (type, unit and range) and what was found. An unknown",
  "field is an error, never ignored, and a near miss gets a did-you-mean hint:",
];

const CROSS_FIELD_NOTE: readonly string[] = [
  "Some fields are also checked together: `staff.caseloadMax` must be at least `staff.caseloadTarget`,",
  "`families.severityMax` at least `families.severityMin`, and `funding.annualBudgetGbp` must pay for",
  "at least one post in each funded organisation.",
  "",
  "### Composition with `extends:`",
  "",
  "`extends:` starts a scenario from another file, given as a path relative to the file that names it.",
  "The parent applies first, then the file's own fields: mappings (the blocks) are merged field by",
  "field, while lists (`shocks`) and single values are replaced whole. A parent may itself extend",
  "another file; a cycle of `extends:` is an error. Each file is checked on its own, so a problem names",
  "the file it is in.",
  "",
  "```yaml",
  "# scenarios/no-extension.yaml: the baseline without the two-year extensions",
  "extends: baseline.yaml",
  "name: no-extension",
  "funding:",
  "  extensionShare: 0",
  "```",
  "",
  "### Overrides with `--set`",
  "",
  "`--set a.b=value` on the command line overrides one field by its dotted path, after `extends:` has",
  "been followed; the value is read as YAML (`0.3`, `true`, `equalTotal`). Overrides are checked the",
  "same way as the file, and a problem names the override:",
];

const GENERATED_NOTE: readonly string[] = [
  "This page is generated by `src/scenario/write_reference.ts` from `src/scenario/schema.ts` (types,",
  "ranges, units and descriptions), `DEFAULT_PARAMS` and `data/parameters.csv`. Do not edit it by hand:",
  "change those and run `deno task docs`. A test fails while the page is stale.",
];

const SCENARIO_NOTE: readonly string[] = [
  "What the scenario is, and how long the run lasts.",
];

const SHOCKS_INTRO: readonly string[] = [
  "## Shocks (M9)",
  "",
  "`shocks` is a list of scheduled changes to parameters during a run, such as a lockdown that limits",
  "statutory services for a year or a rise in referrals. Each shock has these fields:",
];

const SHOCKS_SEMANTICS: readonly string[] = [
  "Weeks count from 0, the first week of the run. Shocks are applied at the start of each week, before",
  "every other mechanism, so a value set for a week acts in that week.",
  "",
  "- **step** (the default): the parameter has the changed value in weeks `from` to `to − 1`, and from",
  "  week `to` on it is back to what it would be without the shock.",
  "- **ramp**: the parameter moves in a straight line from its value in week `from` to the changed",
  "  value in week `to`, and keeps the changed value for the rest of the run.",
  "- **set**: the changed value is `set`, in the parameter's own unit.",
  "- **multiply**: the changed value is the parameter's value times `multiply`.",
  "",
  "Give exactly one of `set` and `multiply`, and a `to` after `from`. The changed value (`set`, or the",
  "scenario's value times `multiply`) must lie in the parameter's own range, or the scenario is",
  "refused. Several shocks on one parameter apply in list order each week, each to the value the shocks",
  "before it produced: two overlapping steps with `multiply: 0.5` leave a quarter. Whole-number",
  "parameters are rounded after the shocks.",
  "",
  "A shock's `path` must be one of these parameters, the numbers read every week:",
];

const SETUP_ONLY_NOTE: readonly string[] = [
  "These numbers are read only when the model is built (sizes, the programme window and budget, the",
  "spread of capability), so a shock to them would change nothing and is refused, as is a shock to a",
  "switch or a rule:",
  "",
];

const SHOCKS_EXAMPLE: readonly string[] = [
  "For example, a lockdown from the start of year 3 halves statutory capacity for a year, while",
  "referrals rise by half over the same year and stay up:",
  "",
  "```yaml",
  "shocks:",
  "  - name: lockdown",
  "    path: staff.statutoryCapacityShare",
  "    from: 104",
  "    to: 156",
  "    multiply: 0.5",
  "  - name: rising needs",
  "    path: families.referralsPerPostPerYear",
  "    from: 104",
  "    to: 156",
  "    shape: ramp",
  "    multiply: 1.5",
  "```",
];

const BUDGET_RULE: readonly string[] = [
  "## Budget rule",
  "",
  "`funding.budgetRule` decides how the programme's money becomes grants, and so how many key-worker",
  "posts each funded organisation pays for: its yearly grant less `money.overheadShare`, divided by",
  "`money.salaryGbpPerPostPerYear`, rounded down. The rule is read once, when the model is built.",
  "",
  '- `"annual"` (the default): every running grant receives `annualBudgetGbp / organisations.funded` a',
  "  year. Gaps between grants and refused renewals leave money unawarded, so shorter cycles with gaps",
  "  award less in total.",
  '- `"equalTotal"`: the programme\'s total, `annualBudgetGbp × programmeYears`, is spread over the',
  "  weeks one organisation's grants would run inside the window if every renewal were granted (grants",
  "  back to back after each gap of `gapWeeks`, the last cut to the window, and no stub shorter than",
  "  half a grant). With a seven-year window, two-year grants and 13-week gaps, grants run 312 of the",
  "  364 weeks, so each running grant receives 364/312 ≈ 1.17 times what the annual rule gives. Every",
  "  grant length then awards the same total when every renewal is granted; refused renewals still",
  "  leave money unawarded, and extensions are paid at the same yearly rate on top.",
];
