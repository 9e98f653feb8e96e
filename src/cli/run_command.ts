/**
 * `sim run <scenario>`: runs one scenario's replicates and writes its tables, chart and manifest.
 *
 * @module
 */
import { networkChart, timeseriesChart, type TimeseriesRow } from "../charts/mod.ts";
import {
  budgetsTable,
  buildManifest,
  runReplicates,
  type RunResult,
  runsTable,
  runSummaryTable,
  tableToArrow,
  tableToCsv,
  timeseriesTable,
} from "../experiment/mod.ts";
import { loadScenarioFile, type Override, type Scenario } from "../scenario/mod.ts";
import { type OutputFile, writeOutputFiles } from "../experiment/mod.ts";

/** Options of {@linkcode runScenario}. */
export interface RunOptions {
  /** Scenario file. */
  readonly file: string;
  /** Replicates (≥ 1). */
  readonly replicates: number;
  /** Output folder. */
  readonly out?: string;
  /** Seed instead of the scenario's. */
  readonly seed?: number;
  /** `--set` overrides. */
  readonly overrides: readonly Override[];
  /** The command line, for the manifest. */
  readonly command: readonly string[];
  /** Weeks between network snapshots in `network.json` (default 52). */
  readonly networkEveryWeeks?: number;
}

/** What a run wrote. */
export interface RunOutput {
  readonly scenario: Scenario;
  readonly results: readonly RunResult[];
  readonly dir: string;
  readonly files: readonly string[];
  readonly wallSeconds: number;
}

/** Names of the files `run` writes, in order. */
export const RUN_FILES = [
  "runs.csv",
  "runs.arrow",
  "summary.csv",
  "timeseries.csv",
  "timeseries.arrow",
  "budgets.csv",
  "budgets.arrow",
  "network.json",
  "network.svg",
  "main_metrics.svg",
  "manifest.json",
] as const;

/**
 * Loads a scenario, runs its replicates and writes `runs.csv`, `runs.arrow`,
 * `timeseries.csv`, `timeseries.arrow`, `budgets.csv`, `budgets.arrow`, `network.json` (the
 * partnership network at the end of each year of replicate 0), `network.svg` (that network at the
 * end of year 3, or the last year run), `main_metrics.svg` and
 * `manifest.json` into the output
 * folder (default `out/<scenario name>`). Nothing is written if the scenario is invalid or a
 * run fails.
 *
 * @param options What to run and where.
 * @returns The scenario, results and where they went.
 *
 * @example
 * ```ts
 * import { runScenario } from "./run_command.ts";
 * import { ok } from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * const result = await runScenario({
 *   file: "tests/fixtures/tiny.scenario.json", replicates: 2, out, overrides: [], command: [],
 * });
 * ok(result.files.includes("runs.csv"));
 * await Deno.remove(out, { recursive: true });
 * ```
 */
export async function runScenario(options: RunOptions): Promise<RunOutput> {
  const scenario = await loadScenarioFile(options.file, {
    overrides: options.overrides,
    seed: options.seed,
  });
  const dir = options.out ?? `out/${safeFolderName(scenario.name)}`;
  const startedAt = new Date();
  const t0 = performance.now();
  const results = runReplicates(scenario, options.replicates, {
    networkEveryWeeks: options.networkEveryWeeks,
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const files = await outputFiles(scenario, results, {
    command: options.command,
    startedAt,
    wallSeconds,
  });
  await writeOutputFiles(dir, files);
  return { scenario, results, dir, files: files.map((f) => f.name), wallSeconds };
}

/**
 * Builds the output files of one scenario's results (in memory).
 *
 * @param scenario The scenario.
 * @param results Its runs.
 * @param meta Command line, start time and wall time for the manifest.
 * @returns The files, in {@linkcode RUN_FILES} order.
 */
export async function outputFiles(
  scenario: Scenario,
  results: readonly RunResult[],
  meta: { command: readonly string[]; startedAt: Date; wallSeconds: number },
): Promise<OutputFile[]> {
  const runs = runsTable(results);
  const timeseries = timeseriesTable(results);
  const budgets = budgetsTable(results);
  const source = `Scenario ${scenario.name} (${scenario.file}), ${results.length} replicate${
    results.length === 1 ? "" : "s"
  }, seed ${scenario.seed}`;
  // Mark when the scenario's shocks (M9) begin and end; one label each keeps panels readable.
  const shocks = scenario.params.shocks;
  const markers = new Map<number, string>();
  if (shocks.length > 0) {
    markers.set(Math.min(...shocks.map((s) => s.from)), "shocks begin");
    markers.set(Math.max(...shocks.map((s) => s.to)), "shocks end");
  }
  const svg = timeseriesChart(timeseries.objects() as TimeseriesRow[], {
    title: `${scenario.name}: families, trust, staff and money over time`,
    source,
    markers: [...markers].map(([week, label]) => ({ week, label })),
  });
  // The network drawn at the end of the third year (mid-programme), else the last snapshot.
  const snapshots = results[0]?.network ?? [];
  const shown = snapshots.findLast((n) => n.week <= 155) ?? snapshots[snapshots.length - 1];
  const networkSvg = shown === undefined ? undefined : networkChart(shown, {
    title: `${scenario.name}: partnership network, end of year ${
      Math.round((shown.week + 1) / 52)
    }`,
    source: `Scenario ${scenario.name} (${scenario.file}), replicate 0, run seed ${
      results[0].seed
    }`,
    seed: scenario.seed,
  });
  const files: OutputFile[] = [
    { name: "runs.csv", data: tableToCsv(runs) },
    { name: "runs.arrow", data: tableToArrow(runs) },
    { name: "summary.csv", data: tableToCsv(runSummaryTable(results)) },
    { name: "timeseries.csv", data: tableToCsv(timeseries) },
    { name: "timeseries.arrow", data: tableToArrow(timeseries) },
    { name: "budgets.csv", data: tableToCsv(budgets) },
    { name: "budgets.arrow", data: tableToArrow(budgets) },
    {
      name: "network.json",
      data: JSON.stringify(
        {
          scenario: scenario.name,
          replicate: results[0]?.replicate ?? 0,
          seed: results[0]?.seed ?? 0,
          snapshots: results[0]?.network ?? [],
        },
        null,
        1,
      ) + "\n",
    },
    ...(networkSvg === undefined ? [] : [{ name: "network.svg", data: networkSvg }]),
    { name: "main_metrics.svg", data: svg },
  ];
  const manifest = await buildManifest({
    scenario,
    results,
    command: meta.command,
    files: [...files.map((f) => f.name), "manifest.json"],
    startedAt: meta.startedAt,
    wallSeconds: meta.wallSeconds,
  });
  files.push({ name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" });
  return files;
}

function safeFolderName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_") || "scenario";
}
