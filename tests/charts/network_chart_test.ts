import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { DOMParser } from "linkedom";
import {
  networkChart,
  type NetworkChartOptions,
  type NetworkSnapshot,
} from "../../src/charts/mod.ts";

type Organisation = NetworkSnapshot["organisations"][number];
type Partnership = NetworkSnapshot["partnerships"][number];

const SOURCE = "Scenario baseline, replicate 0, seed 2015";
const OPTIONS: NetworkChartOptions = { source: SOURCE, seed: 2015 };
const OUTPUT_DIR = new URL("../output/", import.meta.url);
const DEPTHS = ["paper", "working", "deep"] as const;

/**
 * 36 voluntary organisations (ids 0–35, every ninth one's funding ended) and 5 statutory
 * ones (ids 36–40), with 50 partnerships built by rule, no random draws: every third
 * voluntary organisation with a statutory one, neighbours in pairs, chords of 7, and two
 * statutory pairs. Depths cycle paper, working, deep; every fifth one is informal.
 */
function fixtureSnapshot(
  names: (id: number) => string = defaultName,
): NetworkSnapshot {
  const organisations: Organisation[] = [];
  for (let id = 0; id < 41; id++) {
    const statutory = id >= 36;
    organisations.push({
      id,
      name: names(id),
      sector: statutory ? "statutory" : "voluntary",
      services: statutory ? ["social care"] : ["family support", "money advice"],
      active: statutory ? id !== 40 : id % 9 !== 4,
    });
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < 36; i += 3) pairs.push([i, 36 + (i % 5)]);
  for (let i = 0; i < 36; i += 2) pairs.push([i, i + 1]);
  for (let i = 1; i < 36; i += 2) pairs.push([i, (i + 7) % 36]);
  pairs.push([36, 37], [38, 39]);
  const partnerships: Partnership[] = pairs.map(([source, target], k) => {
    const depth = DEPTHS[k % 3];
    const informal = k % 5 === 2;
    return {
      source,
      target,
      depth,
      strength: depth === "paper" ? 0.2 : depth === "working" ? 0.45 : 0.8,
      informal,
      formal: !informal,
      levels: depth === "deep" ? ["delivery", "management", "board"] : ["delivery"],
    };
  });
  return { week: 26, organisations, partnerships };
}

function defaultName(id: number): string {
  return id >= 36 ? `statutory-${id - 35}` : `funded-${String(id + 1).padStart(2, "0")}`;
}

/** Parses the SVG as XML, as a browser opening the file would. */
function parseSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml") as unknown as Document;
  return doc.documentElement;
}

function texts(root: ParentNode, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? "");
}

/** The node marks (circles and symbol paths) of the dot groups matching `filter`. */
function nodeMarks(root: Element, filter = ""): Element[] {
  return Array.from(
    root.querySelectorAll(
      `g[aria-label="dot"]${filter} > circle, g[aria-label="dot"]${filter} > path`,
    ),
  );
}

function linkGroup(root: Element, description: string): Element {
  const group = root.querySelector(
    `g[aria-label="link"][aria-description="partnerships: ${description}"]`,
  );
  ok(group !== null, `no link group "${description}"`);
  return group;
}

function strokeWidth(group: Element): number {
  return Number(group.getAttribute("stroke-width") ?? 1); // Plot omits the default, 1
}

/** Centre of each node mark, keyed by the organisation name in its tooltip. */
function nodePositions(root: Element): Map<string, string> {
  const positions = new Map<string, string>();
  for (const mark of nodeMarks(root)) {
    const name = (mark.querySelector("title")?.textContent ?? "").split(" (")[0];
    const at = mark.localName === "circle"
      ? `${mark.getAttribute("cx")},${mark.getAttribute("cy")}`
      : (mark.getAttribute("transform") ?? "").replace(/^translate\((.*)\)$/, "$1");
    positions.set(name, at);
  }
  return positions;
}

Deno.test("networkChart() draws one node per organisation and one line per partnership", async () => {
  const snapshot = fixtureSnapshot();
  strictEqual(snapshot.partnerships.length, 50);
  const svg = networkChart(snapshot, OPTIONS);
  await Deno.mkdir(OUTPUT_DIR, { recursive: true });
  await Deno.writeTextFile(new URL("network.svg", OUTPUT_DIR), svg);

  const root = parseSvg(svg);
  strictEqual(root.localName, "svg");
  strictEqual(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  strictEqual(texts(root, 'text[aria-label="title"]')[0], "Partnership network, week 26");
  strictEqual(texts(root, "title")[0], "Partnership network, week 26");
  strictEqual(
    texts(root, 'text[aria-label="subtitle"]')[0],
    "Thicker lines: deeper partnerships; dashed: on paper; dotted: informal (networking events)",
  );
  strictEqual(texts(root, 'text[aria-label="caption"]')[0], `Source: ${SOURCE}`);

  strictEqual(nodeMarks(root).length, snapshot.organisations.length);
  strictEqual(root.querySelectorAll('g[aria-label="link"] > path').length, 50);
  strictEqual(nodeMarks(root, '[aria-description^="organisations: statutory"]').length, 5);
  strictEqual(
    root.querySelectorAll(
      'g[aria-label="dot"][aria-description^="organisations: statutory"] > path',
    )
      .length,
    5,
    "statutory organisations are squares",
  );
  strictEqual(
    root.querySelectorAll(
      'g[aria-label="dot"][aria-description^="organisations: voluntary"] > circle',
    )
      .length,
    36,
  );
  const ended = Array.from(
    root.querySelectorAll('g[aria-label="dot"][aria-description$="funding ended"]'),
  );
  strictEqual(
    ended.reduce((n, g) => n + g.querySelectorAll("circle, path").length, 0),
    snapshot.organisations.filter((o) => !o.active).length,
  );
  for (const g of ended) strictEqual(g.getAttribute("fill"), "#ffffff", "funding ended: hollow");
  deepStrictEqual(
    texts(root, 'g[aria-label="text"][aria-description="labels: statutory organisations"] text'),
    ["statutory-1", "statutory-2", "statutory-3", "statutory-4", "statutory-5"],
  );
});

Deno.test("networkChart() draws paper links dashed and deeper links thicker", () => {
  const root = parseSvg(networkChart(fixtureSnapshot(), OPTIONS));
  const paper = linkGroup(root, "on paper");
  const working = linkGroup(root, "working");
  const deep = linkGroup(root, "deep");
  const informal = linkGroup(root, "on paper, informal");
  ok(paper.getAttribute("stroke-dasharray") !== null, "paper links are dashed");
  strictEqual(working.getAttribute("stroke-dasharray"), null);
  strictEqual(deep.getAttribute("stroke-dasharray"), null);
  ok(strokeWidth(deep) > strokeWidth(working), "deep thicker than working");
  ok(strokeWidth(working) > strokeWidth(paper), "working thicker than paper");
  const dotted = informal.getAttribute("stroke-dasharray");
  ok(dotted !== null && dotted !== paper.getAttribute("stroke-dasharray"), "informal: dotted");
  ok(informal.getAttribute("stroke") !== paper.getAttribute("stroke"), "informal: own colour");
  strictEqual(strokeWidth(informal), strokeWidth(paper), "informal keeps its depth's width");
  const counted = Array.from(root.querySelectorAll('g[aria-label="link"]'))
    .map((g) => [g.getAttribute("aria-description"), g.querySelectorAll("path").length]);
  const snapshot = fixtureSnapshot();
  for (const [description, n] of counted) {
    const informal = String(description).endsWith(", informal");
    const depth = String(description).replace("partnerships: ", "").replace(", informal", "")
      .replace("on paper", "paper");
    strictEqual(
      n,
      snapshot.partnerships.filter((p) => p.depth === depth && p.informal === informal).length,
      String(description),
    );
  }
});

Deno.test("networkChart() draws a legend of sectors, depths and informal partnerships", () => {
  const root = parseSvg(networkChart(fixtureSnapshot(), OPTIONS));
  const labels = texts(root, "g.legend g.legend-item text");
  deepStrictEqual(labels, [
    "voluntary (36)",
    "statutory (5)",
    "funding ended (5)",
    "on paper (17)",
    "working (17)",
    "deep (16)",
    "informal (10)",
  ]);
  for (const word of ["statutory", "voluntary", "on paper", "working", "deep", "informal"]) {
    ok(labels.some((label) => label.startsWith(word)), word);
  }
  deepStrictEqual(texts(root, "g.legend > text"), ["Organisations (41)", "Partnerships (50)"]);
  const swatch = (key: string) => root.querySelector(`g.legend-item[data-key="${key}"] line`);
  ok(swatch("paper")?.getAttribute("stroke-dasharray"));
  ok(
    Number(swatch("deep")?.getAttribute("stroke-width")) >
      Number(swatch("working")?.getAttribute("stroke-width")),
  );
  ok(root.querySelector('g.legend-item[data-key="statutory"] path') !== null, "a square");
});

Deno.test("networkChart() returns a byte-identical string for the same snapshot and seed", () => {
  const first = networkChart(fixtureSnapshot(), OPTIONS);
  strictEqual(networkChart(fixtureSnapshot(), OPTIONS), first);
  ok(!/plot-[0-9a-f]{6}|plot-clip/.test(first), "no Plot-generated class names or ids");
  const other = networkChart(fixtureSnapshot(), { ...OPTIONS, seed: 7 });
  ok(other !== first, "another seed, another layout");
  const a = nodePositions(parseSvg(first));
  const b = nodePositions(parseSvg(other));
  strictEqual(a.size, 41);
  const moved = [...a].filter(([name, at]) => b.get(name) !== at).length;
  ok(moved > 30, `only ${moved} organisations moved with another seed`);
});

Deno.test("networkChart() lays out the same network the same way whatever the input order", () => {
  const snapshot = fixtureSnapshot();
  const reversed: NetworkSnapshot = {
    ...snapshot,
    organisations: [...snapshot.organisations].reverse(),
    partnerships: [...snapshot.partnerships].reverse(),
  };
  deepStrictEqual(
    nodePositions(parseSvg(networkChart(reversed, OPTIONS))),
    nodePositions(parseSvg(networkChart(snapshot, OPTIONS))),
  );
});

Deno.test("networkChart() keeps every node inside the drawing and writes no NaN", () => {
  for (const seed of [0, 1, 2015]) {
    for (const size of [{}, { width: 400, height: 360 }]) {
      const svg = networkChart(fixtureSnapshot(), { ...OPTIONS, ...size, seed });
      strictEqual(svg.includes("NaN"), false);
      const root = parseSvg(svg);
      const plot = root.querySelector(":scope > svg > svg");
      ok(plot !== null);
      const width = Number(plot.getAttribute("width"));
      const height = Number(plot.getAttribute("height"));
      for (const at of nodePositions(root).values()) {
        const [x, y] = at.split(",").map(Number);
        ok(x > 5 && x < width - 5 && y > 5 && y < height - 5, `${at} outside ${width}×${height}`);
      }
    }
  }
});

Deno.test("networkChart() escapes a hostile organisation name", () => {
  const hostile = "<script>x</script>";
  const svg = networkChart(
    fixtureSnapshot((id) => id === 36 || id === 3 ? hostile : defaultName(id)),
    { ...OPTIONS, title: `Network & ${hostile}`, source: `"${hostile}"` },
  );
  strictEqual(svg.includes("<script"), false);
  ok(svg.includes("&lt;script&gt;x&lt;/script&gt;"));
  const root = parseSvg(svg);
  strictEqual(root.querySelectorAll("script").length, 0);
  ok(
    texts(root, 'g[aria-label="dot"] title').some((t) => t.startsWith(`${hostile} (`)),
    "the name survives a round trip",
  );
  ok(
    texts(root, 'g[aria-label="text"] text').includes("<script>x</scri…"),
    "long labels are shortened",
  );
  strictEqual(texts(root, 'text[aria-label="title"]')[0], `Network & ${hostile}`);
});

Deno.test("networkChart() renders a network without partnerships", () => {
  const svg = networkChart({ ...fixtureSnapshot(), week: 0, partnerships: [] }, OPTIONS);
  strictEqual(svg.includes("NaN"), false);
  const root = parseSvg(svg);
  strictEqual(nodeMarks(root).length, 41);
  strictEqual(root.querySelectorAll('g[aria-label="link"]').length, 0);
  ok(texts(root, "g.legend text").includes("informal (0)"));
  strictEqual(texts(root, 'text[aria-label="title"]')[0], "Partnership network, week 0");
  const positions = [...nodePositions(root).values()];
  strictEqual(new Set(positions).size, 41, "no two organisations on top of each other");

  const none = networkChart({ week: 3, organisations: [], partnerships: [] });
  ok(texts(parseSvg(none), "text").includes("No organisations"));
  const one = networkChart({
    ...fixtureSnapshot(),
    organisations: fixtureSnapshot().organisations.slice(0, 1),
    partnerships: [],
  });
  strictEqual(one.includes("NaN"), false);
});

Deno.test("networkChart() leaves labels out on request", () => {
  const root = parseSvg(networkChart(fixtureSnapshot(), { ...OPTIONS, labels: false }));
  strictEqual(root.querySelectorAll('g[aria-label="text"]').length, 0);
});

Deno.test("networkChart() rejects broken references, bad weeks, sizes and seeds", () => {
  const snapshot = fixtureSnapshot();
  const withLink = (p: Partial<Partnership>): NetworkSnapshot => ({
    ...snapshot,
    partnerships: [{ ...snapshot.partnerships[0], ...p }],
  });
  throws(() => networkChart(withLink({ target: 99 })), {
    name: "RangeError",
    message: "Cannot draw partnerships[0]: target is not an organisation id: 99",
  });
  throws(() => networkChart(withLink({ target: 0, source: 0 })), RangeError);
  throws(
    () => networkChart(withLink({ depth: "close" as Partnership["depth"] })),
    { name: "RangeError", message: 'Cannot draw partnerships[0] of depth: "close"' },
  );
  throws(
    () =>
      networkChart({
        ...snapshot,
        organisations: [...snapshot.organisations, snapshot.organisations[0]],
      }),
    { name: "RangeError", message: "Cannot draw organisation id 0 twice" },
  );
  throws(() => networkChart({ ...snapshot, week: -1 }), RangeError);
  throws(() => networkChart({ ...snapshot, week: 1.5 }), RangeError);
  throws(() => networkChart(snapshot, { seed: NaN }), RangeError);
  throws(() => networkChart(snapshot, { width: 100 }), RangeError);
  throws(() => networkChart(snapshot, { height: 120 }), RangeError);
});
