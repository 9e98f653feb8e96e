/**
 * Reads a scenario file from disk (the CLI's way in). Missing files, directories and text that
 * is not UTF-8 are reported like any other scenario problem.
 *
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";
import { ScenarioError } from "./errors.ts";
import type { Override } from "./overrides.ts";
import { parseScenarioText } from "./parse.ts";
import { resolveScenario, type Scenario } from "./scenario.ts";
import { validateScenario } from "./validate.ts";

/**
 * Reads, parses and validates a scenario file, following `extends:` (a path relative to the
 * file): the parent's fields apply first, then the file's own (mappings merge field by field;
 * lists such as `shocks` and single values are replaced). Each file is checked on its own, so
 * a problem names the file it is in; a missing parent or a cycle is reported on `extends`.
 *
 * @param path The file's path.
 * @param options `--set` overrides and a seed to use instead of the file's.
 * @returns The scenario.
 * @throws {ScenarioError} For a missing or unreadable file, bad syntax, invalid fields, a
 *   missing parent or a cycle of `extends`.
 *
 * @example
 * ```ts
 * import { loadScenarioFile } from "./load_file.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = await loadScenarioFile("scenarios/baseline.yaml");
 * strictEqual(s.name, "baseline");
 * ```
 */
export async function loadScenarioFile(
  path: string,
  options: { overrides?: readonly Override[]; seed?: number } = {},
): Promise<Scenario> {
  return resolveScenario(await loadMerged(path, []), path, options);
}

/**
 * Reads a scenario file and its `extends:` chain into one merged, checked mapping, not yet
 * resolved into model parameters: what an experiment needs to derive many scenarios from one
 * file (each with its own overrides, through {@linkcode resolveScenario}).
 *
 * @param path The file's path.
 * @returns The merged fields, without `extends`.
 * @throws {ScenarioError} As {@linkcode loadScenarioFile}.
 *
 * @example
 * ```ts
 * import { loadScenarioData } from "./load_file.ts";
 * import { strictEqual } from "node:assert/strict";
 * const data = await loadScenarioData("scenarios/pandemic.yaml");
 * strictEqual(data.extends, undefined);
 * strictEqual(data.seed, 2015); // from baseline.yaml, which pandemic.yaml extends
 * ```
 */
export function loadScenarioData(path: string): Promise<Record<string, unknown>> {
  return loadMerged(path, []);
}

/**
 * Reads a scenario file and its `extends:` chain into one merged mapping (not yet resolved).
 *
 * @param path The file's path.
 * @param chain Absolute paths of the files that extend this one (for cycle detection).
 * @returns The merged data, without `extends`.
 */
async function loadMerged(
  path: string,
  chain: readonly string[],
): Promise<Record<string, unknown>> {
  const raw = parseScenarioText(await readText(path), path);
  const checked = validateScenario(raw, path);
  if (!checked.ok) throw new ScenarioError(checked.issues);
  const own = { ...(raw as Record<string, unknown>) };
  const parentName = own.extends as string | undefined;
  delete own.extends;
  if (parentName === undefined) return own;
  const here = resolve(path);
  const parentPath = join(dirname(path), parentName);
  const seen = [...chain, here];
  if (seen.includes(resolve(parentPath))) {
    const cycle = [...seen, resolve(parentPath)].map((p) => relative(Deno.cwd(), p)).join(" → ");
    throw new ScenarioError([{
      file: path,
      path: "extends",
      expected: "a chain of scenario files without cycles",
      found: `a cycle: ${cycle}`,
    }]);
  }
  if (!(await isFile(parentPath))) {
    throw new ScenarioError([{
      file: path,
      path: "extends",
      expected: "the path of a scenario file, relative to this one",
      found: `no file at ${JSON.stringify(parentPath)}`,
    }]);
  }
  return mergeScenarios(await loadMerged(parentPath, seen), own);
}

/**
 * Merges a child scenario onto its parent: mappings field by field, everything else replaced.
 *
 * @param parent The parent's data.
 * @param child The child's data.
 * @returns A new mapping.
 *
 * @example
 * ```ts
 * import { mergeScenarios } from "./load_file.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(
 *   mergeScenarios({ seed: 1, staff: { a: 1, b: 2 } }, { staff: { b: 3 } }),
 *   { seed: 1, staff: { a: 1, b: 3 } },
 * );
 * ```
 */
export function mergeScenarios(
  parent: Record<string, unknown>,
  child: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const base = out[key];
    out[key] = isMapping(base) && isMapping(value) ? mergeScenarios(base, value) : value;
  }
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/**
 * Reads a project file (scenario, sweep, sensitivity spec) as UTF-8 text, reporting a missing
 * file, a directory or bytes that are not UTF-8 as a {@linkcode ScenarioError} on that file.
 *
 * @param path The file's path.
 * @param kind What the file should be, for the message, e.g. `"a sweep file"`.
 * @returns The text.
 * @throws {ScenarioError} If the file cannot be read as UTF-8 text.
 *
 * @example
 * ```ts
 * import { readText } from "./load_file.ts";
 * import { rejects } from "node:assert/strict";
 * await rejects(readText("no/such.yaml", "a sweep file"), /expected a sweep file/);
 * ```
 */
export async function readText(path: string, kind = "a scenario file"): Promise<string> {
  let bytes: Uint8Array;
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) {
      throw new ScenarioError([{ file: path, path: "", expected: "a file", found: "a directory" }]);
    }
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const found = error instanceof Deno.errors.NotFound
      ? "no file at that path"
      : `an unreadable file (${error instanceof Error ? error.message : String(error)})`;
    throw new ScenarioError([{ file: path, path: "", expected: kind, found }]);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioError([{
      file: path,
      path: "",
      expected: "UTF-8 text",
      found: "bytes that are not UTF-8",
    }]);
  }
}
