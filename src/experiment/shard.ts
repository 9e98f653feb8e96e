/**
 * Shards: an experiment split across processes or machines. Shard `i` of `n` runs the chunks
 * whose index leaves remainder `i` when divided by `n` (round robin, so every shard gets a
 * similar mix of points). The index can be given (`--shard 2/8`) or taken from the variable a
 * scheduler sets for each task of an array job (`--shard 8` with `SLURM_ARRAY_TASK_ID`, or a
 * Kubernetes indexed Job's `JOB_COMPLETION_INDEX`).
 *
 * @module
 */

/** One shard of an experiment. */
export interface Shard {
  /** Its index, from 0. */
  readonly index: number;
  /** How many shards in all. */
  readonly count: number;
}

/** Environment variables holding a scheduler's task index, in the order they are tried. */
export const SHARD_INDEX_VARIABLES = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] as const;

/**
 * Parses a `--shard` value: `i/n`, or `n` alone with the index from a scheduler's variable.
 *
 * @param text The option's value.
 * @param env Reads an environment variable (e.g. `(name) => Deno.env.get(name)`).
 * @returns The shard.
 * @throws {RangeError} With a message saying what was expected and what was found.
 *
 * @example
 * ```ts
 * import { parseShard } from "./shard.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 * deepStrictEqual(parseShard("2/3", () => undefined), { index: 2, count: 3 });
 * deepStrictEqual(parseShard("4", (v) => v === "SLURM_ARRAY_TASK_ID" ? "1" : undefined),
 *   { index: 1, count: 4 });
 * throws(() => parseShard("3/3", () => undefined), /from 0 to 2/);
 * ```
 */
export function parseShard(text: string, env: (name: string) => string | undefined): Shard {
  const explicit = /^(\d+)\/(\d+)$/.exec(text);
  const countOnly = /^(\d+)$/.exec(text);
  let index: number;
  let count: number;
  if (explicit !== null) {
    index = Number(explicit[1]);
    count = Number(explicit[2]);
  } else if (countOnly !== null) {
    count = Number(countOnly[1]);
    const variable = SHARD_INDEX_VARIABLES.find((name) => env(name) !== undefined);
    if (variable === undefined) {
      throw new RangeError(
        `--shard ${text}: a count alone takes the shard index from ${
          SHARD_INDEX_VARIABLES.join(" or ")
        }, and neither is set; give the index too, e.g. --shard 0/${count}`,
      );
    }
    const value = env(variable) as string;
    if (!/^\d+$/.test(value)) {
      throw new RangeError(
        `--shard ${text}: expected ${variable} to be a whole number, found ${
          JSON.stringify(value)
        }`,
      );
    }
    index = Number(value);
  } else {
    throw new RangeError(
      `--shard: expected i/n (shard i of n, i from 0) or n (the index from ${
        SHARD_INDEX_VARIABLES.join(" or ")
      }), found ${JSON.stringify(text)}`,
    );
  }
  if (count < 1 || index >= count) {
    throw new RangeError(
      `--shard ${text}: expected a shard index from 0 to ${
        count - 1
      } of ${count} shards, found ${index}`,
    );
  }
  return { index, count };
}

/**
 * The chunks a shard runs.
 *
 * @param chunks Total chunks.
 * @param shard The shard, or null for all.
 * @returns Chunk indices in order.
 *
 * @example
 * ```ts
 * import { shardChunks } from "./shard.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(shardChunks(7, { index: 1, count: 3 }), [1, 4]);
 * deepStrictEqual(shardChunks(3, null), [0, 1, 2]);
 * ```
 */
export function shardChunks(chunks: number, shard: Shard | null): number[] {
  const all = Array.from({ length: chunks }, (_, c) => c);
  return shard === null ? all : all.filter((c) => c % shard.count === shard.index);
}
