import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { main } from "../../src/cli/mod.ts";
import { loadSweepFile } from "../../src/experiment/mod.ts";

const TINY = `${Deno.cwd()}/tests/fixtures/tiny.scenario.json`;

/** Each bad sweep, and the one line its error must contain. */
const BAD_SWEEPS: readonly (readonly [string, string, RegExp])[] = [
  [
    "unknown parameter path",
    `base: ${TINY}\ndesign: grid\nparameters:\n  staff.turnover: [0.1]\nreplicates: 2\n`,
    /sweep\.yaml: parameters\.staff\.turnover: expected the dotted path of a scenario field .*found "staff\.turnover"/,
  ],
  [
    "a block, not a field",
    `base: ${TINY}\ndesign: grid\nparameters:\n  staff: [0.1]\nreplicates: 2\n`,
    /parameters\.staff: expected the dotted path of a scenario field/,
  ],
  [
    "range in a grid",
    `base: ${TINY}\ndesign: grid\nparameters:\n  staff.turnoverPerYear: {min: 0.1, max: 0.2}\nreplicates: 2\n`,
    /parameters\.staff\.turnoverPerYear: expected a list of values \(design: grid\), found a \{min, max\} range/,
  ],
  [
    "lhs without points",
    `base: ${TINY}\ndesign: lhs\nparameters:\n  staff.turnoverPerYear: {min: 0.1, max: 0.2}\nreplicates: 2\n`,
    /sweep\.yaml: points: expected the number of Latin hypercube points \(design: lhs\), found nothing/,
  ],
  [
    "empty range",
    `base: ${TINY}\ndesign: lhs\npoints: 4\nparameters:\n  staff.turnoverPerYear: {min: 0.3, max: 0.2}\nreplicates: 2\n`,
    /parameters\.staff\.turnoverPerYear: expected min below max, found min 0\.3, max 0\.2/,
  ],
  [
    "value out of range at one point",
    `base: ${TINY}\ndesign: grid\nparameters:\n  staff.turnoverPerYear: [0.2, 1.5]\nreplicates: 2\n`,
    /sweep\.yaml: parameters\.staff\.turnoverPerYear: expected a number \(probability per year\) in \[0, 1\], found 1\.5 \(at point p1\)/,
  ],
  [
    "misspelt field",
    `base: ${TINY}\ndesign: grid\nparameters:\n  staff.turnoverPerYear: [0.2]\nreplicate: 2\n`,
    /sweep\.yaml: replicate: expected a sweep field, found an unknown field \(did you mean "replicates"\?\)/,
  ],
  [
    "missing base",
    `base: nowhere.yaml\ndesign: grid\nparameters:\n  staff.turnoverPerYear: [0.2]\nreplicates: 2\n`,
    /sweep\.yaml: base: expected the path of a scenario file, relative to the sweep file, found "nowhere\.yaml" \(no file at that path\)/,
  ],
  [
    "wrong design",
    `base: ${TINY}\ndesign: random\nparameters:\n  staff.turnoverPerYear: [0.2]\nreplicates: 2\n`,
    /sweep\.yaml: design: expected one of "grid", "lhs", found "random"/,
  ],
];

for (const [name, text, expected] of BAD_SWEEPS) {
  Deno.test(`sim sweep refuses a bad sweep file (${name}) with exit code 2 and writes nothing`, async () => {
    const root = await Deno.makeTempDir();
    try {
      const file = join(root, "sweep.yaml");
      await Deno.writeTextFile(file, text);
      const err: string[] = [];
      const out = join(root, "out");
      const code = await main(["sweep", file, "--out", out, "--no-progress"], {
        out: () => {},
        err: (line) => err.push(line),
      });
      strictEqual(code, 2);
      match(err.join("\n"), expected);
      let created = true;
      await Deno.stat(out).catch(() => created = false);
      ok(!created, "nothing written");
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  });
}

Deno.test("a Latin hypercube sweep is the same design for the same seed, one point per stratum", async () => {
  const root = await Deno.makeTempDir();
  try {
    const file = join(root, "lhs.yaml");
    await Deno.writeTextFile(
      file,
      `base: ${TINY}\ndesign: lhs\npoints: 8\nseed: 11\nreplicates: 1\nparameters:\n` +
        `  staff.turnoverPerYear: {min: 0.1, max: 0.5}\n  funding.gapWeeks: {min: 0, max: 26}\n`,
    );
    const a = await loadSweepFile(file);
    const b = await loadSweepFile(file);
    deepStrictEqual(a.points, b.points);
    const strata = a.points.map((p) => Math.floor(((p.values[0] as number) - 0.1) / 0.05));
    deepStrictEqual([...strata].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
    // funding.gapWeeks takes whole numbers: the design rounds it.
    ok(a.points.every((p) => Number.isInteger(p.values[1])));
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the bundled cycle-by-turnover sweep: 5 cycle lengths × 4 turnover rates × 10 replicates", async () => {
  const plan = await loadSweepFile("scenarios/sweeps/cycle-by-turnover.yaml");
  deepStrictEqual(plan.parameters, ["funding.grantLengthYears", "staff.turnoverPerYear"]);
  strictEqual(plan.points.length, 20);
  strictEqual(plan.replicates, 10);
  deepStrictEqual(plan.points[7].values, [2, 0.4]);
});
