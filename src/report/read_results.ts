/**
 * Reads a results folder written by `sim run`, `sim compare` or `sim sweep` (or a folder of
 * sensitivity indices) for the report: which kind it is (from `manifest.json`, else from the
 * files present), its tables, and the scenarios it used with their resolved parameters.
 *
 * @module
 */
import * as aq from "arquero";
import { join } from "node:path";
import type { NetworkSnapshot, Row } from "../charts/mod.ts";
import { type ExperimentPlan, pointScenario } from "../experiment/mod.ts";

/** What made a results folder. */
export type ResultsKind = "run" | "compare" | "sweep" | "sensitivity";

/** A scenario a results folder used. */
export interface ScenarioUsed {
  /** Its name (a compare point's label, a run's scenario name, a sweep's base). */
  readonly name: string;
  /** The scenario file. */
  readonly file: string;
  /** SHA-256 of its content (as the manifest records it), or `""`. */
  readonly contentHash: string;
  /** Its description, or `""`. */
  readonly description: string;
  /** The scenario seed, where recorded. */
  readonly seed?: number;
  /** The resolved model parameters, where they can be recovered. */
  readonly params?: unknown;
}

/** A results folder, read. */
export interface Results {
  /** The folder, as given. */
  readonly dir: string;
  /** What made it. */
  readonly kind: ResultsKind;
  /** `manifest.json`, or `{}` when there is none. */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** One row per run (empty for a sensitivity folder without runs). */
  readonly runs: readonly Row[];
  /** One row per run and week (run and compare folders; not read for sweeps). */
  readonly timeseries?: readonly Row[];
  /** `comparison.csv` (compare folders). */
  readonly comparison?: readonly Row[];
  /** `points.csv` (compare and sweep folders). */
  readonly points?: readonly Row[];
  /** Swept parameter paths (sweep folders), in order. */
  readonly parameters: readonly string[];
  /** Sensitivity index rows (`indices.csv` or `sensitivity.csv`). */
  readonly indices?: readonly Row[];
  /** `network.json`'s snapshots (run folders). */
  readonly network?: { readonly seed: number; readonly snapshots: readonly NetworkSnapshot[] };
  /** The scenarios used. */
  readonly scenarios: readonly ScenarioUsed[];
  /** `experiment.json`'s plan (compare and sweep folders). */
  readonly plan?: ExperimentPlan;
}

/** A results folder that cannot be read, with what was expected and what was found. */
export class ReportInputError extends Error {
  /**
   * @param message Names the file, what was expected and what was found.
   */
  constructor(message: string) {
    super(message);
    this.name = "ReportInputError";
  }
}

/** File names of sensitivity index tables, in order of preference. */
export const INDEX_FILES: readonly string[] = Object.freeze(["indices.csv", "sensitivity.csv"]);

/**
 * Reads a results folder.
 *
 * The kind comes from `manifest.json` (`experiment.kind` for compare and sweep folders, a
 * `scenario` entry for run folders); without a manifest, from the files: `comparison.csv`
 * means compare, `points.csv` with parameter columns means sweep, `indices.csv` means
 * sensitivity, `runs.csv` means run.
 *
 * @param dir The folder.
 * @returns Its contents.
 * @throws {ReportInputError} If the folder is missing, holds no results, or a file does not
 * parse.
 *
 * @example Read a run folder
 * ```ts
 * import { readResults } from "./read_results.ts";
 * import { runScenario } from "../cli/run_command.ts";
 * import { strictEqual } from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * await runScenario({ file: "tests/fixtures/tiny.scenario.json", replicates: 2, out, overrides: [], command: [] });
 * const results = await readResults(out);
 * strictEqual(results.kind, "run");
 * strictEqual(results.runs.length, 2);
 * await Deno.remove(out, { recursive: true });
 * ```
 */
export async function readResults(dir: string): Promise<Results> {
  let entries: Set<string>;
  try {
    entries = new Set(
      (await Array.fromAsync(Deno.readDir(dir))).filter((e) => e.isFile).map((e) => e.name),
    );
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new ReportInputError(`${dir}: expected a results folder, found nothing there`);
    }
    if (error instanceof Deno.errors.NotADirectory) {
      throw new ReportInputError(`${dir}: expected a results folder, found a file`);
    }
    throw error;
  }
  const manifest = entries.has("manifest.json") ? await readJson(join(dir, "manifest.json")) : {};
  const kind = detectKind(dir, manifest, entries);
  const indexFile = INDEX_FILES.find((f) => entries.has(f));
  const indices = indexFile === undefined ? undefined : await readTable(dir, indexFile, entries);
  if (kind === "sensitivity") {
    const runs = entries.has("runs.csv") || entries.has("runs.arrow")
      ? await readTable(dir, "runs", entries)
      : [];
    return {
      dir,
      kind,
      manifest,
      runs,
      parameters: [...new Set((indices ?? []).map((r) => String(r.parameter)))],
      indices,
      scenarios: manifestScenarios(manifest),
    };
  }
  const runs = await readTable(dir, "runs", entries);
  if (kind === "run") {
    const timeseries = entries.has("timeseries.arrow") || entries.has("timeseries.csv")
      ? await readTable(dir, "timeseries", entries)
      : undefined;
    const network = entries.has("network.json")
      ? await readJson(join(dir, "network.json"))
      : undefined;
    const scenario = (manifest.scenario ?? {}) as Record<string, unknown>;
    const name = typeof scenario.name === "string"
      ? scenario.name
      : String(runs[0]?.scenario ?? dir);
    return {
      dir,
      kind,
      manifest,
      runs,
      timeseries,
      parameters: [],
      indices,
      network: Array.isArray(network?.snapshots)
        ? { seed: Number(network.seed), snapshots: network.snapshots as NetworkSnapshot[] }
        : undefined,
      scenarios: [{
        name,
        file: String(scenario.file ?? ""),
        contentHash: String(scenario.contentHash ?? ""),
        description: String(scenario.description ?? ""),
        seed: typeof scenario.seed === "number" ? scenario.seed : undefined,
        params: manifest.parameters,
      }],
    };
  }
  // compare or sweep
  const points = entries.has("points.csv") ? await readTable(dir, "points.csv", entries) : [];
  const plan = entries.has("experiment.json")
    ? (await readJson(join(dir, "experiment.json"))).plan as ExperimentPlan | undefined
    : undefined;
  const experiment = (manifest.experiment ?? {}) as Record<string, unknown>;
  const parameters = Array.isArray(experiment.parameters)
    ? experiment.parameters.map(String)
    : Array.isArray(plan?.parameters)
    ? plan.parameters.map(String)
    : Object.keys(points[0] ?? {}).filter((k) => !["point", "label", "scenario"].includes(k));
  const comparison = kind === "compare"
    ? await readTable(dir, "comparison.csv", entries)
    : undefined;
  const timeseries = kind === "compare" &&
      (entries.has("timeseries.arrow") || entries.has("timeseries.csv"))
    ? await readTable(dir, "timeseries", entries)
    : undefined;
  return {
    dir,
    kind,
    manifest,
    runs,
    timeseries,
    comparison,
    points,
    parameters,
    indices,
    plan,
    scenarios: experimentScenarios(manifest, plan, kind),
  };
}

function detectKind(
  dir: string,
  manifest: Record<string, unknown>,
  entries: ReadonlySet<string>,
): ResultsKind {
  const experiment = manifest.experiment as Record<string, unknown> | undefined;
  const stated = experiment?.kind;
  if (stated === "compare" || stated === "sweep") return stated;
  if (typeof stated === "string" && /sensitivity|morris|sobol/i.test(stated)) return "sensitivity";
  if (manifest.scenario !== undefined && (entries.has("runs.csv") || entries.has("runs.arrow"))) {
    return "run";
  }
  if (entries.has("comparison.csv")) return "compare";
  if (INDEX_FILES.some((f) => entries.has(f))) return "sensitivity";
  if (entries.has("points.csv")) return "sweep";
  if (entries.has("runs.csv") || entries.has("runs.arrow")) return "run";
  throw new ReportInputError(
    `${dir}: expected a results folder of sim run, compare or sweep (runs.csv, comparison.csv ` +
      `or points.csv), found ${
        entries.size === 0 ? "no files" : `only ${[...entries].sort().slice(0, 8).join(", ")}`
      }`,
  );
}

/** Reads `<name>.arrow` if present, else `<name>.csv` (or the exact file name given). */
async function readTable(
  dir: string,
  name: string,
  entries: ReadonlySet<string>,
): Promise<Row[]> {
  const files = name.includes(".") ? [name] : [`${name}.arrow`, `${name}.csv`];
  const file = files.find((f) => entries.has(f));
  if (file === undefined) {
    throw new ReportInputError(
      `${join(dir, files[files.length - 1])}: expected ${files.join(" or ")}, found no such file`,
    );
  }
  const path = join(dir, file);
  try {
    const table = file.endsWith(".arrow")
      ? aq.fromArrow(await Deno.readFile(path))
      : aq.fromCSV(await Deno.readTextFile(path));
    return table.objects() as Row[];
  } catch (error) {
    throw new ReportInputError(
      `${path}: expected a ${file.endsWith(".arrow") ? "Arrow IPC" : "CSV"} table, found one ` +
        `that does not parse (${error instanceof Error ? error.message : error})`,
    );
  }
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  const text = await Deno.readTextFile(path);
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new SyntaxError("not a JSON object");
    }
    return value;
  } catch (error) {
    throw new ReportInputError(
      `${path}: expected a JSON object, found text that does not parse (${
        error instanceof Error ? error.message : error
      })`,
    );
  }
}

function manifestScenarios(manifest: Record<string, unknown>): ScenarioUsed[] {
  const list = Array.isArray(manifest.scenarios) ? manifest.scenarios : [];
  return list.map((s: Record<string, unknown>) => ({
    name: String(s?.name ?? ""),
    file: String(s?.file ?? ""),
    contentHash: String(s?.contentHash ?? ""),
    description: String(s?.description ?? ""),
  }));
}

/**
 * The scenarios of a compare (one per point) or a sweep (its bases), with the parameters of
 * the first point that uses each, resolved again from `experiment.json`'s plan.
 */
function experimentScenarios(
  manifest: Record<string, unknown>,
  plan: ExperimentPlan | undefined,
  kind: ResultsKind,
): ScenarioUsed[] {
  const listed = manifestScenarios(manifest);
  if (plan === undefined || !Array.isArray(plan.points)) return listed;
  const resolve = (point: number) => {
    try {
      return pointScenario(plan, point);
    } catch {
      return undefined; // the plan no longer resolves (e.g. the model changed): no parameters
    }
  };
  if (kind === "compare") {
    return plan.points.map((point, i) => {
      const scenario = resolve(i);
      const entry = listed[point.base] ?? listed[i];
      return {
        name: point.label,
        file: entry?.file ?? plan.bases?.[point.base]?.file ?? "",
        contentHash: entry?.contentHash ?? "",
        description: scenario?.description ?? "",
        seed: plan.seed,
        params: scenario?.params,
      };
    });
  }
  return (plan.bases ?? []).map((base, b) => {
    const first = plan.points.findIndex((p) => p.base === b);
    const scenario = first < 0 ? undefined : resolve(first);
    return {
      name: scenario?.name ?? String(base.data?.name ?? base.file),
      file: base.file,
      contentHash: listed[b]?.contentHash ?? "",
      description: scenario?.description ?? "",
      seed: plan.seed,
      params: scenario?.params,
    };
  });
}
