/** Shared helpers of the sensitivity tests: load a bundled spec and evaluate its test function. */
import {
  createDesign,
  parseSensitivitySpec,
  type SensitivityDesign,
  type SensitivitySpec,
} from "../../src/sensitivity/mod.ts";
import { evaluateTestFunction, type TestFunction } from "../../src/experiment/test_functions.ts";

/** Reads and validates a spec file. */
export async function loadSpec(path: string): Promise<SensitivitySpec> {
  return parseSensitivitySpec(await Deno.readTextFile(path), path);
}

/** The test function a spec names (throws for a scenario spec). */
export function specFunction(spec: SensitivitySpec): TestFunction {
  if (spec.target.kind === "scenario") throw new Error(`${spec.file} names a scenario`);
  return spec.target;
}

/** Evaluates every point of a design: `means[p] = [y]`. */
export function evaluateDesign(
  fn: TestFunction,
  points: SensitivityDesign["points"],
): number[][] {
  return points.map((x) => [evaluateTestFunction(fn, x)]);
}

/** A spec's design and the outputs of its test function at every point. */
export function runSpec(spec: SensitivitySpec): { design: SensitivityDesign; means: number[][] } {
  const design = createDesign(spec);
  return { design, means: evaluateDesign(specFunction(spec), design.points) };
}
