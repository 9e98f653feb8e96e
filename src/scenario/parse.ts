/**
 * Parses scenario text (YAML or JSON) into plain data, reporting syntax errors with line and
 * column.
 *
 * @module
 */
import { parseDocument } from "yaml";
import { ScenarioError } from "./errors.ts";

/**
 * Parses YAML (a superset of JSON) or, for a `.json` file, strict JSON.
 *
 * @param text The file's text.
 * @param file The file name: `.json` selects strict JSON, anything else YAML.
 * @returns The parsed data (`null` for an empty document).
 * @throws {ScenarioError} With the line and column of a syntax error.
 *
 * @example
 * ```ts
 * import { parseScenarioText } from "./parse.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 * deepStrictEqual(parseScenarioText("staff:\n  turnoverPerYear: 0.3\n", "a.yaml"), { staff: { turnoverPerYear: 0.3 } });
 * throws(() => parseScenarioText("{", "a.json"));
 * ```
 */
export function parseScenarioText(source: string, file: string): unknown {
  // A byte-order mark (as some Windows editors save files) is not part of the content.
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const data = file.toLowerCase().endsWith(".json") ? parseJson(text, file) : parseYaml(text, file);
  const odd = findNonPlainData(data, []);
  if (odd) {
    throw new ScenarioError([{
      file,
      path: odd.path,
      expected: "plain mappings, lists, numbers, text and true/false",
      found: odd.found,
    }]);
  }
  return data;
}

function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, schema: "core" });
  if (doc.errors.length > 0) {
    throw new ScenarioError(doc.errors.map((error) => {
      const pos = error.linePos?.[0];
      return {
        file: pos ? `${file}:${pos.line}:${pos.col}` : file,
        path: "",
        expected: "valid YAML",
        found: firstLine(error.message),
      };
    }));
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias without its anchor, or too many aliases
    const message = error instanceof Error ? error.message : String(error);
    throw new ScenarioError([{
      file,
      path: "",
      expected: "valid YAML",
      found: firstLine(message),
    }]);
  }
}

/** Finds a value a scenario cannot hold (a YAML Map, Set, date or binary), with its path. */
function findNonPlainData(
  value: unknown,
  path: readonly string[],
): { path: string; found: string } | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const where = path.join(".");
  if (value instanceof Map) return { path: where, found: "a YAML ordered map (!!omap)" };
  if (value instanceof Set) return { path: where, found: "a YAML set (!!set)" };
  if (value instanceof Date) return { path: where, found: "a date" };
  if (ArrayBuffer.isView(value)) return { path: where, found: "binary data (!!binary)" };
  for (const [key, inner] of Object.entries(value)) {
    const found = findNonPlainData(inner, [...path, Array.isArray(value) ? `[${key}]` : key]);
    if (found) return { ...found, path: found.path.replace(/\.\[/g, "[") };
  }
  return undefined;
}

function parseJson(text: string, file: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    let where = file;
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      const col = Number(at[1]) - before.lastIndexOf("\n");
      where = `${file}:${line}:${col}`;
    }
    const found = message.replace(/ in JSON at position \d+.*$/, "").replace(
      /^./,
      (c) => c.toLowerCase(),
    );
    throw new ScenarioError([{ file: where, path: "", expected: "valid JSON", found }]);
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
