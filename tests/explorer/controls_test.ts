/**
 * The explorer's controls map onto scenario fields and back: every position of every slider,
 * written into a scenario and resolved through the schema, reads back as the same position.
 */
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  changedFields,
  CONTROLS,
  controlsFromParams,
  controlSpec,
  eventIntervalWeeks,
  MAX_EVENTS_PER_YEAR,
  snapToControl,
} from "../../src/explorer/mod.ts";
import { DEFAULT_PARAMS } from "../../src/model/mod.ts";
import { applyOverrides, resolveScenario } from "../../src/scenario/mod.ts";

Deno.test("controlsFromParams() reads the defaults onto the sliders", () => {
  deepStrictEqual(controlsFromParams(DEFAULT_PARAMS), {
    grant: 5,
    notice: 13,
    turnover: 20,
    capability: 0.6,
    paper: 30,
    deep: 30,
    events: 3,
    budget: 5,
    horizon: 10,
  });
});

Deno.test("every slider position round-trips through a scenario and the schema", () => {
  for (const control of CONTROLS) {
    const steps = Math.round((control.max - control.min) / control.step);
    for (let i = 0; i <= steps; i++) {
      const value = snapToControl(control, control.min + i * control.step);
      const raw = applyOverrides(
        control.key === "paper" || control.key === "deep"
          ? { partnerships: { shareOnPaper: 0, shareDeep: 0 } }
          : {},
        control.write(value).map((w) => ({ path: w.path, value: w.value, text: "" })),
      );
      const params = resolveScenario(raw, "slider").params;
      strictEqual(controlsFromParams(params)[control.key], value, `${control.key} = ${value}`);
    }
  }
});

Deno.test("snapToControl() clamps to the range and rounds to the step without residue", () => {
  strictEqual(snapToControl(controlSpec("capability"), 0.35000000000000003), 0.35);
  strictEqual(snapToControl(controlSpec("capability"), 0.01), 0.1);
  strictEqual(snapToControl(controlSpec("budget"), 5.1), 5);
  strictEqual(snapToControl(controlSpec("budget"), 5.2), 5.25);
  strictEqual(snapToControl(controlSpec("grant"), 100), 10);
});

Deno.test("controlSpec() refuses an unknown key", () => {
  throws(() => controlSpec("cycle"), /Cannot find a control called "cycle"/);
});

Deno.test("networking events: 0 switches networking off, else an interval in weeks", () => {
  deepStrictEqual(controlSpec("events").write(0), [{
    path: ["mechanisms", "networking"],
    value: false,
  }]);
  deepStrictEqual(controlSpec("events").write(4), [
    { path: ["mechanisms", "networking"], value: true },
    { path: ["networking", "intervalWeeks"], value: 13 },
  ]);
  const intervals = new Set<number>();
  for (let n = 1; n <= MAX_EVENTS_PER_YEAR; n++) intervals.add(eventIntervalWeeks(n));
  strictEqual(intervals.size, MAX_EVENTS_PER_YEAR, "each position is a different interval");
  const off = {
    ...DEFAULT_PARAMS,
    mechanisms: { ...DEFAULT_PARAMS.mechanisms, networking: false },
  };
  strictEqual(controlsFromParams(off).events, 0);
});

Deno.test("changedFields() writes only the controls that moved", () => {
  const base = controlsFromParams(DEFAULT_PARAMS);
  deepStrictEqual(changedFields(base, base), []);
  deepStrictEqual(changedFields(base, { ...base, budget: 7.5, grant: 7 }), [
    { path: ["funding", "grantLengthYears"], value: 7 },
    { path: ["funding", "annualBudgetGbp"], value: 7_500_000 },
  ]);
});

Deno.test("every control has a label, a unit, help and the fields it sets", () => {
  strictEqual(new Set(CONTROLS.map((c) => c.key)).size, CONTROLS.length);
  for (const c of CONTROLS) {
    ok(c.label && c.unit && c.help, c.key);
    ok(c.fields.length > 0 && c.fields.every((f) => c.help.includes(f)), c.key);
    ok(c.min < c.max && c.step > 0, c.key);
  }
});
