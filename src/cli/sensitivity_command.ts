/**
 * `sim sensitivity <spec.yaml>`: Morris screening or Sobol indices of a scenario's outputs (or
 * of a built-in test function), run by the same engine as sweeps: the design is generated from
 * the spec's seed, its points run in chunks on Workers or as shards, and the indices are
 * estimated from the `runs` table. Writes `indices.csv`, `noise.csv`, one tornado chart per
 * metric and the experiment's tables, and prints a ranking.
 *
 * @module
 */
import { tornadoChart } from "../charts/mod.ts";
import {
  checkPoints,
  type ExperimentPlan,
  type ExperimentTables,
  type OutputFile,
  type TestFunction,
  writeOutputFiles,
} from "../experiment/mod.ts";
import { METRICS } from "../model/mod.ts";
import { loadScenarioData, readText } from "../scenario/mod.ts";
import {
  analyseSensitivity,
  createDesign,
  formatRanking,
  parseSensitivitySpec,
  type SensitivityAnalysis,
  type SensitivitySpec,
} from "../sensitivity/mod.ts";
import * as aq from "arquero";
import {
  defaultOut,
  executionOptions,
  EXPERIMENT_OPTIONS,
  runWithProgress,
} from "./experiment_run.ts";
import { parseVerbArgs, UsageError } from "./options.ts";

/** Runs per chunk of a sensitivity design: many cheap runs of a test function, fewer of a model. */
const RUNS_PER_CHUNK = { scenario: 10, testFunction: 4096 } as const;

/**
 * The experiment plan of a sensitivity spec: one point per design point, in design order, the
 * spec's replicates at each, common random numbers (replicate r of every point has the same
 * seed, so differences between points are not blurred by different random draws). The spec
 * itself is kept in the plan, so `merge` can estimate the indices after a sharded run.
 *
 * @param spec The parsed spec.
 * @returns The plan.
 * @throws {ScenarioError} If the base scenario, or the scenario at any design point, is invalid.
 *
 * @example
 * ```ts
 * import { sensitivityPlan } from "./sensitivity_command.ts";
 * import { parseSensitivitySpec } from "../sensitivity/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const spec = parseSensitivitySpec(
 *   "model: ishigami\nmethod: sobol\nsamples: 8\nparameters:\n" +
 *     "  - {path: x1, min: -3.14159, max: 3.14159}\n  - {path: x2, min: -3.14159, max: 3.14159}\n" +
 *     "  - {path: x3, min: -3.14159, max: 3.14159}\nmetrics: [y]\n", "i.yaml");
 * const plan = await sensitivityPlan(spec);
 * strictEqual(plan.points.length, 8 * (3 + 2));
 * ```
 */
export async function sensitivityPlan(spec: SensitivitySpec): Promise<ExperimentPlan> {
  const design = createDesign(spec);
  const target = spec.target;
  const testFunction: TestFunction | undefined = target.kind === "ishigami"
    ? { kind: "ishigami", a: target.a, b: target.b }
    : target.kind === "sobol-g"
    ? { kind: "sobol-g", coefficients: target.coefficients }
    : undefined;
  const bases = target.kind === "scenario"
    ? [{ file: target.basePath, data: await loadScenarioData(target.basePath) }]
    : [];
  const width = String(design.points.length - 1).length;
  const plan: ExperimentPlan = {
    kind: "sensitivity",
    name: spec.name,
    file: spec.file,
    bases,
    parameters: spec.parameters.map((p) => p.path),
    fixed: [],
    points: design.points.map((values, p) => ({
      label: `p${String(p).padStart(width, "0")}`,
      base: 0,
      values: [...values],
    })),
    replicates: spec.replicates,
    seed: spec.seed,
    pairing: "common",
    runsPerChunk: testFunction === undefined
      ? RUNS_PER_CHUNK.scenario
      : RUNS_PER_CHUNK.testFunction,
    timeseries: false,
    ...(testFunction === undefined ? {} : { testFunction }),
    analysis: spec,
  };
  if (testFunction === undefined) checkPoints(plan, spec.file);
  return plan;
}

/**
 * Estimates the indices from a finished sensitivity experiment's `runs` table.
 *
 * @param spec The spec.
 * @param plan Its plan.
 * @param runs The `runs` table (one row per point and replicate, in run order).
 * @returns Index rows and the noise report.
 *
 * @example
 * ```ts ignore
 * const analysis = estimateIndices(spec, plan, tables.runs);
 * ```
 */
export function estimateIndices(
  spec: SensitivitySpec,
  plan: ExperimentPlan,
  runs: ExperimentTables["runs"],
): SensitivityAnalysis {
  const columns = spec.metrics.map((m) => runs.array(m) as ArrayLike<number>);
  const r = plan.replicates;
  const replicates = plan.points.map((_, p) =>
    Array.from({ length: r }, (_, k) => columns.map((column) => column[p * r + k]))
  );
  const means = replicates.map((rows) =>
    spec.metrics.map((_, m) => rows.reduce((sum, row) => sum + row[m], 0) / rows.length)
  );
  return analyseSensitivity(createDesign(spec), {
    metrics: spec.metrics,
    means,
    replicates: r > 1 ? replicates : undefined,
  }, { bootstrap: spec.bootstrap, seed: spec.seed });
}

/**
 * Writes a finished sensitivity experiment's results next to its tables: `indices.csv`,
 * `noise.csv` (with replicates), `tornado_<metric>.svg` per metric and `ranking.txt`.
 *
 * @param spec The spec.
 * @param plan Its plan.
 * @param tables Its tables.
 * @param out The results folder.
 * @returns The ranking text and the files written.
 *
 * @example
 * ```ts ignore
 * const { ranking } = await writeSensitivityResults(spec, plan, tables, "out/ishigami");
 * ```
 */
export async function writeSensitivityResults(
  spec: SensitivitySpec,
  plan: ExperimentPlan,
  tables: ExperimentTables,
  out: string,
): Promise<{ ranking: string; files: string[] }> {
  const analysis = estimateIndices(spec, plan, tables.runs);
  const ranking = formatRanking(analysis);
  const method = spec.method.kind === "sobol"
    ? `Sobol (Saltelli sampling, N = ${spec.method.samples})`
    : `Morris (${spec.method.trajectories} trajectories, ${spec.method.levels} levels)`;
  const runs = plan.points.length * plan.replicates;
  const files: OutputFile[] = [
    { name: "indices.csv", data: csv(analysis.rows) },
    { name: "ranking.txt", data: ranking.endsWith("\n") ? ranking : ranking + "\n" },
  ];
  if (analysis.noise.length > 0) files.push({ name: "noise.csv", data: csv(analysis.noise) });
  for (const metric of spec.metrics) {
    const rows = analysis.rows.filter((row) => row.metric === metric && row.index !== "S2");
    if (rows.length === 0) continue;
    const spec_ = METRICS.find((m) => m.name === metric);
    files.push({
      name: `tornado_${metric}.svg`,
      data: tornadoChart(rows, {
        metric,
        metricLabel: spec_ === undefined ? metric : `${spec_.description} (${spec_.unit})`,
        source: `${
          plan.testFunction === undefined
            ? `Scenario ${plan.bases[0]?.file}`
            : plan.testFunction.kind
        }; ${method}; ${plan.points.length} design points × ${plan.replicates} replicate${
          plan.replicates === 1 ? "" : "s"
        } = ${runs} runs; seed ${spec.seed}`,
      }),
    });
  }
  await writeOutputFiles(out, files);
  return { ranking, files: files.map((f) => f.name) };
}

function csv(rows: readonly object[]): string {
  const text = aq.toCSV(aq.from(rows as Record<string, unknown>[]));
  return text.endsWith("\n") ? text : text + "\n";
}

/**
 * Runs the `sensitivity` verb.
 *
 * @param args Arguments after `sensitivity`.
 * @param print Where lines go.
 * @param env Reads an environment variable (for the shard index).
 * @returns The exit code.
 *
 * @example
 * ```ts ignore
 * await sensitivityCommand(["scenarios/sensitivity/ishigami.yaml"], console.log, Deno.env.get);
 * ```
 */
export async function sensitivityCommand(
  args: readonly string[],
  print: (line: string) => void,
  env: (name: string) => string | undefined,
): Promise<number> {
  const { replicates: _replicates, ...options } = EXPERIMENT_OPTIONS;
  const { values, positionals } = parseVerbArgs(args, options);
  if (positionals.length !== 1) {
    throw new UsageError(
      `sensitivity: expected one spec file, found ${
        positionals.length === 0 ? "none" : positionals.join(" ")
      }`,
    );
  }
  const file = positionals[0];
  const spec = parseSensitivitySpec(await readText(file, "a sensitivity spec file"), file);
  const plan = await sensitivityPlan(spec);
  const execution = executionOptions(values, env);
  const out = values.out ?? defaultOut(plan.name, execution.shard);
  const output = await runWithProgress(plan, {
    ...execution,
    out,
    command: ["sensitivity", ...args],
    progress: values["no-progress"] ? false : values.progress,
    print,
  });
  if (output.tables === undefined) return 0;
  const { ranking, files } = await writeSensitivityResults(spec, plan, output.tables, out);
  print(`Wrote ${files.join(", ")} to ${out}/`);
  print("");
  print(ranking.trimEnd());
  return 0;
}
