/**
 * The explorer's controls: what each slider is called, its unit and range, which scenario
 * fields it sets, and how a scenario's parameters map back onto it. Pure data and functions
 * (no DOM), shared by the page, the URL state and the scenario export.
 *
 * @module
 */
import type { ModelParams } from "../model/mod.ts";

/** Key of a control, as written in the explorer's URL (`turnover=20`). */
export type ControlKey =
  | "grant"
  | "notice"
  | "turnover"
  | "capability"
  | "paper"
  | "deep"
  | "events"
  | "budget"
  | "horizon";

/** Value of every control, in the control's own unit (e.g. turnover in % a year). */
export type ControlValues = Readonly<Record<ControlKey, number>>;

/** One scenario field a control writes: its path and value. */
export interface FieldWrite {
  /** Field path, e.g. `["staff", "turnoverPerYear"]`. */
  readonly path: readonly string[];
  /** The value in the scenario's unit. */
  readonly value: number | boolean;
}

/** A slider of the explorer. */
export interface ControlSpec {
  /** Key in the URL and in {@linkcode ControlValues}. */
  readonly key: ControlKey;
  /** Label shown next to the slider. */
  readonly label: string;
  /** Unit of the slider's value, shown with the label. */
  readonly unit: string;
  /** One line: what it changes in the model. */
  readonly help: string;
  /** Smallest value. */
  readonly min: number;
  /** Largest value. */
  readonly max: number;
  /** Step between values. */
  readonly step: number;
  /** Scenario fields it sets, for messages (dotted paths). */
  readonly fields: readonly string[];
  /** The control's value for resolved parameters (before snapping to the step). */
  readonly read: (params: ModelParams) => number;
  /** The scenario fields that give the control's value. */
  readonly write: (value: number) => readonly FieldWrite[];
  /** The value in words, e.g. `"20% a year"`. */
  readonly format: (value: number) => string;
}

const WEEKS_PER_YEAR = 52;

/** Most networking events a year the slider offers (one every 9 weeks). */
export const MAX_EVENTS_PER_YEAR = 6;

/**
 * Every control, in the order the page shows them. Shares are sliders in whole percent, so that
 * two shares that add up to at most 100% also add up to at most 1 in floating point.
 */
export const CONTROLS: readonly ControlSpec[] = Object.freeze([
  spec({
    key: "grant",
    label: "Funding cycle length",
    unit: "years per grant",
    help: "length of one grant (funding.grantLengthYears)",
    min: 1,
    max: 10,
    step: 0.5,
    fields: ["funding.grantLengthYears"],
    read: (p) => p.funding.grantLengthYears,
    write: (v) => [{ path: ["funding", "grantLengthYears"], value: v }],
    format: (v) => `${v} year${v === 1 ? "" : "s"}`,
  }),
  spec({
    key: "notice",
    label: "Notice of renewal",
    unit: "weeks before a grant ends",
    help: "when renewal or extension is announced (funding.decisionNoticeWeeks)",
    min: 0,
    max: 52,
    step: 1,
    fields: ["funding.decisionNoticeWeeks"],
    read: (p) => p.funding.decisionNoticeWeeks,
    write: (v) => [{ path: ["funding", "decisionNoticeWeeks"], value: v }],
    format: (v) => `${v} week${v === 1 ? "" : "s"}`,
  }),
  spec({
    key: "turnover",
    label: "Staff turnover",
    unit: "% of key workers a year",
    help: "key workers leaving in a year, no end near (staff.turnoverPerYear)",
    min: 0,
    max: 60,
    step: 1,
    fields: ["staff.turnoverPerYear"],
    read: (p) => p.staff.turnoverPerYear * 100,
    write: (v) => [{ path: ["staff", "turnoverPerYear"], value: v / 100 }],
    format: (v) => `${v}% a year`,
  }),
  spec({
    key: "capability",
    label: "Relational capability",
    unit: "mean of key workers, 0 to 1",
    help: "how well key workers build trust (staff.capabilityMean)",
    min: 0.1,
    max: 0.9,
    step: 0.05,
    fields: ["staff.capabilityMean"],
    read: (p) => p.staff.capabilityMean,
    write: (v) => [{ path: ["staff", "capabilityMean"], value: v }],
    format: (v) => v.toFixed(2),
  }),
  spec({
    key: "paper",
    label: "Partnerships on paper",
    unit: "% at the start",
    help: "formal partnerships that exist only on paper (partnerships.shareOnPaper)",
    min: 0,
    max: 100,
    step: 5,
    fields: ["partnerships.shareOnPaper"],
    read: (p) => p.partnerships.shareOnPaper * 100,
    write: (v) => [{ path: ["partnerships", "shareOnPaper"], value: v / 100 }],
    format: (v) => `${v}%`,
  }),
  spec({
    key: "deep",
    label: "Deep partnerships",
    unit: "% at the start",
    help: "formal partnerships that start deep (partnerships.shareDeep); the rest are working",
    min: 0,
    max: 100,
    step: 5,
    fields: ["partnerships.shareDeep"],
    read: (p) => p.partnerships.shareDeep * 100,
    write: (v) => [{ path: ["partnerships", "shareDeep"], value: v / 100 }],
    format: (v) => `${v}%`,
  }),
  spec({
    key: "events",
    label: "Networking events",
    unit: "a year (0: none)",
    help: "learning and networking events (mechanisms.networking, networking.intervalWeeks)",
    min: 0,
    max: MAX_EVENTS_PER_YEAR,
    step: 1,
    fields: ["mechanisms.networking", "networking.intervalWeeks"],
    read: (p) =>
      p.mechanisms.networking ? Math.max(1, WEEKS_PER_YEAR / p.networking.intervalWeeks) : 0,
    write: (v) =>
      v === 0 ? [{ path: ["mechanisms", "networking"], value: false }] : [
        { path: ["mechanisms", "networking"], value: true },
        { path: ["networking", "intervalWeeks"], value: eventIntervalWeeks(v) },
      ],
    format: (v) => v === 0 ? "none" : `${v} a year`,
  }),
  spec({
    key: "budget",
    label: "Budget",
    unit: "£ million a year",
    help: "programme money a year for all funded organisations (funding.annualBudgetGbp)",
    min: 2,
    max: 15,
    step: 0.25,
    fields: ["funding.annualBudgetGbp"],
    read: (p) => p.funding.annualBudgetGbp / 1e6,
    write: (v) => [{ path: ["funding", "annualBudgetGbp"], value: Math.round(v * 1e6) }],
    format: (v) => `£${v.toFixed(2)}m a year`,
  }),
  spec({
    key: "horizon",
    label: "Horizon",
    unit: "years simulated",
    help: "years simulated, so life after the funding ends is visible (horizonYears)",
    min: 1,
    max: 20,
    step: 1,
    fields: ["horizonYears"],
    read: (p) => p.horizonYears,
    write: (v) => [{ path: ["horizonYears"], value: v }],
    format: (v) => `${v} year${v === 1 ? "" : "s"}`,
  }),
]);

function spec(s: ControlSpec): ControlSpec {
  return Object.freeze(s);
}

/**
 * Weeks between networking events for a number of events a year: `round(52 / events)`.
 *
 * @param eventsPerYear Events a year, 1 to {@linkcode MAX_EVENTS_PER_YEAR}.
 * @returns Weeks between events.
 *
 * @example Three events a year is the default of one every 17 weeks
 * ```ts
 * import { eventIntervalWeeks } from "./controls.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(eventIntervalWeeks(3), 17);
 * ```
 */
export function eventIntervalWeeks(eventsPerYear: number): number {
  return Math.round(WEEKS_PER_YEAR / eventsPerYear);
}

/**
 * Finds a control by key.
 *
 * @param key The control's key.
 * @returns Its spec.
 * @throws {RangeError} For an unknown key.
 *
 * @example
 * ```ts
 * import { controlSpec } from "./controls.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(controlSpec("turnover").label, "Staff turnover");
 * ```
 */
export function controlSpec(key: string): ControlSpec {
  const found = CONTROLS.find((c) => c.key === key);
  if (!found) throw new RangeError(`Cannot find a control called "${key}"`);
  return found;
}

/**
 * Puts a value on a control's scale: clamped to its range and rounded to its step (without
 * floating-point residue such as `0.35000000000000003`).
 *
 * @param control The control.
 * @param value Any finite number.
 * @returns The nearest value the slider can show.
 *
 * @example
 * ```ts
 * import { controlSpec, snapToControl } from "./controls.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(snapToControl(controlSpec("grant"), 3.2), 3);
 * strictEqual(snapToControl(controlSpec("turnover"), 99), 60);
 * ```
 */
export function snapToControl(control: ControlSpec, value: number): number {
  const clamped = Math.min(control.max, Math.max(control.min, value));
  const steps = Math.round((clamped - control.min) / control.step);
  const snapped = Math.min(control.max, control.min + steps * control.step);
  return Number(snapped.toFixed(10));
}

/**
 * The controls' values for a scenario's resolved parameters, each snapped to its slider.
 *
 * @param params Resolved model parameters.
 * @returns One value per control.
 *
 * @example The defaults
 * ```ts
 * import { controlsFromParams } from "./controls.ts";
 * import { DEFAULT_PARAMS } from "../model/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const v = controlsFromParams(DEFAULT_PARAMS);
 * strictEqual(v.turnover, 20);
 * strictEqual(v.events, 3);
 * ```
 */
export function controlsFromParams(params: ModelParams): ControlValues {
  const values = {} as Record<ControlKey, number>;
  for (const control of CONTROLS) {
    values[control.key] = snapToControl(control, control.read(params));
  }
  return Object.freeze(values);
}

/**
 * The scenario fields to write for the controls that differ from a base scenario's: only
 * those, so a control left alone keeps the base scenario's exact value.
 *
 * @param base The base scenario's control values ({@linkcode controlsFromParams}).
 * @param values The controls' values now.
 * @returns The fields to write, in control order.
 *
 * @example Only the turnover slider moved
 * ```ts
 * import { changedFields, controlsFromParams } from "./controls.ts";
 * import { DEFAULT_PARAMS } from "../model/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const base = controlsFromParams(DEFAULT_PARAMS);
 * deepStrictEqual(changedFields(base, { ...base, turnover: 35 }), [
 *   { path: ["staff", "turnoverPerYear"], value: 0.35 },
 * ]);
 * ```
 */
export function changedFields(base: ControlValues, values: ControlValues): FieldWrite[] {
  const writes: FieldWrite[] = [];
  for (const control of CONTROLS) {
    if (values[control.key] !== base[control.key]) {
      writes.push(...control.write(values[control.key]));
    }
  }
  return writes;
}
