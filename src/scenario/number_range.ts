/**
 * The range of a number field of the scenario schema, written for people: one function shared
 * by the error messages and the generated field reference.
 *
 * @module
 */
import type { z } from "zod";

/**
 * A number field's range as `[0, 1]`, `(0, 1]`, `> 0`, `≥ 1` or `≤ 100`; undefined when
 * unbounded. A bound of whole weeks below a year is written in 52nds (`1/52`).
 *
 * @param schema A zod number schema.
 * @returns The range, or undefined.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { numberRange } from "./number_range.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(numberRange(z.number().min(0).max(1)), "[0, 1]");
 * strictEqual(numberRange(z.number().min(1 / 52).max(100)), "[1/52, 100]");
 * strictEqual(numberRange(z.number().gt(0)), "> 0");
 * strictEqual(numberRange(z.number()), undefined);
 * ```
 */
export function numberRange(schema: z.ZodNumber): string | undefined {
  const bag = schema._zod.bag as {
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
  };
  const lo = bag.exclusiveMinimum ?? bag.minimum;
  const hi = bag.exclusiveMaximum ?? bag.maximum;
  const safe = Number.MAX_SAFE_INTEGER;
  const hasLo = lo !== undefined && Math.abs(lo) < safe;
  const hasHi = hi !== undefined && Math.abs(hi) < safe;
  const openLo = bag.exclusiveMinimum !== undefined;
  const openHi = bag.exclusiveMaximum !== undefined;
  if (hasLo && hasHi) {
    return `${openLo ? "(" : "["}${formatBound(lo)}, ${formatBound(hi)}${openHi ? ")" : "]"}`;
  }
  if (hasLo) return `${openLo ? ">" : "≥"} ${formatBound(lo)}`;
  if (hasHi) return `${openHi ? "<" : "≤"} ${formatBound(hi)}`;
  return undefined;
}

/** Whole numbers as they are; whole weeks below a year as n/52; else three significant digits. */
function formatBound(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const weeks = x * 52;
  if (x > 0 && x < 1 && Math.abs(weeks - Math.round(weeks)) < 1e-9) {
    return `${Math.round(weeks)}/52`;
  }
  return String(Number(x.toPrecision(3)));
}
