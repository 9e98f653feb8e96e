/**
 * One place for defaults, one for sources: every parameter in `DEFAULT_PARAMS` has exactly one
 * row in `data/parameters.csv` with the same default, a unit and a source, and the scenario
 * schema accepts exactly the same fields.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import * as aq from "arquero";
import { z } from "zod";
import { DEFAULT_PARAMS, WHOLE_NUMBER_PATHS } from "../../src/model/mod.ts";
import { fieldReference, scenarioSchema, SHOCKABLE } from "../../src/scenario/mod.ts";
import { leafPaths } from "../_param_paths.ts";

function schemaPaths(schema: z.ZodType, prefix = ""): string[] {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (!(s instanceof z.ZodObject)) return [prefix];
  return Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([key, inner]) =>
    schemaPaths(inner, prefix ? `${prefix}.${key}` : key)
  );
}

const table = aq.fromCSV(await Deno.readTextFile("data/parameters.csv"), { autoType: false });
const rows = table.objects() as Record<string, string>[];
const defaults = leafPaths(DEFAULT_PARAMS);

Deno.test("data/parameters.csv has one row per parameter, with the default the code uses", () => {
  deepStrictEqual(table.columnNames(), [
    "path",
    "unit",
    "default",
    "source_type",
    "source",
    "passage",
  ]);
  deepStrictEqual(rows.map((r) => r.path).sort(), [...defaults.keys()].sort());
  for (const row of rows) strictEqual(row.default, String(defaults.get(row.path)), row.path);
});

Deno.test("data/parameters.csv gives every parameter a unit and a source (seed, published or assumption)", () => {
  for (const row of rows) {
    ok(row.unit.length > 0, `${row.path} has a unit`);
    ok(
      ["seed", "published", "assumption"].includes(row.source_type),
      `${row.path}: ${row.source_type}`,
    );
    ok(row.passage.length > 10, `${row.path} says why`);
    if (row.source_type === "seed") match(row.source, /^00\d_[0-9a-f]{16}\.txt$/, row.path);
    if (row.source_type === "published") match(row.source, /https?:\/\//, row.path);
  }
});

Deno.test("the scenario schema accepts exactly the model's parameters plus name, description, seed, extends and shocks", () => {
  deepStrictEqual(
    schemaPaths(scenarioSchema).sort(),
    [...defaults.keys(), "name", "description", "seed", "extends", "shocks"].sort(),
  );
});

Deno.test("data/parameters.csv and the scenario schema give every parameter the same unit", () => {
  const schemaUnits = new Map(fieldReference(new Map()).map((r) => [r.path, r.unit]));
  for (const row of rows) strictEqual(row.unit, schemaUnits.get(row.path), row.path);
});

Deno.test("every default passes the scenario schema", () => {
  ok(scenarioSchema.safeParse(DEFAULT_PARAMS).success);
});

Deno.test("every shockable whole-number parameter is rounded by the shock schedule", () => {
  const wholeNumbers = fieldReference(new Map())
    .filter((r) => r.type === "whole number" && SHOCKABLE.includes(r.path))
    .map((r) => r.path)
    .sort();
  deepStrictEqual([...WHOLE_NUMBER_PATHS].sort(), wholeNumbers);
});
