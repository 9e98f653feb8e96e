/**
 * The Sobol sequence against a live SciPy (Debian's `python3-scipy`, installed on demand): more
 * points and dimensions than the stored fixture in `tests/fixtures/sobol_scipy.json`.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { sobolPoints } from "../../src/sensitivity/mod.ts";

const SCRIPT = `
import sys
from scipy.stats import qmc
d, start, n = (int(a) for a in sys.argv[1:4])
s = qmc.Sobol(d, scramble=False)
if start:
    s.fast_forward(start)
for row in s.random(n):
    print(" ".join(repr(float(x)) for x in row))
`;

async function ensureScipy(): Promise<void> {
  const install = await new Deno.Command("sh", {
    args: ["tests/system/ensure_debian_packages.sh", "python3-scipy"],
  }).output();
  strictEqual(install.code, 0, new TextDecoder().decode(install.stderr));
}

async function scipyPoints(d: number, start: number, n: number): Promise<number[][]> {
  // Debian's interpreter, where python3-scipy installs (a python3 earlier on PATH may lack it).
  const run = await new Deno.Command("/usr/bin/python3", {
    args: ["-c", SCRIPT, String(d), String(start), String(n)],
  }).output();
  strictEqual(run.code, 0, new TextDecoder().decode(run.stderr));
  return new TextDecoder().decode(run.stdout).trim().split("\n").map((line) =>
    line.split(" ").map(Number)
  );
}

Deno.test("sobolPoints() equals SciPy's unscrambled Sobol sequence over 4096 points in 80 and 256 dimensions", async () => {
  await ensureScipy();
  for (const [d, start, n] of [[80, 0, 4096], [256, 0, 1024], [256, 12345, 512]]) {
    deepStrictEqual(sobolPoints(n, d, { start }), await scipyPoints(d, start, n), `d=${d}`);
  }
});
