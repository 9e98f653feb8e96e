/**
 * `deno task bench --quick --json` runs (tiny sizes, a second or two) and prints every figure
 * the issue asks for, with sane values. Nothing here is timed against a threshold: speed is
 * judged by the full suite, never by tests.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";

Deno.test("the benchmark suite's --quick --json output has every figure, with sane values", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-env",
      "--allow-run",
      "--v8-flags=--expose-gc",
      "bench/suite.ts",
      "--quick",
      "--json",
    ],
    env: { NO_COLOR: "1" },
  }).output();
  const stderr = new TextDecoder().decode(output.stderr);
  strictEqual(output.code, 0, stderr);
  const r = JSON.parse(new TextDecoder().decode(output.stdout));
  deepStrictEqual(Object.keys(r.familyWeeksPerSecond), ["1x", "2x", "4x"]);
  for (const rate of Object.values(r.familyWeeksPerSecond)) {
    ok(typeof rate === "number" && rate > 1000 && Number.isFinite(rate), `rate ${rate}`);
  }
  for (const name of ["engineVsReference", "engineVsPeer", "engineVsFloor"]) {
    ok(r.ratios[name] > 0 && Number.isFinite(r.ratios[name]), `${name} ${r.ratios[name]}`);
  }
  // A family slot holds 15 fields (48 bytes today); a post 9 (31 bytes).
  ok(r.bytesPerFamily >= 16 && r.bytesPerFamily <= 256, `bytes per family ${r.bytesPerFamily}`);
  ok(r.bytesPerWorker >= 8 && r.bytesPerWorker <= 256, `bytes per worker ${r.bytesPerWorker}`);
  ok(r.peakRssMb > 10 && r.peakRssMb < 4096, `peak RSS ${r.peakRssMb}`);
  ok(Number.isFinite(r.heapGrowthBytes), `heap growth ${r.heapGrowthBytes}`);
  strictEqual(r.million, null);
  strictEqual(r.targets.length, 9);
  for (const t of r.targets) strictEqual(typeof t.met, "boolean");
});

Deno.test("the benchmark suite refuses an unknown option with exit code 2", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-env", "bench/suite.ts", "--fast"],
    env: { NO_COLOR: "1" },
  }).output();
  strictEqual(output.code, 2);
  ok(new TextDecoder().decode(output.stderr).includes("--fast"));
});
