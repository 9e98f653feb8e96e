/**
 * Reads a scenario file from disk (the CLI's way in). Missing files, directories and text that
 * is not UTF-8 are reported like any other scenario problem.
 *
 * @module
 */
import { ScenarioError } from "./errors.ts";
import type { Override } from "./overrides.ts";
import { parseScenarioText } from "./parse.ts";
import { resolveScenario, type Scenario } from "./scenario.ts";

/**
 * Reads, parses and validates a scenario file.
 *
 * @param path The file's path.
 * @param options `--set` overrides and a seed to use instead of the file's.
 * @returns The scenario.
 * @throws {ScenarioError} For a missing or unreadable file, bad syntax or invalid fields.
 *
 * @example
 * ```ts
 * import { loadScenarioFile } from "./load_file.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const s = await loadScenarioFile("scenarios/baseline.yaml");
 * deepStrictEqual(s.name, "baseline");
 * ```
 */
export async function loadScenarioFile(
  path: string,
  options: { overrides?: readonly Override[]; seed?: number } = {},
): Promise<Scenario> {
  return resolveScenario(parseScenarioText(await readText(path), path), path, options);
}

async function readText(path: string): Promise<string> {
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
    throw new ScenarioError([{ file: path, path: "", expected: "a scenario file", found }]);
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
