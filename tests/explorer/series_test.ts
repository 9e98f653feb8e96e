/**
 * What the explorer's charts draw: mean and 95% band across replicates, per week, and the
 * paired difference B − A, checked against values worked by hand.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  bandSeries,
  pairedDifferenceSeries,
  PANELS,
  panelValues,
  runningTotal,
} from "../../src/explorer/mod.ts";
import { METRIC_NAMES } from "../../src/model/mod.ts";

Deno.test("bandSeries() gives the mean and the 2.5% and 97.5% quantiles per week", () => {
  // Five replicates 1..5 in week 0: quantile at p is 1 + 4p (linear interpolation).
  const runs = [1, 2, 3, 4, 5].map((v) => Float64Array.of(v, 10 * v));
  const [w0, w1] = bandSeries(runs);
  deepStrictEqual(w0, { week: 0, mean: 3, lo: 1.1, hi: 4.9 });
  strictEqual(w1.mean, 30);
  strictEqual(Math.abs(w1.lo - 11) < 1e-12 && Math.abs(w1.hi - 49) < 1e-12, true);
});

Deno.test("bandSeries() leaves a gap (NaN) in a week without values", () => {
  const [point] = bandSeries([Float64Array.of(NaN), Float64Array.of(NaN)]);
  strictEqual(Number.isNaN(point.mean) && Number.isNaN(point.lo) && Number.isNaN(point.hi), true);
  deepStrictEqual(bandSeries([]), []);
});

Deno.test("pairedDifferenceSeries() pairs replicate r of A with replicate r of B", () => {
  const a = [Float64Array.of(1, 1), Float64Array.of(5, 5)];
  const b = [Float64Array.of(2, 4), Float64Array.of(5, 9)];
  const d = pairedDifferenceSeries(a, b);
  deepStrictEqual(d.map((p) => p.mean), [0.5, 3.5]);
  // Pairing by replicate, not by rank: differences (1, 0) and (3, 4).
  deepStrictEqual([d[0].lo, d[0].hi].map((v) => Number(v.toFixed(3))), [0.025, 0.975]);
  strictEqual(pairedDifferenceSeries(a, b.slice(0, 1)).length, 2, "only finished pairs");
  strictEqual(pairedDifferenceSeries(a, b.slice(0, 1))[0].mean, 1);
});

Deno.test("runningTotal() and panelValues() draw the outcomes to date", () => {
  deepStrictEqual(Array.from(runningTotal([2, 3, NaN, 1])), [2, 5, 5, 6]);
  strictEqual(PANELS[0].metric, "outcomes_achieved");
  deepStrictEqual(Array.from(panelValues(PANELS[0], Float64Array.of(2, 3))), [2, 5]);
  const trust = PANELS.find((p) => p.metric === "mean_trust");
  const values = Float64Array.of(0.2, 0.3);
  strictEqual(trust && panelValues(trust, values), values);
});

Deno.test("every panel draws a recorded metric", () => {
  for (const p of PANELS) strictEqual(METRIC_NAMES.includes(p.metric), true, p.metric);
});
