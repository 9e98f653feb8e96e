import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { stringify } from "yaml";
import { DEFAULT_PARAMS } from "../../src/model/mod.ts";
import {
  loadScenarioFile,
  parseOverrides,
  parseScenarioText,
  resolveScenario,
  ScenarioError,
  validateScenario,
} from "../../src/scenario/mod.ts";

Deno.test("loadScenarioFile() reads every bundled scenario", async () => {
  for await (const entry of Deno.readDir("scenarios")) {
    if (!/\.(ya?ml|json)$/.test(entry.name)) continue;
    const s = await loadScenarioFile(`scenarios/${entry.name}`);
    ok(s.description.length > 20, `${entry.name} says what it is`);
  }
});

Deno.test("the equal-budget variants differ from the defaults only in funding, with the same money a year", async () => {
  const short = await loadScenarioFile("scenarios/short-cycles.yaml");
  const long = await loadScenarioFile("scenarios/long-cycles.yaml");
  for (const s of [short, long]) {
    deepStrictEqual(Object.keys(s.input).sort(), ["description", "funding", "name", "seed"]);
    strictEqual(s.params.funding.annualBudgetGbp, DEFAULT_PARAMS.funding.annualBudgetGbp);
  }
  strictEqual(short.params.funding.programmeYears, long.params.funding.programmeYears);
  strictEqual(short.seed, long.seed, "paired");
});

Deno.test("resolveScenario() fills what a file leaves out from the defaults", () => {
  const s = resolveScenario({}, "scenarios/empty.yaml");
  deepStrictEqual(s.params, DEFAULT_PARAMS);
  strictEqual(s.name, "empty");
  strictEqual(s.seed, 1);
});

Deno.test("a scenario round-trips through YAML and JSON to the same parameters", () => {
  const input = {
    name: "round trip",
    seed: 12,
    staff: { turnoverPerYear: 0.35, caseloadTarget: 10 },
    funding: { grantLengthYears: 3, gapWeeks: 8 },
    mechanisms: { trust: false },
  };
  const fromYaml = resolveScenario(parseScenarioText(stringify(input), "a.yaml"), "a.yaml");
  const fromJson = resolveScenario(parseScenarioText(JSON.stringify(input), "a.json"), "a.json");
  deepStrictEqual(fromYaml.params, fromJson.params);
  strictEqual(fromYaml.params.mechanisms.trust, false);
});

Deno.test("validateScenario() reports every problem at once, each with its path", () => {
  const result = validateScenario(
    { seed: -1, staff: { turnoverPerYear: 2, vacancyWeks: 3 } },
    "f.yaml",
  );
  ok(!result.ok);
  deepStrictEqual(result.issues.map((i) => i.path).sort(), [
    "seed",
    "staff.turnoverPerYear",
    "staff.vacancyWeks",
  ]);
  ok(result.issues.every((i) => i.file === "f.yaml"));
  strictEqual(
    result.issues.find((i) => i.path === "staff.vacancyWeks")?.hint,
    'did you mean "vacancyWeeks"?',
  );
});

Deno.test("parseOverrides() types values as YAML scalars and rejects malformed ones", () => {
  deepStrictEqual(parseOverrides(["a.b=1", "a.c=true", "a.d=text"]).map((o) => o.value), [
    1,
    true,
    "text",
  ]);
  throws(() => parseOverrides(["no-equals"]), ScenarioError);
  throws(() => parseOverrides(["a..b=1"]), ScenarioError);
});

Deno.test("parseScenarioText() reports a YAML syntax error with line and column, and duplicate keys", () => {
  throws(
    () => parseScenarioText("seed: 1\nseed: 2\n", "d.yaml"),
    (e: ScenarioError) => /d\.yaml:2:1/.test(e.message),
  );
});
