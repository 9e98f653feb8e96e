/**
 * Stylised facts 1 and 2 of DESIGN.md, over 20 paired replicates.
 *
 * Tolerance: a fact holds when the 95% interval of the paired mean difference (Student's t,
 * 19 degrees of freedom) lies entirely on the stated side of zero. Each fact is also checked
 * to FAIL with its mechanism switched off, so the test cannot pass by accident.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { replicateSeed } from "../src/core/mod.ts";
import { pairedDifference, summariseRun, type Summary } from "../src/experiment/mod.ts";
import { type ModelParams, resolveParams, simulate } from "../src/model/mod.ts";
import { loadScenarioFile } from "../src/scenario/mod.ts";

const REPLICATES = 20;
const SEED = 2015;

/** Paired differences B − A of run summaries, replicate by replicate (shared run seeds). */
function pairedEffects(a: ModelParams, b: ModelParams, metrics: readonly string[]) {
  const sa: Record<string, number>[] = [];
  const sb: Record<string, number>[] = [];
  for (let r = 0; r < REPLICATES; r++) {
    const seed = replicateSeed(SEED, r);
    sa.push(summariseRun(simulate(a, seed)));
    sb.push(summariseRun(simulate(b, seed)));
  }
  const out: Record<string, Summary> = {};
  for (const m of metrics) out[m] = pairedDifference(sa.map((s) => s[m]), sb.map((s) => s[m]));
  return out;
}

const above = (s: Summary) => s.lo > 0;
const below = (s: Summary) => s.hi < 0;
const show = (s: Summary) =>
  `${s.mean.toPrecision(4)} [${s.lo.toPrecision(4)}, ${s.hi.toPrecision(4)}]`;

function withMechanism(
  params: ModelParams,
  mechanism: keyof ModelParams["mechanisms"],
  on: boolean,
): ModelParams {
  return resolveParams({ ...params, mechanisms: { ...params.mechanisms, [mechanism]: on } });
}

// ── Fact 1 ─────────────────────────────────────────────────────────────────────────────────
// Mechanism M1 (funding cycles): short-cycles.yaml and long-cycles.yaml give the same money per
// year over the same seven-year window; the short one in two-year grants with gaps.

async function fact1(fundingCycles: boolean) {
  const short = (await loadScenarioFile("scenarios/short-cycles.yaml")).params;
  const long = (await loadScenarioFile("scenarios/long-cycles.yaml")).params;
  return pairedEffects(
    withMechanism(short, "fundingCycles", fundingCycles),
    withMechanism(long, "fundingCycles", fundingCycles),
    ["outcomes_per_million_gbp", "mean_trust"],
  );
}

Deno.test("stylised fact 1: longer funding cycles for the same annual money give more outcomes per £ and higher trust (M1)", async () => {
  const d = await fact1(true);
  ok(
    above(d.outcomes_per_million_gbp),
    `long − short outcomes per £1m: ${show(d.outcomes_per_million_gbp)}`,
  );
  ok(above(d.mean_trust), `long − short mean trust: ${show(d.mean_trust)}`);
});

Deno.test("stylised fact 1 does not hold with M1 (funding cycles) switched off", async () => {
  const d = await fact1(false);
  ok(!above(d.outcomes_per_million_gbp), show(d.outcomes_per_million_gbp));
  ok(!above(d.mean_trust), show(d.mean_trust));
});

// ── Fact 2 ─────────────────────────────────────────────────────────────────────────────────
// Mechanism M2 (staff turnover): baseline with 10% against 40% annual turnover (the range in
// SOURCES.md: healthy below 10–12%, national average about 30%, agencies up to 65%).

async function fact2(staffTurnover: boolean) {
  const base = (await loadScenarioFile("scenarios/baseline.yaml")).params;
  const at = (turnoverPerYear: number) =>
    withMechanism(
      resolveParams({ ...base, staff: { ...base.staff, turnoverPerYear } }),
      "staffTurnover",
      staffTurnover,
    );
  return pairedEffects(at(0.1), at(0.4), [
    "mean_trust",
    "key_worker_changes_per_family",
    "outcomes_achieved",
  ]);
}

Deno.test("stylised fact 2: higher staff turnover lowers trust, raises key-worker changes and lowers outcomes (M2)", async () => {
  const d = await fact2(true);
  ok(below(d.mean_trust), `high − low turnover, mean trust: ${show(d.mean_trust)}`);
  ok(
    above(d.key_worker_changes_per_family),
    `key-worker changes per family: ${show(d.key_worker_changes_per_family)}`,
  );
  ok(below(d.outcomes_achieved), `outcomes achieved: ${show(d.outcomes_achieved)}`);
});

Deno.test("stylised fact 2 does not hold with M2 (staff turnover) switched off", async () => {
  const d = await fact2(false);
  ok(!below(d.mean_trust), show(d.mean_trust));
  ok(!above(d.key_worker_changes_per_family), show(d.key_worker_changes_per_family));
  ok(!below(d.outcomes_achieved), show(d.outcomes_achieved));
  deepStrictEqual(d.outcomes_achieved.mean, 0, "turnover has no effect at all without M2");
});
