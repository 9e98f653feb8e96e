/**
 * Sweep heatmap: two swept parameters on the axes, one metric as colour (mean over replicates
 * and over any other swept parameters), each cell also labelled with its value.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { interpolateCividis, mean } from "d3";
import { formatNumber, numberField, type Row, type RowsInput, rowsOf } from "./chart_input.ts";
import { rampLegend } from "./legend.ts";
import { renderSvg, setAttributes, SVG_NS } from "./render_svg.ts";

/** Options of {@linkcode sweepHeatmap}. */
export interface SweepHeatmapOptions {
  /** Parameter on the x axis (a column of the rows, e.g. `"funding.grantLengthYears"`). */
  readonly x: string;
  /** Parameter on the y axis, e.g. `"staff.turnoverPerYear"`. */
  readonly y: string;
  /** The metric coloured, e.g. `"outcomes_per_million_gbp"`. */
  readonly metric: string;
  /** Axis label of x, with its unit. @default {the parameter path} */
  readonly xLabel?: string;
  /** Axis label of y, with its unit. @default {the parameter path} */
  readonly yLabel?: string;
  /** Label of the metric, with its unit, for the legend. @default {the metric name} */
  readonly metricLabel?: string;
  /** Chart title. @default {"<metric label> by <x> and <y>"} */
  readonly title?: string;
  /** The source line; by default the scenarios, replicates and points found in the rows. */
  readonly source?: string;
  /** Prefix of element ids in the SVG. @default {"heatmap"} */
  readonly idPrefix?: string;
}

/** One cell: the mean of the metric over the rows at one (x, y). */
export interface HeatmapCell {
  /** Value of the x parameter. */
  readonly x: string | number | boolean;
  /** Value of the y parameter. */
  readonly y: string | number | boolean;
  /** Mean of the metric (`NaN` when undefined in every row). */
  readonly value: number;
  /** Rows averaged. */
  readonly n: number;
}

const LAYOUT = Object.freeze({
  cellMinWidth: 64,
  cellHeight: 40,
  maxWidth: 900,
  marginLeft: 70,
  marginBottom: 44,
  marginTop: 8,
  marginRight: 12,
});

/**
 * Averages the metric over the rows at each pair of (x, y) parameter values.
 *
 * @param rows Sweep rows with the two parameters and the metric (numeric text accepted).
 * @param x Parameter of the x axis.
 * @param y Parameter of the y axis.
 * @param metric The metric.
 * @returns One cell per (x, y) pair present, x and y values in ascending order.
 * @throws {RangeError} If a column is missing from every row.
 *
 * @example
 * ```ts
 * import { heatmapCells } from "./sweep_heatmap.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const rows = [
 *   { point: 0, a: 1, b: 2, m: 10 }, { point: 0, a: 1, b: 2, m: 20 }, { point: 1, a: 3, b: 2, m: 5 },
 * ];
 * deepStrictEqual(heatmapCells(rows, "a", "b", "m"), [
 *   { x: 1, y: 2, value: 15, n: 2 }, { x: 3, y: 2, value: 5, n: 1 },
 * ]);
 * ```
 */
export function heatmapCells(
  rows: readonly Row[],
  x: string,
  y: string,
  metric: string,
): HeatmapCell[] {
  for (const column of [x, y, metric]) {
    if (!rows.some((row) => row?.[column] !== undefined && row[column] !== null)) {
      throw new RangeError(`Cannot draw a heatmap of column "${column}": no row has it`);
    }
  }
  const groups = new Map<string, { x: Value; y: Value; values: number[] }>();
  rows.forEach((row, i) => {
    const xv = parameterValue(row[x]);
    const yv = parameterValue(row[y]);
    const key = JSON.stringify([xv, yv]);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, group = { x: xv, y: yv, values: [] });
    group.values.push(numberField(row, metric, `sweep rows[${i}]`));
  });
  return [...groups.values()]
    .map((g) => {
      const defined = g.values.filter((v) => !Number.isNaN(v));
      return { x: g.x, y: g.y, value: mean(defined) ?? NaN, n: g.values.length };
    })
    .sort((a, b) => compareValues(a.x, b.x) || compareValues(a.y, b.y));
}

type Value = string | number | boolean;

/** Numeric text becomes a number, so `"2"` and `2` are one value and sort as numbers. */
function parameterValue(value: unknown): Value {
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = String(value);
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * Draws a sweep as a heatmap and returns a standalone SVG: one cell per pair of values of two
 * swept parameters, coloured by the metric's mean over the replicates (and over any other
 * swept parameter) on the cividis scale, which is designed for colour-blind readers and gets
 * lighter as the value rises, so it reads in greyscale too. Every cell is labelled with its
 * value; a cell with no defined value is grey and labelled "–".
 *
 * @param input Sweep rows (`points.csv` joined with results, or `runs.csv` of a sweep): one
 * column per parameter path and one per metric; as rows or an arquero table.
 * @param options The two parameters, the metric, labels, title, source and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If there are no rows or a column is missing.
 *
 * @example Grant length × turnover → outcomes per £1m
 * ```ts
 * import { sweepHeatmap } from "./sweep_heatmap.ts";
 * import { match } from "node:assert/strict";
 * const rows = [];
 * for (const years of [2, 5, 7]) {
 *   for (const turnover of [0.1, 0.3]) {
 *     rows.push({ point: rows.length, "funding.grantLengthYears": years, "staff.turnoverPerYear": turnover,
 *       outcomes_per_million_gbp: 500 + 40 * years - 300 * turnover });
 *   }
 * }
 * const svg = sweepHeatmap(rows, {
 *   x: "funding.grantLengthYears", y: "staff.turnoverPerYear", metric: "outcomes_per_million_gbp",
 *   xLabel: "Grant length (years)", yLabel: "Staff turnover (share a year)", metricLabel: "Outcomes per £1m",
 *   source: "Sweep of baseline, 6 points",
 * });
 * match(svg, /Grant length \(years\)/);
 * match(svg, /750/);
 * ```
 */
export function sweepHeatmap(input: RowsInput, options: SweepHeatmapOptions): string {
  const rows = rowsOf(input, "sweep rows");
  if (rows.length === 0) throw new RangeError("Cannot draw a heatmap without sweep rows");
  const { x, y, metric } = options ?? {};
  if (typeof x !== "string" || typeof y !== "string" || typeof metric !== "string") {
    throw new TypeError("Cannot draw a heatmap without the names of x, y and the metric");
  }
  const {
    xLabel = x,
    yLabel = y,
    metricLabel = metric,
    title = `${metricLabel} by ${xLabel} and ${yLabel}`,
    source = sweepSource(rows),
    idPrefix = "heatmap",
  } = options;
  const cells = heatmapCells(rows, x, y, metric);
  const xs = distinct(cells.map((c) => c.x));
  const ys = distinct(cells.map((c) => c.y)).reverse(); // highest at the top
  const values = cells.map((c) => c.value).filter((v) => !Number.isNaN(v));
  const lo = values.length > 0 ? Math.min(...values) : 0;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const span = hi - lo || 1;
  const t = (v: number) => (v - lo) / span;
  const width = Math.min(
    LAYOUT.maxWidth,
    LAYOUT.marginLeft + LAYOUT.marginRight + Math.max(4, xs.length) * LAYOUT.cellMinWidth,
  );
  const height = LAYOUT.marginTop + LAYOUT.marginBottom + ys.length * LAYOUT.cellHeight;
  const labelled = cells.map((c) => ({
    ...c,
    xKey: String(c.x),
    yKey: String(c.y),
    label: formatNumber(c.value),
    fill: Number.isNaN(c.value) ? "#dddddd" : interpolateCividis(t(c.value)),
    ink: Number.isNaN(c.value) || t(c.value) > 0.55 ? "#000000" : "#ffffff",
  }));

  return renderSvg((document) => {
    const legend = rampLegend(document, {
      label: `${metricLabel} (mean)`,
      domain: [lo, hi],
      color: interpolateCividis,
      format: formatNumber,
      width: Math.min(260, width - 20),
    });
    const plot = Plot.plot({
      document,
      width,
      height,
      marginLeft: LAYOUT.marginLeft,
      marginRight: LAYOUT.marginRight,
      marginTop: LAYOUT.marginTop,
      marginBottom: LAYOUT.marginBottom,
      x: { domain: xs.map(String), label: xLabel, labelAnchor: "center", labelOffset: 36 },
      y: { domain: ys.map(String), label: yLabel, labelAnchor: "center" },
      marks: [
        Plot.cell(labelled, {
          x: "xKey",
          y: "yKey",
          fill: "fill",
          stroke: "#ffffff",
          inset: 0.5,
          ariaDescription: "cells",
          title: (d: typeof labelled[number]) =>
            `${xLabel} ${d.xKey}, ${yLabel} ${d.yKey}: ${d.label} (${d.n} rows)`,
        }),
        Plot.text(labelled, {
          x: "xKey",
          y: "yKey",
          text: "label",
          fill: "ink",
          fontSize: 11,
          ariaDescription: "values",
        }),
      ],
    });
    const root = document.createElementNS(SVG_NS, "svg");
    const total = legend.height + 6 + height;
    setAttributes(root, { width, height: total, viewBox: `0 0 ${width} ${total}` });
    root.appendChild(legend.element);
    plot.setAttribute("y", String(legend.height + 6));
    root.appendChild(plot);
    return root;
  }, {
    title,
    subtitle: "Each cell: mean over replicates (and any other swept parameter); " +
      "lighter is higher, numbers give the value",
    caption: `Source: ${source}`,
    idPrefix,
  });
}

function distinct(values: readonly Value[]): Value[] {
  const seen = new Map<string, Value>();
  for (const v of values) if (!seen.has(JSON.stringify(v))) seen.set(JSON.stringify(v), v);
  return [...seen.values()].sort(compareValues);
}

/** "Sweep of baseline, 12 points × 5 replicates" from the rows' columns, where present. */
function sweepSource(rows: readonly Row[]): string {
  const scenarios = [...new Set(rows.map((r) => r.scenario).filter((s) => s !== undefined))];
  const points = new Set(rows.map((r) => r.point)).size;
  const replicates = new Set(rows.map((r) => r.replicate).filter((s) => s !== undefined)).size;
  const name = scenarios.length > 0 ? `Sweep of ${scenarios.map(String).join(", ")}` : "Sweep";
  return `${name}, ${points} point${points === 1 ? "" : "s"}` +
    (replicates > 0 ? ` × ${replicates} replicate${replicates === 1 ? "" : "s"}` : "");
}
