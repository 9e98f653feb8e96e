/**
 * `demo`: the main job on the bundled scenarios, with no arguments. Runs the baseline and the
 * two equal-budget variants with paired seeds, writes each one's files, prints a summary with
 * 95% intervals and the paired difference long − short.
 *
 * @module
 */
import type { RunResult } from "../experiment/mod.ts";
import { pairedSummaryLines, scenarioSummaryLines } from "./summary_text.ts";
import { runScenario } from "./run_command.ts";

/** The bundled scenarios the demo runs. */
export const DEMO_SCENARIOS = [
  "scenarios/baseline.yaml",
  "scenarios/short-cycles.yaml",
  "scenarios/long-cycles.yaml",
] as const;

/** Replicates per scenario in the demo. */
export const DEMO_REPLICATES = 10;

/**
 * Runs the demo and returns the lines it prints.
 *
 * @param out Output folder (each scenario in a subfolder).
 * @param replicates Replicates per scenario.
 * @param print Where lines go as they are ready.
 * @returns Nothing; everything is printed.
 */
export async function runDemo(
  out = "out/demo",
  replicates = DEMO_REPLICATES,
  print: (line: string) => void,
): Promise<void> {
  print(
    `Running ${DEMO_SCENARIOS.length} bundled scenarios × ${replicates} replicates (paired seeds)…`,
  );
  const groups: RunResult[][] = [];
  const dirs: string[] = [];
  for (const file of DEMO_SCENARIOS) {
    const name = file.replace(/^.*\//, "").replace(/\.yaml$/, "");
    const result = await runScenario({
      file,
      replicates,
      out: `${out}/${name}`,
      overrides: [],
      command: ["demo"],
    });
    groups.push([...result.results]);
    dirs.push(result.dir);
    print(
      `  ${result.scenario.name}: ${replicates} runs in ${
        result.wallSeconds.toFixed(2)
      } s — ${result.scenario.description}`,
    );
  }
  print("");
  for (const line of scenarioSummaryLines(groups)) print(line);
  print("");
  const short = groups.find((g) => g[0].scenario === "short-cycles");
  const long = groups.find((g) => g[0].scenario === "long-cycles");
  if (short && long) {
    for (const line of pairedSummaryLines(short, long)) print(line);
    print("");
  }
  print("Intervals are 95% intervals of the mean across replicates (Student's t).");
  print(
    "Files (runs, timeseries and budgets as CSV and Arrow, network.json, network.svg, " +
      "main_metrics.svg, manifest.json):",
  );
  for (const dir of dirs) print(`  ${dir}/`);
}
