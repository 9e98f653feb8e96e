/**
 * The schema of a sensitivity spec file (YAML or JSON): the shape and ranges of each field.
 * What holds across fields (base or model, method-specific sizes, parameter paths and metric
 * names) is checked in `spec.ts`.
 *
 * @module
 */
import { z } from "zod";

/** Most parameters a spec may vary: a Saltelli design uses 2k Sobol dimensions (256). */
export const MAX_SPEC_PARAMETERS = 128;

const parameter = z.strictObject({
  path: z.string().min(1),
  min: z.number(),
  max: z.number(),
});

/**
 * The schema of a sensitivity spec. Only `method` is required by the schema; which other
 * fields are required depends on it and on `base`/`model`.
 *
 * @example
 * ```ts
 * import { sensitivitySpecSchema } from "./spec_schema.ts";
 * import { ok } from "node:assert/strict";
 * ok(sensitivitySpecSchema.safeParse({ model: "ishigami", method: "sobol", samples: 64 }).success);
 * ok(!sensitivitySpecSchema.safeParse({ model: "ishigami", method: "sobol", sample: 64 }).success);
 * ```
 */
export const sensitivitySpecSchema = z.strictObject({
  name: z.string().min(1).max(200).regex(/^[^\n\r]*$/).optional(),
  description: z.string().max(10_000).optional(),
  base: z.string().min(1).optional(),
  model: z.enum(["ishigami", "sobol-g"]).optional(),
  a: z.number().optional(),
  b: z.number().optional(),
  coefficients: z.array(z.number().min(0)).min(1).max(MAX_SPEC_PARAMETERS).optional(),
  parameters: z.array(parameter).min(1).max(MAX_SPEC_PARAMETERS).optional(),
  metrics: z.array(z.string().min(1)).min(1).optional(),
  method: z.enum(["sobol", "morris"]),
  samples: z.int().min(2).max(1_048_576).optional(),
  secondOrder: z.boolean().optional(),
  trajectories: z.int().min(2).max(100_000).optional(),
  levels: z.int().min(2).max(100).optional(),
  replicates: z.int().min(1).max(10_000).optional(),
  bootstrap: z.int().min(0).max(100_000).optional(),
  seed: z.int().min(0).max(2 ** 32 - 1).optional(),
});

/** A spec file as the schema accepts it. */
export type SensitivitySpecFile = z.infer<typeof sensitivitySpecSchema>;

/** What each field expects, for messages (keyed by field name; `[]` marks a list item). */
export const SPEC_FIELD_EXPECTED: Readonly<Record<string, string>> = Object.freeze({
  "": "a mapping of sensitivity spec fields",
  name: "text on one line (the spec's name)",
  description: "text (what the analysis is for)",
  base: "the path of a scenario file, relative to this spec",
  model: 'one of "ishigami", "sobol-g"',
  a: "a number (the Ishigami function's a)",
  b: "a number (the Ishigami function's b)",
  coefficients: `a list of 1 to ${MAX_SPEC_PARAMETERS} numbers ≥ 0 (the G-function's aᵢ)`,
  "coefficients[]": "a number ≥ 0",
  parameters: `a list of 1 to ${MAX_SPEC_PARAMETERS} parameters, each with path, min and max`,
  "parameters[]": "a mapping with fields path, min, max",
  path: "a dotted scenario field path, like staff.turnoverPerYear",
  min: "a number (the lowest value)",
  max: "a number (the highest value)",
  metrics: "a list of metric names",
  "metrics[]": "a metric name",
  method: 'one of "sobol", "morris"',
  samples: "a whole number in [2, 1048576] (N, base samples; a power of two is best)",
  secondOrder: "true or false",
  trajectories: "a whole number in [2, 100000] (r, Morris trajectories)",
  levels: "an even whole number in [2, 100] (p, Morris grid levels)",
  replicates: "a whole number in [1, 10000] (runs averaged per design point)",
  bootstrap: "a whole number in [0, 100000] (bootstrap resamples; 0 for no intervals)",
  seed: "a whole number in [0, 4294967295]",
});
