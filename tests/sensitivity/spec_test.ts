import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { loadScenarioFile, ScenarioError, type ScenarioIssue } from "../../src/scenario/mod.ts";
import {
  createDesign,
  parseSensitivitySpec,
  pointOverrides,
  validateSensitivitySpec,
} from "../../src/sensitivity/mod.ts";
import { loadSpec } from "./_helpers.ts";

/** The issues a spec raises (fails if it is valid). */
function issuesOf(raw: unknown, file = "s.yaml"): readonly ScenarioIssue[] {
  try {
    validateSensitivitySpec(raw, file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
    throw error;
  }
  throw new Error("the spec was accepted");
}

const SCENARIO_SPEC = {
  base: "../baseline.yaml",
  parameters: [{ path: "staff.turnoverPerYear", min: 0.1, max: 0.4 }],
  metrics: ["outcomes_achieved"],
  method: "morris",
  trajectories: 10,
};

Deno.test("validateSensitivitySpec() fills defaults and resolves base relative to the spec", () => {
  const spec = validateSensitivitySpec(SCENARIO_SPEC, "scenarios/sensitivity/mine.yaml");
  deepStrictEqual(spec.target, {
    kind: "scenario",
    base: "../baseline.yaml",
    basePath: "scenarios/baseline.yaml",
  });
  strictEqual(spec.name, "mine");
  deepStrictEqual(spec.method, { kind: "morris", trajectories: 10, levels: 4 });
  deepStrictEqual([spec.replicates, spec.bootstrap, spec.seed], [1, 1000, 1]);
  deepStrictEqual(spec.parameters, [
    { path: "staff.turnoverPerYear", min: 0.1, max: 0.4, wholeNumber: false },
  ]);
});

Deno.test("validateSensitivitySpec() gives test functions their inputs, ranges and metric", () => {
  const ishigami = validateSensitivitySpec({ model: "ishigami", method: "sobol", samples: 8 }, "i");
  deepStrictEqual(ishigami.target, { kind: "ishigami", a: 7, b: 0.1 });
  deepStrictEqual(ishigami.parameters.map((p) => [p.path, p.min, p.max]), [
    ["x1", -Math.PI, Math.PI],
    ["x2", -Math.PI, Math.PI],
    ["x3", -Math.PI, Math.PI],
  ]);
  deepStrictEqual(ishigami.metrics, ["y"]);
  const g = validateSensitivitySpec({
    model: "sobol-g",
    coefficients: [0, 9],
    parameters: [{ path: "x1", min: 0, max: 0.5 }, { path: "x2", min: 0, max: 1 }],
    method: "sobol",
    samples: 8,
  }, "g");
  deepStrictEqual(g.parameters.map((p) => p.max), [0.5, 1]);
});

Deno.test("validateSensitivitySpec() marks whole-number scenario fields", () => {
  const spec = validateSensitivitySpec({
    ...SCENARIO_SPEC,
    parameters: [{ path: "networking.intervalWeeks", min: 9, max: 26 }],
  }, "s.yaml");
  strictEqual(spec.parameters[0].wholeNumber, true);
});

Deno.test("validateSensitivitySpec() reports each problem with file, path, expected and found", () => {
  const cases: [unknown, Partial<ScenarioIssue>][] = [
    [null, { path: "", found: "an empty file" }],
    [{ ...SCENARIO_SPEC, method: "sobolx" }, { path: "method", found: '"sobolx"' }],
    [{ ...SCENARIO_SPEC, trajectory: 3 }, {
      path: "trajectory",
      found: "an unknown field",
      hint: 'did you mean "trajectories"?',
    }],
    [{ ...SCENARIO_SPEC, model: "ishigami" }, { path: "model", found: "both" }],
    [{ method: "morris", trajectories: 4 }, { path: "", found: "neither" }],
    [{ model: "sobol-g", method: "sobol", samples: 8 }, { path: "coefficients", found: "nothing" }],
    [{ model: "sobol-g", coefficients: [1], a: 2, method: "sobol", samples: 8 }, {
      path: "a",
      expected: "a only with model: ishigami",
    }],
    [{ model: "ishigami", method: "sobol" }, { path: "samples", found: "nothing" }],
    [{ model: "ishigami", method: "sobol", samples: 8, levels: 4 }, { path: "levels" }],
    [{ model: "ishigami", method: "morris", trajectories: 4, levels: 5 }, {
      path: "levels",
      found: "5",
    }],
    [{ model: "ishigami", method: "morris", trajectories: 4, samples: 8 }, { path: "samples" }],
    [{ model: "ishigami", method: "sobol", samples: 1.5 }, { path: "samples", found: "1.5" }],
    [{ model: "ishigami", method: "sobol", samples: 8, metrics: ["z"] }, {
      path: "metrics[0]",
      found: '"z"',
    }],
    [{
      model: "ishigami",
      method: "sobol",
      samples: 8,
      parameters: [{ path: "x2", min: 0, max: 1 }],
    }, { path: "parameters", found: '"x2"' }],
    [{ ...SCENARIO_SPEC, parameters: undefined }, { path: "parameters", found: "nothing" }],
    [{ ...SCENARIO_SPEC, metrics: ["outcomes_achieve"] }, {
      path: "metrics[0]",
      hint: 'did you mean "outcomes_achieved"?',
    }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "staff.turnoverPerYr", min: 0.1, max: 0.4 }] }, {
      path: "parameters[0].path",
      found: '"staff.turnoverPerYr"',
      hint: 'did you mean "staff.turnoverPerYear"?',
    }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "mechanisms.trust", min: 0, max: 1 }] }, {
      path: "parameters[0].path",
      found: '"mechanisms.trust", a switch (true or false)',
    }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "seed", min: 0, max: 10 }] }, {
      path: "parameters[0].path",
    }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "staff.turnoverPerYear", min: 0.1, max: 1.5 }] }, {
      path: "parameters[0].max",
      expected: "a number (probability per year) in [0, 1] (staff.turnoverPerYear)",
      found: "1.5",
    }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "networking.intervalWeeks", min: 8.5, max: 26 }] }, {
      path: "parameters[0].min",
      found: "8.5",
    }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "staff.turnoverPerYear", min: 0.4, max: 0.1 }] }, {
      path: "parameters[0].max",
      expected: "a number above min (0.4)",
    }],
    [{
      ...SCENARIO_SPEC,
      parameters: [
        { path: "staff.turnoverPerYear", min: 0.1, max: 0.4 },
        { path: "staff.turnoverPerYear", min: 0.2, max: 0.3 },
      ],
    }, { path: "parameters[1].path" }],
    [{ ...SCENARIO_SPEC, parameters: [{ path: "staff.turnoverPerYear", min: 0.1 }] }, {
      path: "parameters[0].max",
      expected: "a number (the highest value)",
      found: "nothing",
    }],
  ];
  for (const [raw, expected] of cases) {
    const issues = issuesOf(raw, "my.yaml");
    const match = issues.find((i) =>
      Object.entries(expected).every(([key, value]) => i[key as keyof ScenarioIssue] === value)
    );
    ok(match, `${JSON.stringify(raw)}: ${JSON.stringify(issues)}`);
    ok(issues.every((i) => i.file === "my.yaml" && i.expected !== "" && i.found !== ""));
  }
});

Deno.test("validateSensitivitySpec() reports every problem at once", () => {
  const issues = issuesOf({
    ...SCENARIO_SPEC,
    parameters: [{ path: "staff.turnoverPerYr", min: 0.1, max: 0.4 }],
    metrics: ["outcome"],
  });
  deepStrictEqual(issues.map((i) => i.path), ["parameters[0].path", "metrics[0]"]);
});

Deno.test("parseSensitivitySpec() reports YAML syntax errors with line and column", () => {
  throws(
    () => parseSensitivitySpec("method: [sobol\n", "bad.yaml"),
    (e) => e instanceof ScenarioError && /^bad\.yaml:\d+:\d+/.test(e.issues[0].file),
  );
});

Deno.test("the bundled specs are valid, and every point of baseline-main is a valid scenario", async () => {
  for (const name of ["ishigami", "sobol-g", "baseline-main"]) {
    const spec = await loadSpec(`scenarios/sensitivity/${name}.yaml`);
    strictEqual(spec.name, name);
  }
  const spec = await loadSpec("scenarios/sensitivity/baseline-main.yaml");
  ok(spec.target.kind === "scenario");
  strictEqual(spec.target.basePath, "scenarios/baseline.yaml");
  strictEqual(spec.parameters.length, 13);
  const design = createDesign(spec);
  strictEqual(design.points.length, 10 * 14);
  for (const point of design.points) {
    const scenario = await loadScenarioFile(spec.target.basePath, {
      overrides: pointOverrides(design, point),
    });
    strictEqual(scenario.params.staff.turnoverPerYear, point[1]);
    strictEqual(scenario.params.networking.intervalWeeks, point[12]);
  }
});
