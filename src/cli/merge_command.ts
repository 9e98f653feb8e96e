/**
 * `sim merge <folders…> --out DIR`: joins the folders of an experiment's shards into one folder
 * of results, the same as a single-process run.
 *
 * @module
 */
import { mergeExperiments } from "../experiment/mod.ts";
import type { SensitivitySpec } from "../sensitivity/mod.ts";
import { writeSensitivityResults } from "./sensitivity_command.ts";
import { parseVerbArgs, UsageError } from "./options.ts";

/**
 * Runs the `merge` verb.
 *
 * @param args Arguments after `merge`.
 * @param print Where lines go.
 * @returns The exit code.
 *
 * @example
 * ```ts ignore
 * await mergeCommand(["out/s/shard-0-of-2", "out/s/shard-1-of-2", "--out", "out/s"], console.log);
 * ```
 */
export async function mergeCommand(
  args: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { out: { type: "string", short: "o" } });
  if (positionals.length === 0) {
    throw new UsageError("merge: expected the folders of an experiment's shards");
  }
  if (values.out === undefined) throw new UsageError("merge: expected --out DIR");
  const output = await mergeExperiments(positionals, values.out, ["merge", ...args]);
  print(
    `Merged ${positionals.length} part${positionals.length === 1 ? "" : "s"} (plan ${
      output.hash.slice(0, 12)
    }…) in ${output.wallSeconds.toFixed(1)} s.`,
  );
  print(`Wrote ${output.files.join(", ")} to ${output.dir}/`);
  if (output.plan.kind === "sensitivity" && output.tables !== undefined) {
    const spec = output.plan.analysis as SensitivitySpec;
    const { ranking, files } = await writeSensitivityResults(
      spec,
      output.plan,
      output.tables,
      values.out,
    );
    print(`Wrote ${files.join(", ")} to ${output.dir}/`);
    print("");
    print(ranking.trimEnd());
  }
  return 0;
}
