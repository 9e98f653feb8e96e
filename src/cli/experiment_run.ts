/**
 * What the experiment verbs (`sweep`, `compare`, later `sensitivity`) share: the `--workers`
 * and `--shard` options, running a plan with a progress display, and the closing lines.
 *
 * @module
 */
import {
  defaultWorkers,
  type ExperimentOutput,
  type ExperimentPlan,
  parseShard,
  runExperiment,
  type Shard,
} from "../experiment/mod.ts";
import { integerOption, UsageError } from "./options.ts";
import { createProgress } from "./progress.ts";

/** The options every experiment verb takes, for `parseVerbArgs`. */
export const EXPERIMENT_OPTIONS = {
  out: { type: "string", short: "o" },
  workers: { type: "string", short: "w" },
  shard: { type: "string" },
  replicates: { type: "string", short: "r" },
  progress: { type: "boolean" },
  "no-progress": { type: "boolean" },
} as const;

/** Parsed `--workers` and `--shard`. */
export interface Execution {
  /** Workers (default one per core). */
  readonly workers: number;
  /** The shard, or null. */
  readonly shard: Shard | null;
}

/**
 * Reads `--workers` and `--shard` (a shard's index may come from the scheduler's variable).
 *
 * @param values Parsed option values.
 * @param env Reads an environment variable.
 * @returns Workers and shard.
 * @throws {UsageError} For bad values.
 *
 * @example
 * ```ts
 * import { executionOptions } from "./experiment_run.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(executionOptions({ workers: "2", shard: "1/3" }, () => undefined),
 *   { workers: 2, shard: { index: 1, count: 3 } });
 * ```
 */
export function executionOptions(
  values: { workers?: string; shard?: string },
  env: (name: string) => string | undefined,
): Execution {
  let shard: Shard | null = null;
  if (values.shard !== undefined) {
    try {
      shard = parseShard(values.shard, env);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  }
  return {
    workers: integerOption("--workers", values.workers, defaultWorkers(), 1, 1024),
    shard,
  };
}

/**
 * The default results folder of an experiment: `out/<name>`, or `out/<name>/shard-i-of-n`.
 *
 * @param name The experiment's name.
 * @param shard The shard, or null.
 * @returns The folder.
 *
 * @example
 * ```ts
 * import { defaultOut } from "./experiment_run.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(defaultOut("s", { index: 0, count: 2 }), "out/s/shard-0-of-2");
 * ```
 */
export function defaultOut(name: string, shard: Shard | null): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-");
  return shard === null ? `out/${safe}` : `out/${safe}/shard-${shard.index}-of-${shard.count}`;
}

/**
 * Runs a plan with a progress display and reports what happened.
 *
 * @param plan The plan.
 * @param options Folder, execution, command, whether to show progress, and where lines go.
 * @returns The output.
 *
 * @example
 * ```ts ignore
 * await runWithProgress(plan, { out, workers: 2, shard: null, command, progress: true, print });
 * ```
 */
export async function runWithProgress(
  plan: ExperimentPlan,
  options: Execution & {
    out: string;
    command: readonly string[];
    progress: boolean | undefined;
    print: (line: string) => void;
  },
): Promise<ExperimentOutput> {
  const progress = options.progress === false
    ? undefined
    : createProgress(plan.name, options.progress === true ? { interactive: true } : {});
  const shardText = options.shard === null
    ? ""
    : `, shard ${options.shard.index}/${options.shard.count}`;
  options.print(
    `${plan.kind} "${plan.name}": ${plan.points.length} point${
      plan.points.length === 1 ? "" : "s"
    } × ${plan.replicates} replicate${plan.replicates === 1 ? "" : "s"}, ${options.workers} worker${
      options.workers === 1 ? "" : "s"
    }${shardText} → ${options.out}/`,
  );
  try {
    const output = await runExperiment(plan, { ...options, onProgress: progress?.update });
    progress?.stop();
    const resumed = output.resumed > 0 ? ` (${output.resumed} finished earlier, resumed)` : "";
    options.print(
      `Ran ${output.ran} run${output.ran === 1 ? "" : "s"} in ${output.wallSeconds.toFixed(1)} s${
        output.ran > 0 ? `, ${(output.ran / output.wallSeconds).toFixed(1)} runs/s` : ""
      }${resumed}.`,
    );
    if (output.files.length > 0) {
      options.print(`Wrote ${output.files.join(", ")} to ${output.dir}/`);
    } else {
      options.print(
        `Shard finished: its chunks are in ${output.dir}/chunks/. When every shard is done, join them with\n  deno task sim merge <shard folders…> --out DIR`,
      );
    }
    return output;
  } catch (error) {
    progress?.stop();
    throw error;
  }
}
