/**
 * Sensitivity tornado: for one metric, every parameter's sensitivity indices as horizontal
 * bars with their intervals, the most influential parameter at the top.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { formatNumber, numberField, type Row, type RowsInput, rowsOf } from "./chart_input.ts";
import { type LegendItem, swatchLegend } from "./legend.ts";
import { estimateTextWidth, renderSvg, setAttributes, SVG_NS } from "./render_svg.ts";

/**
 * One sensitivity index of one parameter for one metric (the row shape the sensitivity
 * estimators write). Numbers may be numeric text (from a CSV).
 */
export interface SensitivityRow {
  /** Parameter path, e.g. `"staff.turnoverPerYear"`. */
  readonly parameter: string;
  /** Metric, e.g. `"outcomes_per_million_gbp"`. */
  readonly metric: string;
  /** Index name, e.g. `"mu_star"`, `"sigma"`, `"S1"`, `"ST"`. */
  readonly index: string;
  /** Estimate. */
  readonly estimate: number | string;
  /** Lower end of its interval (`NaN` or missing: none). */
  readonly ci_low?: number | string;
  /** Upper end of its interval. */
  readonly ci_high?: number | string;
}

/** Options of {@linkcode tornadoChart}. */
export interface TornadoChartOptions {
  /** The metric to draw. @default {the first metric in the rows} */
  readonly metric?: string;
  /** Label of the metric, with its unit, for the title. @default {the metric name} */
  readonly metricLabel?: string;
  /** Axis label of the estimates, with units. @default {from the index names} */
  readonly xLabel?: string;
  /** Chart title. @default {"Which parameters matter for <metric label>"} */
  readonly title?: string;
  /** The source line, naming the scenario, the design and the runs. Required: the rows do not say. */
  readonly source: string;
  /** Draw at most this many parameters (the most influential). @default {20} */
  readonly maxParameters?: number;
  /** Prefix of element ids in the SVG. @default {"tornado"} */
  readonly idPrefix?: string;
}

/** Known index names and how they are labelled. */
export const INDEX_LABELS: Readonly<Record<string, string>> = Object.freeze({
  mu_star: "μ* (Morris mean |effect|)",
  mu: "μ (Morris mean effect)",
  sigma: "σ (Morris spread of effects)",
  S1: "S1 (first-order Sobol)",
  ST: "ST (total-order Sobol)",
});

/**
 * Fills of the indices, in order of appearance: Okabe–Ito colours alternating dark and light,
 * so neighbouring bars differ in greyscale too.
 */
export const INDEX_COLORS: readonly string[] = Object.freeze([
  "#0072B2",
  "#E69F00",
  "#CC79A7",
  "#009E73",
  "#D55E00",
  "#56B4E9",
]);

const LAYOUT = Object.freeze({
  barHeight: 16,
  plotWidth: 380,
  fontSize: 11,
  marginRight: 70,
});

const READING_GUIDE = "Bars: index estimate; whiskers: its 95% interval; parameters sorted by " +
  "their largest index, most influential at the top";

/**
 * Draws a sensitivity tornado for one metric and returns a standalone SVG: one group of bars
 * per parameter, one bar per index (labelled on the axis and in the legend, coloured
 * Okabe–Ito), a whisker for each interval, a line at zero, and the estimates written at the
 * bars' ends. Parameters are sorted by their largest absolute index, the largest at the top.
 *
 * @param input Index rows ({@linkcode SensitivityRow}), as rows or an arquero table.
 * @param options Metric, labels, title, source, how many parameters and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If there are no rows, or none of the metric.
 * @throws {TypeError} If an estimate is not a number.
 *
 * @example Sobol indices of two parameters
 * ```ts
 * import { tornadoChart } from "./tornado_chart.ts";
 * import { match } from "node:assert/strict";
 * const rows = [
 *   { parameter: "staff.turnoverPerYear", metric: "outcomes_achieved", index: "S1", estimate: 0.4, ci_low: 0.3, ci_high: 0.5 },
 *   { parameter: "staff.turnoverPerYear", metric: "outcomes_achieved", index: "ST", estimate: 0.5, ci_low: 0.4, ci_high: 0.6 },
 *   { parameter: "trust.growthPerWeek", metric: "outcomes_achieved", index: "S1", estimate: 0.1, ci_low: 0.0, ci_high: 0.2 },
 *   { parameter: "trust.growthPerWeek", metric: "outcomes_achieved", index: "ST", estimate: 0.2, ci_low: 0.1, ci_high: 0.3 },
 * ];
 * const svg = tornadoChart(rows, { source: "Sobol design on baseline, 512 runs" });
 * match(svg, /total-order Sobol/);
 * match(svg, /staff\.turnoverPerYear/);
 * ```
 */
export function tornadoChart(
  input: RowsInput<SensitivityRow>,
  options: TornadoChartOptions,
): string {
  const all = rowsOf(input, "sensitivity rows");
  if (all.length === 0) throw new RangeError("Cannot draw a tornado without sensitivity rows");
  if (typeof options?.source !== "string") {
    throw new TypeError("Cannot draw a tornado without a source line (scenario, design, runs)");
  }
  const metric = options.metric ?? String(all[0].metric);
  const rows = all.filter((r) => String(r.metric) === metric).map((r, i) => {
    const row = r as unknown as Row;
    const where = `sensitivity rows[${i}]`;
    return {
      parameter: String(r.parameter),
      index: String(r.index),
      estimate: numberField(row, "estimate", where),
      lo: numberField(row, "ci_low", where),
      hi: numberField(row, "ci_high", where),
    };
  });
  if (rows.length === 0) {
    throw new RangeError(`Cannot draw a tornado of metric "${metric}": no row has it`);
  }
  const {
    metricLabel = metric,
    title = `Which parameters matter for ${metricLabel}`,
    maxParameters = 20,
    idPrefix = "tornado",
  } = options;
  const indices = [...new Set(rows.map((r) => r.index))];
  const xLabel = options.xLabel ?? indexAxisLabel(indices);
  const strength = new Map<string, number>();
  for (const r of rows) {
    const v = Number.isNaN(r.estimate) ? 0 : Math.abs(r.estimate);
    strength.set(r.parameter, Math.max(strength.get(r.parameter) ?? 0, v));
  }
  const parameters = [...strength.keys()]
    .sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0) || (a < b ? -1 : 1))
    .slice(0, maxParameters);
  const shown = rows.filter((r) => parameters.includes(r.parameter)).map((r) => ({
    ...r,
    label: indexLabel(r.index),
    text: formatNumber(r.estimate),
    color: INDEX_COLORS[indices.indexOf(r.index) % INDEX_COLORS.length],
  }));
  const values = shown.flatMap((r) => [r.estimate, r.lo, r.hi]).filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const labelWidth = Math.max(
    ...parameters.map((p) => estimateTextWidth(p, LAYOUT.fontSize)),
    ...indices.map((i) => estimateTextWidth(indexShort(i), 10) + 10),
  ) + 40;

  return renderSvg((document) => {
    const width = labelWidth + LAYOUT.plotWidth + LAYOUT.marginRight;
    const legend = swatchLegend(
      document,
      indices.map((index, i): LegendItem => ({
        label: indexLabel(index),
        swatch: { kind: "rect", fill: INDEX_COLORS[i % INDEX_COLORS.length], stroke: "#1a1a1a" },
      })),
      width,
    );
    const height = parameters.length * (indices.length * LAYOUT.barHeight + 10) + 50;
    const plot = Plot.plot({
      document,
      width,
      height,
      marginLeft: labelWidth,
      marginRight: LAYOUT.marginRight,
      marginTop: 6,
      x: { domain: [lo, hi], nice: true, grid: true, label: xLabel, labelAnchor: "center" },
      y: { domain: indices.map(indexShort), label: null, tickSize: 0 },
      fy: { domain: parameters, label: null, axis: "left", tickPadding: 34 },
      facet: { marginLeft: labelWidth },
      marks: [
        Plot.barX(shown, {
          x: "estimate",
          y: (d: typeof shown[number]) => indexShort(d.index),
          fy: "parameter",
          fill: "color",
          stroke: "#1a1a1a",
          strokeWidth: 0.5,
          insetTop: 2,
          insetBottom: 2,
          title: (d: typeof shown[number]) =>
            `${d.parameter}, ${d.label}: ${d.text} [${formatNumber(d.lo)}, ${formatNumber(d.hi)}]`,
          ariaDescription: "estimates",
        }),
        Plot.ruleY(shown.filter((d) => Number.isFinite(d.lo) && Number.isFinite(d.hi)), {
          x1: "lo",
          x2: "hi",
          y: (d: typeof shown[number]) => indexShort(d.index),
          fy: "parameter",
          stroke: "#1a1a1a",
          strokeWidth: 1.25,
          ariaDescription: "intervals",
        }),
        Plot.text(shown, {
          x: (d: typeof shown[number]) =>
            Math.max(d.estimate, Number.isFinite(d.hi) ? d.hi : d.estimate),
          y: (d: typeof shown[number]) => indexShort(d.index),
          fy: "parameter",
          text: "text",
          textAnchor: "start",
          dx: 4,
          fontSize: 10,
          ariaDescription: "values",
        }),
        Plot.ruleX([0], { stroke: "#1a1a1a", strokeWidth: 1.25 }),
      ],
    });
    const root = document.createElementNS(SVG_NS, "svg");
    const total = legend.height + height;
    setAttributes(root, { width, height: total, viewBox: `0 0 ${width} ${total}` });
    root.appendChild(legend.element);
    plot.setAttribute("y", String(legend.height));
    root.appendChild(plot);
    return root;
  }, {
    title,
    subtitle: READING_GUIDE,
    caption: `Source: ${options.source}`,
    idPrefix,
  });
}

function indexLabel(index: string): string {
  return INDEX_LABELS[index] ?? index;
}

function indexShort(index: string): string {
  return index === "mu_star" ? "μ*" : index === "sigma" ? "σ" : index === "mu" ? "μ" : index;
}

function indexAxisLabel(indices: readonly string[]): string {
  const sobol = indices.every((i) => /^S/.test(i));
  const morris = indices.every((i) => ["mu_star", "mu", "sigma"].includes(i));
  if (sobol) return "Sobol index (share of the metric's variance, 0–1)";
  if (morris) return "Morris elementary effects (in the metric's unit)";
  return "Index estimate";
}
