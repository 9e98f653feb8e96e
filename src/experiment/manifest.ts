/**
 * The run manifest: what was run and how to run it again (tool version, scenario content hash,
 * seeds, generator, every parameter used), plus timing, which lives only here so that the data
 * files stay byte-identical between repeated runs.
 *
 * @module
 */
import { GENERATOR, TOOL_NAME, TOOL_VERSION } from "../core/mod.ts";
import { STREAM_NAMES } from "../model/mod.ts";
import type { Scenario } from "../scenario/mod.ts";
import type { RunResult } from "./replicates.ts";

/** What a manifest records. */
export interface Manifest {
  readonly tool: { readonly name: string; readonly version: string };
  readonly command: readonly string[];
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly file: string;
    /** SHA-256 of the canonical JSON of name, seed and parameters. */
    readonly contentHash: string;
    readonly seed: number;
    readonly input: unknown;
  };
  readonly random: {
    readonly generator: string;
    readonly streams: readonly string[];
    readonly runs: readonly { readonly replicate: number; readonly seed: number }[];
  };
  readonly parameters: unknown;
  readonly files: readonly string[];
  readonly timing: {
    readonly startedAt: string;
    readonly wallSeconds: number;
    readonly familyWeeksPerSecond: number;
  };
}

/**
 * JSON with object keys sorted at every level, so equal content gives equal text.
 *
 * @param value Plain data.
 * @returns Canonical JSON text.
 *
 * @example
 * ```ts
 * import { canonicalJson } from "./manifest.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual(canonicalJson({ b: 1, a: { d: 2, c: 3 } }), '{"a":{"c":3,"d":2},"b":1}');
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
        : v,
  );
}

/**
 * The scenario's content hash: SHA-256 (hex) of the canonical JSON of its name, seed and full
 * parameters. Two scenario files that differ only in layout or comments hash alike.
 *
 * @param scenario A scenario.
 * @returns 64 hex digits.
 *
 * @example
 * ```ts
 * import { scenarioHash } from "./manifest.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { deepStrictEqual, notDeepStrictEqual } from "node:assert/strict";
 * const a = await scenarioHash(resolveScenario({ seed: 1 }, "a"));
 * deepStrictEqual(a.length, 64);
 * notDeepStrictEqual(a, await scenarioHash(resolveScenario({ seed: 2 }, "a")));
 * ```
 */
export function scenarioHash(scenario: Scenario): Promise<string> {
  return sha256Hex(
    canonicalJson({ name: scenario.name, seed: scenario.seed, params: scenario.params }),
  );
}

/**
 * SHA-256 of a text's UTF-8 bytes, in hexadecimal.
 *
 * @param text Any text.
 * @returns 64 hex digits.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "./manifest.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual((await sha256Hex("")).slice(0, 8), "e3b0c442");
 * ```
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Builds a manifest.
 *
 * @param args Scenario, results, command, files and timing.
 * @returns The manifest.
 *
 * @example
 * ```ts
 * import { buildManifest } from "./manifest.ts";
 * import { runReplicates } from "./replicates.ts";
 * import { resolveScenario } from "../scenario/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const scenario = resolveScenario({ horizonYears: 1 }, "tiny");
 * const results = runReplicates(scenario, 1);
 * const m = await buildManifest({ scenario, results, command: [], files: [], startedAt: new Date(0), wallSeconds: 1 });
 * deepStrictEqual(m.random.runs.length, 1);
 * ```
 */
export async function buildManifest(args: {
  scenario: Scenario;
  results: readonly RunResult[];
  command: readonly string[];
  files: readonly string[];
  startedAt: Date;
  wallSeconds: number;
}): Promise<Manifest> {
  const { scenario, results } = args;
  let familyWeeks = 0;
  for (const r of results) {
    const active = r.recording.columns[0];
    for (let w = 0; w < active.length; w++) familyWeeks += active[w];
  }
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: args.command,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      file: scenario.file,
      contentHash: await scenarioHash(scenario),
      seed: scenario.seed,
      input: scenario.input,
    },
    random: {
      generator: GENERATOR,
      streams: STREAM_NAMES,
      runs: results.map((r) => ({ replicate: r.replicate, seed: r.seed })),
    },
    parameters: scenario.params,
    files: args.files,
    timing: {
      startedAt: args.startedAt.toISOString(),
      wallSeconds: args.wallSeconds,
      familyWeeksPerSecond: args.wallSeconds > 0 ? Math.round(familyWeeks / args.wallSeconds) : 0,
    },
  };
}
