import { ok, strictEqual, throws } from "node:assert/strict";
import * as aq from "arquero";
import { TRAJECTORY_METRICS, trajectoryChart, withRunningTotal } from "../../src/charts/mod.ts";
import { fixtureRows } from "./_fixtures.ts";
import { attributeValues, frameTexts, parseSvg, texts, writeOutput } from "./_svg.ts";

Deno.test("trajectoryChart() draws four panels with a mean line, a 50% and a 95% band per scenario", async () => {
  const scenarios = ["baseline", "stable funding"];
  const svg = trajectoryChart(fixtureRows({ scenarios, replicates: 4, weeks: 104 }), {
    markers: [{ week: 52, label: "grant ends" }],
  });
  await writeOutput("trajectory", svg);
  const root = parseSvg(svg);
  const frame = frameTexts(root);
  strictEqual(frame.title, "Outcomes and trust over time");
  ok(frame.subtitle.includes("middle 50%") && frame.subtitle.includes("95%"), frame.subtitle);
  strictEqual(frame.caption, "Source: Scenarios baseline and stable funding, 4 replicates each");

  const panels = Array.from(root.querySelectorAll("g.panel"));
  strictEqual(panels.length, 4);
  panels.forEach((panel, i) => {
    const metric = TRAJECTORY_METRICS[i];
    strictEqual(panel.getAttribute("data-metric"), metric.name);
    const [yLabel] = texts(panel, 'g[aria-label="y-axis label"] text');
    ok(yLabel.includes(metric.unit), `y label "${yLabel}" has the unit "${metric.unit}"`);
    ok(texts(panel, 'g[aria-label="x-axis label"] text')[0].includes("Year"));
    strictEqual(panel.querySelectorAll('g[aria-label="line"] path').length, scenarios.length);
    const bands = Array.from(
      panel.querySelectorAll('g[aria-label="area"]'),
      (g) => g.getAttribute("aria-description"),
    );
    strictEqual(
      bands.join(" | "),
      "band: baseline | 50% band: baseline | band: stable funding | 50% band: stable funding",
    );
  });
  strictEqual(texts(root, "g.legend text").join(" | "), scenarios.join(" | "));
  strictEqual(attributeValues(root).some((v) => v.includes("NaN")), false);
});

Deno.test("trajectoryChart() reads an arquero table like its rows", () => {
  const rows = fixtureRows({ weeks: 30 });
  strictEqual(trajectoryChart(aq.from(rows)), trajectoryChart(rows));
});

Deno.test("withRunningTotal() sums each run's weeks in order and skips NaN", () => {
  const rows = [3, 0, 2, 1].flatMap((week) =>
    ["a", "b"].map((scenario) => ({
      scenario,
      replicate: 0,
      seed: 1,
      week,
      x: week === 2 ? NaN : scenario === "a" ? 1 : 10,
    }))
  );
  const out = withRunningTotal(rows, "x", "total");
  strictEqual(
    out.map((r) => `${r.scenario}${r.week}=${r.total}`).join(" "),
    "a0=1 a1=2 a2=2 a3=3 b0=10 b1=20 b2=20 b3=30",
  );
});

Deno.test("trajectoryChart() rejects rows without outcomes", () => {
  throws(() => trajectoryChart([]), RangeError);
  throws(
    () => trajectoryChart([{ scenario: "a", replicate: 0, seed: 1, week: 0, mean_trust: 0.5 }]),
    { name: "RangeError", message: 'Cannot draw metric "outcomes_achieved": no row has it' },
  );
});
