/**
 * The performance suite: every figure measured side by side in one process run, printed as one
 * table (or, with `--json`, one JSON object).
 *
 *   deno task bench            # the full suite (a few minutes, one core)
 *   deno task bench --json     # the same figures as JSON
 *   deno task bench --quick    # tiny sizes, for the smoke test (a few seconds)
 *
 * Figures: family-weeks per second on the baseline at 1×, 10× and 100× its population (and at
 * 10× over 5 and 20 years); the engine against the object-per-agent reference
 * (`reference_oo.ts`) and against flocc (`peer_flocc.ts`) on the simplified core model; the
 * streaming floor (`floor.ts`); bytes of state per family and per worker; peak resident memory;
 * heap growth in the weekly loop; and a run of a million families for ten years, in a
 * subprocess of its own. See the README's "Performance" section for how to read them.
 *
 * @module
 */
// deno-lint-ignore-file no-console -- a benchmark script prints its results
import { loadScenarioFile } from "../src/scenario/mod.ts";
import { createModel, type ModelParams, runModel } from "../src/model/mod.ts";
import { statsOfRecording } from "./core_stats.ts";
import { typedArrayBytes } from "./floor.ts";
import { peakRssMb } from "./peak_memory.ts";
import { runFloccPeer } from "./peer_flocc.ts";
import { runReference } from "./reference_oo.ts";
import { coreParams, scaledParams } from "./scale.ts";
import {
  alternate,
  type EngineRun,
  floorSecondsPerWeek,
  heapGrowthBytes,
  timeEngine,
} from "./timing.ts";
import { formatTable, type SuiteResult, TARGETS } from "./suite_report.ts";

const json = Deno.args.includes("--json");
const quick = Deno.args.includes("--quick");
const unknown = Deno.args.filter((a) => a !== "--json" && a !== "--quick");
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(" ")}; expected --json and/or --quick`);
  Deno.exit(2);
}

const scenario = await loadScenarioFile("scenarios/baseline.yaml");
const base = scenario.params;
const withYears = (params: ModelParams, years: number): ModelParams => ({
  ...params,
  horizonYears: years,
});
/** Population factors, the largest last; and replicates timed at each (fewer when larger). */
const factors = quick ? [1, 2, 4] : [1, 10, 100];
const replicatesAt = (factor: number) => quick ? 1 : Math.max(1, Math.round(10 / factor));
const years = quick ? 2 : 10;

// Warm up the JIT on the 1× baseline before anything is timed.
for (let i = 0; i < (quick ? 1 : 3); i++) runModel(createModel(withYears(base, years), i));

// 1. The full baseline at each population, and at the middle one over fewer and more years.
const sizes: SuiteResult["sizes"] = [];
const timeSize = (factor: number, horizon: number) => {
  const params = withYears(scaledParams(base, factor), horizon);
  let familyWeeks = 0;
  let loopSeconds = 0;
  let last: EngineRun | undefined;
  for (let r = 0; r < replicatesAt(factor); r++) {
    last = timeEngine(params, scenario.seed + r);
    familyWeeks += last.familyWeeks;
    loopSeconds += last.loopSeconds;
  }
  if (last === undefined) throw new Error("Cannot happen: no replicate timed");
  const weeks = last.weeks;
  const floor = floorSecondsPerWeek(
    last.model,
    quick ? 50 : Math.max(20, Math.round(2000 / factor)),
  );
  const engineSecondsPerWeek = loopSeconds / (weeks * replicatesAt(factor));
  sizes.push({
    factor,
    years: horizon,
    weeks,
    familySlots: last.model.state.families.capacity,
    posts: last.model.state.posts.count,
    meanFamilies: familyWeeks / (weeks * replicatesAt(factor)),
    familyWeeksPerSecond: familyWeeks / loopSeconds,
    floorNsPerFamilyWeek: floor / (familyWeeks / (weeks * replicatesAt(factor))) * 1e9,
    engineOverFloor: engineSecondsPerWeek / floor,
    setupSeconds: last.setupSeconds,
  });
  return last;
};
let largest = timeSize(factors[0], years);
for (const factor of factors.slice(1)) largest = timeSize(factor, years);
const middle = factors[1];
for (const horizon of quick ? [1, 4] : [5, 20]) timeSize(middle, horizon);

// 2. The simplified core model: the engine against the reference and against flocc.
const core = (factor: number) => withYears(coreParams(scaledParams(base, factor)), years);
const engineCore = (params: ModelParams) => (seed: number) =>
  statsOfRecording(runModel(createModel(params, seed))).familyWeeks;
const rounds = quick ? 1 : 5;
const comparisons: SuiteResult["comparisons"] = [];
for (const factor of quick ? [1] : [1, 10]) {
  const params = core(factor);
  const withPeer = factor === 1;
  const rates = alternate(
    withPeer
      ? [
        engineCore(params),
        (seed) => runReference(params, seed).familyWeeks,
        (seed) => runFloccPeer(params, seed).familyWeeks,
      ]
      : [engineCore(params), (seed) => runReference(params, seed).familyWeeks],
    scenario.seed,
    factor === 1 ? rounds : Math.max(1, rounds - 2),
  );
  comparisons.push({
    factor,
    engine: rates[0],
    reference: rates[1],
    flocc: withPeer ? rates[2] : NaN,
  });
}

// 3. Memory of the state at the largest size; heap growth in the weekly loop.
const state = largest.model.state;
const familyBytes = typedArrayBytes(state.families);
const postBytes = typedArrayBytes(state.posts);
const largestSize = sizes[factors.length - 1];
const heapGrowth = heapGrowthBytes(
  scaledParams(base, middle),
  scenario.seed,
  quick ? 20 : 100,
  quick ? 40 : 400,
);
const heapGrowthSmall = heapGrowthBytes(
  scaledParams(base, 1),
  scenario.seed,
  quick ? 20 : 100,
  quick ? 40 : 400,
);

// 4. A million families for ten years, in a process of its own (not with --quick).
let million: SuiteResult["million"] = null;
if (!quick) {
  const factor = Math.ceil(1_000_000 / sizes[0].meanFamilies);
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-env",
      new URL("./million.ts", import.meta.url).pathname,
      `${factor}`,
    ],
    stderr: "inherit",
  }).output();
  if (!output.success) throw new Error("The million-family run failed");
  million = JSON.parse(new TextDecoder().decode(output.stdout));
}

const result: SuiteResult = {
  deno: Deno.version.deno,
  v8: Deno.version.v8,
  quick,
  sizes,
  comparisons,
  familyWeeksPerSecond: Object.fromEntries(
    sizes.filter((s) => s.years === years).map((s) => [`${s.factor}x`, s.familyWeeksPerSecond]),
  ),
  ratios: {
    engineVsReference: comparisons[0].engine / comparisons[0].reference,
    engineVsPeer: comparisons[0].engine / comparisons[0].flocc,
    engineVsFloor: largestSize.engineOverFloor,
  },
  bytesPerFamily: familyBytes / state.families.capacity,
  bytesPerActiveFamily: familyBytes / largestSize.meanFamilies,
  bytesPerWorker: postBytes / state.posts.count,
  peakRssMb: peakRssMb(),
  heapGrowthBytes: heapGrowth,
  heapGrowthSmallBytes: heapGrowthSmall,
  heapGrowthWeeks: quick ? 40 : 400,
  million,
  targets: [],
};
result.targets = TARGETS.map((t) => ({ name: t.name, value: t.value(result), met: t.met(result) }));
console.log(json ? JSON.stringify(result, null, 2) : formatTable(result));
