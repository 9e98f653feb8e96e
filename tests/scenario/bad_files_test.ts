/**
 * Every file in `tests/fixtures/bad/` is refused with the message a user should see. One row per
 * file: a file without a row (or a row without a file) fails the test. Each row lists the
 * problems expected, in the order reported, by the file they name, the field path, what was
 * expected and what was found; together they must be the whole message.
 */
import { deepStrictEqual, match, ok, rejects, strictEqual } from "node:assert/strict";
import { loadScenarioFile, ScenarioError } from "../../src/scenario/mod.ts";

const DIR = new URL("../fixtures/bad", import.meta.url).pathname;

/** One expected problem: one line of the message. */
interface Problem {
  /** The file the line names (a base name in DIR), with `:line:col` for syntax errors. */
  readonly file: string;
  /** The field path; "" for the whole file. */
  readonly path: string;
  /** Text after "expected ". */
  readonly expected: string;
  /** Text after ", found " (all of it), or a pattern for it. */
  readonly found: string | RegExp;
}

const problem = (
  file: string,
  path: string,
  expected: string,
  found: string | RegExp,
): Problem => ({ file, path, expected, found });

const ROWS: Record<string, readonly Problem[]> = {
  "contradictory.yaml": [
    problem(
      "contradictory.yaml",
      "staff.caseloadMax",
      "at least staff.caseloadTarget (20)",
      "10",
    ),
  ],
  "empty.yaml": [problem("empty.yaml", "", "a mapping of scenario fields", "an empty file")],
  "extends_bad_parent.yaml": [
    // The problem is in the parent, and the message names the parent, not the file run.
    problem(
      "extends_bad_parent_base.yaml",
      "staff.vacancyWeeks",
      "a number (weeks) in [1, 520]",
      '"ten"',
    ),
  ],
  "extends_bad_parent_base.yaml": [
    problem(
      "extends_bad_parent_base.yaml",
      "staff.vacancyWeeks",
      "a number (weeks) in [1, 520]",
      '"ten"',
    ),
  ],
  // The cycle is reported on the `extends` that closes it: in the other file.
  "extends_cycle_a.yaml": [
    problem(
      "extends_cycle_b.yaml",
      "extends",
      "a chain of scenario files without cycles",
      /^a cycle: \S*extends_cycle_a\.yaml → \S*extends_cycle_b\.yaml → \S*extends_cycle_a\.yaml$/,
    ),
  ],
  "extends_cycle_b.yaml": [
    problem(
      "extends_cycle_a.yaml",
      "extends",
      "a chain of scenario files without cycles",
      /^a cycle: \S*extends_cycle_b\.yaml → \S*extends_cycle_a\.yaml → \S*extends_cycle_b\.yaml$/,
    ),
  ],
  "extends_missing.yaml": [
    problem(
      "extends_missing.yaml",
      "extends",
      "the path of a scenario file, relative to this one",
      /^no file at ".*tests\/fixtures\/bad\/nope\.yaml"$/,
    ),
  ],
  "malformed.json": [
    problem("malformed.json:1:12", "", "valid JSON", "expected double-quoted property name"),
  ],
  "malformed.yaml": [
    // The yaml library reports where the unclosed flow sequence ends (3:1), not where the "["
    // opens (line 2); the message cannot name a field, as the file did not parse.
    problem(
      "malformed.yaml:3:1",
      "",
      "valid YAML",
      "Flow sequence in block collection must be sufficiently indented and end with a ]",
    ),
  ],
  "not_utf8.yaml": [problem("not_utf8.yaml", "", "UTF-8 text", "bytes that are not UTF-8")],
  "out_of_range.yaml": [
    problem(
      "out_of_range.yaml",
      "funding.renewalProbability",
      "a number (probability per renewal decision) in [0, 1]",
      "1.5",
    ),
  ],
  "several.yaml": [
    problem("several.yaml", "mechanisms.trust", "true or false", '"yes"'),
    problem("several.yaml", "staff.vacancyWeeks", "a number (weeks) in [1, 520]", "-1"),
    problem(
      "several.yaml",
      "staff.turnover",
      "a field of staff",
      'an unknown field (did you mean "turnoverPerYear"?)',
    ),
  ],
  "shock_bad_path.yaml": [
    problem(
      "shock_bad_path.yaml",
      "shocks[0].path",
      "a numeric parameter read each week (see docs/scenarios.md, Shocks)",
      '"staff.turnover" (did you mean "staff.turnoverPerYear"?)',
    ),
  ],
  "shock_both.yaml": [
    // The path names `set` only, though the problem is `set` and `multiply` together.
    problem("shock_both.yaml", "shocks[0].set", "exactly one of set or multiply", "both"),
  ],
  "shock_cross_field.yaml": [
    // The rule is broken on staff.caseloadMax, which no shock sets: the shock in force blamed.
    problem(
      "shock_cross_field.yaml",
      "shocks[0]",
      "shocks that keep staff.caseloadMax at least staff.caseloadTarget (20)",
      "staff.caseloadMax = 16 in week 156",
    ),
  ],
  "shock_out_of_range.yaml": [
    problem(
      "shock_out_of_range.yaml",
      "shocks[0]",
      "shocks that keep staff.turnoverPerYear a number (probability per year) in [0, 1]",
      "staff.turnoverPerYear = 1.5 in week 52",
    ),
  ],
  "shock_setup_only.yaml": [
    problem(
      "shock_setup_only.yaml",
      "shocks[0].path",
      "a parameter read each week (this one is read only when the model is built, so a shock cannot change it)",
      '"organisations.funded"',
    ),
  ],
  "shock_to_before_from.yaml": [
    problem("shock_to_before_from.yaml", "shocks[0].to", "a week after from (208)", "156"),
  ],
  "unknown_enum.yaml": [
    problem(
      "unknown_enum.yaml",
      "funding.budgetRule",
      'one of "annual", "equalTotal"',
      '"equal"',
    ),
  ],
  "unknown_key.yaml": [
    problem(
      "unknown_key.yaml",
      "staff.turnover",
      "a field of staff",
      'an unknown field (did you mean "turnoverPerYear"?)',
    ),
  ],
  "wrong_type.yaml": [
    problem(
      "wrong_type.yaml",
      "funding.grantLengthYears",
      "a number (years) in [1/52, 100]",
      '"five"',
    ),
  ],
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The pattern of the line `<dir>/<file>: <path>: expected <expected>, found <found>`. */
function linePattern(p: Problem): RegExp {
  const where = `(^|/)${escape(p.file)}: ${p.path === "" ? "" : `${escape(p.path)}: `}`;
  const found = typeof p.found === "string"
    ? escape(p.found)
    : p.found.source.replace(/^\^/, "").replace(/\$$/, "");
  return new RegExp(`${where}expected ${escape(p.expected)}, found ${found}$`);
}

Deno.test("every file in tests/fixtures/bad has a row, and every row a file", async () => {
  const files: string[] = [];
  for await (const entry of Deno.readDir(DIR)) if (entry.isFile) files.push(entry.name);
  deepStrictEqual(files.sort(), Object.keys(ROWS).sort());
});

for (const [name, problems] of Object.entries(ROWS)) {
  Deno.test(`loadScenarioFile() refuses bad/${name} with a message naming the problem`, async () => {
    const path = `${DIR}/${name}`;
    if (!(await Deno.stat(path).then(() => true, () => false))) return; // reported above
    await rejects(loadScenarioFile(path), (error: unknown) => {
      ok(error instanceof ScenarioError, `${name}: ${String(error)}`);
      const lines = error.message.split("\n");
      strictEqual(lines.length, problems.length, error.message);
      strictEqual(error.issues.length, problems.length, error.message);
      problems.forEach((p, i) => {
        match(lines[i], linePattern(p));
        ok(error.issues[i].file.endsWith(p.file), error.message);
        strictEqual(error.issues[i].path, p.path, error.message);
        strictEqual(error.issues[i].expected, p.expected, error.message);
      });
      return true;
    });
  });
}

Deno.test("sim validate, run as a user types it, refuses every bad file with exit code 2 and names each one", async () => {
  const names = Object.keys(ROWS).filter((n) =>
    !n.endsWith("_base.yaml") && !n.endsWith("_b.yaml")
  );
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "sim", "validate", ...names.map((n) => `tests/fixtures/bad/${n}`)],
    cwd: new URL("../../", import.meta.url).pathname,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(output.stderr);
  strictEqual(output.code, 2, stderr);
  for (const [name, problems] of Object.entries(ROWS)) {
    if (!names.includes(name)) continue;
    for (const p of problems) {
      ok(stderr.split("\n").some((line) => linePattern(p).test(line)), `${name}: ${stderr}`);
    }
  }
  ok(!stderr.includes("Unexpected failure"), stderr);
});
