/**
 * Writes `docs/scenarios.md`, the field reference of scenario files, from the scenario schema,
 * the model's defaults and `data/parameters.csv`. Run it with `deno task docs`.
 *
 * @module
 */
import * as aq from "arquero";
import {
  fieldReference,
  type ParameterSource,
  renderScenarioReference,
} from "./field_reference.ts";

/**
 * The page's path, relative to the repository root.
 *
 * @example
 * ```ts
 * import { SCENARIO_REFERENCE_PATH } from "./write_reference.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(SCENARIO_REFERENCE_PATH, "docs/scenarios.md");
 * ```
 */
export const SCENARIO_REFERENCE_PATH = "docs/scenarios.md";

/**
 * Reads the parameter sources from `data/parameters.csv` (next to `src/`) and renders the
 * field reference page.
 *
 * @returns The text of `docs/scenarios.md`.
 *
 * @example The page names the sources of the defaults
 * ```ts
 * import { buildScenarioReference } from "./write_reference.ts";
 * import { ok } from "node:assert/strict";
 * const page = await buildScenarioReference();
 * ok(page.includes("003_2d3a9cdd3abf509d.txt"));
 * ok(page.includes("Edwards & Wildeman 2018"));
 * ```
 */
export async function buildScenarioReference(): Promise<string> {
  const csv = await Deno.readTextFile(new URL("../../data/parameters.csv", import.meta.url));
  const table = aq.fromCSV(csv, { autoType: false });
  const sources = new Map<string, ParameterSource>();
  for (const row of table.objects() as Record<string, string>[]) {
    sources.set(row.path, { source_type: row.source_type, source: row.source });
  }
  return renderScenarioReference(fieldReference(sources));
}

if (import.meta.main) {
  await Deno.writeTextFile(
    new URL(`../../${SCENARIO_REFERENCE_PATH}`, import.meta.url),
    await buildScenarioReference(),
  );
}
