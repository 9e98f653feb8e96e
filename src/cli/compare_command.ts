/**
 * `sim compare A.yaml B.yaml`: runs two scenarios replicate by replicate with the same seeds
 * (common random numbers) and reports the differences B − A with their own 95% intervals.
 *
 * @module
 */
import { baseScenarioName, type ExperimentPlan } from "../experiment/mod.ts";
import { loadScenarioData } from "../scenario/mod.ts";
import {
  defaultOut,
  executionOptions,
  EXPERIMENT_OPTIONS,
  runWithProgress,
} from "./experiment_run.ts";
import { integerOption, parseVerbArgs, UsageError } from "./options.ts";
import { comparisonLines } from "./summary_text.ts";

/** Replicates of a comparison unless `--replicates` says otherwise. */
export const COMPARE_REPLICATES = 10;

/**
 * Builds the plan of a paired comparison: two points (A, B), no varied parameters.
 *
 * @param files The two scenario files.
 * @param options Replicates, seed (default: A's seed) and pairing.
 * @returns The plan.
 * @throws {ScenarioError} If either file is not a valid scenario.
 *
 * @example
 * ```ts
 * import { comparePlan } from "./compare_command.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const plan = await comparePlan(["scenarios/short-cycles.yaml", "scenarios/long-cycles.yaml"],
 *   { replicates: 4 });
 * deepStrictEqual(plan.points.map((p) => p.label), ["short-cycles", "long-cycles"]);
 * deepStrictEqual(plan.seed, 2015);
 * ```
 */
export async function comparePlan(
  files: readonly [string, string],
  options: { replicates: number; seed?: number; independent?: boolean },
): Promise<ExperimentPlan> {
  const bases = [];
  for (const file of files) bases.push({ file, data: await loadScenarioData(file) });
  const names = bases.map(baseScenarioName);
  const labels = names[0] === names[1] ? [`${names[0]}-a`, `${names[1]}-b`] : names;
  const seed = options.seed ?? (typeof bases[0].data.seed === "number" ? bases[0].data.seed : 1);
  const plan: ExperimentPlan = {
    kind: "compare",
    name: `${labels[0]}-vs-${labels[1]}`,
    file: files.join(" "),
    bases,
    parameters: [],
    fixed: [],
    points: [{ label: labels[0], base: 0, values: [] }, { label: labels[1], base: 1, values: [] }],
    replicates: options.replicates,
    seed,
    pairing: options.independent ? "independent" : "common",
    runsPerChunk: 5,
    timeseries: true,
  };
  return plan;
}

/**
 * Runs the `compare` verb.
 *
 * @param args Arguments after `compare`.
 * @param print Where lines go.
 * @param env Reads an environment variable (for the shard index).
 * @returns The exit code.
 *
 * @example
 * ```ts ignore
 * await compareCommand(["scenarios/short-cycles.yaml", "scenarios/long-cycles.yaml"], console.log, Deno.env.get);
 * ```
 */
export async function compareCommand(
  args: readonly string[],
  print: (line: string) => void,
  env: (name: string) => string | undefined,
): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...EXPERIMENT_OPTIONS,
    seed: { type: "string" },
    independent: { type: "boolean" },
  });
  if (positionals.length !== 2) {
    throw new UsageError(
      `compare: expected two scenario files (A and B), found ${
        positionals.length === 0 ? "none" : positionals.join(" ")
      }`,
    );
  }
  const replicates = integerOption(
    "--replicates",
    values.replicates,
    COMPARE_REPLICATES,
    2,
    100_000,
  );
  const seed = values.seed === undefined
    ? undefined
    : integerOption("--seed", values.seed, 0, 0, 2 ** 32 - 1);
  const execution = executionOptions(values, env);
  const plan = await comparePlan([positionals[0], positionals[1]], {
    replicates,
    seed,
    independent: values.independent,
  });
  const output = await runWithProgress(plan, {
    ...execution,
    out: values.out ?? defaultOut(plan.name, execution.shard),
    command: ["compare", ...args],
    progress: values["no-progress"] ? false : values.progress,
    print,
  });
  if (output.tables !== undefined) {
    print("");
    for (const line of comparisonLines(plan, output.tables.runs)) print(line);
    print("");
    print(
      plan.pairing === "common"
        ? `Replicate r of both scenarios ran with the same seed (seed ${plan.seed}), so each difference is paired; intervals are 95% intervals of the mean difference (Student's t, ${replicates} pairs).`
        : `Independent seeds (--independent): differences are not paired by shared random numbers; intervals are wider.`,
    );
  }
  return 0;
}
