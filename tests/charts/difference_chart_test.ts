import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import * as aq from "arquero";
import { differenceChart } from "../../src/charts/mod.ts";
import { comparisonRows } from "./_table_fixtures.ts";
import { frameTexts, parseSvg, texts, writeOutput } from "./_svg.ts";

Deno.test("differenceChart() draws a dot, a whisker and a value per metric, with zero marked", async () => {
  const svg = differenceChart(comparisonRows());
  await writeOutput("difference", svg);
  const root = parseSvg(svg);
  const frame = frameTexts(root);
  strictEqual(frame.title, "Difference long-cycles − short-cycles, paired by replicate");
  ok(frame.subtitle.includes("95% interval"), frame.subtitle);
  strictEqual(frame.caption, "Source: Scenarios short-cycles and long-cycles, 10 replicates each");

  const drawn = [
    "Outcomes achieved",
    "Mean trust in key worker",
    "Key-worker changes per family",
    "Cost per outcome",
    "Families fallen through the gaps",
  ];
  deepStrictEqual(texts(root, 'g[aria-label="y-axis tick label"] text'), drawn);
  strictEqual(root.querySelectorAll('g[aria-label="dot"] path').length, drawn.length);
  strictEqual(root.querySelectorAll('g[aria-description="intervals"] line').length, drawn.length);
  strictEqual(root.querySelectorAll('g[aria-description="zero"] line').length, 1);
  strictEqual(
    texts(root, 'g[aria-label="x-axis label"] text')[0],
    "Difference B − A, % of A's mean →",
  );
  deepStrictEqual(texts(root, 'g[aria-description="differences"] text'), [
    "+14,564 [14,000, 15,100] outcomes",
    "+0.047 [0.041, 0.053] trust in [0, 1]",
    "−0.033 [−0.040, −0.026] changes",
    "−472 [−520, −420] £ per outcome",
    "+145 [−206, 497] families",
  ]);
  // shape and colour both say which side of zero the interval lies
  const dots = Array.from(
    root.querySelectorAll('g[aria-label="dot"] path'),
    (p) => `${p.getAttribute("fill")} ${p.getAttribute("d")?.slice(0, 8)}`,
  );
  strictEqual(new Set(dots.map((d) => d.split(" ")[0])).size, 3, dots.join(" | "));
  ok(
    texts(root, "g.panel text").some((t) =>
      t.includes("Not drawn") && t.includes("Shocks in force")
    ),
  );
  deepStrictEqual(texts(root, "g.legend text"), [
    "interval above zero",
    "interval below zero",
    "interval includes zero",
  ]);
});

Deno.test("differenceChart() reads CSV text and tables, and draws one panel per pair", () => {
  const asText = comparisonRows().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]))
  );
  const fromTable = differenceChart(aq.from(comparisonRows()));
  strictEqual(differenceChart(asText as never), fromTable);
  const two = parseSvg(
    differenceChart([...comparisonRows(), ...comparisonRows("baseline", "pandemic")]),
  );
  deepStrictEqual(
    Array.from(two.querySelectorAll("g.panel"), (p) => p.getAttribute("data-scenario-b")),
    ["long-cycles", "pandemic"],
  );
  strictEqual(frameTexts(two).title, "Paired differences between scenarios");
});

Deno.test("differenceChart() escapes hostile labels and scenario names", () => {
  const hostile = "<script>alert(1)</script>";
  const svg = differenceChart(
    comparisonRows(hostile, "b").map((r) => ({ ...r, label: `${r.label} ${hostile}` })),
  );
  strictEqual(svg.includes("<script"), false);
  strictEqual(parseSvg(svg).querySelectorAll("script").length, 0);
  ok(svg.includes("&lt;script&gt;"));
});

Deno.test("differenceChart() rejects empty rows and non-numbers", () => {
  throws(() => differenceChart([]), RangeError);
  throws(() => differenceChart([{ ...comparisonRows()[0], mean_a: "lots" }]), {
    name: "TypeError",
    message: 'Cannot read comparison rows[0].mean_a as a number: "lots"',
  });
});
