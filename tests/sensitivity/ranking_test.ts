import { deepStrictEqual, match, ok } from "node:assert/strict";
import {
  analyseSensitivity,
  averageReplicates,
  formatRanking,
  parseSensitivitySpec,
} from "../../src/sensitivity/mod.ts";
import { runSpec } from "./_helpers.ts";

/** The parameters of a ranking block, in printed order. */
function ranked(text: string): string[] {
  return [...text.matchAll(/^\s+\d+\. (\S+)/gm)].map((m) => m[1]);
}

Deno.test("formatRanking() ranks Ishigami's inputs by total index, with intervals", () => {
  const spec = parseSensitivitySpec(
    "model: ishigami\nmethod: sobol\nsamples: 1024\nsecondOrder: true\nseed: 3\n",
    "i.yaml",
  );
  const { design, means } = runSpec(spec);
  const text = formatRanking(
    analyseSensitivity(design, { metrics: ["y"], means }, { bootstrap: 200 }),
  );
  deepStrictEqual(ranked(text), ["x1", "x2", "x3"]);
  match(text, /^y: parameters ranked by total index ST, 95% intervals$/m);
  match(text, /1\. x1 {2}ST 0\.5\d\d \[0\.\d{3}, 0\.\d{3}\] {2}S1 0\.3\d\d \[/);
  match(text, /largest interactions S2: x1:x3 0\.2\d\d \[/);
});

Deno.test("formatRanking() ranks by μ* for Morris and states the noise share", () => {
  const spec = parseSensitivitySpec(
    "model: sobol-g\ncoefficients: [9, 0, 1]\nmethod: morris\ntrajectories: 40\nreplicates: 2\n",
    "g.yaml",
  );
  const { design, means } = runSpec(spec);
  // Two replicates that differ by ±0.05 at every point: a small, known noise.
  const replicates = means.map(([y]) => [[y + 0.05], [y - 0.05]]);
  const text = formatRanking(
    analyseSensitivity(design, {
      metrics: ["y"],
      means: averageReplicates(replicates),
      replicates,
    }),
  );
  deepStrictEqual(ranked(text), ["x2", "x3", "x1"]);
  match(text, /ranked by μ\* \(mean \|elementary effect\|, y per full range\)/);
  match(text, /replicate noise: \d+\.\d% of the variance across points \(2 replicates averaged\)/);
  ok(text.endsWith("\n"));
});
