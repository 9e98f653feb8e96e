import { ok, strictEqual } from "node:assert/strict";
import {
  FAMILY_STATES,
  INDEX_COLORS,
  SCENARIO_COLORS,
  SCENARIO_DASHES,
  VERDICT_STYLES,
} from "../../src/charts/mod.ts";
import { luminance } from "./_svg.ts";

/** The Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies. */
const OKABE_ITO = new Set([
  "#E69F00",
  "#56B4E9",
  "#009E73",
  "#F0E442",
  "#0072B2",
  "#D55E00",
  "#CC79A7",
  "#000000",
]);

/** WCAG contrast ratio of two grey levels: 1 (the same) to 21 (black on white). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

Deno.test("chart palettes are Okabe–Ito colours", () => {
  for (const color of [...SCENARIO_COLORS, ...INDEX_COLORS, ...FAMILY_STATES.map((s) => s.color)]) {
    ok(OKABE_ITO.has(color), color);
  }
  ok(OKABE_ITO.has(VERDICT_STYLES.higher.fill) && OKABE_ITO.has(VERDICT_STYLES.lower.fill));
});

Deno.test("neighbouring family-state bands differ in grey level (readable in greyscale)", () => {
  for (let i = 1; i < FAMILY_STATES.length; i++) {
    const [a, b] = [FAMILY_STATES[i - 1], FAMILY_STATES[i]];
    ok(contrast(a.color, b.color) >= 1.3, `${a.key} / ${b.key}: ${contrast(a.color, b.color)}`);
  }
});

Deno.test("the first two index colours of a tornado differ strongly in grey level", () => {
  ok(contrast(INDEX_COLORS[0], INDEX_COLORS[1]) >= 2);
});

Deno.test("differences are told apart by shape as well as colour", () => {
  const styles = Object.values(VERDICT_STYLES);
  strictEqual(new Set(styles.map((s) => s.symbol)).size, styles.length);
  strictEqual(new Set(styles.map((s) => s.fill)).size, styles.length);
});

Deno.test("scenarios are told apart by dash pattern as well as colour", () => {
  strictEqual(new Set(SCENARIO_DASHES).size, SCENARIO_DASHES.length);
  ok(SCENARIO_DASHES.length >= SCENARIO_COLORS.length);
});
