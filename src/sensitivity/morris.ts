/**
 * Morris elementary effects (Morris 1991; Campolongo, Cariboni & Saltelli 2007): a trajectory
 * design on a grid of p levels and the estimator of μ, μ* and σ per parameter.
 *
 * Each of r trajectories starts at a random grid point and moves one parameter at a time by
 * Δ = p / (2(p − 1)) of its range, up or down, in a random order: k + 1 points per trajectory.
 * Every random choice (start levels, directions, order) is drawn from the stream
 * `sensitivity.morris` of the spec's seed. The points are ordered by trajectory, so a
 * contiguous slice of them is a shard.
 *
 * The elementary effect of parameter i in a trajectory is EEᵢ = (y after − y before) / (±Δ),
 * with Δ as a share of the range: the change in the output per full range of the parameter,
 * linearised. μ is the mean of the effects, μ* the mean of their absolute values (the
 * importance measure: large μ* = influential), σ their standard deviation (large σ =
 * interactions or non-linearity). Confidence intervals come from a bootstrap over trajectories
 * (stream `sensitivity.bootstrap`).
 *
 * @module
 */
import { createStream } from "../core/mod.ts";
import { percentileInterval, resampleInto } from "./_bootstrap.ts";
import { type DesignParameter, levelValue } from "./parameters.ts";
import { checkParameters } from "./saltelli.ts";

/** The stream a Morris design's random choices are drawn from. */
export const MORRIS_STREAM = "sensitivity.morris";

/** The stream bootstrap resamples are drawn from (by every estimator). */
export const BOOTSTRAP_STREAM = "sensitivity.bootstrap";

/** Options of {@linkcode morrisDesign}. */
export interface MorrisOptions {
  /** r, the number of trajectories, ≥ 2. */
  readonly trajectories: number;
  /** p, the number of grid levels: even, ≥ 2. @default 4 */
  readonly levels?: number;
  /** The seed (the spec's seed). */
  readonly seed: number;
}

/** A Morris design: the points to run, and which parameter each step moves. */
export interface MorrisDesign {
  /** Always `"morris"`. */
  readonly method: "morris";
  /** The parameters, in the order of each point's values. */
  readonly parameters: readonly DesignParameter[];
  /** r, the number of trajectories. */
  readonly trajectories: number;
  /** p, the number of grid levels. */
  readonly levels: number;
  /** Δ = p / (2(p − 1)), the step as a share of each parameter's range. */
  readonly delta: number;
  /** The seed the design was drawn with. */
  readonly seed: number;
  /** Points per trajectory: k + 1. */
  readonly blockSize: number;
  /** `steps[t][s]`: the parameter moved from point s to point s + 1 of trajectory t. */
  readonly steps: readonly (readonly number[])[];
  /** `directions[t][s]`: +1 if that step moves up, −1 if down. */
  readonly directions: readonly (readonly number[])[];
  /** The points, r × (k + 1), each a value per parameter in its own unit. */
  readonly points: readonly (readonly number[])[];
}

/** An estimate with its bootstrap confidence interval. */
export interface Estimate {
  /** The estimate from all the data. */
  readonly estimate: number;
  /** Lower end of the interval (NaN without bootstrap). */
  readonly low: number;
  /** Upper end of the interval (NaN without bootstrap). */
  readonly high: number;
}

/** Morris measures of one parameter for one output. */
export interface MorrisMeasures {
  /** μ, the mean elementary effect (output units per full range of the parameter). */
  readonly mu: Estimate;
  /** μ*, the mean absolute elementary effect: the importance measure. */
  readonly muStar: Estimate;
  /** σ, the standard deviation of the elementary effects (n − 1 denominator). */
  readonly sigma: Estimate;
}

/** Options of the estimators. */
export interface EstimatorOptions {
  /** Bootstrap resamples for the intervals; 0 for none (intervals NaN). @default 1000 */
  readonly bootstrap?: number;
  /** Seed of the bootstrap stream. @default the design's seed */
  readonly seed?: number;
  /** Coverage of the intervals. @default 0.95 */
  readonly confidence?: number;
}

/**
 * Builds a Morris trajectory design: r·(k + 1) points on a p-level grid.
 *
 * @param parameters The k parameters (at least one), with their ranges.
 * @param options r, p and the seed.
 * @returns The design.
 * @throws {RangeError} For r < 2, an odd or too small p, or bad parameters.
 *
 * @example Each step moves one parameter by Δ of its range
 * ```ts
 * import { morrisDesign } from "./morris.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 * const design = morrisDesign(
 *   [{ path: "a", min: 0, max: 1 }, { path: "b", min: 0, max: 30 }],
 *   { trajectories: 5, levels: 4, seed: 1 },
 * );
 * strictEqual(design.points.length, 5 * 3);
 * strictEqual(design.delta, 2 / 3);
 * const [p0, p1] = design.points;
 * const moved = design.steps[0][0];
 * const step = moved === 0 ? 2 / 3 : 20; // Δ = 2/3 of each range
 * ok(Math.abs(Math.abs(p1[moved] - p0[moved]) - step) < 1e-12);
 * ```
 */
export function morrisDesign(
  parameters: readonly DesignParameter[],
  options: MorrisOptions,
): MorrisDesign {
  const k = parameters.length;
  const r = options.trajectories;
  const p = options.levels ?? 4;
  checkParameters(parameters, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(r) || r < 2) {
    throw new RangeError(`Cannot build a Morris design with ${r} trajectories: expected ≥ 2`);
  }
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) {
    throw new RangeError(
      `Cannot build a Morris design with ${p} levels: expected an even number ≥ 2`,
    );
  }
  const delta = p / (2 * (p - 1));
  const random = createStream(options.seed, MORRIS_STREAM);
  const points: number[][] = [];
  const steps: number[][] = [];
  const directions: number[][] = [];
  for (let t = 0; t < r; t++) {
    // Start levels 0 … p/2 − 1, so that a step of Δ = (p/2)/(p − 1) stays on the grid.
    // Levels are held as integers 0 … p − 1 (level l is l / (p − 1) of the range), and a step
    // is p/2 levels, so that values on the grid are exact.
    const level: number[] = [];
    const up: boolean[] = [];
    for (let i = 0; i < k; i++) {
      const start = Math.floor(random() * (p / 2));
      up.push(random() < 0.5);
      level.push(up[i] ? start : start + p / 2);
    }
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    points.push(parameters.map((q, i) => levelValue(q, level[i] / (p - 1))));
    for (const i of order) {
      level[i] += up[i] ? p / 2 : -p / 2;
      points.push(parameters.map((q, m) => levelValue(q, level[m] / (p - 1))));
    }
    steps.push(order);
    directions.push(order.map((i) => up[i] ? 1 : -1));
  }
  return Object.freeze({
    method: "morris",
    parameters: Object.freeze(parameters.map((q) => Object.freeze({ ...q }))),
    trajectories: r,
    levels: p,
    delta,
    seed: options.seed,
    blockSize: k + 1,
    steps,
    directions,
    points,
  });
}

/**
 * Estimates μ, μ* and σ of each parameter for one output, with bootstrap intervals (percentile,
 * resampling whole trajectories).
 *
 * @param design The Morris design.
 * @param outputs One output value per design point (replicates already averaged).
 * @param options Bootstrap resamples, seed and coverage.
 * @returns One set of measures per parameter, in parameter order.
 * @throws {RangeError} If the outputs do not match the design's points.
 *
 * @example A linear function: every effect is its slope per full range
 * ```ts
 * import { morrisDesign, morrisEffects } from "./morris.ts";
 * import { ok } from "node:assert/strict";
 * const design = morrisDesign(
 *   [{ path: "a", min: 0, max: 1 }, { path: "b", min: 0, max: 2 }],
 *   { trajectories: 10, seed: 3 },
 * );
 * const outputs = design.points.map(([a, b]) => 5 * a - b);
 * const [a, b] = morrisEffects(design, outputs, { bootstrap: 100 });
 * ok(Math.abs(a.mu.estimate - 5) < 1e-9 && Math.abs(a.sigma.estimate) < 1e-9);
 * ok(Math.abs(b.mu.estimate + 2) < 1e-9 && Math.abs(b.muStar.estimate - 2) < 1e-9);
 * ```
 */
export function morrisEffects(
  design: MorrisDesign,
  outputs: readonly number[],
  options: EstimatorOptions = {},
): MorrisMeasures[] {
  if (outputs.length !== design.points.length) {
    throw new RangeError(
      `Cannot estimate Morris effects from ${outputs.length} outputs: the design has ${design.points.length} points`,
    );
  }
  const k = design.parameters.length;
  const r = design.trajectories;
  // ee[t * k + i]: the elementary effect of parameter i in trajectory t.
  const ee = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    const base = t * design.blockSize;
    for (let s = 0; s < k; s++) {
      const i = design.steps[t][s];
      const change = outputs[base + s + 1] - outputs[base + s];
      ee[t * k + i] = change / (design.directions[t][s] * design.delta);
    }
  }
  const rows = Int32Array.from({ length: r }, (_, t) => t);
  const full = measures(ee, k, rows);
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const draws = {
    mu: [] as Float64Array[],
    muStar: [] as Float64Array[],
    sigma: [] as Float64Array[],
  };
  for (let i = 0; i < k; i++) {
    draws.mu.push(new Float64Array(bootstrap));
    draws.muStar.push(new Float64Array(bootstrap));
    draws.sigma.push(new Float64Array(bootstrap));
  }
  const random = createStream(options.seed ?? design.seed, BOOTSTRAP_STREAM);
  for (let b = 0; b < bootstrap; b++) {
    resampleInto(random, r, rows);
    const m = measures(ee, k, rows);
    for (let i = 0; i < k; i++) {
      draws.mu[i][b] = m.mu[i];
      draws.muStar[i][b] = m.muStar[i];
      draws.sigma[i][b] = m.sigma[i];
    }
  }
  const estimate = (value: number, samples: Float64Array): Estimate => {
    const [low, high] = bootstrap > 0 ? percentileInterval(samples, confidence) : [NaN, NaN];
    return { estimate: value, low, high };
  };
  return Array.from({ length: k }, (_, i) => ({
    mu: estimate(full.mu[i], draws.mu[i]),
    muStar: estimate(full.muStar[i], draws.muStar[i]),
    sigma: estimate(full.sigma[i], draws.sigma[i]),
  }));
}

/** μ, μ* and σ over the trajectories listed in `rows` (repeats allowed). */
function measures(
  ee: Float64Array,
  k: number,
  rows: Int32Array,
): { mu: Float64Array; muStar: Float64Array; sigma: Float64Array } {
  const n = rows.length;
  const mu = new Float64Array(k);
  const muStar = new Float64Array(k);
  const sigma = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let sumAbs = 0;
    for (const t of rows) {
      const e = ee[t * k + i];
      sum += e;
      sumAbs += Math.abs(e);
    }
    const mean = sum / n;
    let squares = 0;
    for (const t of rows) squares += (ee[t * k + i] - mean) ** 2;
    mu[i] = mean;
    muStar[i] = sumAbs / n;
    sigma[i] = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  }
  return { mu, muStar, sigma };
}
