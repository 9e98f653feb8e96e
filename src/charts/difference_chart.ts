/**
 * Paired scenario differences as dot-and-whisker: per metric, the mean paired difference
 * between two scenarios with its 95% interval, as a percentage of the first scenario's mean so
 * that metrics in different units share one axis, with zero marked.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import {
  formatNumber,
  numberField,
  type Row,
  type RowsInput,
  rowsOf,
  sourceLine,
} from "./chart_input.ts";
import { type LegendItem, swatchLegend } from "./legend.ts";
import { createText, estimateTextWidth, renderSvg, setAttributes, SVG_NS } from "./render_svg.ts";

/**
 * One row of a paired comparison (the shape of `comparison.csv`): the difference B − A of one
 * metric between two scenarios, paired by replicate. Numbers may be numeric text (from a CSV).
 */
export interface ComparisonRow {
  /** Metric name, e.g. `"outcomes_per_million_gbp"`. */
  readonly metric: string;
  /** Human label, e.g. `"Outcomes per £1m"`; the metric name if missing. */
  readonly label?: string;
  /** Unit of the means and the difference, e.g. `"outcomes per £1m"`. */
  readonly unit?: string;
  /** Scenario A (the reference). */
  readonly scenario_a?: string;
  /** Scenario B (compared with A). */
  readonly scenario_b?: string;
  /** Paired replicates. */
  readonly n?: number | string;
  /** Mean of A. */
  readonly mean_a: number | string;
  /** Mean of B. */
  readonly mean_b: number | string;
  /** Mean of the paired differences B − A. */
  readonly mean_difference: number | string;
  /** Lower end of the 95% interval of the mean difference. */
  readonly ci_low: number | string;
  /** Upper end of the 95% interval of the mean difference. */
  readonly ci_high: number | string;
  /** `mean_difference / mean_a` (a share, not a percentage). */
  readonly relative_change?: number | string;
}

/** Options of {@linkcode differenceChart}. */
export interface DifferenceChartOptions {
  /** Chart title; by default "Difference B − A, paired by replicate". */
  readonly title?: string;
  /** The source line; by default the scenarios and `n` found in the rows. */
  readonly source?: string;
  /** Prefix of element ids in the SVG. @default {"difference"} */
  readonly idPrefix?: string;
}

/** How a difference's interval lies against zero, and how it is drawn. */
export const VERDICT_STYLES = Object.freeze(
  {
    higher: { symbol: "circle", fill: "#0072B2", stroke: "#0072B2" },
    lower: { symbol: "square", fill: "#D55E00", stroke: "#D55E00" },
    unclear: { symbol: "diamond", fill: "#ffffff", stroke: "#555555" },
  } as const,
);

type Verdict = keyof typeof VERDICT_STYLES;

interface Difference {
  readonly label: string;
  readonly pct: number;
  readonly lo: number;
  readonly hi: number;
  readonly verdict: Verdict;
  readonly text: string;
}

interface Pair {
  readonly a: string;
  readonly b: string;
  readonly n: number[];
  readonly rows: Difference[];
  readonly skipped: string[];
}

const LAYOUT = Object.freeze({
  rowHeight: 28,
  plotWidth: 360,
  fontSize: 12,
  minAnnotationWidth: 120,
  maxLabelWidth: 300,
  /** Longer labels are cut short with "…" (300 px at 12 px). */
  maxLabelChars: 42,
  zeroStroke: "#1a1a1a",
});

const READING_GUIDE = "Dots: mean paired difference as % of the first scenario's mean; " +
  "whiskers: 95% interval; right: the difference in its own unit";

/**
 * Draws paired differences between scenarios and returns a standalone SVG: one row per
 * metric, a dot at the mean paired difference B − A as a percentage of A's mean, a whisker for
 * its 95% interval and a vertical line at zero; the difference and interval in the metric's own
 * unit are written on the right. Dots are blue circles when the interval lies above zero,
 * vermillion squares when below, hollow grey diamonds when it includes zero (shape and colour
 * both carry the meaning, for greyscale and colour-blind readers). Rows of several pairs of
 * scenarios are drawn as one panel per pair.
 *
 * A metric whose mean in A is 0 or undefined has no percentage; it is listed under the panel
 * instead of drawn.
 *
 * @param input Comparison rows ({@linkcode ComparisonRow}), as rows or an arquero table.
 * @param options Title, source and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If there are no rows.
 * @throws {TypeError} If a number field is not a number.
 *
 * @example Long minus short cycles
 * ```ts
 * import { differenceChart } from "./difference_chart.ts";
 * import { match } from "node:assert/strict";
 * const svg = differenceChart([{
 *   metric: "outcomes_per_million_gbp", label: "Outcomes per £1m", unit: "outcomes per £1m",
 *   scenario_a: "short-cycles", scenario_b: "long-cycles", n: 10,
 *   mean_a: 561.5, mean_b: 763.5, mean_difference: 202.1, ci_low: 191.9, ci_high: 212.2,
 *   relative_change: 0.36,
 * }]);
 * match(svg, /\+202 \[192, 212\] outcomes per £1m/);
 * match(svg, /Scenarios short-cycles and long-cycles, 10 replicates each/);
 * ```
 */
export function differenceChart(
  input: RowsInput<ComparisonRow>,
  options: DifferenceChartOptions = {},
): string {
  const rows = rowsOf(input, "comparison rows");
  if (rows.length === 0) throw new RangeError("Cannot draw differences without comparison rows");
  const pairs = readPairs(rows);
  const names = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].filter((s) => s !== "");
  const single = pairs.length === 1;
  const {
    title = single && pairs[0].a !== ""
      ? `Difference ${pairs[0].b} − ${pairs[0].a}, paired by replicate`
      : "Paired differences between scenarios",
    source = names.length > 0 ? sourceLine(names, pairs.flatMap((p) => p.n)) : "comparison rows",
    idPrefix = "difference",
  } = options;
  let lo = 0;
  let hi = 0;
  for (const pair of pairs) {
    for (const d of pair.rows) {
      for (const v of [d.pct, d.lo, d.hi]) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
  }
  const pad = (hi - lo) * 0.05 || 1;
  const xDomain: [number, number] = [lo - pad, hi + pad];
  const labelWidth = Math.min(
    LAYOUT.maxLabelWidth,
    Math.max(
      60,
      ...pairs.flatMap((p) => p.rows.map((d) => estimateTextWidth(d.label, LAYOUT.fontSize))),
    ) + 12,
  );

  const annotationWidth = Math.max(
    LAYOUT.minAnnotationWidth,
    ...pairs.flatMap((p) => p.rows.map((d) => estimateTextWidth(d.text, 11) + 24)),
  );

  return renderSvg((document) => {
    const width = labelWidth + LAYOUT.plotWidth + annotationWidth;
    const items: LegendItem[] = [
      { label: "interval above zero", swatch: { kind: "symbol", ...VERDICT_STYLES.higher } },
      { label: "interval below zero", swatch: { kind: "symbol", ...VERDICT_STYLES.lower } },
      { label: "interval includes zero", swatch: { kind: "symbol", ...VERDICT_STYLES.unclear } },
    ];
    const legend = swatchLegend(document, items, width);
    const root = document.createElementNS(SVG_NS, "svg");
    root.appendChild(legend.element);
    let y = legend.height;
    for (const pair of pairs) {
      const panel = document.createElementNS(SVG_NS, "g");
      setAttributes(panel, {
        class: "panel",
        "data-scenario-a": pair.a,
        "data-scenario-b": pair.b,
        transform: `translate(0,${y})`,
      });
      let top = 0;
      if (!single || pair.a !== "") {
        panel.appendChild(
          createText(document, pair.a === "" ? "B − A" : `${pair.b} − ${pair.a}`, {
            x: 0,
            y: 14,
            size: 12,
            bold: true,
          }),
        );
        top = 20;
      }
      const plot = drawPanel(document, pair, { xDomain, labelWidth, annotationWidth, width });
      plot.setAttribute("y", String(top));
      panel.appendChild(plot);
      top += Number(plot.getAttribute("height"));
      if (pair.skipped.length > 0) {
        top += 14;
        panel.appendChild(
          createText(
            document,
            `Not drawn (first scenario's mean is 0): ${pair.skipped.join(", ")}`,
            {
              x: 0,
              y: top,
              size: 10,
              fill: "#555555",
            },
          ),
        );
        top += 6;
      }
      root.appendChild(panel);
      y += top + 12;
    }
    setAttributes(root, { width, height: y, viewBox: `0 0 ${width} ${y}` });
    return root;
  }, { title, subtitle: READING_GUIDE, caption: `Source: ${source}`, idPrefix });
}

/** Groups the rows by pair of scenarios (in order of appearance) and computes percentages. */
function readPairs(rows: readonly ComparisonRow[]): Pair[] {
  const pairs = new Map<string, Pair>();
  rows.forEach((row, i) => {
    const where = `comparison rows[${i}]`;
    if (typeof row?.metric !== "string") {
      throw new TypeError(`Cannot read ${where}.metric as text: ${row?.metric}`);
    }
    const r = row as unknown as Row;
    const a = row.scenario_a === undefined ? "" : String(row.scenario_a);
    const b = row.scenario_b === undefined ? "" : String(row.scenario_b);
    const key = `${a}\u0000${b}`;
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, pair = { a, b, n: [], rows: [], skipped: [] });
    const n = numberField(r, "n", where);
    if (Number.isFinite(n)) pair.n.push(n);
    const full = typeof row.label === "string" && row.label !== "" ? row.label : row.metric;
    const label = shorten(full, LAYOUT.maxLabelChars);
    const meanA = numberField(r, "mean_a", where);
    const diff = numberField(r, "mean_difference", where);
    const low = numberField(r, "ci_low", where);
    const high = numberField(r, "ci_high", where);
    numberField(r, "mean_b", where);
    if (!Number.isFinite(meanA) || meanA === 0 || !Number.isFinite(diff)) {
      pair.skipped.push(label);
      return;
    }
    const scale = 100 / Math.abs(meanA);
    const verdict: Verdict = low > 0 ? "higher" : high < 0 ? "lower" : "unclear";
    const unit = typeof row.unit === "string" && row.unit !== "" ? ` ${row.unit}` : "";
    pair.rows.push({
      label,
      pct: diff * scale,
      lo: low * scale,
      hi: high * scale,
      verdict,
      text: `${formatNumber(diff, true)} [${formatNumber(low)}, ${formatNumber(high)}]${unit}`,
    });
  });
  return [...pairs.values()];
}

function drawPanel(
  document: Document,
  pair: Pair,
  layout: {
    xDomain: [number, number];
    labelWidth: number;
    annotationWidth: number;
    width: number;
  },
): Element {
  const height = Math.max(1, pair.rows.length) * LAYOUT.rowHeight + 40;
  const labels = pair.rows.map((d) => d.label);
  const marks: Plot.Markish[] = [
    Plot.ruleX([0], { stroke: LAYOUT.zeroStroke, strokeWidth: 1.5, ariaDescription: "zero" }),
    Plot.ruleY(pair.rows, {
      y: "label",
      x1: "lo",
      x2: "hi",
      stroke: (d: Difference) => VERDICT_STYLES[d.verdict].stroke,
      strokeWidth: 2,
      ariaDescription: "intervals",
    }),
    Plot.text(pair.rows, {
      y: "label",
      text: "text",
      frameAnchor: "right",
      textAnchor: "start",
      dx: 12,
      fontSize: 11,
      ariaDescription: "differences",
    }),
  ];
  marks.push(Plot.dot(pair.rows, {
    x: "pct",
    y: "label",
    symbol: "verdict",
    r: 5,
    fill: (d: Difference) => VERDICT_STYLES[d.verdict].fill,
    stroke: (d: Difference) => VERDICT_STYLES[d.verdict].stroke,
    strokeWidth: 1.5,
    title: (d: Difference) => `${d.label}: ${d.text} (${formatNumber(d.pct, true)}%)`,
    ariaDescription: "mean differences",
  }));
  return Plot.plot({
    document,
    width: layout.width,
    height,
    marginLeft: layout.labelWidth,
    marginRight: layout.annotationWidth,
    marginTop: 10,
    x: {
      domain: layout.xDomain,
      label: "Difference B − A, % of A's mean",
      labelAnchor: "center",
      grid: true,
      tickFormat: (v: number) => `${v > 0 ? "+" : ""}${v}%`,
    },
    y: { domain: labels, label: null, tickSize: 0 },
    symbol: {
      domain: Object.keys(VERDICT_STYLES),
      range: Object.values(VERDICT_STYLES).map((s) => s.symbol),
    },
    marks,
  });
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
