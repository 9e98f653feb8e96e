/**
 * An experiment plan: every run of a sweep, a paired comparison or a sensitivity design, in a
 * fixed order, with everything needed to run any one of them anywhere (in this process, a
 * Worker, another machine). Plans are plain data, so they cross to Workers by structured clone
 * and are stored as JSON next to the results.
 *
 * Run `k` is replicate `k % replicates` of point `floor(k / replicates)`. Runs are grouped into
 * chunks of `runsPerChunk` consecutive runs: the unit of work handed to a Worker, of resuming
 * and of sharding. A run's seed depends only on the plan's seed, its point and its replicate
 * (see {@linkcode runSeed}), never on which Worker, shard or chunk ran it, so results are the
 * same whatever the number of workers or shards.
 *
 * @module
 */
import { hashString, replicateSeed, TOOL_VERSION } from "../core/mod.ts";
import { type Override, resolveScenario, type Scenario } from "../scenario/mod.ts";
import { canonicalJson, sha256Hex } from "./manifest.ts";
import type { TestFunction } from "./test_functions.ts";

/** A value a design point gives a parameter. */
export type PointValue = number | string | boolean;

/** A scenario the points of a plan start from: a merged scenario file, not yet resolved. */
export interface PlanBase {
  /** The scenario file it came from (for messages and manifests). */
  readonly file: string;
  /** Its merged fields (`extends:` followed), as {@linkcode loadScenarioData} returns them. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** One design point: a base scenario with some parameters set. */
export interface PlanPoint {
  /** Short label used in run ids, e.g. `p0007`, or a scenario name in a comparison. */
  readonly label: string;
  /** Index into {@linkcode ExperimentPlan.bases}. */
  readonly base: number;
  /** The values of {@linkcode ExperimentPlan.parameters}, in that order. */
  readonly values: readonly PointValue[];
}

/** A built-in test function run instead of the simulation (sensitivity checks). */
export type PlanTestFunction = TestFunction;

/** How runs of different points share random numbers. */
export type Pairing = "common" | "independent";

/** Everything needed to run an experiment, in plain data. */
export interface ExperimentPlan {
  /** What kind of experiment (recorded, not interpreted by the engine). */
  readonly kind: "sweep" | "compare" | "sensitivity";
  /** Its name, e.g. the sweep file's `name`. */
  readonly name: string;
  /** The file that defined it (sweep file, or the compared scenario files). */
  readonly file: string;
  /** Base scenarios. */
  readonly bases: readonly PlanBase[];
  /** Dotted paths of the parameters the points set, e.g. `staff.turnoverPerYear`. */
  readonly parameters: readonly string[];
  /** Fixed overrides applied to every point before its own values (dotted path → value). */
  readonly fixed: readonly (readonly [string, PointValue])[];
  /** The design points, in order. */
  readonly points: readonly PlanPoint[];
  /** Replicates per point. */
  readonly replicates: number;
  /** The experiment seed. */
  readonly seed: number;
  /**
   * `common`: replicate r of every point runs with the same seed (common random numbers, the
   * default: differences between points are sharper); `independent`: every point has its own.
   */
  readonly pairing: Pairing;
  /** Runs per chunk (the unit of work, resume and sharding). */
  readonly runsPerChunk: number;
  /** Whether to keep each run's weekly time series (the `timeseries` table). */
  readonly timeseries: boolean;
  /**
   * A test function to evaluate instead of the simulation (then `bases` is empty and each
   * point's values are the function's inputs x1, x2, …, in order).
   */
  readonly testFunction?: PlanTestFunction;
  /**
   * What to compute from the finished tables, as plain data (a sensitivity spec), so that a
   * merge of shards can finish the analysis; the engine stores it and does not read it.
   */
  readonly analysis?: unknown;
}

/**
 * Total runs in a plan.
 *
 * @param plan The plan.
 * @returns Points × replicates.
 *
 * @example
 * ```ts
 * import { runCount } from "./plan.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(runCount({ points: [{}, {}, {}], replicates: 4 } as never), 12);
 * ```
 */
export function runCount(plan: Pick<ExperimentPlan, "points" | "replicates">): number {
  return plan.points.length * plan.replicates;
}

/**
 * Number of chunks in a plan.
 *
 * @param plan The plan.
 * @returns ⌈runs / runsPerChunk⌉.
 *
 * @example
 * ```ts
 * import { chunkCount } from "./plan.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(chunkCount({ points: [{}, {}, {}], replicates: 4, runsPerChunk: 5 } as never), 3);
 * ```
 */
export function chunkCount(
  plan: Pick<ExperimentPlan, "points" | "replicates" | "runsPerChunk">,
): number {
  return Math.ceil(runCount(plan) / plan.runsPerChunk);
}

/**
 * The runs of one chunk.
 *
 * @param plan The plan.
 * @param chunk Chunk index, from 0.
 * @returns `[first run, end run)`.
 *
 * @example
 * ```ts
 * import { chunkRuns } from "./plan.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const plan = { points: [{}, {}, {}], replicates: 4, runsPerChunk: 5 } as never;
 * deepStrictEqual(chunkRuns(plan, 2), [10, 12]);
 * ```
 */
export function chunkRuns(
  plan: Pick<ExperimentPlan, "points" | "replicates" | "runsPerChunk">,
  chunk: number,
): [number, number] {
  const first = chunk * plan.runsPerChunk;
  return [first, Math.min(first + plan.runsPerChunk, runCount(plan))];
}

/**
 * The seed of replicate `replicate` of point `point`. With common random numbers it is
 * `replicateSeed(seed, replicate)` for every point, the seed `sim run` gives replicate r of a
 * scenario with that seed; otherwise each point derives its own.
 *
 * @param plan The plan's seed and pairing.
 * @param point Point index.
 * @param replicate Replicate index.
 * @returns The run seed.
 *
 * @example Common random numbers: the same seed at every point
 * ```ts
 * import { runSeed } from "./plan.ts";
 * import { replicateSeed } from "../core/mod.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 * const common = { seed: 7, pairing: "common" } as const;
 * strictEqual(runSeed(common, 0, 3), runSeed(common, 5, 3));
 * strictEqual(runSeed(common, 0, 3), replicateSeed(7, 3));
 * const independent = { seed: 7, pairing: "independent" } as const;
 * ok(runSeed(independent, 0, 3) !== runSeed(independent, 5, 3));
 * ```
 */
export function runSeed(
  plan: Pick<ExperimentPlan, "seed" | "pairing">,
  point: number,
  replicate: number,
): number {
  return plan.pairing === "common"
    ? replicateSeed(plan.seed, replicate)
    : replicateSeed(hashString(`${plan.seed}/point ${point}`), replicate);
}

/**
 * The overrides that make a point's scenario from its base: the plan's fixed overrides, then
 * the point's values.
 *
 * @param plan The plan.
 * @param point Point index.
 * @returns Overrides, as `--set` would give them.
 *
 * @example
 * ```ts
 * import { pointOverrides } from "./plan.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const plan = { fixed: [["funding.gapWeeks", 13]], parameters: ["staff.turnoverPerYear"],
 *   points: [{ label: "p0", base: 0, values: [0.3] }] } as never;
 * deepStrictEqual(pointOverrides(plan, 0).map((o) => o.text),
 *   ["funding.gapWeeks=13", "staff.turnoverPerYear=0.3"]);
 * ```
 */
export function pointOverrides(
  plan: Pick<ExperimentPlan, "fixed" | "parameters" | "points">,
  point: number,
): Override[] {
  const values = plan.points[point].values;
  return [
    ...plan.fixed,
    ...plan.parameters.map((path, i) => [path, values[i]] as const),
  ].map(([path, value]) => ({ path: path.split("."), value, text: `${path}=${value}` }));
}

/**
 * The scenario of one point: its base with the fixed overrides and its values, checked like a
 * scenario file with `--set` options.
 *
 * @param plan The plan (not a test-function plan).
 * @param point Point index.
 * @returns The scenario, named after the base and seeded with the plan's seed.
 * @throws {ScenarioError} If the values make an invalid scenario.
 *
 * @example
 * ```ts
 * import { pointScenario } from "./plan.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = { fixed: [], parameters: ["staff.turnoverPerYear"], seed: 3,
 *   bases: [{ file: "x.yaml", data: { name: "x" } }],
 *   points: [{ label: "p0", base: 0, values: [0.3] }] } as never;
 * strictEqual(pointScenario(plan, 0).params.staff.turnoverPerYear, 0.3);
 * ```
 */
export function pointScenario(
  plan: Pick<ExperimentPlan, "bases" | "fixed" | "parameters" | "points" | "seed">,
  point: number,
): Scenario {
  const base = plan.bases[plan.points[point].base];
  return resolveScenario(base.data, base.file, {
    overrides: pointOverrides(plan, point),
    seed: plan.seed,
  });
}

/**
 * The plan's content hash: SHA-256 of its canonical JSON and the tool version. Results made
 * from one plan can be resumed and merged only with results of the same hash.
 *
 * @param plan The plan.
 * @returns 64 hexadecimal digits.
 *
 * @example
 * ```ts
 * import { planHash } from "./plan.ts";
 * import { ok } from "node:assert/strict";
 * const a = await planHash({ name: "a", seed: 1 } as never);
 * const b = await planHash({ seed: 1, name: "a" } as never);
 * ok(a === b && /^[0-9a-f]{64}$/.test(a));
 * ```
 */
export function planHash(plan: ExperimentPlan): Promise<string> {
  return sha256Hex(`${TOOL_VERSION}\n${canonicalJson(plan)}`);
}
