/**
 * "Download scenario": a side of the explorer written as a scenario file that the command line
 * accepts (`deno task sim validate file.yaml`, `deno task sim run file.yaml`), self-contained
 * (no `extends:`), with a comment saying where it came from.
 *
 * @module
 */
import { stringify } from "yaml";
import type { SideScenario } from "./state.ts";

/**
 * Writes a side's scenario as YAML.
 *
 * @param scenario A side's scenario (from `sideScenarios`).
 * @param link The explorer link that shows it (written in the header comment), if known.
 * @returns YAML text ending in a newline.
 *
 * @example
 * ```ts
 * import { scenarioYaml } from "./scenario_export.ts";
 * import { parse } from "yaml";
 * import { deepStrictEqual, match } from "node:assert/strict";
 * const raw = { name: "x-custom", description: "d", seed: 3, staff: { turnoverPerYear: 0.4 } };
 * const text = scenarioYaml({ name: "x-custom", raw, changed: true });
 * match(text, /^# Made with the partnership-sim explorer/);
 * deepStrictEqual(parse(text), raw);
 * ```
 */
export function scenarioYaml(scenario: SideScenario, link?: string): string {
  const header = [
    "# Made with the partnership-sim explorer. Check it with",
    `#   deno task sim validate ${scenarioFileName(scenario)}`,
    "# and run it with",
    `#   deno task sim run ${scenarioFileName(scenario)} --replicates 20`,
    ...(link ? ["# Open it again in the explorer:", `#   ${link}`] : []),
  ];
  return `${header.join("\n")}\n${stringify(scenario.raw, { lineWidth: 100 })}`;
}

/**
 * The file name a side's scenario downloads as: its name, made safe for a file system, with
 * `.yaml`.
 *
 * @param scenario A side's scenario.
 * @returns The file name.
 *
 * @example
 * ```ts
 * import { scenarioFileName } from "./scenario_export.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(scenarioFileName({ name: "baseline-custom", raw: {}, changed: true }), "baseline-custom.yaml");
 * strictEqual(scenarioFileName({ name: "a/b c", raw: {}, changed: true }), "a-b-c.yaml");
 * ```
 */
export function scenarioFileName(scenario: SideScenario): string {
  const safe = scenario.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "");
  return `${safe === "" ? "scenario" : safe}.yaml`;
}
