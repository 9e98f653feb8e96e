// deno-lint-ignore-file no-console -- the command line is the one place that prints
/**
 * The command line: `deno task sim <verb> …`. Exports {@linkcode main} so tests can call it;
 * runs it when executed directly.
 *
 * @module
 */
import { formatIssue, loadScenarioFile, parseOverrides, ScenarioError } from "../scenario/mod.ts";
import { runDemo } from "./demo_command.ts";
import { runScenario } from "./run_command.ts";
import { integerOption, parseVerbArgs, UsageError } from "./options.ts";
import { compareCommand } from "./compare_command.ts";
import { mergeCommand } from "./merge_command.ts";
import { sweepCommand } from "./sweep_command.ts";
import { sensitivityCommand } from "./sensitivity_command.ts";
import { reportCommand } from "./report_command.ts";
import { runExplore } from "./explore_command.ts";
import { ExperimentDirError } from "../experiment/mod.ts";
import { TOOL_NAME, TOOL_VERSION } from "../core/mod.ts";

/** Exit code for bad input (usage, scenario errors). */
export const EXIT_BAD_INPUT = 2;

const USAGE = `${TOOL_NAME} ${TOOL_VERSION}: simulate families moving through a partnership of
family-support organisations under different funding cycles, staff turnover and trust.

Usage:
  deno task sim run <scenario.yaml|json> [--seed N] [--replicates R] [--out DIR] [--set a.b=value]…
  deno task sim compare <A.yaml> <B.yaml> [--replicates R] [--seed N] [--independent] [--out DIR]
  deno task sim sweep <sweep.yaml> [--workers W] [--shard i/n] [--replicates R] [--out DIR]
  deno task sim sensitivity <spec.yaml> [--workers W] [--shard i/n] [--out DIR]
  deno task sim merge <shard folder>… --out DIR
  deno task sim report <results dir>… [--out report.html] [--png DIR] [--title T]
  deno task sim validate <scenario>…   (check files without running them)
  deno task sim explore [--port N] [--out DIR] [--build-only]   (the live explorer, in a browser)
  deno task demo [DIR]           (the bundled scenarios, paired, with a summary)
  deno task sim help

run options:
  --seed N          scenario seed (default: the file's "seed", else 1); replicate r uses a seed
                    derived from (N, r), so scenarios with the same seed are paired
  --replicates R    replicates to run (default 5)
  --out DIR         output folder (default out/<scenario name>)
  --set a.b=value   override one field by its dotted path, e.g. --set staff.turnoverPerYear=0.3
                    (repeatable; checked like the file)
  --network-every W weeks between snapshots of the partnership network in network.json
                    (default 52: the end of each year; 1: every week)

compare and sweep options:
  --workers W       Deno Workers (default: one per core); results are identical for any W
  --shard i/n       run only shard i (from 0) of n; "--shard n" takes i from SLURM_ARRAY_TASK_ID
                    or JOB_COMPLETION_INDEX; join the shards' folders with "merge"
  --replicates R    replicates per point (compare default 10; sweep default: the file's)
  --no-progress     no progress bar or progress lines (on stderr)
  An interrupted compare or sweep resumes when the same command is run again: finished
  chunks are kept, checked against the experiment's content hash and not re-run.
compare writes comparison.csv (B − A per metric, paired, with 95% intervals), runs, timeseries,
summary.csv, manifest.json; sweep writes points.csv, runs, timeseries, summary.csv, manifest.json;
sensitivity writes indices.csv, noise.csv, ranking.txt, tornado_<metric>.svg, points, runs,
summary.csv, manifest.json (see docs/sensitivity.md).

run writes runs.csv/.arrow, timeseries.csv/.arrow, budgets.csv, main_metrics.svg, manifest.json.
report writes one self-contained HTML page (default: report.html in the first folder) of run,
compare, sweep or sensitivity folders; --png DIR also writes each chart as a PNG for slides.
Exit codes: 0 done, 2 bad input (nothing written), 1 unexpected failure.`;

/**
 * Runs the command line.
 *
 * @param args The arguments after the program name.
 * @param io Where output goes (defaults to the console).
 * @returns The exit code.
 *
 * @example Unknown verbs are bad input
 * ```ts
 * import { main } from "./main.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(await main(["fly"], { out: () => {}, err: () => {} }), 2);
 * ```
 */
export async function main(
  args: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void } = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
): Promise<number> {
  const [verb, ...rest] = args;
  try {
    switch (verb) {
      case "run":
        return await runVerb(rest, io);
      case "sweep":
        return await sweepCommand(rest, io.out, (name) => Deno.env.get(name));
      case "compare":
        return await compareCommand(rest, io.out, (name) => Deno.env.get(name));
      case "sensitivity":
        return await sensitivityCommand(rest, io.out, (name) => Deno.env.get(name));
      case "merge":
        return await mergeCommand(rest, io.out);
      case "report":
        return await reportCommand(rest, io.out);
      case "validate":
        return await validateVerb(rest, io);
      case "explore":
        return await runExplore(rest, io);
      case "demo":
        await runDemo(rest[0] ?? "out/demo", undefined, io.out);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return verb === undefined ? EXIT_BAD_INPUT : 0;
      case "--version":
        io.out(`${TOOL_NAME} ${TOOL_VERSION}`);
        return 0;
      default:
        io.err(
          `Unknown command "${verb}". Expected one of: run, compare, sweep, merge, report, validate, explore, demo, help.\n\n${USAGE}`,
        );
        return EXIT_BAD_INPUT;
    }
  } catch (error) {
    if (error instanceof ScenarioError) {
      for (const issue of error.issues) io.err(formatIssue(issue));
      io.err(
        `${error.issues.length} problem${
          error.issues.length === 1 ? "" : "s"
        }; nothing was written.`,
      );
      return EXIT_BAD_INPUT;
    }
    if (error instanceof ExperimentDirError) {
      io.err(error.message);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError) {
      io.err(`${error.message}\nRun "deno task sim help" for usage.`);
      return EXIT_BAD_INPUT;
    }
    io.err(`Unexpected failure: ${error instanceof Error ? error.stack ?? error.message : error}`);
    return 1;
  }
}

async function runVerb(
  rest: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const { values, positionals } = parseVerbArgs(rest, {
    seed: { type: "string" },
    replicates: { type: "string", short: "r" },
    out: { type: "string", short: "o" },
    set: { type: "string", multiple: true },
    "network-every": { type: "string" },
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      `run: expected one scenario file, found ${
        positionals.length === 0 ? "none" : positionals.join(" ")
      }`,
    );
  }
  const replicates = integerOption("--replicates", values.replicates, 5, 1, 100_000);
  const seed = values.seed === undefined
    ? undefined
    : integerOption("--seed", values.seed, 0, 0, 2 ** 32 - 1);
  const result = await runScenario({
    file: positionals[0],
    replicates,
    out: values.out,
    seed,
    overrides: parseOverrides(values.set ?? []),
    networkEveryWeeks: integerOption("--network-every", values["network-every"], 52, 1, 100_000),
    command: ["run", ...rest],
  });
  const fw = result.results.reduce(
    (n, r) => n + r.recording.columns[0].reduce((a, b) => a + b, 0),
    0,
  );
  io.out(
    `${result.scenario.name}: ${replicates} replicate${replicates === 1 ? "" : "s"} in ${
      result.wallSeconds.toFixed(2)
    } s (${
      Math.round(fw / Math.max(result.wallSeconds, 1e-9)).toLocaleString("en-GB")
    } family-weeks per second)`,
  );
  io.out(`Wrote ${result.files.join(", ")} to ${result.dir}/`);
  return 0;
}

async function validateVerb(
  files: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  if (files.length === 0) throw new UsageError("validate: expected one or more scenario files");
  let problems = 0;
  for (const file of files) {
    try {
      const s = await loadScenarioFile(file);
      const shocks = s.params.shocks.length;
      io.out(
        `ok   ${file}: "${s.name}", seed ${s.seed}, ${s.params.horizonYears} years${
          shocks > 0 ? `, ${shocks} shock${shocks === 1 ? "" : "s"}` : ""
        }`,
      );
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems += error.issues.length;
      for (const issue of error.issues) io.err(formatIssue(issue));
    }
  }
  if (problems > 0) {
    io.err(
      `${problems} problem${problems === 1 ? "" : "s"} in ${files.length} file${
        files.length === 1 ? "" : "s"
      }.`,
    );
    return EXIT_BAD_INPUT;
  }
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
