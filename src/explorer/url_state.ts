/**
 * The explorer's state in its URL, so a facilitator can bookmark or share what the room is
 * looking at. The state is written after the `#` as `key=value` pairs:
 *
 * ```text
 * #scenario=baseline&grant=5&notice=13&turnover=20&capability=0.6&paper=30&deep=30&events=3
 *  &budget=5&horizon=10&seed=2015&reps=5
 * ```
 *
 * and, when comparing, `compare=1` and B's scenario and controls with a `b.` prefix
 * (`b.scenario=long-cycles&b.turnover=40…`). Every control is written, so a link means the
 * same thing even if a bundled scenario changes later. A link that names an unknown scenario
 * or an out-of-range value still opens: the problem is listed and the value left as it was.
 *
 * @module
 */
import { CONTROLS, type ControlValues, snapToControl } from "./controls.ts";
import {
  type BundledScenario,
  defaultState,
  type ExplorerState,
  MAX_REPLICATES,
  sideFor,
  type SideState,
} from "./state.ts";

/** Largest seed (seeds are 32-bit unsigned integers). */
const MAX_SEED = 2 ** 32 - 1;

/**
 * Writes the state as the part of the URL after `#` (without the `#`).
 *
 * @param state The state.
 * @returns `key=value` pairs joined by `&`.
 *
 * @example
 * ```ts
 * import { encodeState } from "./url_state.ts";
 * import { defaultState } from "./state.ts";
 * import { match } from "node:assert/strict";
 * const s = defaultState([{ name: "baseline", file: "baseline.yaml", description: "", seed: 2015, input: {} }]);
 * match(encodeState(s), /^scenario=baseline&grant=5&notice=13&turnover=20&.*&seed=2015&reps=5$/);
 * ```
 */
export function encodeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  writeSide(params, "", state.a);
  params.set("seed", String(state.seed));
  params.set("reps", String(state.replicates));
  if (state.compare) {
    params.set("compare", "1");
    writeSide(params, "b.", state.b);
  }
  return params.toString();
}

function writeSide(params: URLSearchParams, prefix: string, side: SideState): void {
  params.set(`${prefix}scenario`, side.scenario);
  for (const control of CONTROLS) {
    params.set(`${prefix}${control.key}`, String(side.controls[control.key]));
  }
}

/** What {@linkcode decodeState} found. */
export interface DecodedState {
  /** The state: the link's values where valid, else the scenario's own. */
  readonly state: ExplorerState;
  /** One line per value that could not be used, naming the key, the expectation and the value. */
  readonly problems: readonly string[];
}

/**
 * Reads the state from the part of a URL after `#` (with or without the `#`). Keys left out
 * take the named scenario's values (B's default to A's); unknown keys are reported.
 *
 * @param text The URL's hash.
 * @param bundled The bundled scenarios.
 * @returns The state and any problems.
 *
 * @example A round trip
 * ```ts
 * import { decodeState, encodeState } from "./url_state.ts";
 * import { strictEqual, deepStrictEqual } from "node:assert/strict";
 * const bundled = [{ name: "baseline", file: "baseline.yaml", description: "", seed: 2015, input: {} }];
 * const { state, problems } = decodeState("#scenario=baseline&turnover=35&compare=1&b.grant=7", bundled);
 * deepStrictEqual(problems, []);
 * strictEqual(state.a.controls.turnover, 35);
 * strictEqual(state.b.controls.turnover, 35); // B starts as a copy of A
 * strictEqual(state.b.controls.grant, 7);
 * deepStrictEqual(decodeState(encodeState(state), bundled).state, state);
 * ```
 */
export function decodeState(text: string, bundled: readonly BundledScenario[]): DecodedState {
  const params = new URLSearchParams(text.startsWith("#") ? text.slice(1) : text);
  const problems: string[] = [];
  const fallback = defaultState(bundled);
  const known = new Set(["seed", "reps", "compare"]);
  for (const prefix of ["", "b."]) {
    known.add(`${prefix}scenario`);
    for (const control of CONTROLS) known.add(`${prefix}${control.key}`);
  }
  for (const key of new Set(params.keys())) {
    if (!known.has(key)) {
      problems.push(`${key}: expected a setting of the explorer, found an unknown key`);
    }
  }
  const a = readSide(params, "", fallback.a, bundled, problems);
  const compare = readCompare(params.get("compare"), problems);
  const b = readSide(params, "b.", a, bundled, problems);
  const seed = readInteger(params, "seed", 0, MAX_SEED, fallback.seed, problems);
  const replicates = readInteger(params, "reps", 1, MAX_REPLICATES, fallback.replicates, problems);
  return {
    state: Object.freeze({ seed, replicates, compare, a, b }),
    problems: Object.freeze(problems),
  };
}

function readSide(
  params: URLSearchParams,
  prefix: string,
  fallback: SideState,
  bundled: readonly BundledScenario[],
  problems: string[],
): SideState {
  let side = fallback;
  const name = params.get(`${prefix}scenario`);
  if (name !== null && name !== fallback.scenario) {
    const found = bundled.find((b) => b.name === name);
    if (found) {
      side = sideFor(found);
    } else {
      problems.push(
        `${prefix}scenario: expected one of ${bundled.map((b) => b.name).join(", ")}, found ${
          JSON.stringify(name)
        }`,
      );
    }
  }
  const controls: Record<string, number> = { ...side.controls };
  for (const control of CONTROLS) {
    const key = `${prefix}${control.key}`;
    const text = params.get(key);
    if (text === null) continue;
    const value = text.trim() === "" ? NaN : Number(text);
    if (!Number.isFinite(value) || value < control.min || value > control.max) {
      problems.push(
        `${key}: expected a number in [${control.min}, ${control.max}] (${control.unit}), found ${
          JSON.stringify(text)
        }`,
      );
      continue;
    }
    controls[control.key] = snapToControl(control, value);
  }
  return Object.freeze({
    scenario: side.scenario,
    controls: Object.freeze(controls) as ControlValues,
  });
}

function readCompare(text: string | null, problems: string[]): boolean {
  if (text === null || text === "0") return false;
  if (text === "1") return true;
  problems.push(`compare: expected 0 or 1, found ${JSON.stringify(text)}`);
  return false;
}

function readInteger(
  params: URLSearchParams,
  key: string,
  min: number,
  max: number,
  fallback: number,
  problems: string[],
): number {
  const text = params.get(key);
  if (text === null) return fallback;
  const value = text.trim() === "" ? NaN : Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(
      `${key}: expected a whole number in [${min}, ${max}], found ${JSON.stringify(text)}`,
    );
    return fallback;
  }
  return value;
}
