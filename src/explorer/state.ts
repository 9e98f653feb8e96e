/**
 * The explorer's state: the bundled scenarios it starts from, the controls of scenario A (and
 * of B when comparing), the seed and the number of replicates; and the scenario each side
 * stands for. Pure functions, no DOM: the page, the URL and the scenario export share them.
 *
 * @module
 */
import { applyOverrides } from "../scenario/overrides.ts";
import { resolveScenario, type Scenario } from "../scenario/scenario.ts";
import {
  changedFields,
  CONTROLS,
  controlsFromParams,
  type ControlSpec,
  type ControlValues,
} from "./controls.ts";

/** A scenario bundled into the page at build time, its `extends:` already merged. */
export interface BundledScenario {
  /** Its name (the key in the picker and the URL), e.g. `"baseline"`. */
  readonly name: string;
  /** The file it came from, relative to `scenarios/`, e.g. `"baseline.yaml"`. */
  readonly file: string;
  /** What it represents. */
  readonly description: string;
  /** Its seed. */
  readonly seed: number;
  /** Its fields as parsed and merged (without `extends`), ready for `resolveScenario`. */
  readonly input: Readonly<Record<string, unknown>>;
}

/** One side (A or B): the bundled scenario it starts from and its controls. */
export interface SideState {
  /** Name of the bundled scenario. */
  readonly scenario: string;
  /** Value of every control. */
  readonly controls: ControlValues;
}

/** Everything the page shows, and the URL holds. */
export interface ExplorerState {
  /** Scenario seed shared by both sides, so replicate r of A and of B are paired. */
  readonly seed: number;
  /** Replicates per side. */
  readonly replicates: number;
  /** Whether B is shown next to A. */
  readonly compare: boolean;
  /** Scenario A. */
  readonly a: SideState;
  /** Scenario B (a copy of A until changed; ignored unless `compare`). */
  readonly b: SideState;
}

/** Replicates a page run uses unless told otherwise: few, so a run takes about a second. */
export const DEFAULT_REPLICATES = 5;

/** Most replicates the page offers. */
export const MAX_REPLICATES = 50;

/** A side's scenario, ready to validate and run. */
export interface SideScenario {
  /** The name its runs carry (in the CSV and the downloaded file). */
  readonly name: string;
  /** Fields as a scenario file would hold them: name, description, seed, then the rest. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Whether any control differs from the bundled scenario. */
  readonly changed: boolean;
}

const baseCache = new WeakMap<BundledScenario, { scenario: Scenario; controls: ControlValues }>();

/**
 * Resolves a bundled scenario (through the same zod schema as the command line) and reads its
 * control values.
 *
 * @param bundled A bundled scenario.
 * @returns The scenario and its control values (cached per object).
 * @throws {ScenarioError} If the bundled data are invalid.
 *
 * @example
 * ```ts
 * import { baseOf } from "./state.ts";
 * import { strictEqual } from "node:assert/strict";
 * const base = { name: "x", file: "x.yaml", description: "", seed: 1, input: { staff: { turnoverPerYear: 0.3 } } };
 * strictEqual(baseOf(base).controls.turnover, 30);
 * ```
 */
export function baseOf(bundled: BundledScenario): { scenario: Scenario; controls: ControlValues } {
  let found = baseCache.get(bundled);
  if (!found) {
    const scenario = resolveScenario(bundled.input, bundled.file);
    found = { scenario, controls: controlsFromParams(scenario.params) };
    baseCache.set(bundled, found);
  }
  return found;
}

/**
 * Finds a bundled scenario by name.
 *
 * @param bundled The bundled scenarios.
 * @param name A name.
 * @returns The scenario.
 * @throws {RangeError} If none has that name.
 *
 * @example
 * ```ts
 * import { findBundled } from "./state.ts";
 * import { throws } from "node:assert/strict";
 * throws(() => findBundled([], "baseline"));
 * ```
 */
export function findBundled(
  bundled: readonly BundledScenario[],
  name: string,
): BundledScenario {
  const found = bundled.find((b) => b.name === name);
  if (!found) {
    throw new RangeError(
      `Cannot find a bundled scenario called "${name}": expected one of ${
        bundled.map((b) => b.name).join(", ")
      }`,
    );
  }
  return found;
}

/**
 * The state a page opens with when its URL says nothing: the first bundled scenario (or the one
 * called `baseline`), its seed, {@linkcode DEFAULT_REPLICATES} replicates, no comparison.
 *
 * @param bundled The bundled scenarios (at least one).
 * @returns The state.
 *
 * @example
 * ```ts
 * import { defaultState } from "./state.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = defaultState([{ name: "x", file: "x.yaml", description: "", seed: 9, input: {} }]);
 * strictEqual(s.seed, 9);
 * strictEqual(s.a.controls.horizon, 10);
 * ```
 */
export function defaultState(bundled: readonly BundledScenario[]): ExplorerState {
  if (bundled.length === 0) throw new RangeError("Cannot open the explorer without scenarios");
  const first = bundled.find((b) => b.name === "baseline") ?? bundled[0];
  const side = sideFor(first);
  return Object.freeze({
    seed: first.seed,
    replicates: DEFAULT_REPLICATES,
    compare: false,
    a: side,
    b: side,
  });
}

/**
 * A side starting from a bundled scenario, with that scenario's control values.
 *
 * @param bundled The scenario.
 * @returns The side.
 *
 * @example
 * ```ts
 * import { sideFor } from "./state.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(sideFor({ name: "x", file: "x.yaml", description: "", seed: 1, input: {} }).scenario, "x");
 * ```
 */
export function sideFor(bundled: BundledScenario): SideState {
  return Object.freeze({ scenario: bundled.name, controls: baseOf(bundled).controls });
}

/**
 * Changes one control of a side. Moving one partnership-depth share past what the other leaves
 * lowers the other, so the shares on paper and deep never add up to more than 100%.
 *
 * @param side The side.
 * @param control The control moved.
 * @param value Its new value (snapped by the caller).
 * @returns The new side.
 *
 * @example
 * ```ts
 * import { sideFor, withControl } from "./state.ts";
 * import { controlSpec } from "./controls.ts";
 * import { strictEqual } from "node:assert/strict";
 * const side = sideFor({ name: "x", file: "x.yaml", description: "", seed: 1, input: {} });
 * const moved = withControl(side, controlSpec("paper"), 90);
 * strictEqual(moved.controls.deep, 10);
 * ```
 */
export function withControl(side: SideState, control: ControlSpec, value: number): SideState {
  const controls: Record<string, number> = { ...side.controls, [control.key]: value };
  if (control.key === "paper" && controls.deep > 100 - value) controls.deep = 100 - value;
  if (control.key === "deep" && controls.paper > 100 - value) controls.paper = 100 - value;
  return Object.freeze({
    scenario: side.scenario,
    controls: Object.freeze(controls) as ControlValues,
  });
}

/**
 * The scenarios the two sides stand for: the bundled scenario's fields with the changed
 * controls written over them, the shared seed, a name and a description saying what changed.
 * A side whose controls match its bundled scenario keeps that scenario's name; a changed one is
 * called `<name>-custom`; when A and B would share a name they get `-a` and `-b`.
 *
 * @param state The state.
 * @param bundled The bundled scenarios.
 * @returns Scenario A, and B when comparing.
 *
 * @example Turnover raised on B
 * ```ts
 * import { sideScenarios, sideFor } from "./state.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const base = { name: "x", file: "x.yaml", description: "", seed: 1, input: {} };
 * const a = sideFor(base);
 * const b = { ...a, controls: { ...a.controls, turnover: 40 } };
 * const [sa, sb] = sideScenarios({ seed: 3, replicates: 5, compare: true, a, b }, [base]);
 * deepStrictEqual([sa.name, sb.name], ["x", "x-custom"]);
 * deepStrictEqual(sb.raw.staff, { turnoverPerYear: 0.4 });
 * deepStrictEqual(sb.raw.seed, 3);
 * ```
 */
export function sideScenarios(
  state: ExplorerState,
  bundled: readonly BundledScenario[],
): SideScenario[] {
  const sides = state.compare ? [state.a, state.b] : [state.a];
  const drafts = sides.map((side) => draft(side, state.seed, bundled));
  if (drafts.length === 2 && drafts[0].name === drafts[1].name) {
    drafts[0] = rename(drafts[0], `${drafts[0].name}-a`);
    drafts[1] = rename(drafts[1], `${drafts[1].name}-b`);
  }
  return drafts;
}

function draft(side: SideState, seed: number, bundled: readonly BundledScenario[]): SideScenario {
  const base = findBundled(bundled, side.scenario);
  const baseControls = baseOf(base).controls;
  const writes = changedFields(baseControls, side.controls);
  const changes = CONTROLS.filter((c) => side.controls[c.key] !== baseControls[c.key]).map((c) =>
    `${c.label.toLowerCase()} ${c.format(side.controls[c.key])} (was ${
      c.format(baseControls[c.key])
    })`
  );
  const fields = applyOverrides(
    base.input,
    writes.map((w) => ({ path: w.path, value: w.value, text: w.path.join(".") })),
  ) as Record<string, unknown>;
  const { name: _name, description: _description, seed: _seed, ...rest } = fields;
  const changed = writes.length > 0;
  const name = changed ? `${base.name}-custom` : base.name;
  const description = changed
    ? `Made in the explorer from "${base.name}": ${changes.join("; ")}.`
    : base.description;
  return Object.freeze({
    name,
    changed,
    raw: Object.freeze({ name, description, seed, ...rest }),
  });
}

function rename(s: SideScenario, name: string): SideScenario {
  return Object.freeze({ ...s, name, raw: Object.freeze({ ...s.raw, name }) });
}
