/**
 * From a spec to its design, and from a design point to what the engine runs: `--set`-style
 * overrides of the base scenario, or the inputs of a test function.
 *
 * @module
 */
import type { Override } from "../scenario/mod.ts";
import type { SensitivityDesign } from "./analysis.ts";
import { morrisDesign } from "./morris.ts";
import { saltelliDesign } from "./saltelli.ts";
import type { SensitivitySpec } from "./spec.ts";

/**
 * Builds the design a spec asks for: a Saltelli design for `method: sobol`, a Morris trajectory
 * design for `method: morris`, both drawn from the spec's seed. The same spec always gives the
 * same points, so shards can each rebuild the design and run their own slice of it.
 *
 * @param spec A validated spec.
 * @returns The design.
 *
 * @example
 * ```ts
 * import { createDesign } from "./design.ts";
 * import { parseSensitivitySpec } from "./spec.ts";
 * import { strictEqual } from "node:assert/strict";
 * const spec = parseSensitivitySpec("model: ishigami\nmethod: morris\ntrajectories: 10\n", "i.yaml");
 * strictEqual(createDesign(spec).points.length, 10 * 4);
 * ```
 */
export function createDesign(spec: SensitivitySpec): SensitivityDesign {
  const m = spec.method;
  return m.kind === "sobol"
    ? saltelliDesign(spec.parameters, {
      samples: m.samples,
      secondOrder: m.secondOrder,
      seed: spec.seed,
    })
    : morrisDesign(spec.parameters, {
      trajectories: m.trajectories,
      levels: m.levels,
      seed: spec.seed,
    });
}

/**
 * The overrides that turn the base scenario into one design point, for `loadScenarioFile(path,
 * { overrides })` or `resolveScenario(raw, file, { overrides })`, which check each value as they
 * check `--set`. Cross-field rules (e.g. `staff.caseloadMax` ≥ `staff.caseloadTarget`) are
 * checked there, so a range that breaks one is reported before anything runs if the engine
 * resolves every point first.
 *
 * @param design The design.
 * @param point One of its points (values in parameter order).
 * @returns One override per parameter; `text` reads `path=value`.
 *
 * @example
 * ```ts
 * import { pointOverrides } from "./design.ts";
 * import { saltelliDesign } from "./saltelli.ts";
 * import { strictEqual } from "node:assert/strict";
 * const design = saltelliDesign([{ path: "staff.turnoverPerYear", min: 0.1, max: 0.4 }], { samples: 2, seed: 1 });
 * const [o] = pointOverrides(design, design.points[0]);
 * strictEqual(o.path.join("."), "staff.turnoverPerYear");
 * strictEqual(o.value, design.points[0][0]);
 * ```
 */
export function pointOverrides(design: SensitivityDesign, point: readonly number[]): Override[] {
  return design.parameters.map((p, i) => ({
    path: p.path.split("."),
    value: point[i],
    text: `${p.path}=${point[i]}`,
  }));
}
