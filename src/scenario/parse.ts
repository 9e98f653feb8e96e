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
export function parseScenarioText(text: string, file: string): unknown {
  if (file.toLowerCase().endsWith(".json")) return parseJson(text, file);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
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
  return doc.toJS({ maxAliasCount: 100 });
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
    throw new ScenarioError([{ file: where, path: "", expected: "valid JSON", found: message }]);
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
