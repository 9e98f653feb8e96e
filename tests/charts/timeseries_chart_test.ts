import { ok, strictEqual, throws } from "node:assert/strict";
import { DOMParser } from "linkedom";
import {
  DEFAULT_TIMESERIES_METRICS,
  timeseriesChart,
  type TimeseriesChartOptions,
} from "../../src/charts/mod.ts";
import { fixtureRows } from "./_fixtures.ts";

const SOURCE = "Scenarios baseline and stable funding, 3 replicates, seeds 1000–1002";
const OPTIONS: TimeseriesChartOptions = {
  title: "Families, key workers and grants over two years",
  source: SOURCE,
  markers: [{ week: 52, label: "Baseline grant ends" }],
};
const OUTPUT_DIR = new URL("../output/", import.meta.url);

/** Parses the SVG as XML, as a browser opening the file would. */
function parseSvg(svg: string): Document {
  return new DOMParser().parseFromString(svg, "image/svg+xml") as unknown as Document;
}

function texts(root: ParentNode, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? "");
}

/** Every attribute value of every element under `root`. */
function attributeValues(root: Element): string[] {
  const values: string[] = [];
  const visit = (element: Element) => {
    for (const attribute of Array.from(element.attributes)) values.push(attribute.value);
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return values;
}

Deno.test("timeseriesChart() draws one panel per metric with a line and a band per scenario", async () => {
  const scenarios = ["baseline", "stable funding"];
  const svg = timeseriesChart(fixtureRows({ scenarios, replicates: 3, weeks: 104 }), OPTIONS);
  await Deno.mkdir(OUTPUT_DIR, { recursive: true });
  await Deno.writeTextFile(new URL("timeseries.svg", OUTPUT_DIR), svg);

  const doc = parseSvg(svg);
  const root = doc.documentElement;
  strictEqual(root.localName, "svg");
  strictEqual(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  strictEqual(texts(root, 'text[aria-label="title"]')[0], OPTIONS.title);
  strictEqual(texts(root, "title")[0], OPTIONS.title);
  strictEqual(
    texts(root, 'text[aria-label="subtitle"]')[0],
    "Lines: mean across replicates; bands: 95% of replicates (2.5–97.5% quantiles, per week)",
  );
  strictEqual(texts(root, 'text[aria-label="caption"]')[0], `Source: ${SOURCE}`);

  const panels = Array.from(root.querySelectorAll("g.panel"));
  strictEqual(panels.length, DEFAULT_TIMESERIES_METRICS.length);
  panels.forEach((panel, i) => {
    const metric = DEFAULT_TIMESERIES_METRICS[i];
    strictEqual(panel.getAttribute("data-metric"), metric.name);
    const [title] = texts(panel, "text");
    ok(title.includes(metric.label) && title.includes(metric.unit), title);
    const [yLabel] = texts(panel, 'g[aria-label="y-axis label"] text');
    ok(yLabel.includes(metric.unit), `${metric.name}: y label "${yLabel}"`);
    const [xLabel] = texts(panel, 'g[aria-label="x-axis label"] text');
    ok(xLabel.includes("Year"), `${metric.name}: x label "${xLabel}"`);
    strictEqual(panel.querySelectorAll('g[aria-label="line"] path').length, scenarios.length);
    strictEqual(panel.querySelectorAll('g[aria-label="area"] path').length, scenarios.length);
    strictEqual(
      panel.querySelectorAll('g[aria-label="rule"][aria-description="markers"] line').length,
      1,
    );
  });
  const descriptions = Array.from(
    panels[0].querySelectorAll('g[aria-label="line"]'),
    (g) => g.getAttribute("aria-description"),
  );
  strictEqual(descriptions.join(" | "), "mean: baseline | mean: stable funding");

  const legend = texts(root, "g.legend text");
  strictEqual(legend.join(" | "), scenarios.join(" | "));
  const dashes = Array.from(
    root.querySelectorAll("g.legend line"),
    (line) => line.getAttribute("stroke-dasharray"),
  );
  strictEqual(new Set(dashes).size, scenarios.length, "each scenario has its own dash pattern");
  ok(
    texts(root, 'g[aria-label="text"][aria-description="marker labels"] text').includes(
      "Baseline grant ends",
    ),
  );
});

Deno.test("timeseriesChart() returns a byte-identical string for the same input", () => {
  const first = timeseriesChart(fixtureRows(), OPTIONS);
  const second = timeseriesChart(fixtureRows(), OPTIONS);
  strictEqual(second, first);
  ok(!/plot-[0-9a-f]{6}|plot-clip/.test(first), "no Plot-generated class names or ids");
});

Deno.test("timeseriesChart() writes no NaN into any attribute", () => {
  const rows = fixtureRows().map((row) => // a metric undefined in every run and week, and a week undefined in every replicate
  ({ ...row, mean_need_severity: NaN, vacancies: row.week === 30 ? NaN : row.vacancies }));
  const svg = timeseriesChart(rows, {
    ...OPTIONS,
    metrics: [
      ...DEFAULT_TIMESERIES_METRICS,
      { name: "mean_need_severity", label: "Need severity", unit: "severity in [0, 1]" },
    ],
  });
  const root = parseSvg(svg).documentElement;
  const withNaN = attributeValues(root).filter((value) => value.includes("NaN"));
  strictEqual(withNaN.length, 0, `attributes with NaN: ${withNaN.slice(0, 3).join(", ")}`);
  strictEqual(svg.includes("NaN"), false);
  const empty = root.querySelector('g.panel[data-metric="mean_need_severity"]');
  ok(empty !== null);
  ok(texts(empty, "text").includes("No data"));
  // the all-NaN week leaves a gap: the vacancies line has more than one subpath
  const vacancies = root.querySelector(
    'g.panel[data-metric="vacancies"] g[aria-label="line"] path',
  );
  ok((vacancies?.getAttribute("d")?.match(/M/g) ?? []).length >= 2);
});

Deno.test("timeseriesChart() escapes a hostile scenario name", () => {
  const hostile = "<script>alert(1)</script>";
  const svg = timeseriesChart(fixtureRows({ scenarios: ["baseline", hostile], weeks: 20 }), {
    title: `Chart & ${hostile}`,
    source: `"${hostile}"`,
    markers: [{ week: 10, label: hostile }],
  });
  strictEqual(svg.includes("<script"), false);
  ok(svg.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  const root = parseSvg(svg).documentElement;
  strictEqual(root.querySelectorAll("script").length, 0);
  ok(texts(root, "g.legend text").includes(hostile), "the name survives a round trip");
  strictEqual(texts(root, 'text[aria-label="title"]')[0], `Chart & ${hostile}`);
});

Deno.test("timeseriesChart() skips markers outside the weeks in the rows", () => {
  const svg = timeseriesChart(fixtureRows({ weeks: 20 }), {
    metrics: DEFAULT_TIMESERIES_METRICS.slice(0, 2),
    markers: [{ week: 10, label: "inside" }, { week: 200, label: "outside" }],
  });
  const root = parseSvg(svg).documentElement;
  for (const panel of Array.from(root.querySelectorAll("g.panel"))) {
    strictEqual(
      panel.querySelectorAll('g[aria-label="rule"][aria-description="markers"] line').length,
      1,
    );
  }
  strictEqual(svg.includes("outside"), false);
  strictEqual(
    root.querySelectorAll('text[aria-label="caption"]').length,
    0,
    "no source, no caption",
  );
});

Deno.test("timeseriesChart() rejects empty rows, missing metrics and non-numeric values", () => {
  throws(() => timeseriesChart([]), RangeError);
  const rows = fixtureRows({ weeks: 3 });
  throws(
    () => timeseriesChart(rows, { metrics: [{ name: "nope", label: "Nope", unit: "x" }] }),
    { name: "RangeError", message: 'Cannot draw metric "nope": no row has it' },
  );
  throws(
    () => timeseriesChart([{ ...rows[0], vacancies: "3" }]),
    { name: "TypeError", message: 'Cannot read rows[0].vacancies as a number: "3"' },
  );
  throws(() => timeseriesChart([{ ...rows[0], week: 1.5 }]), RangeError);
  throws(() => timeseriesChart(rows, { columns: 0 }), RangeError);
});
