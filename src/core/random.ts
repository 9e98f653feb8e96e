/**
 * Named seeded random streams.
 *
 * A run has one seed; every mechanism draws from its own stream, derived from
 * (run seed, stream name). Adding, removing or reordering draws in one mechanism
 * therefore never shifts the draws of another, which gives common random numbers
 * across scenarios and clean ablations.
 *
 * @module
 */
import seedrandom from "seedrandom";

/** A source of uniform numbers in [0, 1), like `Math.random`. */
export type RandomStream = () => number;

/** The generator behind every stream, recorded in each run's manifest. */
export const GENERATOR =
  "seedrandom.alea (npm:seedrandom@3.0.5); stream seed = `${runSeed}/${streamName}`";

/**
 * Hashes a string to an unsigned 32-bit integer (FNV-1a, then a murmur3 finaliser).
 *
 * @param text Any string.
 * @returns An integer in [0, 2^32).
 *
 * @example Stable hashes
 * ```ts
 * import { hashString } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(hashString("staff"), hashString("staff"));
 * ```
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Derives the seed of one run from a scenario seed and a replicate number, so that
 * replicate r of every scenario sharing a seed uses the same run seed (paired runs).
 *
 * @param seed The scenario or experiment seed (an integer).
 * @param replicate The replicate number, from 0.
 * @returns A run seed in [0, 2^32).
 *
 * @example Replicates get distinct, repeatable seeds
 * ```ts
 * import { replicateSeed } from "./random.ts";
 * import { ok } from "node:assert/strict";
 * ok(replicateSeed(42, 0) !== replicateSeed(42, 1));
 * ok(replicateSeed(42, 3) === replicateSeed(42, 3));
 * ```
 */
export function replicateSeed(seed: number, replicate: number): number {
  return hashString(`${seed}#${replicate}`);
}

/**
 * Creates the stream called `name` for the run seeded by `runSeed`.
 *
 * @param runSeed The run seed.
 * @param name The stream's name, e.g. `"staff.leave"`.
 * @returns A stream of uniform numbers in [0, 1).
 *
 * @example Same seed and name, same numbers
 * ```ts
 * import { createStream } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const a = createStream(7, "trust");
 * const b = createStream(7, "trust");
 * deepStrictEqual([a(), a()], [b(), b()]);
 * ```
 */
export function createStream(runSeed: number, name: string): RandomStream {
  return seedrandom.alea(`${runSeed}/${name}`);
}

/**
 * Creates one stream per name for a run: the registry every mechanism draws from.
 *
 * @param runSeed The run seed.
 * @param names The stream names.
 * @returns An object with one stream per name.
 *
 * @example A registry of named streams
 * ```ts
 * import { createStreams } from "./random.ts";
 * import { ok } from "node:assert/strict";
 * const streams = createStreams(1, ["staff.leave", "arrivals"] as const);
 * const u = streams["staff.leave"]();
 * ok(u >= 0 && u < 1);
 * ```
 */
export function createStreams<N extends string>(
  runSeed: number,
  names: readonly N[],
): Readonly<Record<N, RandomStream>> {
  const streams = {} as Record<N, RandomStream>;
  for (const name of names) streams[name] = createStream(runSeed, name);
  return Object.freeze(streams);
}

/**
 * Draws a Poisson-distributed count by inversion (no allocation; for small means).
 *
 * @param random The stream to draw from.
 * @param mean The mean count, ≥ 0 (intended for means below about 30).
 * @returns A non-negative integer.
 *
 * @example The mean of many draws is close to the mean asked for
 * ```ts
 * import { createStream, poisson } from "./random.ts";
 * import { ok } from "node:assert/strict";
 * const r = createStream(3, "poisson");
 * let sum = 0;
 * for (let i = 0; i < 20000; i++) sum += poisson(r, 2);
 * // standard error of the mean: sqrt(2 / 20000) ≈ 0.01; allow 5 of them
 * ok(Math.abs(sum / 20000 - 2) < 0.05);
 * ```
 */
export function poisson(random: RandomStream, mean: number): number {
  if (mean <= 0) return 0;
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = random();
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * Draws a geometric number of weeks (≥ 1) with the given mean, e.g. weeks to fill a vacancy.
 *
 * @param random The stream to draw from.
 * @param meanWeeks The mean, ≥ 1.
 * @returns An integer ≥ 1.
 *
 * @example A mean of one week is always one week
 * ```ts
 * import { createStream, geometricWeeks } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(geometricWeeks(createStream(1, "g"), 1), 1);
 * ```
 */
export function geometricWeeks(random: RandomStream, meanWeeks: number): number {
  if (meanWeeks <= 1) return 1;
  const p = 1 / meanWeeks;
  return 1 + Math.floor(Math.log(1 - random()) / Math.log(1 - p));
}

/**
 * Draws made ahead of need, in bulk, from one source: a block of its next draws in the order it
 * makes them. Taking draws from a block gives exactly the numbers the source would have given
 * one at a time, so results do not change; what changes is where the arithmetic runs. A draw
 * needed only now and then (a key worker hired a few times a week) would otherwise run in code
 * that V8 leaves in its lower tiers or does not inline, which puts every number it returns on
 * the heap. Reading a typed array inside an optimised loop allocates nothing, and a refill is a
 * tight loop of its own with one kind of source, which V8 optimises.
 */
export interface DrawBlock {
  /** The draws, in the order the source made them. */
  readonly values: Float64Array;
  /** Index of the next draw to hand out; `values.length` when the block is used up. */
  next: number;
  /** Writes the source's next `values.length` draws into `values`, in order. */
  readonly fill: (values: Float64Array) => void;
}

/**
 * Creates a block of `size` draws and fills it (see {@linkcode uniformBlock} and
 * {@linkcode betaBlock} for the usual sources).
 *
 * @param fill Writes the source's next draws into the array it is given, in order.
 * @param size Draws per block, ≥ 1.
 * @returns A full block.
 *
 * @example A block of a constant
 * ```ts
 * import { drawBlock, nextDraw } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(nextDraw(drawBlock((values) => values.fill(0.25), 4)), 0.25);
 * ```
 */
export function drawBlock(fill: (values: Float64Array) => void, size: number): DrawBlock {
  if (!(size >= 1)) throw new RangeError(`A draw block needs a size ≥ 1; got ${size}`);
  const block = { values: new Float64Array(Math.floor(size)), next: 0, fill };
  refillDrawBlock(block);
  return block;
}

/**
 * A block of a stream's uniform draws.
 *
 * @param random The stream.
 * @param size Draws per block, ≥ 1.
 * @returns A full block.
 *
 * @example A block hands out the stream's own numbers, in order, across refills
 * ```ts
 * import { createStream, nextDraw, uniformBlock } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const block = uniformBlock(createStream(1, "block"), 2);
 * const direct = createStream(1, "block");
 * deepStrictEqual([nextDraw(block), nextDraw(block), nextDraw(block)], [direct(), direct(), direct()]);
 * ```
 */
export function uniformBlock(random: RandomStream, size: number): DrawBlock {
  return drawBlock((values) => {
    for (let i = 0; i < values.length; i++) values[i] = random();
  }, size);
}

/**
 * Fills a block with its source's next draws and starts handing them out from the first.
 *
 * @param block The block (normally used up).
 *
 * @example
 * ```ts
 * import { drawBlock, refillDrawBlock } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * let n = 0;
 * const block = drawBlock((values) => values.forEach((_, i) => values[i] = n++), 3);
 * block.next = 3;
 * refillDrawBlock(block);
 * deepStrictEqual([Array.from(block.values), block.next], [[3, 4, 5], 0]);
 * ```
 */
export function refillDrawBlock(block: DrawBlock): void {
  block.fill(block.values);
  block.next = 0;
}

/**
 * The block's next draw, refilling it first when it is used up. A branch that runs rarely
 * should read `block.values[block.next++]` itself (after the same check): V8 does not inline a
 * call from a rarely run branch, and a number returned from a call is put on the heap.
 *
 * @param block The block.
 * @returns The source's next draw.
 *
 * @example
 * ```ts
 * import { drawBlock, nextDraw } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const block = drawBlock((values) => values.fill(0.5), 1);
 * deepStrictEqual([nextDraw(block), nextDraw(block)], [0.5, 0.5]);
 * ```
 */
export function nextDraw(block: DrawBlock): number {
  if (block.next === block.values.length) refillDrawBlock(block);
  return block.values[block.next++];
}

/**
 * Converts an annual probability into the weekly hazard with the same yearly total:
 * `1 − (1 − r)^(1/52)`.
 *
 * @param perYear Probability per year, in [0, 1].
 * @returns Probability per week, in [0, 1].
 *
 * @example 20% a year is about 0.43% a week
 * ```ts
 * import { weeklyHazard } from "./random.ts";
 * import { ok } from "node:assert/strict";
 * ok(Math.abs(weeklyHazard(0.2) - 0.004282) < 1e-6);
 * ```
 */
export function weeklyHazard(perYear: number): number {
  return perYear >= 1 ? 1 : 1 - Math.pow(1 - perYear, 1 / 52);
}

/**
 * A sampler of the Beta(α, β) distribution, drawing from `random`: the ratio X / (X + Y) of two
 * Gamma variates, each by Marsaglia and Tsang's method (2000; for a shape below 1, Gamma(k + 1)
 * times U^(1/k)), with standard normals by Box–Muller. The same method as d3-random's
 * `randomBeta`, written so that a draw keeps no number in a closure between calls: d3's normal
 * sampler carries its second value over in a closure variable, which V8 boxes on the heap at
 * every draw, and the weekly loop must not allocate.
 *
 * @param random The stream to draw from (three or more uniforms per draw).
 * @param alpha α > 0.
 * @param beta β > 0.
 * @returns A function returning a draw in [0, 1].
 *
 * @example The mean of many draws is close to α / (α + β)
 * ```ts
 * import { betaSampler, createStream } from "./random.ts";
 * import { ok } from "node:assert/strict";
 * const draw = betaSampler(createStream(1, "beta"), 6, 4);
 * let sum = 0;
 * for (let i = 0; i < 10000; i++) sum += draw();
 * // sd of Beta(6, 4) ≈ 0.148; standard error of the mean of 10,000 ≈ 0.0015; allow 5 of them
 * ok(Math.abs(sum / 10000 - 0.6) < 0.0075);
 * ```
 */
export function betaSampler(random: RandomStream, alpha: number, beta: number): () => number {
  const [gammaX, gammaY] = betaConstants(alpha, beta);
  return () => betaDraw(random, gammaX, gammaY);
}

/**
 * A block of Beta(α, β) draws: the numbers {@linkcode betaSampler} would give, one by one.
 *
 * @param random The stream to draw from.
 * @param alpha α > 0.
 * @param beta β > 0.
 * @param size Draws per block, ≥ 1.
 * @returns A full block.
 *
 * @example The same numbers as the sampler
 * ```ts
 * import { betaBlock, betaSampler, createStream, nextDraw } from "./random.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const block = betaBlock(createStream(2, "beta"), 6, 4, 2);
 * const draw = betaSampler(createStream(2, "beta"), 6, 4);
 * deepStrictEqual([nextDraw(block), nextDraw(block), nextDraw(block)], [draw(), draw(), draw()]);
 * ```
 */
export function betaBlock(
  random: RandomStream,
  alpha: number,
  beta: number,
  size: number,
): DrawBlock {
  const [gammaX, gammaY] = betaConstants(alpha, beta);
  return drawBlock((values) => {
    for (let i = 0; i < values.length; i++) values[i] = betaDraw(random, gammaX, gammaY);
  }, size);
}

/** The Gamma constants of a Beta's two shapes, which must be > 0. */
function betaConstants(alpha: number, beta: number): [Float64Array, Float64Array] {
  if (!(alpha > 0) || !(beta > 0)) {
    throw new RangeError(`Beta shapes must be > 0; got α = ${alpha}, β = ${beta}`);
  }
  return [gammaConstants(alpha), gammaConstants(beta)];
}

/** One Beta draw, X / (X + Y), from the Gamma constants of its two shapes. */
function betaDraw(random: RandomStream, gammaX: Float64Array, gammaY: Float64Array): number {
  const x = gammaDraw(random, gammaX[0], gammaX[1], gammaX[2]);
  const y = gammaDraw(random, gammaY[0], gammaY[1], gammaY[2]);
  return x / (x + y);
}

/** [d, c, 1/k or 0] of Marsaglia–Tsang for shape k (boosted to k + 1 when k < 1). */
function gammaConstants(k: number): Float64Array {
  const d = (k < 1 ? k + 1 : k) - 1 / 3;
  return Float64Array.of(d, 1 / (3 * Math.sqrt(d)), k < 1 ? 1 / k : 0);
}

/** One Gamma(k, 1) draw, from the constants of {@linkcode gammaConstants}. */
function gammaDraw(random: RandomStream, d: number, c: number, inverseShape: number): number {
  for (;;) {
    let x = 0;
    let v = 0;
    do {
      // Box–Muller: a standard normal from two uniforms (1 − u keeps the logarithm finite).
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      const g = d * v;
      return inverseShape > 0 ? g * Math.pow(1 - random(), inverseShape) : g;
    }
  }
}
