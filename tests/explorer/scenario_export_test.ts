/**
 * "Download scenario" writes files the command line accepts: each is read back with the CLI's
 * own loader (`loadScenarioFile`, as `deno task sim validate` does) and gives the parameters
 * and seed the page ran.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import {
  baseOf,
  controlSpec,
  type ExplorerState,
  loadBundledScenarios,
  scenarioFileName,
  scenarioYaml,
  sideFor,
  sideScenarios,
  withControl,
} from "../../src/explorer/mod.ts";
import { loadScenarioFile, resolveScenario } from "../../src/scenario/mod.ts";

const bundled = await loadBundledScenarios("scenarios");

async function roundTrip(text: string, name: string) {
  const dir = await Deno.makeTempDir({ prefix: "explorer-export-" });
  try {
    const file = join(dir, name);
    await Deno.writeTextFile(file, text);
    return await loadScenarioFile(file);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("loadBundledScenarios() reads every scenario file, extends merged", async () => {
  const files = [...Deno.readDirSync("scenarios")].filter((e) => e.name.endsWith(".yaml"));
  strictEqual(bundled.length, files.length);
  for (const b of bundled) {
    strictEqual(b.input.extends, undefined, b.name);
    const fromDisk = await loadScenarioFile(join("scenarios", b.file));
    deepStrictEqual(baseOf(b).scenario.params, fromDisk.params, b.name);
    strictEqual(b.seed, fromDisk.seed, b.name);
  }
});

Deno.test("an unchanged bundled scenario exports as itself, without extends", async () => {
  for (const b of bundled) {
    const state: ExplorerState = {
      seed: b.seed,
      replicates: 5,
      compare: false,
      a: sideFor(b),
      b: sideFor(b),
    };
    const [side] = sideScenarios(state, bundled);
    strictEqual(side.name, b.name);
    strictEqual(side.changed, false);
    const text = scenarioYaml(side, "explorer #scenario=x");
    strictEqual(text.includes("extends"), false, b.name);
    const loaded = await roundTrip(text, scenarioFileName(side));
    deepStrictEqual(loaded.params, baseOf(b).scenario.params, b.name);
    strictEqual(loaded.name, b.name);
    strictEqual(loaded.seed, b.seed);
  }
});

Deno.test("a changed side exports its controls, seed and a description of the changes", async () => {
  const pandemic = bundled.find((b) => b.name === "pandemic");
  ok(pandemic);
  let side = sideFor(pandemic);
  side = withControl(side, controlSpec("turnover"), 35);
  side = withControl(side, controlSpec("events"), 0);
  side = withControl(side, controlSpec("budget"), 6.5);
  const state: ExplorerState = { seed: 99, replicates: 5, compare: false, a: side, b: side };
  const [scenario] = sideScenarios(state, bundled);
  strictEqual(scenario.name, "pandemic-custom");
  const text = scenarioYaml(scenario);
  match(text, /^# Made with the partnership-sim explorer/);
  match(text, /deno task sim validate pandemic-custom\.yaml/);
  const loaded = await roundTrip(text, scenarioFileName(scenario));
  strictEqual(loaded.seed, 99);
  strictEqual(loaded.params.staff.turnoverPerYear, 0.35);
  strictEqual(loaded.params.mechanisms.networking, false);
  strictEqual(loaded.params.funding.annualBudgetGbp, 6_500_000);
  deepStrictEqual(loaded.params.shocks, baseOf(pandemic).scenario.params.shocks, "shocks kept");
  match(
    loaded.description,
    /^Made in the explorer from "pandemic": staff turnover 35% a year \(was 20% a year\); networking events none \(was 3 a year\); budget £6\.50m a year \(was £5\.00m a year\)\.$/,
  );
  // What the page runs is what the file gives.
  deepStrictEqual(resolveScenario(scenario.raw, scenario.name).params, loaded.params);
});

Deno.test("sideScenarios() gives A and B different names when they would clash", () => {
  const base = bundled[0];
  const a = withControl(sideFor(base), controlSpec("turnover"), 10);
  const b = withControl(sideFor(base), controlSpec("turnover"), 40);
  const names = sideScenarios({ seed: 1, replicates: 5, compare: true, a, b }, bundled).map((s) =>
    s.name
  );
  deepStrictEqual(names, ["baseline-custom-a", "baseline-custom-b"]);
  const same = sideScenarios({
    seed: 1,
    replicates: 5,
    compare: true,
    a: sideFor(base),
    b: sideFor(base),
  }, bundled);
  deepStrictEqual(same.map((s) => s.name), ["baseline-a", "baseline-b"]);
});

Deno.test("withControl() keeps the shares on paper and deep within 100%", () => {
  const side = sideFor(bundled[0]);
  const paper = withControl(side, controlSpec("paper"), 80);
  deepStrictEqual([paper.controls.paper, paper.controls.deep], [80, 20]);
  const deep = withControl(paper, controlSpec("deep"), 50);
  deepStrictEqual([deep.controls.paper, deep.controls.deep], [50, 50]);
  const fine = withControl(side, controlSpec("paper"), 40);
  deepStrictEqual([fine.controls.paper, fine.controls.deep], [40, 30]);
});
