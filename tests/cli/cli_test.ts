/**
 * End-to-end tests of the command line, run as a user types it: `deno task sim …` and
 * `deno task demo` in a subprocess, checking exit codes, output and the files written.
 */
import { deepStrictEqual, match, notDeepStrictEqual, ok, strictEqual } from "node:assert/strict";
import * as aq from "arquero";
import { parseHTML } from "linkedom";
import { RUN_FILES } from "../../src/cli/mod.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const TINY = "tests/fixtures/tiny.scenario.json";
/** What `run` writes, from the command itself; the data files exclude the manifest's timing. */
const DATA_FILES = RUN_FILES.filter((f) => f !== "manifest.json");

async function task(...args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

async function exists(path: string) {
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("sim run writes runs, timeseries (CSV and Arrow), a chart and a manifest", async () => {
  const out = await Deno.makeTempDir();
  try {
    const r = await task("sim", "run", TINY, "--replicates", "3", "--out", out);
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /tiny: 3 replicates in .* family-weeks per second/);
    for (const f of RUN_FILES) ok(await exists(`${out}/${f}`), f);
    // The files the issues ask for, named here so that dropping one from RUN_FILES fails.
    for (
      const f of [
        "runs.csv",
        "runs.arrow",
        "summary.csv",
        "timeseries.csv",
        "timeseries.arrow",
        "budgets.csv",
      ]
    ) {
      ok(RUN_FILES.includes(f as (typeof RUN_FILES)[number]), f);
    }
    for (const f of ["network.json", "network.svg", "main_metrics.svg", "manifest.json"]) {
      ok(RUN_FILES.includes(f as (typeof RUN_FILES)[number]), f);
    }

    const runs = aq.fromCSV(await Deno.readTextFile(`${out}/runs.csv`));
    strictEqual(runs.numRows(), 3);
    for (
      const column of [
        "run_id",
        "scenario",
        "replicate",
        "seed",
        "families_active",
        "families_supported",
        "mean_trust",
        "engaged_share",
        "dropouts",
        "outcomes_achieved",
        "key_worker_changes_per_family",
        "staff_leavers",
        "vacancies",
        "spend_gbp",
        "cost_per_outcome_gbp",
        "outcomes_per_million_gbp",
      ]
    ) {
      ok(runs.columnNames().includes(column), column);
    }
    const arrowRuns = aq.fromArrow(await Deno.readFile(`${out}/runs.arrow`));
    deepStrictEqual(arrowRuns.array("outcomes_achieved"), runs.array("outcomes_achieved"));

    const ts = aq.fromArrow(await Deno.readFile(`${out}/timeseries.arrow`));
    strictEqual(ts.numRows(), 3 * 156, "3 replicates × 3 years of weeks");
    deepStrictEqual(Array.from(ts.array("week")).slice(0, 3), [0, 1, 2]);

    const manifest = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
    strictEqual(manifest.scenario.name, "tiny");
    match(manifest.scenario.contentHash, /^[0-9a-f]{64}$/);
    deepStrictEqual(
      manifest.random.runs.map((x: { seed: number }) => x.seed),
      Array.from(runs.array("seed")),
    );
    match(manifest.random.generator, /alea/);
    strictEqual(manifest.parameters.organisations.funded, 4);

    const { document } = parseHTML(await Deno.readTextFile(`${out}/main_metrics.svg`));
    const svg = document.querySelector("svg");
    strictEqual(svg?.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
    ok(svg?.textContent?.includes("tiny"), "title names the scenario");
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("sim run is deterministic: same scenario and seed give byte-identical data files", async () => {
  const a = await Deno.makeTempDir();
  const b = await Deno.makeTempDir();
  try {
    strictEqual((await task("sim", "run", TINY, "--replicates", "2", "--out", a)).code, 0);
    strictEqual((await task("sim", "run", TINY, "--replicates", "2", "--out", b)).code, 0);
    for (const f of DATA_FILES) {
      deepStrictEqual(await Deno.readFile(`${a}/${f}`), await Deno.readFile(`${b}/${f}`), f);
    }
    const ma = JSON.parse(await Deno.readTextFile(`${a}/manifest.json`));
    const mb = JSON.parse(await Deno.readTextFile(`${b}/manifest.json`));
    for (const m of [ma, mb]) {
      delete m.timing;
      delete m.command;
    }
    deepStrictEqual(ma, mb, "the manifest differs only in timing and the command line");
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

Deno.test("sim run --seed and --set change the run and are recorded in the manifest", async () => {
  const a = await Deno.makeTempDir();
  const b = await Deno.makeTempDir();
  try {
    strictEqual((await task("sim", "run", TINY, "--replicates", "1", "--out", a)).code, 0);
    const r = await task(
      "sim",
      "run",
      TINY,
      "--replicates",
      "1",
      "--out",
      b,
      "--seed",
      "99",
      "--set",
      "staff.turnoverPerYear=0.45",
      "--set",
      "mechanisms.trust=false",
    );
    strictEqual(r.code, 0, r.stderr);
    notDeepStrictEqual(await Deno.readFile(`${a}/runs.csv`), await Deno.readFile(`${b}/runs.csv`));
    const m = JSON.parse(await Deno.readTextFile(`${b}/manifest.json`));
    deepStrictEqual([
      m.scenario.seed,
      m.parameters.staff.turnoverPerYear,
      m.parameters.mechanisms.trust,
    ], [99, 0.45, false]);
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

const BAD_INPUTS: readonly { args: string[]; says: RegExp[] }[] = [
  {
    args: ["tests/fixtures/bad/unknown_key.yaml"],
    says: [
      /unknown_key\.yaml: staff\.turnover: expected a field of staff, found an unknown field \(did you mean "turnoverPerYear"\?\)/,
    ],
  },
  {
    args: ["tests/fixtures/bad/wrong_type.yaml"],
    says: [
      /wrong_type\.yaml: funding\.grantLengthYears: expected a number \(years\) in \[1\/52, 100\], found "five"/,
    ],
  },
  {
    args: ["tests/fixtures/bad/out_of_range.yaml"],
    says: [
      /out_of_range\.yaml: funding\.renewalProbability: expected a number \(probability per renewal decision\) in \[0, 1\], found 1\.5/,
    ],
  },
  {
    args: ["tests/fixtures/bad/missing.yaml"],
    says: [/missing\.yaml: expected a scenario file, found no file at that path/],
  },
  {
    args: ["tests/fixtures/bad/malformed.yaml"],
    says: [/malformed\.yaml:\d+:\d+: expected valid YAML, found/],
  },
  {
    args: ["tests/fixtures/bad/malformed.json"],
    says: [/malformed\.json:1:\d+: expected valid JSON, found/],
  },
  {
    args: ["tests/fixtures/bad/empty.yaml"],
    says: [/empty\.yaml: expected a mapping of scenario fields, found an empty file/],
  },
  {
    args: ["tests/fixtures/bad/not_utf8.yaml"],
    says: [/not_utf8\.yaml: expected UTF-8 text, found bytes that are not UTF-8/],
  },
  { args: ["tests/fixtures/bad"], says: [/bad: expected a file, found a directory/] },
  {
    args: ["tests/fixtures/bad/contradictory.yaml"],
    says: [
      /contradictory\.yaml: staff\.caseloadMax: expected at least staff\.caseloadTarget \(20\), found 10/,
    ],
  },
  {
    args: ["tests/fixtures/bad/several.yaml"],
    says: [
      /several\.yaml: staff\.turnover: .*did you mean "turnoverPerYear"/,
      /several\.yaml: staff\.vacancyWeeks: expected a number \(weeks\) in \[1, 520\], found -1/,
      /several\.yaml: mechanisms\.trust: expected true or false, found "yes"/,
      /3 problems; nothing was written/,
    ],
  },
  {
    args: [TINY, "--set", "staff.turnoverPerYear=high"],
    says: [
      /--set staff\.turnoverPerYear=high: staff\.turnoverPerYear: expected a number \(probability per year\) in \[0, 1\], found "high"/,
    ],
  },
  {
    args: [TINY, "--set", "staff.turnovr=0.3"],
    says: [
      /--set staff\.turnovr=0\.3: staff\.turnovr: expected a field of staff, found an unknown field \(did you mean "turnoverPerYear"\?\)/,
    ],
  },
  {
    args: [TINY, "--replicates", "zero"],
    says: [/--replicates: expected a whole number in \[1, 100000\], found "zero"/],
  },
];

for (const { args, says } of BAD_INPUTS) {
  Deno.test(`sim run rejects bad input with one clear message and writes nothing: ${args.join(" ")}`, async () => {
    const parent = await Deno.makeTempDir();
    const out = `${parent}/out`;
    try {
      const r = await task("sim", "run", ...args, "--out", out);
      strictEqual(r.code, 2, `exit code; stderr: ${r.stderr}`);
      for (const pattern of says) match(r.stderr, pattern);
      ok(!r.stderr.includes("    at "), "no stack trace");
      ok(!(await exists(out)), "no output folder");
    } finally {
      await Deno.remove(parent, { recursive: true });
    }
  });
}

Deno.test("sim run with bad input leaves an existing output folder as it was", async () => {
  const out = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${out}/runs.csv`, "earlier results\n");
    const r = await task("sim", "run", "tests/fixtures/bad/wrong_type.yaml", "--out", out);
    strictEqual(r.code, 2);
    strictEqual(await Deno.readTextFile(`${out}/runs.csv`), "earlier results\n");
    deepStrictEqual([...Deno.readDirSync(out)].map((e) => e.name), ["runs.csv"]);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("demo runs the bundled scenarios and prints a summary with intervals", async () => {
  const r = await task("demo");
  strictEqual(r.code, 0, r.stderr);
  for (const name of ["baseline", "short-cycles", "long-cycles"]) {
    match(r.stdout, new RegExp(`${name}: 10 runs`));
    ok(await exists(`${ROOT}out/demo/${name}/runs.csv`), name);
  }
  match(r.stdout, /Outcomes per £1m\s+[\d.]+ \[[\d.]+, [\d.]+\]/);
  match(r.stdout, /Mean trust in key worker\s+0\.\d+ \[0\.\d+, 0\.\d+\]/);
  match(r.stdout, /Cost per outcome \(£\)/);
  match(r.stdout, /Difference long-cycles − short-cycles \(paired by replicate\)/);
  match(r.stdout, /out\/demo\/baseline\//);
});

Deno.test("sim validate checks files without running them: exit 0 when all are valid", async () => {
  const good = await task(
    "sim",
    "validate",
    "scenarios/baseline.yaml",
    "scenarios/pandemic.yaml",
    TINY,
  );
  strictEqual(good.code, 0, good.stderr);
  match(good.stdout, /ok {3}scenarios\/pandemic\.yaml: "pandemic", seed 2015, 10 years, 8 shocks/);
  const bad = await task(
    "sim",
    "validate",
    "scenarios/baseline.yaml",
    "tests/fixtures/bad/several.yaml",
    "tests/fixtures/bad/wrong_type.yaml",
  );
  strictEqual(bad.code, 2);
  match(bad.stdout, /ok {3}scenarios\/baseline\.yaml/);
  match(bad.stderr, /several\.yaml: staff\.turnover:/);
  match(bad.stderr, /wrong_type\.yaml: funding\.grantLengthYears:/);
  match(bad.stderr, /4 problems in 3 files/);
});

Deno.test("the pandemic scenario runs end to end and its shock shows in the time series", async () => {
  const out = await Deno.makeTempDir();
  try {
    const r = await task(
      "sim",
      "run",
      "scenarios/pandemic.yaml",
      "--replicates",
      "3",
      "--out",
      out,
    );
    strictEqual(r.code, 0, r.stderr);
    const ts = aq.fromArrow(await Deno.readFile(`${out}/timeseries.arrow`));
    const mean = (metric: string, from: number, to: number) => {
      const rows = ts.filter(aq.escape((d: { week: number }) => d.week >= from && d.week < to));
      const values = Array.from(rows.array(metric) as ArrayLike<number>);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    strictEqual(mean("shocks_active", 0, 156), 0, "no shock before year 3");
    ok(mean("shocks_active", 156, 260) >= 4, "the shocks are in force in years 3 and 4");
    ok(
      mean("families_arrived", 156, 234) > 1.15 * mean("families_arrived", 104, 156),
      "demand rises",
    );
    ok(
      mean("families_waiting", 156, 260) > 2 * mean("families_waiting", 104, 156),
      "waiting lists grow",
    );
    ok(mean("staff_leavers", 182, 260) > mean("staff_leavers", 104, 156), "more key workers leave");
    const manifest = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
    strictEqual(manifest.parameters.shocks.length, 8);
    strictEqual(manifest.scenario.input.extends, undefined, "extends is resolved before the run");
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("sim run --network-every 1 writes the partnership network for every week of replicate 0", async () => {
  const out = await Deno.makeTempDir();
  try {
    const r = await task(
      "sim",
      "run",
      TINY,
      "--replicates",
      "2",
      "--out",
      out,
      "--network-every",
      "1",
    );
    strictEqual(r.code, 0, r.stderr);
    const network = JSON.parse(await Deno.readTextFile(`${out}/network.json`));
    strictEqual(network.snapshots.length, 156, "three years of weeks");
    deepStrictEqual(network.snapshots.slice(0, 2).map((s: { week: number }) => s.week), [0, 1]);
    const last = network.snapshots[155];
    strictEqual(last.organisations.length, 5);
    ok(
      last.partnerships.every((p: { depth: string }) =>
        ["paper", "working", "deep"].includes(p.depth)
      ),
    );
    ok((await Deno.readTextFile(`${out}/network.svg`)).includes("partnership network"));
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
