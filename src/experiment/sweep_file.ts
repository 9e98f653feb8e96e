/**
 * Sweep files: a base scenario, the parameters to vary (by dotted path) and the design, read
 * into an {@linkcode ExperimentPlan}. Every design point is checked as a scenario before anything
 * runs, and a problem is reported on the sweep file's own field, e.g.
 * `sweeps/x.yaml: parameters.staff.turnoverPerYear: expected a number … in [0, 5], found 7 (point 3)`.
 *
 * ```yaml
 * name: cycle-by-turnover
 * base: ../baseline.yaml          # relative to this file
 * design: grid                    # or lhs, with points: N and {min, max} ranges
 * parameters:
 *   funding.grantLengthYears: [1, 2, 3, 5, 7]
 *   staff.turnoverPerYear: [0.1, 0.2, 0.3, 0.4]
 * set: { funding.programmeYears: 7 }   # the same at every point
 * replicates: 10
 * seed: 2015
 * ```
 *
 * @module
 */
import { dirname, isAbsolute, join } from "node:path";
import { z } from "zod";
import {
  fileBaseName,
  loadScenarioData,
  parseScenarioText,
  readText,
  ScenarioError,
  type ScenarioIssue,
  scenarioSchema,
  schemaAt,
  validateAgainst,
} from "../scenario/mod.ts";
import { gridDesign, latinHypercube } from "./design.ts";
import { type ExperimentPlan, pointScenario, type PointValue } from "./plan.ts";

const value = z.union([z.number(), z.string(), z.boolean()]);
const range = z.strictObject({
  min: z.number().meta({ description: "lowest value" }),
  max: z.number().meta({ description: "highest value" }),
});

/** The schema of a sweep file. */
export const sweepSchema = z.strictObject({
  name: z.string().optional().meta({ description: "name of the sweep (default: file name)" }),
  description: z.string().optional().meta({ description: "what the sweep asks" }),
  base: z.string().meta({ description: "the base scenario file, relative to the sweep file" }),
  design: z.enum(["grid", "lhs"]).meta({
    description: "grid: every combination of the listed values; lhs: a Latin hypercube",
  }),
  parameters: z.record(z.string(), z.union([z.array(value).min(1), range])).meta({
    description: "dotted scenario paths, each with a list of values (grid) or {min, max} (lhs)",
  }),
  set: z.record(z.string(), value).optional().meta({
    description: "dotted scenario paths set to the same value at every point",
  }),
  points: z.int().min(2).max(1_000_000).optional().meta({
    description: "number of Latin hypercube points (lhs only)",
  }),
  replicates: z.int().min(1).max(100_000).meta({ description: "replicates per point" }),
  seed: z.int().min(0).max(2 ** 32 - 1).optional().meta({
    description: "experiment seed (default: the base scenario's seed)",
  }),
  pairing: z.enum(["common", "independent"]).optional().meta({
    description: "common (default): replicate r of every point shares its seed",
  }),
  timeseries: z.boolean().optional().meta({
    description: "keep every run's weekly time series (default true)",
  }),
  runsPerChunk: z.int().min(1).max(100_000).optional().meta({
    description: "runs per chunk: the unit of work, resume and sharding (default 10)",
  }),
});

/** A parsed sweep file. */
export type SweepFile = z.infer<typeof sweepSchema>;

/** Runs per chunk unless a sweep says otherwise. */
export const DEFAULT_RUNS_PER_CHUNK = 10;

/**
 * Reads a sweep file and its base scenario into a plan, checking every point.
 *
 * @param file The sweep file's path.
 * @param options `replicates` to use instead of the file's.
 * @returns The plan.
 * @throws {ScenarioError} Listing every problem, each on the sweep file's field (or on the base
 *   scenario file, for a problem inside it).
 *
 * @example
 * ```ts
 * import { loadSweepFile } from "./sweep_file.ts";
 * import { strictEqual } from "node:assert/strict";
 * const plan = await loadSweepFile("scenarios/sweeps/cycle-by-turnover.yaml");
 * strictEqual(plan.points.length * plan.replicates, 200);
 * ```
 */
export async function loadSweepFile(
  file: string,
  options: { replicates?: number } = {},
): Promise<ExperimentPlan> {
  const raw = parseScenarioText(await readText(file, "a sweep file"), file);
  const checked = validateAgainst(sweepSchema, raw, file, "sweep");
  if (!checked.ok) throw new ScenarioError(checked.issues);
  const sweep = checked.value;
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, expected: string, found: string, hint?: string) =>
    issues.push({ file, path, expected, found, hint });

  const parameters = Object.keys(sweep.parameters);
  if (parameters.length === 0) {
    issue("parameters", "at least one parameter to vary", "none");
  }
  for (const path of [...parameters, ...Object.keys(sweep.set ?? {})]) {
    const where = path in sweep.parameters ? `parameters.${path}` : `set.${path}`;
    const field = schemaAt(scenarioSchema, path.split("."));
    if (field === undefined || field instanceof z.ZodObject || field instanceof z.ZodArray) {
      issue(
        where,
        "the dotted path of a scenario field that holds one value, e.g. staff.turnoverPerYear (see docs/scenarios.md)",
        JSON.stringify(path),
      );
    }
  }
  for (const [path, spec] of Object.entries(sweep.parameters)) {
    const isList = Array.isArray(spec);
    if (sweep.design === "grid" && !isList) {
      issue(`parameters.${path}`, "a list of values (design: grid)", "a {min, max} range");
    }
    if (sweep.design === "lhs") {
      if (isList) {
        issue(`parameters.${path}`, "a {min, max} range (design: lhs)", "a list");
      } else if (!(spec.min < spec.max)) {
        issue(`parameters.${path}`, "min below max", `min ${spec.min}, max ${spec.max}`);
      }
    }
  }
  if (sweep.design === "lhs" && sweep.points === undefined) {
    issue("points", "the number of Latin hypercube points (design: lhs)", "nothing");
  }
  if (sweep.design === "grid" && sweep.points !== undefined) {
    issue(
      "points",
      "no points field (a grid's points are every combination)",
      String(sweep.points),
    );
  }
  if (issues.length > 0) throw new ScenarioError(issues);

  const basePath = isAbsolute(sweep.base) ? sweep.base : join(dirname(file), sweep.base);
  const data = await loadScenarioData(basePath).catch((error) => {
    if (
      error instanceof ScenarioError &&
      error.issues.some((i) => i.file === basePath && i.path === "")
    ) {
      throw new ScenarioError([{
        file,
        path: "base",
        expected: "the path of a scenario file, relative to the sweep file",
        found: `${JSON.stringify(sweep.base)} (${error.issues[0].found})`,
      }]);
    }
    throw error;
  });
  const seed = sweep.seed ?? (typeof data.seed === "number" ? data.seed : 1);
  const values: PointValue[][] = sweep.design === "grid"
    ? gridDesign(parameters.map((p) => sweep.parameters[p] as PointValue[]))
    : latinHypercube(
      parameters.map((p) => {
        const r = sweep.parameters[p] as { min: number; max: number };
        const field = schemaAt(scenarioSchema, p.split("."));
        return { ...r, whole: field instanceof z.ZodNumber && field.isInt };
      }),
      sweep.points as number,
      seed,
    );
  const width = String(values.length - 1).length;
  const plan: ExperimentPlan = {
    kind: "sweep",
    name: sweep.name ?? fileBaseName(file),
    file,
    bases: [{ file: basePath, data }],
    parameters,
    fixed: Object.entries(sweep.set ?? {}),
    points: values.map((v, p) => ({
      label: `p${String(p).padStart(width, "0")}`,
      base: 0,
      values: v,
    })),
    replicates: options.replicates ?? sweep.replicates,
    seed,
    pairing: sweep.pairing ?? "common",
    runsPerChunk: sweep.runsPerChunk ?? DEFAULT_RUNS_PER_CHUNK,
    timeseries: sweep.timeseries ?? true,
  };
  checkPoints(plan, file);
  return plan;
}

/**
 * Resolves every point's scenario, reporting problems on the experiment file's fields
 * (`parameters.<path>` or `set.<path>`) with the points they occur at (the first few per
 * problem), so a bad design fails before anything runs.
 *
 * @param plan The plan (not a test-function plan).
 * @param file The sweep or sensitivity spec file, for messages.
 * @throws {ScenarioError} Listing every distinct problem.
 *
 * @example
 * ```ts
 * import { checkPoints } from "./sweep_file.ts";
 * import { throws } from "node:assert/strict";
 * const plan = { fixed: [], parameters: ["staff.turnoverPerYear"], seed: 1,
 *   bases: [{ file: "b.yaml", data: {} }],
 *   points: [{ label: "p0", base: 0, values: [0.2] }, { label: "p1", base: 0, values: [3] }] };
 * throws(() => checkPoints(plan as never, "s.yaml"), /s\.yaml: parameters\.staff\.turnoverPerYear: .*found 3 \(at point p1\)/);
 * ```
 */
export function checkPoints(plan: ExperimentPlan, file: string): void {
  const byMessage = new Map<string, { issue: ScenarioIssue; points: number[] }>();
  plan.points.forEach((_, p) => {
    try {
      pointScenario(plan, p);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const i of error.issues) {
        const fromSweep = plan.parameters.includes(i.path) ||
          plan.fixed.some(([k]) => k === i.path);
        const mapped: ScenarioIssue = fromSweep
          ? {
            ...i,
            file,
            path: `${plan.parameters.includes(i.path) ? "parameters" : "set"}.${i.path}`,
          }
          : { ...i, hint: [i.hint, "with the sweep's values"].filter(Boolean).join("; ") };
        const key = `${mapped.file}\n${mapped.path}\n${mapped.expected}`;
        const entry = byMessage.get(key) ?? { issue: mapped, points: [] };
        entry.points.push(p);
        byMessage.set(key, entry);
      }
    }
  });
  if (byMessage.size === 0) return;
  throw new ScenarioError([...byMessage.values()].map(({ issue, points }) => ({
    ...issue,
    found: `${issue.found} (at ${points.length === 1 ? "point" : `${points.length} points, e.g.`} ${
      points.slice(0, 3).map((p) => plan.points[p].label).join(", ")
    })`,
  })));
}
