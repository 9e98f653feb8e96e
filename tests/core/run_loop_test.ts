import { deepStrictEqual, ok, throws } from "node:assert/strict";
import { column, createRecorder, runLoop } from "../../src/core/mod.ts";

Deno.test("runLoop() runs steps in order each week, then records the week", () => {
  const log: string[] = [];
  const recorder = createRecorder(["weeks_seen"], 2);
  runLoop([
    { name: "a", run: (w) => log.push(`a${w}`) },
    { name: "b", run: (w) => log.push(`b${w}`) },
  ], { weeks: 2, recorder, measure: (w, values) => values[0] = w + 1 });
  deepStrictEqual(log, ["a0", "b0", "a1", "b1"]);
  deepStrictEqual(Array.from(column(recorder, "weeks_seen")), [1, 2]);
});

Deno.test("createRecorder() starts every cell undefined and rejects a bad number of weeks", () => {
  const recorder = createRecorder(["x"], 3);
  ok(recorder.columns[0].every(Number.isNaN));
  throws(() => createRecorder(["x"], -1), RangeError);
  throws(() => column(recorder, "y"), RangeError);
});
