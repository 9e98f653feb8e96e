/**
 * The generated field reference `docs/scenarios.md`: up to date with the schema, the defaults
 * and `data/parameters.csv`, complete, and with examples that load.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import * as aq from "arquero";
import { parse } from "yaml";
import { DEFAULT_PARAMS, FUNDING_DEFAULTS, plannedGrantWeeks } from "../../src/model/mod.ts";
import {
  buildScenarioReference,
  fieldReference,
  type ParameterSource,
  resolveScenario,
  SCENARIO_REFERENCE_PATH,
  validateScenario,
} from "../../src/scenario/mod.ts";
import { SHOCKABLE } from "../../src/scenario/schema.ts";
import { leafPaths } from "../_param_paths.ts";

const page = await Deno.readTextFile(new URL(`../../${SCENARIO_REFERENCE_PATH}`, import.meta.url));
const csv = await Deno.readTextFile(new URL("../../data/parameters.csv", import.meta.url));
const sources = new Map<string, ParameterSource>(
  (aq.fromCSV(csv, { autoType: false }).objects() as Record<string, string>[])
    .map((r) => [r.path, { source_type: r.source_type, source: r.source }]),
);
const rows = fieldReference(sources);

/** The lines of a bullet list that follows the line starting with `lead`. */
function listAfter(text: string, lead: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(lead));
  ok(start >= 0, `the page has a line starting ${JSON.stringify(lead)}`);
  const out: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith("- "); i++) {
    out.push(/^- `([^`]+)`/.exec(lines[i])?.[1] ?? lines[i]);
  }
  return out;
}

Deno.test("buildScenarioReference() equals docs/scenarios.md on disk", async () => {
  strictEqual(
    page,
    await buildScenarioReference(),
    "docs/scenarios.md is stale: run deno task docs",
  );
});

Deno.test("fieldReference() lists every parameter with its default", () => {
  const byPath = new Map(rows.map((r) => [r.path, r]));
  for (const [path, value] of leafPaths(DEFAULT_PARAMS)) {
    const row = byPath.get(path);
    ok(row !== undefined, `${path} has a row`);
    strictEqual(row.default, JSON.stringify(value), path);
    ok(page.includes(`| \`${path}\` `), `${path} is in the page`);
  }
});

Deno.test("fieldReference() gives every field a unit and a description, and every parameter a source", () => {
  const parameters = leafPaths(DEFAULT_PARAMS);
  for (const row of rows) {
    ok(row.unit.length > 0 && row.unit !== "–", `${row.path} has a unit`);
    ok(row.description.length > 0 && row.description !== "–", `${row.path} has a description`);
    ok(row.type.length > 0, `${row.path} has a type`);
    if (parameters.has(row.path)) ok(row.source !== "–", `${row.path} has a source`);
  }
  deepStrictEqual(rows.map((r) => r.path).slice(0, 5), [
    "name",
    "description",
    "seed",
    "extends",
    "horizonYears",
  ]);
});

Deno.test("buildScenarioReference() lists exactly the shockable paths", () => {
  deepStrictEqual(listAfter(page, "A shock's `path` must be one of"), [...SHOCKABLE]);
});

Deno.test("buildScenarioReference() shows YAML examples that validate", () => {
  const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]));
  ok(blocks.length >= 2, "the page has YAML examples");
  for (const block of blocks) {
    const result = validateScenario(block, "docs/scenarios.md");
    ok(result.ok, JSON.stringify(result));
  }
  const withShocks = blocks.find((b) => "shocks" in b);
  ok(withShocks !== undefined, "the page has a shocks example");
  strictEqual(resolveScenario(withShocks, "docs/scenarios.md").params.shocks.length, 2);
});

Deno.test("buildScenarioReference() quotes the budget rule's worked example correctly", () => {
  const p = { ...FUNDING_DEFAULTS, programmeYears: 7, grantLengthYears: 2, gapWeeks: 13 };
  strictEqual(plannedGrantWeeks(p), 312);
  ok(/grants run 312 of the\s+364 weeks/.test(page), "the page quotes 312 of 364 weeks");
});
