/**
 * Scenario errors: every problem found in a scenario, each naming the file, the field path,
 * what was expected and what was found.
 *
 * @module
 */

/** One problem in a scenario. */
export interface ScenarioIssue {
  /** The file (or `--set`) the problem is in. */
  readonly file: string;
  /** Dotted field path, e.g. `funding.grantLengthYears`; empty for the whole file. */
  readonly path: string;
  /** What was expected. */
  readonly expected: string;
  /** What was found. */
  readonly found: string;
  /** A hint, e.g. `did you mean "turnoverPerYear"?`. */
  readonly hint?: string;
}

/**
 * Formats one issue as `file: path: expected X, found Y (hint)`.
 *
 * @param issue The issue.
 * @returns One line.
 *
 * @example
 * ```ts
 * import { formatIssue } from "./errors.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(
 *   formatIssue({ file: "a.yaml", path: "staff.turnover", expected: "a known field", found: "an unknown field" }),
 *   "a.yaml: staff.turnover: expected a known field, found an unknown field",
 * );
 * ```
 */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.path === "" ? `${issue.file}` : `${issue.file}: ${issue.path}`;
  const hint = issue.hint ? ` (${issue.hint})` : "";
  return `${where}: expected ${issue.expected}, found ${issue.found}${hint}`;
}

/**
 * Thrown when a scenario cannot be used. Carries every issue found, not just the first.
 *
 * @example
 * ```ts
 * import { ScenarioError } from "./errors.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const e = new ScenarioError([{ file: "a.yaml", path: "seed", expected: "an integer", found: "1.5" }]);
 * deepStrictEqual(e.message, "a.yaml: seed: expected an integer, found 1.5");
 * ```
 */
export class ScenarioError extends Error {
  /** Every issue found. */
  readonly issues: readonly ScenarioIssue[];
  /** @param issues Every issue found (at least one). */
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ScenarioError";
    this.issues = issues;
  }
}
