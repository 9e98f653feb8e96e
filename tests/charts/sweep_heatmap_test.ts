import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { heatmapCells, sweepHeatmap } from "../../src/charts/mod.ts";
import { sweepRows } from "./_table_fixtures.ts";
import { frameTexts, luminance, parseSvg, texts, writeOutput } from "./_svg.ts";

const OPTIONS = {
  x: "funding.grantLengthYears",
  y: "staff.turnoverPerYear",
  metric: "outcomes_per_million_gbp",
  xLabel: "Grant length (years)",
  yLabel: "Staff turnover (share a year)",
  metricLabel: "Outcomes per £1m",
};

Deno.test("sweepHeatmap() draws one labelled cell per pair of values, axes and a colour ramp", async () => {
  const svg = sweepHeatmap(sweepRows(), OPTIONS);
  await writeOutput("sweep_heatmap", svg);
  const root = parseSvg(svg);
  const frame = frameTexts(root);
  strictEqual(
    frame.title,
    "Outcomes per £1m by Grant length (years) and Staff turnover (share a year)",
  );
  strictEqual(frame.caption, "Source: Sweep of baseline, 20 points × 2 replicates");
  strictEqual(root.querySelectorAll('g[aria-label="cell"] rect').length, 20);
  strictEqual(texts(root, 'g[aria-description="values"] text').length, 20);
  ok(
    texts(root, 'g[aria-description="values"] text').includes("755"),
    "7 years, 0.1: 500 + 280 − 30, plus 5 on average",
  );
  strictEqual(texts(root, 'g[aria-label="x-axis label"] text')[0], "Grant length (years)");
  ok(texts(root, 'g[aria-label="y-axis label"] text')[0].includes("Staff turnover (share a year)"));
  deepStrictEqual(texts(root, 'g[aria-label="x-axis tick label"] text'), ["1", "2", "3", "5", "7"]);
  deepStrictEqual(texts(root, 'g[aria-label="y-axis tick label"] text'), [
    "0.4",
    "0.3",
    "0.2",
    "0.1",
  ]);
  const ramp = root.querySelector("g.ramp");
  ok(ramp !== null);
  strictEqual(texts(ramp, "text")[0], "Outcomes per £1m (mean)");
  // the ramp gets lighter as the value rises, so it reads in greyscale
  const fills = Array.from(
    ramp.querySelectorAll("rect"),
    (r) => luminance(r.getAttribute("fill") ?? ""),
  );
  ok(fills.every((l, i) => i === 0 || l > fills[i - 1]), "lightness rises along the ramp");
});

Deno.test("heatmapCells() averages replicates and leaves undefined cells NaN", () => {
  const cells = heatmapCells(sweepRows(), OPTIONS.x, OPTIONS.y, "mean_trust");
  strictEqual(cells.length, 20);
  deepStrictEqual([cells[0].x, cells[0].y, Number.isNaN(cells[0].value), cells[0].n], [
    1,
    0.1,
    true,
    2,
  ]);
  const text = heatmapCells([{ a: "2", b: "x", m: "1" }, { a: 2, b: "x", m: 3 }], "a", "b", "m");
  deepStrictEqual(
    text,
    [{ x: 2, y: "x", value: 2, n: 2 }],
    "numeric text and numbers are one value",
  );
  const svg = sweepHeatmap(sweepRows(), { ...OPTIONS, metric: "mean_trust" });
  ok(texts(parseSvg(svg), 'g[aria-description="values"] text').includes("–"));
  strictEqual(svg.includes("NaN"), false);
});

Deno.test("sweepHeatmap() rejects missing columns and options", () => {
  throws(() => sweepHeatmap([], OPTIONS), RangeError);
  throws(() => sweepHeatmap(sweepRows(), { ...OPTIONS, y: "staff.nope" }), {
    name: "RangeError",
    message: 'Cannot draw a heatmap of column "staff.nope": no row has it',
  });
  throws(() => sweepHeatmap(sweepRows(), {} as never), TypeError);
});
