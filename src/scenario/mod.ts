/**
 * Scenarios: the schema of scenario files, parsing (YAML and JSON), validation with clear
 * messages, `--set` overrides, and loading from disk.
 *
 * @example Validate a scenario given in code
 * ```ts
 * import { resolveScenario } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(resolveScenario({ seed: 7 }, "inline").seed, 7);
 * ```
 *
 * @module
 */
export { formatIssue, ScenarioError, type ScenarioIssue } from "./errors.ts";
export {
  fieldReference,
  type FieldReferenceRow,
  type ParameterSource,
  renderScenarioReference,
} from "./field_reference.ts";
export { loadScenarioData, loadScenarioFile, readText } from "./load_file.ts";
export { applyOverrides, type Override, parseOverrides } from "./overrides.ts";
export { parseScenarioText } from "./parse.ts";
export {
  DEFAULT_SEED,
  fileBaseName,
  type ResolveOptions,
  resolveScenario,
  type Scenario,
} from "./scenario.ts";
export { type FieldMeta, type ScenarioFile, scenarioSchema, SHOCKABLE } from "./schema.ts";
export {
  describeExpected,
  describeFound,
  formatPath,
  nearestName,
  schemaAt,
  validateAgainst,
  validateScenario,
  type Validation,
  valueAt,
} from "./validate.ts";
export { buildScenarioReference, SCENARIO_REFERENCE_PATH } from "./write_reference.ts";
