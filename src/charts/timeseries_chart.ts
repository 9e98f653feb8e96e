/**
 * Small-multiple time series of weekly metrics: one panel per metric, one line (mean
 * across replicates) and one band (2.5–97.5% quantiles) per scenario.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { format, mean, quantile } from "d3";
import { type RowsInput, rowsOf } from "./chart_input.ts";
import { createText, estimateTextWidth, renderSvg, setAttributes, SVG_NS } from "./render_svg.ts";

/**
 * One run's values in one week: the recorder output in long form, one row per run and week.
 * Every metric field is a number; `NaN` (or a missing field) means the metric is undefined
 * that week. Rows with the same scenario and week are that week's replicates.
 */
export interface TimeseriesRow {
  /** Scenario name. */
  readonly scenario: string;
  /** Replicate number within the scenario. */
  readonly replicate: number;
  /** The run's master seed. */
  readonly seed: number;
  /** Week of the run, from 0. */
  readonly week: number;
  /** One numeric field per metric (`NaN` allowed). */
  readonly [metric: string]: string | number;
}

/** A metric to draw as one panel. */
export interface ChartMetric {
  /** Field name in the rows, e.g. `"families_supported"`. */
  readonly name: string;
  /** Panel title, e.g. `"Families supported"`. */
  readonly label: string;
  /** Unit, shown in the panel title and on the y axis, e.g. `"families"`. */
  readonly unit: string;
  /** Fixed y domain, e.g. `[0, 1]` for a share; by default it fits the data and zero. */
  readonly domain?: readonly [number, number];
}

/** A vertical rule across every panel, e.g. the week a grant ends. */
export interface ChartMarker {
  /** Week, from 0 (drawn at `week / 52` years). */
  readonly week: number;
  /** Short label, drawn at the top of the rule in the top row of panels. */
  readonly label: string;
}

/** Options of {@linkcode timeseriesChart}. */
export interface TimeseriesChartOptions {
  /** Metrics to draw, one panel each, in this order. @default {DEFAULT_TIMESERIES_METRICS} */
  readonly metrics?: readonly ChartMetric[];
  /** Chart title. @default {"Weekly metrics by scenario"} */
  readonly title?: string;
  /**
   * Where the data come from, drawn as the caption ("Source: …"), e.g.
   * `"Scenario baseline, 5 replicates, seed 1"`. No caption if omitted.
   */
  readonly source?: string;
  /** Vertical rules at these weeks (grant end weeks); those outside the data are skipped. */
  readonly markers?: readonly ChartMarker[];
  /** Panels per row. @default {2} */
  readonly columns?: number;
  /** Width of one panel, px. @default {380} */
  readonly panelWidth?: number;
  /** Height of one panel's plot area and axes, px. @default {200} */
  readonly panelHeight?: number;
  /**
   * Scenario colours, in order of first appearance in the rows; reused cyclically.
   * @default {SCENARIO_COLORS}
   */
  readonly colors?: readonly string[];
  /** Prefix of element ids in the SVG. @default {"timeseries"} */
  readonly idPrefix?: string;
  /**
   * Bands across replicates: the 95% band alone (2.5–97.5% quantiles), or the 50% band
   * (25–75% quantiles, darker) inside it.
   *
   * @default {"95%"}
   */
  readonly bands?: "95%" | "50% and 95%";
  /** The one-line reading guide under the title; by default it explains lines and bands. */
  readonly readingGuide?: string;
}

/** Weeks per year on the x axis. */
export const WEEKS_PER_YEAR = 52;

/**
 * The metrics drawn by default: the main stocks, flows and the running value-for-money
 * ratio of a run.
 */
export const DEFAULT_TIMESERIES_METRICS: readonly ChartMetric[] = Object.freeze([
  metric("families_supported", "Families supported", "families"),
  metric("mean_trust", "Mean trust in key worker", "trust in [0, 1]", [0, 1]),
  metric("engaged_share", "Engaged share", "share in [0, 1]", [0, 1]),
  metric("outcomes_achieved", "Outcomes achieved", "outcomes per week"),
  metric("staff_leavers", "Key workers leaving", "key workers per week"),
  metric("vacancies", "Vacancies", "posts"),
  metric("spend_gbp", "Spend", "£ per week"),
  metric("outcomes_per_million_gbp", "Outcomes per £1m, running", "outcomes per £1m"),
]);

/**
 * Scenario colours: the Okabe–Ito palette (Okabe & Ito 2008, designed to stay distinct
 * under the common colour-vision deficiencies), reordered so the first colours have
 * enough contrast for lines on white. Scenarios also differ by dash pattern
 * ({@linkcode SCENARIO_DASHES}), so they stay distinct in greyscale.
 */
export const SCENARIO_COLORS: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
]);

/** Stroke dash patterns per scenario, in order (the first is solid). */
export const SCENARIO_DASHES: readonly string[] = Object.freeze([
  "none",
  "7,3",
  "2,2.5",
  "9,3,2,3",
  "4,4",
  "1,4",
  "12,4",
  "6,2,2,2,2,2",
]);

const READING_GUIDE =
  "Lines: mean across replicates; bands: 95% of replicates (2.5–97.5% quantiles, per week)";
const READING_GUIDE_50 =
  "Lines: mean across replicates; dark bands: middle 50% of replicates; light bands: 95% (per week)";

const LAYOUT = Object.freeze({
  panelTitleSize: 12,
  panelTitleHeight: 20,
  gapX: 24,
  gapY: 20,
  legendRowHeight: 22,
  legendSwatch: 32,
  legendGap: 20,
  legendFontSize: 12,
  bandOpacity: 0.18,
  innerBandOpacity: 0.3,
  lineWidth: 1.75,
  markerColor: "#777777",
  marginLeft: 50,
  marginRight: 16,
});

/**
 * Draws weekly metrics of several scenarios as small multiples and returns a standalone
 * SVG: one panel per metric (each with its own y scale, x in years), and per scenario a
 * line of the mean across replicates and a band of the 2.5–97.5% quantiles across
 * replicates, with a legend, a reading guide under the title and the source as caption.
 *
 * Scenarios are coloured with {@linkcode SCENARIO_COLORS} (Okabe–Ito) and dashed with
 * {@linkcode SCENARIO_DASHES}, in order of first appearance in `rows`. A week where every
 * replicate is `NaN` leaves a gap.
 *
 * @param input Recorder output in long form: one row per scenario, replicate and week (plain
 * rows or an arquero table).
 * @param options Metrics, title, source, markers and layout.
 * @returns The SVG document as a string.
 * @throws {RangeError} If `rows` is empty, a week is not a whole number ≥ 0, or a metric
 * is missing from every row.
 * @throws {TypeError} If a row's scenario is not a string or a metric value is not a number.
 *
 * @example Two scenarios, two replicates, three weeks
 * ```ts
 * import { timeseriesChart } from "./timeseries_chart.ts";
 * import { match, strictEqual } from "node:assert/strict";
 * const rows = [];
 * for (const scenario of ["baseline", "stable funding"]) {
 *   for (const replicate of [0, 1]) {
 *     for (let week = 0; week < 3; week++) {
 *       rows.push({ scenario, replicate, seed: 1, week, families_supported: 10 + week + replicate });
 *     }
 *   }
 * }
 * const svg = timeseriesChart(rows, {
 *   metrics: [{ name: "families_supported", label: "Families supported", unit: "families" }],
 *   source: "Example, 2 replicates, seed 1",
 * });
 * match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
 * match(svg, /stable funding/);
 * strictEqual(svg.includes("NaN"), false);
 * ```
 */
export function timeseriesChart(
  input: RowsInput<TimeseriesRow>,
  options: TimeseriesChartOptions = {},
): string {
  const rows = rowsOf(input, "time series rows");
  const {
    metrics = DEFAULT_TIMESERIES_METRICS,
    title = "Weekly metrics by scenario",
    source,
    markers = [],
    columns = 2,
    panelWidth = 380,
    panelHeight = 200,
    colors = SCENARIO_COLORS,
    idPrefix = "timeseries",
    bands = "95%",
  } = options;
  if (bands !== "95%" && bands !== "50% and 95%") {
    throw new RangeError(`Cannot draw bands other than "95%" or "50% and 95%": ${bands}`);
  }
  const inner = bands === "50% and 95%";
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new RangeError(`Cannot draw a time series chart without rows: ${rows}`);
  }
  if (metrics.length === 0) throw new RangeError("Cannot draw a time series chart without metrics");
  if (!Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`Cannot lay out panels in a number of columns: ${columns}`);
  }
  if (colors.length === 0) throw new RangeError("Cannot colour scenarios without colours");
  const runs = groupRuns(rows, metrics);
  const weeks = runs.weeks;
  // The last week spans [last, last + 1), so 104 weeks end at year 2.
  const xDomain: [number, number] = [
    weeks[0] / WEEKS_PER_YEAR,
    (weeks[weeks.length - 1] + 1) / WEEKS_PER_YEAR,
  ];
  const shownMarkers = markers
    .filter((m) => checkMarker(m) && m.week >= weeks[0] && m.week <= weeks[weeks.length - 1])
    .map((m) => ({ year: m.week / WEEKS_PER_YEAR, label: m.label }));
  const styles = runs.scenarios.map((scenario, i) => ({
    scenario,
    color: colors[i % colors.length],
    dash: SCENARIO_DASHES[i % SCENARIO_DASHES.length],
  }));

  return renderSvg((document) => {
    const ncol = Math.min(columns, metrics.length);
    const nrow = Math.ceil(metrics.length / ncol);
    const gridWidth = ncol * panelWidth + (ncol - 1) * LAYOUT.gapX;
    const legend = drawLegend(document, styles, gridWidth, inner);
    const cellHeight = LAYOUT.panelTitleHeight + panelHeight;
    const gridTop = legend.height;
    const height = gridTop + nrow * cellHeight + (nrow - 1) * LAYOUT.gapY;

    const root = document.createElementNS(SVG_NS, "svg");
    setAttributes(root, { width: gridWidth, height, viewBox: `0 0 ${gridWidth} ${height}` });
    root.appendChild(legend.element);
    metrics.forEach((m, i) => {
      const row = Math.floor(i / ncol);
      const col = i % ncol;
      const panel = document.createElementNS(SVG_NS, "g");
      setAttributes(panel, {
        class: "panel",
        "data-metric": m.name,
        "aria-label": `panel: ${m.label}`,
        transform: `translate(${col * (panelWidth + LAYOUT.gapX)},${
          gridTop + row * (cellHeight + LAYOUT.gapY)
        })`,
      });
      panel.appendChild(
        createText(document, `${m.label} (${m.unit})`, {
          x: 0,
          y: LAYOUT.panelTitleSize + 2,
          size: LAYOUT.panelTitleSize,
          bold: true,
        }),
      );
      const plot = drawPanel(document, {
        metric: m,
        series: runs.summaries(m.name),
        styles,
        xDomain,
        markers: shownMarkers,
        labelMarkers: row === 0,
        inner,
        width: panelWidth,
        height: panelHeight,
      });
      plot.setAttribute("y", String(LAYOUT.panelTitleHeight));
      panel.appendChild(plot);
      root.appendChild(panel);
    });
    return root;
  }, {
    title,
    subtitle: options.readingGuide ?? (inner ? READING_GUIDE_50 : READING_GUIDE),
    caption: source === undefined ? undefined : `Source: ${source}`,
    idPrefix,
  });
}

interface ScenarioStyle {
  readonly scenario: string;
  readonly color: string;
  readonly dash: string;
}

interface WeekSummary {
  readonly year: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  /** 25% quantile across replicates. */
  readonly q25: number;
  /** 75% quantile across replicates. */
  readonly q75: number;
}

interface GroupedRuns {
  /** Scenario names in order of first appearance. */
  readonly scenarios: readonly string[];
  /** All weeks present, ascending. */
  readonly weeks: readonly number[];
  /** Per scenario (same order), one summary per week of that scenario. */
  summaries(metric: string): readonly (readonly WeekSummary[])[];
}

/** Validates the rows and groups them by scenario and week. */
function groupRuns(rows: readonly TimeseriesRow[], metrics: readonly ChartMetric[]): GroupedRuns {
  const byScenario = new Map<string, Map<number, TimeseriesRow[]>>();
  const seen = new Set<string>();
  const allWeeks = new Set<number>();
  rows.forEach((row, i) => {
    if (typeof row?.scenario !== "string") {
      throw new TypeError(`Cannot read rows[${i}].scenario as a string: ${row?.scenario}`);
    }
    if (!Number.isInteger(row.week) || row.week < 0) {
      throw new RangeError(`Cannot read rows[${i}].week as a whole number ≥ 0: ${row.week}`);
    }
    for (const m of metrics) {
      const value = row[m.name];
      if (value === undefined) continue;
      if (typeof value !== "number") {
        throw new TypeError(`Cannot read rows[${i}].${m.name} as a number: "${value}"`);
      }
      seen.add(m.name);
    }
    let weeks = byScenario.get(row.scenario);
    if (weeks === undefined) byScenario.set(row.scenario, weeks = new Map());
    let group = weeks.get(row.week);
    if (group === undefined) weeks.set(row.week, group = []);
    group.push(row);
    allWeeks.add(row.week);
  });
  for (const m of metrics) {
    if (!seen.has(m.name)) {
      throw new RangeError(`Cannot draw metric "${m.name}": no row has it`);
    }
  }
  const scenarios = [...byScenario.keys()];
  const sortedWeeks = (weeks: Iterable<number>) => [...weeks].sort((a, b) => a - b);
  return {
    scenarios,
    weeks: sortedWeeks(allWeeks),
    summaries(metric: string) {
      return scenarios.map((scenario) => {
        const weeks = byScenario.get(scenario) ?? new Map<number, TimeseriesRow[]>();
        return sortedWeeks(weeks.keys()).map((week) => {
          const values = (weeks.get(week) ?? []).map((row) => row[metric])
            .filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
          return {
            year: week / WEEKS_PER_YEAR,
            mean: mean(values) ?? NaN,
            lo: quantile(values, 0.025) ?? NaN,
            hi: quantile(values, 0.975) ?? NaN,
            q25: quantile(values, 0.25) ?? NaN,
            q75: quantile(values, 0.75) ?? NaN,
          };
        });
      });
    },
  };
}

function checkMarker(marker: ChartMarker): boolean {
  if (!Number.isFinite(marker?.week) || typeof marker.label !== "string") {
    throw new TypeError(
      `Cannot draw a marker without a finite week and a string label: ${JSON.stringify(marker)}`,
    );
  }
  return true;
}

interface PanelInput {
  readonly metric: ChartMetric;
  readonly series: readonly (readonly WeekSummary[])[];
  readonly styles: readonly ScenarioStyle[];
  readonly xDomain: readonly [number, number];
  readonly markers: readonly { year: number; label: string }[];
  readonly labelMarkers: boolean;
  /** Draw the 50% band inside the 95% band? */
  readonly inner: boolean;
  readonly width: number;
  readonly height: number;
}

/** One metric's Plot: bands first, then mean lines, then marker rules. */
function drawPanel(document: Document, input: PanelInput): Element {
  const { metric, series, styles, xDomain, markers } = input;
  let lo = Infinity;
  let hi = -Infinity;
  for (const weeks of series) {
    for (const w of weeks) {
      for (const v of [w.mean, w.lo, w.hi]) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
  }
  const empty = lo > hi;
  const domain = metric.domain ?? (empty ? [0, 1] : undefined);
  const maxAbs = empty ? 0 : Math.max(Math.abs(lo), Math.abs(hi));
  const marks: Plot.Markish[] = [];
  series.forEach((weeks, i) => {
    const { scenario, color } = styles[i];
    marks.push(Plot.areaY(weeks, {
      x: "year",
      y1: "lo",
      y2: "hi",
      fill: color,
      fillOpacity: LAYOUT.bandOpacity,
      ariaDescription: `band: ${scenario}`,
    }));
    if (input.inner) {
      marks.push(Plot.areaY(weeks, {
        x: "year",
        y1: "q25",
        y2: "q75",
        fill: color,
        fillOpacity: LAYOUT.innerBandOpacity,
        ariaDescription: `50% band: ${scenario}`,
      }));
    }
  });
  series.forEach((weeks, i) => {
    const { scenario, color, dash } = styles[i];
    marks.push(Plot.lineY(weeks, {
      x: "year",
      y: "mean",
      stroke: color,
      strokeWidth: LAYOUT.lineWidth,
      strokeDasharray: dash === "none" ? undefined : dash,
      ariaDescription: `mean: ${scenario}`,
    }));
  });
  if (markers.length > 0) {
    marks.push(Plot.ruleX(markers, {
      x: "year",
      stroke: LAYOUT.markerColor,
      strokeWidth: 0.75,
      ariaDescription: "markers",
    }));
    if (input.labelMarkers) {
      marks.push(Plot.text(markers, {
        x: "year",
        text: "label",
        frameAnchor: "top",
        textAnchor: "start",
        dx: 3,
        dy: 2,
        fontSize: 9,
        fill: LAYOUT.markerColor,
        ariaDescription: "marker labels",
      }));
    }
  }
  if (empty) {
    marks.push(Plot.text(["No data"], { frameAnchor: "middle", fill: LAYOUT.markerColor }));
  }
  return Plot.plot({
    document,
    width: input.width,
    height: input.height,
    marginLeft: LAYOUT.marginLeft,
    marginRight: LAYOUT.marginRight,
    x: { domain: [...xDomain], label: "Year", labelAnchor: "right" },
    y: {
      label: metric.unit,
      grid: true,
      nice: domain === undefined,
      zero: domain === undefined && lo >= 0,
      domain: domain === undefined ? undefined : [...domain],
      tickFormat: maxAbs >= 10_000 ? format("~s") : undefined,
    },
    marks,
  });
}

/** The legend: per scenario a band swatch with its line sample, then the name; wraps rows. */
function drawLegend(
  document: Document,
  styles: readonly ScenarioStyle[],
  width: number,
  inner: boolean,
): { element: Element; height: number } {
  const g = document.createElementNS(SVG_NS, "g");
  setAttributes(g, { class: "legend", "aria-label": "legend" });
  let x = 0;
  let row = 0;
  for (const { scenario, color, dash } of styles) {
    const itemWidth = LAYOUT.legendSwatch + 6 + estimateTextWidth(scenario, LAYOUT.legendFontSize);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const y = row * LAYOUT.legendRowHeight;
    const item = document.createElementNS(SVG_NS, "g");
    setAttributes(item, { class: "legend-item", transform: `translate(${x},${y})` });
    const band = document.createElementNS(SVG_NS, "rect");
    setAttributes(band, {
      y: 3,
      width: LAYOUT.legendSwatch,
      height: 12,
      fill: color,
      "fill-opacity": LAYOUT.bandOpacity,
    });
    const line = document.createElementNS(SVG_NS, "line");
    setAttributes(line, {
      x2: LAYOUT.legendSwatch,
      y1: 9,
      y2: 9,
      stroke: color,
      "stroke-width": LAYOUT.lineWidth + 0.25,
    });
    if (dash !== "none") line.setAttribute("stroke-dasharray", dash);
    item.appendChild(band);
    if (inner) {
      const innerBand = document.createElementNS(SVG_NS, "rect");
      setAttributes(innerBand, {
        y: 6,
        width: LAYOUT.legendSwatch,
        height: 6,
        fill: color,
        "fill-opacity": LAYOUT.innerBandOpacity,
      });
      item.appendChild(innerBand);
    }
    item.appendChild(line);
    item.appendChild(
      createText(document, scenario, {
        x: LAYOUT.legendSwatch + 6,
        y: 13,
        size: LAYOUT.legendFontSize,
      }),
    );
    g.appendChild(item);
    x += itemWidth + LAYOUT.legendGap;
  }
  return { element: g, height: (row + 1) * LAYOUT.legendRowHeight + 6 };
}

function metric(
  name: string,
  label: string,
  unit: string,
  domain?: readonly [number, number],
): ChartMetric {
  return Object.freeze(
    domain === undefined ? { name, label, unit } : { name, label, unit, domain },
  );
}
