import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { tornadoChart } from "../../src/charts/mod.ts";
import { sensitivityRows } from "./_table_fixtures.ts";
import { frameTexts, parseSvg, texts, writeOutput } from "./_svg.ts";

const SOURCE = "Sobol design on baseline, 1,200 runs";

Deno.test("tornadoChart() draws a bar and a whisker per index, parameters by influence", async () => {
  const svg = tornadoChart(sensitivityRows(), { source: SOURCE, metricLabel: "Outcomes achieved" });
  await writeOutput("tornado", svg);
  const root = parseSvg(svg);
  const frame = frameTexts(root);
  strictEqual(frame.title, "Which parameters matter for Outcomes achieved");
  strictEqual(frame.caption, `Source: ${SOURCE}`);
  ok(frame.subtitle.includes("whiskers"), frame.subtitle);
  deepStrictEqual(texts(root, 'g[aria-label="fy-axis tick label"] text'), [
    "staff.turnoverPerYear",
    "trust.growthPerWeek",
    "funding.grantLengthYears",
    "engagement.steepness",
    "outcomes.threshold",
  ]);
  strictEqual(root.querySelectorAll('g[aria-label="bar"] rect').length, 10);
  strictEqual(root.querySelectorAll('g[aria-description="intervals"] line').length, 10);
  deepStrictEqual(texts(root, "g.legend text"), [
    "S1 (first-order Sobol)",
    "ST (total-order Sobol)",
  ]);
  strictEqual(
    texts(root, 'g[aria-label="x-axis label"] text')[0],
    "Sobol index (share of the metric's variance, 0–1) →",
  );
  const fills = new Set(
    Array.from(root.querySelectorAll('g[aria-label="bar"] rect'), (r) => r.getAttribute("fill")),
  );
  strictEqual(fills.size, 2, "one colour per index");
});

Deno.test("tornadoChart() picks the metric and caps the parameters", () => {
  const root = parseSvg(
    tornadoChart(sensitivityRows(), { source: SOURCE, metric: "mean_trust", maxParameters: 2 }),
  );
  strictEqual(root.querySelectorAll('g[aria-label="bar"] rect').length, 4);
  strictEqual(frameTexts(root).title, "Which parameters matter for mean_trust");
});

Deno.test("tornadoChart() labels Morris indices and rejects bad input", () => {
  const morris = sensitivityRows().filter((r) => r.metric === "mean_trust").map((r) => ({
    ...r,
    index: r.index === "S1" ? "mu_star" : "sigma",
  }));
  const root = parseSvg(tornadoChart(morris, { source: SOURCE }));
  deepStrictEqual(texts(root, "g.legend text"), [
    "μ* (Morris mean |effect|)",
    "σ (Morris spread of effects)",
  ]);
  throws(() => tornadoChart([], { source: SOURCE }), RangeError);
  throws(() => tornadoChart(sensitivityRows(), { source: SOURCE, metric: "nope" }), {
    name: "RangeError",
    message: 'Cannot draw a tornado of metric "nope": no row has it',
  });
  throws(() => tornadoChart(sensitivityRows(), {} as never), TypeError);
});
