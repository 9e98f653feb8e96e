import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { main } from "../../src/cli/mod.ts";
import { ishigamiIndices, sobolGIndices } from "../../src/experiment/mod.ts";

type IndexRow = {
  parameter: string;
  index: string;
  estimate: number;
  ci_low: number;
  ci_high: number;
};

async function sim(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args[0] === "merge" ? args : [...args, "--no-progress"], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function indices(dir: string): Promise<IndexRow[]> {
  const [header, ...lines] = (await Deno.readTextFile(join(dir, "indices.csv"))).trim().split("\n");
  const names = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    const row = Object.fromEntries(names.map((n, i) => [n, cells[i]]));
    return {
      parameter: row.parameter,
      index: row.index,
      estimate: Number(row.estimate),
      ci_low: Number(row.ci_low),
      ci_high: Number(row.ci_high),
    };
  });
}

function checkAgainst(rows: IndexRow[], first: readonly number[], total: readonly number[]) {
  for (const [index, truth] of [["S1", first], ["ST", total]] as const) {
    truth.forEach((value, i) => {
      const row = rows.find((r) => r.parameter === `x${i + 1}` && r.index === index);
      ok(row, `${index} x${i + 1}`);
      ok(
        Math.abs(row.estimate - value) <= 0.02,
        `${index} x${i + 1}: ${row.estimate} vs ${value}`,
      );
      ok(
        row.ci_low <= value && value <= row.ci_high,
        `${index} x${i + 1} interval covers ${value}`,
      );
    });
  }
}

// The figures: S1 0.3139, 0.4424, 0 and ST 0.5576, 0.4424, 0.2437 for a = 7, b = 0.1.
Deno.test("sim sensitivity on the bundled Ishigami spec (N = 4096): S1 and ST within ±0.02, intervals cover", async () => {
  const out = await Deno.makeTempDir();
  try {
    const result = await sim(["sensitivity", "scenarios/sensitivity/ishigami.yaml", "--out", out]);
    strictEqual(result.code, 0, result.err);
    const truth = ishigamiIndices(7, 0.1);
    deepStrictEqual(truth.first.map((x) => Number(x.toFixed(4))), [0.3139, 0.4424, 0]);
    deepStrictEqual(truth.total.map((x) => Number(x.toFixed(4))), [0.5576, 0.4424, 0.2437]);
    checkAgainst(await indices(out), truth.first, truth.total);
    match(result.out, /1\. x1\s+ST 0\.5\d\d/);
    match(await Deno.readTextFile(join(out, "tornado_y.svg")), /<svg[^>]*xmlns/);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("sim sensitivity on the bundled Sobol G spec (a = 0, 1, 4.5, 9, 99, 99; N = 512)", async () => {
  const out = await Deno.makeTempDir();
  try {
    const result = await sim(["sensitivity", "scenarios/sensitivity/sobol-g.yaml", "--out", out]);
    strictEqual(result.code, 0, result.err);
    const truth = sobolGIndices([0, 1, 4.5, 9, 99, 99]);
    checkAgainst(await indices(out), truth.first, truth.total);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("sharded and single-process sensitivity runs give byte-identical indices", async () => {
  const root = await Deno.makeTempDir();
  try {
    const spec = join(root, "ishigami-small.yaml");
    await Deno.writeTextFile(
      spec,
      (await Deno.readTextFile("scenarios/sensitivity/ishigami.yaml"))
        .replace(/samples: 4096.*/, "samples: 256").replace(/bootstrap: 1000/, "bootstrap: 200"),
    );
    const single = join(root, "single");
    strictEqual((await sim(["sensitivity", spec, "--out", single, "--workers", "1"])).code, 0);
    const parts = [0, 1, 2].map((i) => join(root, `part${i}`));
    for (const [i, part] of parts.entries()) {
      const r = await sim(["sensitivity", spec, "--out", part, "--shard", `${i}/3`]);
      strictEqual(r.code, 0, r.err);
    }
    const merged = join(root, "merged");
    const m = await sim(["merge", ...parts, "--out", merged]);
    strictEqual(m.code, 0, m.err);
    match(m.out, /ranked by total index ST/);
    for (const file of ["indices.csv", "ranking.txt", "runs.csv", "points.csv"]) {
      strictEqual(
        await Deno.readTextFile(join(merged, file)),
        await Deno.readTextFile(join(single, file)),
        file,
      );
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the bundled baseline spec runs end to end at a small sample size (2 trajectories)", async () => {
  const root = await Deno.makeTempDir();
  try {
    const spec = join(root, "baseline-small.yaml");
    await Deno.writeTextFile(
      spec,
      (await Deno.readTextFile("scenarios/sensitivity/baseline-main.yaml"))
        .replace(/^base: .*$/m, `base: ${Deno.cwd()}/scenarios/baseline.yaml`)
        .replace(/^trajectories: .*$/m, "trajectories: 2")
        .replace(/^bootstrap: .*$/m, "bootstrap: 100"),
    );
    const out = join(root, "out");
    const result = await sim(["sensitivity", spec, "--out", out]);
    strictEqual(result.code, 0, result.err);
    const rows = await indices(out);
    const parameters = new Set(rows.map((r) => r.parameter));
    strictEqual(parameters.size, 13);
    deepStrictEqual(new Set(rows.map((r) => r.index)), new Set(["mu", "mu_star", "sigma"]));
    ok(rows.every((r) => Number.isFinite(r.estimate)));
    match(result.out, /ranked by μ\*/);
    const noise = (await Deno.readTextFile(join(out, "noise.csv"))).trim().split("\n");
    ok(noise.length > 1 && noise[0].includes("noise_share"));
    const charts = (await Array.fromAsync(Deno.readDir(out))).filter((e) =>
      e.name.startsWith("tornado_")
    );
    ok(charts.length >= 3, `${charts.length} tornado charts`);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("a bad sensitivity spec is refused with exit code 2 naming the field", async () => {
  const root = await Deno.makeTempDir();
  try {
    const spec = join(root, "bad.yaml");
    await Deno.writeTextFile(spec, "model: ishigami\nmethod: sobol\nsample: 64\nmetrics: [y]\n");
    const result = await sim(["sensitivity", spec, "--out", join(root, "out")]);
    strictEqual(result.code, 2);
    match(result.err, /bad\.yaml: sample: .*unknown field.*samples/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
