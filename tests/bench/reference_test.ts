/**
 * The benchmark's reference implementations compute the same model as the engine: the
 * object-per-agent reference (`bench/reference_oo.ts`) and the flocc peer (`bench/peer_flocc.ts`)
 * against the engine on the simplified core model (`coreParams` of the baseline, 1×, ten years).
 *
 * They draw from their own streams, so runs agree in distribution, not draw for draw. The means
 * over R replicates are compared statistic by statistic: they must agree within four standard
 * errors of the difference of two independent means (sqrt(s₁²/R + s₂²/R); a real difference that
 * large would be missed less than once in 10,000 comparisons) plus 2% of the engine's mean, which
 * covers the two modelling differences that are known and small: waiting families are served in
 * arrival order by the references and in slot order by the engine (about 4% more key-worker
 * changes in the references), and the engine keeps trust, progress and severity in 32-bit floats.
 */
import { ok } from "node:assert/strict";
import { replicateSeed } from "../../src/core/mod.ts";
import { createModel, type ModelParams, resolveParams, runModel } from "../../src/model/mod.ts";
import { loadScenarioFile } from "../../src/scenario/mod.ts";
import { CORE_STAT_NAMES, type CoreStats, statsOfRecording } from "../../bench/core_stats.ts";
import { runFloccPeer } from "../../bench/peer_flocc.ts";
import { runReference } from "../../bench/reference_oo.ts";
import { coreParams } from "../../bench/scale.ts";

const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const params = coreParams(scenario.params);

function replicates(
  run: (params: ModelParams, seed: number) => CoreStats,
  p: ModelParams,
  count: number,
): CoreStats[] {
  const out: CoreStats[] = [];
  for (let r = 0; r < count; r++) out.push(run(p, replicateSeed(scenario.seed, r)));
  return out;
}

const engine = (p: ModelParams, seed: number) => statsOfRecording(runModel(createModel(p, seed)));

/** Statistics whose means differ by more than the tolerance, each with its figures. */
function disagreements(a: CoreStats[], b: CoreStats[]): string[] {
  const out: string[] = [];
  for (const name of CORE_STAT_NAMES) {
    const [ma, va] = meanVariance(a.map((s) => s[name]));
    const [mb, vb] = meanVariance(b.map((s) => s[name]));
    const se = Math.sqrt(va / a.length + vb / b.length);
    const tolerance = 4 * se + 0.02 * Math.abs(ma);
    if (!(Math.abs(ma - mb) <= tolerance)) {
      out.push(`${name}: ${ma.toFixed(4)} vs ${mb.toFixed(4)} (tolerance ${tolerance.toFixed(4)})`);
    }
  }
  return out;
}

function meanVariance(xs: number[]): [number, number] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return [mean, variance];
}

const engineRuns = replicates(engine, params, 20);

Deno.test("the object-per-agent reference gives the engine's statistics (20 replicates)", () => {
  const problems = disagreements(engineRuns, replicates(runReference, params, 20));
  ok(problems.length === 0, problems.join("\n"));
});

Deno.test("the comparison is sharp: it tells the engine from a reference with more turnover", () => {
  const churn = resolveParams({ ...params, staff: { ...params.staff, turnoverPerYear: 0.3 } });
  const problems = disagreements(engineRuns, replicates(runReference, churn, 20));
  ok(problems.some((p) => p.startsWith("leavers")), problems.join("\n"));
});

Deno.test("the flocc peer gives the engine's statistics (6 replicates)", () => {
  const problems = disagreements(engineRuns, replicates(runFloccPeer, params, 6));
  ok(problems.length === 0, problems.join("\n"));
});
