/**
 * Sensitivity analysis: which parameters drive the model's answers. Sampling designs (Saltelli
 * on a digitally shifted Sobol sequence; Morris trajectories), the estimators (Sobol first-order,
 * total and second-order indices; Morris μ, μ*, σ) with bootstrap intervals, a replicate-noise
 * report, a plain-text ranking, and the spec file format. Pure: no Deno APIs, so Workers and
 * browsers can use it; the experiment engine runs the points.
 *
 * @example Sobol indices of the Ishigami function
 * ```ts
 * import { analyseSensitivity, createDesign, parseSensitivitySpec } from "./mod.ts";
 * import { evaluateTestFunction } from "../experiment/test_functions.ts";
 * import { ok } from "node:assert/strict";
 * const spec = parseSensitivitySpec("model: ishigami\nmethod: sobol\nsamples: 1024\n", "i.yaml");
 * const design = createDesign(spec);
 * if (spec.target.kind !== "ishigami") throw new Error("not Ishigami");
 * const fn = spec.target;
 * const means = design.points.map((x) => [evaluateTestFunction(fn, x)]);
 * const { rows } = analyseSensitivity(design, { metrics: spec.metrics, means }, { bootstrap: 0 });
 * const s2 = rows.find((r) => r.parameter === "x2" && r.index === "S1");
 * ok(s2 !== undefined && Math.abs(s2.estimate - 0.4424) < 0.05);
 * ```
 *
 * @module
 */
export {
  analyseSensitivity,
  averageReplicates,
  type DesignOutputs,
  type IndexName,
  type IndexRow,
  type NoiseRow,
  replicateNoise,
  type SensitivityAnalysis,
  type SensitivityDesign,
} from "./analysis.ts";
export { createDesign, pointOverrides } from "./design.ts";
export {
  BOOTSTRAP_STREAM,
  type Estimate,
  type EstimatorOptions,
  MORRIS_STREAM,
  type MorrisDesign,
  morrisDesign,
  morrisEffects,
  type MorrisMeasures,
  type MorrisOptions,
} from "./morris.ts";
export { type DesignParameter, levelValue, uniformValue } from "./parameters.ts";
export { formatRanking, type RankingOptions } from "./ranking.ts";
export {
  checkParameters,
  SALTELLI_STREAM,
  type SaltelliDesign,
  saltelliDesign,
  type SaltelliOptions,
  type SaltelliRole,
  saltelliRole,
} from "./saltelli.ts";
export { type SobolIndices, sobolIndices } from "./sobol_indices.ts";
export {
  SOBOL_MAX_DIMENSIONS,
  sobolDigitalShift,
  type SobolOptions,
  sobolPoints,
} from "./sobol_sequence.ts";
export {
  joinRelative,
  parseSensitivitySpec,
  type SensitivitySpec,
  SPEC_DEFAULTS,
  type SpecMethod,
  type SpecTarget,
  validateSensitivitySpec,
} from "./spec.ts";
export {
  MAX_SPEC_PARAMETERS,
  type SensitivitySpecFile,
  sensitivitySpecSchema,
  SPEC_FIELD_EXPECTED,
} from "./spec_schema.ts";
