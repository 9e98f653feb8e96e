import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { DOMParser } from "linkedom";
import { leafValues, REPORT_SECTIONS } from "../../src/report/mod.ts";
import { DEFAULT_PARAMS } from "../../src/model/mod.ts";

const HOSTILE = "<script>alert(1)</script>";
const MAIN = new URL("../../src/cli/main.ts", import.meta.url).pathname;

/** Runs `deno run src/cli/main.ts <args>` in a subprocess, as `deno task sim` does. */
async function sim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", "--allow-env", MAIN, ...args],
    env: { NO_COLOR: "1" },
  }).output();
  return {
    code,
    stdout: new TextDecoder().decode(stdout),
    stderr: new TextDecoder().decode(stderr),
  };
}

/** A tiny scenario file (2 funded organisations' worth of money, 1 year) in `dir`. */
async function tinyScenario(dir: string, name: string, extra: Record<string, unknown> = {}) {
  const file = `${dir}/${name.replace(/[^a-z-]/g, "") || "hostile"}.json`;
  await Deno.writeTextFile(
    file,
    JSON.stringify({
      name,
      description: `Test scenario ${name}`,
      seed: 7,
      horizonYears: 2,
      organisations: { funded: 4, statutory: 1 },
      funding: { annualBudgetGbp: 560000, programmeYears: 1, grantLengthYears: 1 },
      ...extra,
    }),
  );
  return file;
}

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html") as unknown as Document;
}

/** Every external reference a page could make: src/href to a URL, CSS imports and url(). */
function externalReferences(html: string): string[] {
  return [
    ...html.matchAll(
      /(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/gi,
    ),
    ...html.matchAll(/@import|url\(\s*["']?(?:https?:)?\/\//gi),
    ...html.matchAll(/<(?:script|link|iframe|img|object|embed)\b/gi),
  ].map((m) => m[0]);
}

Deno.test("sim report builds one self-contained page from a run, with every section, escaping a hostile name", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-test-" });
  try {
    const file = await tinyScenario(dir, HOSTILE, { staff: { turnoverPerYear: 0.35 } });
    const run = await sim(["run", file, "--replicates", "2", "--out", `${dir}/run`]);
    strictEqual(run.code, 0, run.stderr);
    const report = await sim(["report", `${dir}/run`, "--out", `${dir}/out/report.html`]);
    strictEqual(report.code, 0, report.stderr);
    match(report.stdout, /Wrote .*report\.html .* \(run\)/);
    const html = await Deno.readTextFile(`${dir}/out/report.html`);

    // self-contained: no external URL, no scripts, no stylesheets or images to fetch
    deepStrictEqual(externalReferences(html), []);
    // the hostile name is text, never markup
    strictEqual(html.includes("<script"), false);
    ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    const doc = parseHtml(html);
    strictEqual(doc.querySelectorAll("script").length, 0);
    const urlAttributes = Array.from(doc.querySelectorAll("*")).flatMap((e) =>
      Array.from(e.attributes).filter((a) => a.value.includes("://")).map((a) => a.value)
    );
    deepStrictEqual(urlAttributes, [], "no attribute holds a URL (published sources are text)");
    ok((doc.querySelector("#what-was-run")?.textContent ?? "").includes(HOSTILE));
    ok((doc.querySelector("title")?.textContent ?? "").includes(HOSTILE));

    // every section, in order, with its heading
    deepStrictEqual(
      Array.from(doc.querySelectorAll("main > section"), (s) => s.getAttribute("id")),
      REPORT_SECTIONS.map((s) => s.id),
    );
    for (const s of REPORT_SECTIONS) {
      strictEqual(doc.querySelector(`section#${s.id} h2`)?.textContent, s.title);
    }
    // key findings in words, with numbers and intervals
    const findings = Array.from(
      doc.querySelectorAll("#key-findings li"),
      (li) => li.textContent ?? "",
    );
    ok(findings.length >= 4, findings.join("\n"));
    ok(findings.every((f) => /\d/.test(f) && f.includes("95% interval")), findings.join("\n"));
    ok(findings[0].startsWith(`Over 2 years, ${HOSTILE} achieved`), findings[0]);
    // charts: trajectories, family states, staff, network, inline
    const figures = Array.from(doc.querySelectorAll("#charts figure"));
    strictEqual(figures.length, 4);
    for (const figure of figures) {
      strictEqual(figure.querySelectorAll(":scope > svg").length, 1);
      ok((figure.querySelector("figcaption")?.textContent ?? "").length > 10);
    }
    const ids = Array.from(doc.querySelectorAll("#charts [id]"), (e) => e.getAttribute("id"));
    strictEqual(new Set(ids).size, ids.length, "ids are unique across the inline charts");
    // summary table: every metric of the run
    const metricCells = Array.from(
      doc.querySelectorAll("#summary-tables tbody tr td:first-child code"),
      (c) => c.textContent,
    );
    ok(
      metricCells.includes("outcomes_per_million_gbp") && metricCells.includes("fell_through_gaps"),
    );
    strictEqual(metricCells.length, 42);
    // assumptions: every parameter, with unit and source; changed ones marked
    const rows = Array.from(doc.querySelectorAll("#assumptions table.assumptions tbody tr"));
    const paths = rows.map((r) => r.querySelector("td code")?.textContent);
    for (const path of leafValues(DEFAULT_PARAMS).keys()) ok(paths.includes(path), path);
    const differs = rows.filter((r) => r.querySelector("td.differs") !== null)
      .map((r) => r.querySelector("td code")?.textContent);
    deepStrictEqual(differs.sort(), [
      "funding.annualBudgetGbp",
      "funding.grantLengthYears",
      "funding.programmeYears",
      "horizonYears",
      "organisations.funded",
      "organisations.statutory",
      "staff.turnoverPerYear",
    ]);
    const turnover = rows.find((r) =>
      r.querySelector("td code")?.textContent === "staff.turnoverPerYear"
    );
    const cells = Array.from(turnover?.querySelectorAll("td") ?? [], (td) => td.textContent ?? "");
    deepStrictEqual(cells.slice(1, 4), ["probability per year", "0.2", "≠ 0.35"]);
    ok(cells[4].length > 3, "a source");
    // how to reproduce: the exact command, tool version, content hash and seeds of the manifest
    const manifest = JSON.parse(await Deno.readTextFile(`${dir}/run/manifest.json`));
    const reproduce = doc.querySelector("#reproduce")?.textContent ?? "";
    ok(reproduce.includes(`deno task sim run ${file} --replicates 2 --out ${dir}/run`), reproduce);
    ok(reproduce.includes(`partnership-sim ${manifest.tool.version}`));
    ok(reproduce.includes(manifest.scenario.contentHash));
    for (const { seed } of manifest.random.runs) ok(reproduce.includes(String(seed)), String(seed));
    ok(reproduce.includes(`deno task sim report ${dir}/run --out ${dir}/out/report.html`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("sim report reads compare and sweep folders: differences, heatmaps and swept assumptions", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-test-" });
  try {
    const a = await tinyScenario(dir, "short");
    const b = await tinyScenario(dir, "long", { staff: { turnoverPerYear: 0.1 } });
    const compare = await sim([
      "compare",
      a,
      b,
      "--replicates",
      "2",
      "--out",
      `${dir}/cmp`,
      "--no-progress",
      "--workers",
      "1",
    ]);
    strictEqual(compare.code, 0, compare.stderr);
    await Deno.writeTextFile(
      `${dir}/sweep.yaml`,
      `name: tiny-sweep\nbase: short.json\ndesign: grid\nparameters:\n  funding.grantLengthYears: [1, 2]\n  staff.turnoverPerYear: [0.1, 0.3]\nreplicates: 2\nseed: 3\n`,
    );
    const sweep = await sim([
      "sweep",
      `${dir}/sweep.yaml`,
      "--out",
      `${dir}/sw`,
      "--no-progress",
      "--workers",
      "1",
    ]);
    strictEqual(sweep.code, 0, sweep.stderr);
    const report = await sim([
      "report",
      `${dir}/cmp`,
      `${dir}/sw`,
      "--out",
      `${dir}/r.html`,
      "--png",
      `${dir}/png`,
    ]);
    strictEqual(report.code, 0, report.stderr);
    match(report.stdout, /\(compare\), .*\(sweep\)/);
    const html = await Deno.readTextFile(`${dir}/r.html`);
    deepStrictEqual(externalReferences(html), []);
    const doc = parseHtml(html);
    const figures = Array.from(
      doc.querySelectorAll("#charts figure"),
      (f) => f.getAttribute("id") ?? "",
    );
    ok(figures.some((id) => id.includes("differences")), figures.join());
    ok(figures.some((id) => id.includes("heatmap-outcomes_per_million_gbp")), figures.join());
    const findings = doc.querySelector("#key-findings")?.textContent ?? "";
    ok(findings.includes("Outcomes achieved: long"), findings);
    ok(findings.includes("95% interval of the paired difference"));
    ok(findings.includes("staff.turnoverPerYear = 0.3"), findings);
    const headings = Array.from(
      doc.querySelectorAll("#assumptions thead th"),
      (th) => th.textContent,
    );
    deepStrictEqual(headings.slice(3, 6), ["short", "long", "short (" + `${dir}/sw)`]);
    ok((doc.querySelector("#assumptions")?.textContent ?? "").includes("swept: 0.1, 0.3"));
    ok((doc.querySelector("#reproduce")?.textContent ?? "").includes("plan hash"));
    const pngs = [...Deno.readDirSync(`${dir}/png`)].map((e) => e.name);
    strictEqual(pngs.length, figures.length);
    const png = await Deno.readFile(`${dir}/png/${pngs[0]}`);
    deepStrictEqual([...png.subarray(1, 4)], [80, 78, 71], "PNG");
    strictEqual(new DataView(png.buffer).getUint32(16), 1600);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("sim report exits 2 naming the folder when it is missing or holds no results", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-test-" });
  try {
    const missing = await sim(["report", `${dir}/nope`]);
    strictEqual(missing.code, 2);
    match(missing.stderr, /nope: expected a results folder, found nothing there/);
    await Deno.writeTextFile(`${dir}/notes.txt`, "hello");
    const empty = await sim(["report", dir]);
    strictEqual(empty.code, 2);
    match(
      empty.stderr,
      /expected a results folder of sim run, compare or sweep .* found only notes\.txt/,
    );
    const none = await sim(["report"]);
    strictEqual(none.code, 2);
    match(none.stderr, /expected one or more results folders/);
    strictEqual([...Deno.readDirSync(dir)].length, 1, "nothing written");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readResults() and buildReport() turn a folder of sensitivity indices into a tornado", async () => {
  const { buildReport, readParameterSources, readResults } = await import(
    "../../src/report/mod.ts"
  );
  const dir = await Deno.makeTempDir({ prefix: "report-test-" });
  try {
    const lines = ["parameter,metric,index,estimate,ci_low,ci_high"];
    for (const [p, e] of [["staff.turnoverPerYear", 0.5], ["trust.growthPerWeek", 0.2]] as const) {
      for (const index of ["S1", "ST", "S2"]) {
        lines.push(`${p},outcomes_achieved,${index},${e},${e - 0.05},${e + 0.05}`);
      }
    }
    await Deno.writeTextFile(`${dir}/indices.csv`, lines.join("\n") + "\n");
    const results = await readResults(dir);
    strictEqual(results.kind, "sensitivity");
    const html = buildReport([results], { sources: await readParameterSources() });
    const doc = parseHtml(html);
    const figures = Array.from(
      doc.querySelectorAll("#charts figure"),
      (f) => f.getAttribute("id") ?? "",
    );
    deepStrictEqual(figures.map((id) => id.replace(/^chart-\d+-/, "")), [
      "tornado-outcomes_achieved",
    ]);
    strictEqual(doc.querySelectorAll('#charts g[aria-label="bar"] rect').length, 4, "S2 left out");
    ok(
      (doc.querySelector("#key-findings")?.textContent ?? "").includes(
        "most influential parameter is staff.turnoverPerYear",
      ),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
