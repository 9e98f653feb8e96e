/**
 * `sim sweep <sweep.yaml>`: runs a sweep (grid or Latin hypercube) over a base scenario, on
 * Workers, whole or as one shard, resuming whatever an interrupted run finished.
 *
 * @module
 */
import { loadSweepFile } from "../experiment/mod.ts";
import {
  defaultOut,
  executionOptions,
  EXPERIMENT_OPTIONS,
  runWithProgress,
} from "./experiment_run.ts";
import { integerOption, parseVerbArgs, UsageError } from "./options.ts";

/**
 * Runs the `sweep` verb.
 *
 * @param args Arguments after `sweep`.
 * @param print Where lines go.
 * @param env Reads an environment variable (for the shard index).
 * @returns The exit code.
 *
 * @example
 * ```ts ignore
 * await sweepCommand(["scenarios/sweeps/cycle-by-turnover.yaml", "--workers", "2"], console.log, Deno.env.get);
 * ```
 */
export async function sweepCommand(
  args: readonly string[],
  print: (line: string) => void,
  env: (name: string) => string | undefined,
): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, EXPERIMENT_OPTIONS);
  if (positionals.length !== 1) {
    throw new UsageError(
      `sweep: expected one sweep file, found ${
        positionals.length === 0 ? "none" : positionals.join(" ")
      }`,
    );
  }
  const replicates = values.replicates === undefined
    ? undefined
    : integerOption("--replicates", values.replicates, 1, 1, 100_000);
  const execution = executionOptions(values, env);
  const plan = await loadSweepFile(positionals[0], { replicates });
  await runWithProgress(plan, {
    ...execution,
    out: values.out ?? defaultOut(plan.name, execution.shard),
    command: ["sweep", ...args],
    progress: values["no-progress"] ? false : values.progress,
    print,
  });
  return 0;
}
