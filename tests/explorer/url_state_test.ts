/**
 * The explorer's URL holds its state: writing and reading it gives the same state back, a
 * link with mistakes still opens and says what it could not use.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import {
  decodeState,
  defaultState,
  encodeState,
  type ExplorerState,
  loadBundledScenarios,
  sideFor,
} from "../../src/explorer/mod.ts";

const bundled = await loadBundledScenarios("scenarios");
const find = (name: string) => {
  const found = bundled.find((b) => b.name === name);
  if (!found) throw new Error(`no bundled scenario ${name}`);
  return found;
};

Deno.test("decodeState() of an empty hash is the baseline with its seed and 5 replicates", () => {
  const { state, problems } = decodeState("", bundled);
  deepStrictEqual(problems, []);
  deepStrictEqual(state, defaultState(bundled));
  strictEqual(state.a.scenario, "baseline");
  strictEqual(state.seed, 2015);
  strictEqual(state.replicates, 5);
  strictEqual(state.compare, false);
});

Deno.test("encodeState() and decodeState() round-trip a comparison", () => {
  const a = sideFor(find("short-cycles"));
  const b = sideFor(find("long-cycles"));
  const state: ExplorerState = {
    seed: 7,
    replicates: 12,
    compare: true,
    a: { ...a, controls: { ...a.controls, turnover: 35, capability: 0.45, budget: 7.25 } },
    b: { ...b, controls: { ...b.controls, notice: 26, events: 0, paper: 0, deep: 100 } },
  };
  const text = encodeState(state);
  match(text, /^scenario=short-cycles&grant=2&notice=4&turnover=35&/);
  match(text, /&compare=1&b\.scenario=long-cycles&b\.grant=7&b\.notice=26&/);
  const decoded = decodeState(`#${text}`, bundled);
  deepStrictEqual(decoded.problems, []);
  deepStrictEqual(decoded.state, state);
  strictEqual(encodeState(decoded.state), text);
});

Deno.test("encodeState() leaves B out unless comparing", () => {
  const text = encodeState(defaultState(bundled));
  strictEqual(text.includes("b."), false);
  strictEqual(text.includes("compare"), false);
});

Deno.test("decodeState() takes left-out keys from the named scenario; B starts as A", () => {
  const { state, problems } = decodeState("scenario=pandemic&turnover=40&compare=1", bundled);
  deepStrictEqual(problems, []);
  deepStrictEqual(state.a.controls, { ...sideFor(find("pandemic")).controls, turnover: 40 });
  deepStrictEqual(state.b, state.a);
  strictEqual(state.seed, 2015, "the seed is the default scenario's");
});

Deno.test("decodeState() lists each value it cannot use and keeps the rest", () => {
  const { state, problems } = decodeState(
    "scenario=nowhere&turnover=70&grant=abc&notice=&seed=-1&reps=2.5&compare=yes&colour=red&deep=35",
    bundled,
  );
  deepStrictEqual(problems, [
    "colour: expected a setting of the explorer, found an unknown key",
    'scenario: expected one of baseline, long-cycles, no-networking, pandemic, partnerships-deep, partnerships-paper, short-cycles, statutory-gatekeeping, found "nowhere"',
    'grant: expected a number in [1, 10] (years per grant), found "abc"',
    'notice: expected a number in [0, 52] (weeks before a grant ends), found ""',
    'turnover: expected a number in [0, 60] (% of key workers a year), found "70"',
    'compare: expected 0 or 1, found "yes"',
    'seed: expected a whole number in [0, 4294967295], found "-1"',
    'reps: expected a whole number in [1, 50], found "2.5"',
  ]);
  const baseline = defaultState(bundled);
  deepStrictEqual(state.a.controls, { ...baseline.a.controls, deep: 35 });
  strictEqual(state.seed, baseline.seed);
  strictEqual(state.replicates, baseline.replicates);
  strictEqual(state.compare, false);
});

Deno.test("decodeState() snaps values between slider steps", () => {
  const { state, problems } = decodeState("grant=3.2&capability=0.62", bundled);
  deepStrictEqual(problems, []);
  strictEqual(state.a.controls.grant, 3);
  strictEqual(state.a.controls.capability, 0.6);
});
