/**
 * Family states over time: every family who has entered support so far, stacked by where it
 * is now (engaged, supported but not engaged this week, waiting, completed, dropped out,
 * closed unfinished), with the families who fell through the gaps drawn as a line.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { format, mean } from "d3";
import { type Row, type RowsInput, rowsOf, sourceOfRuns } from "./chart_input.ts";
import { type LegendItem, swatchLegend } from "./legend.ts";
import { createText, renderSvg, setAttributes, SVG_NS } from "./render_svg.ts";
import { type TimeseriesRow, WEEKS_PER_YEAR } from "./timeseries_chart.ts";

/** One state of the stack. */
export interface FamilyState {
  /** Key in the computed rows, e.g. `"engaged"`. */
  readonly key: string;
  /** Label in the legend. */
  readonly label: string;
  /** Short label, drawn at the band's right-hand end. */
  readonly short: string;
  /** Fill colour (Okabe–Ito). */
  readonly color: string;
  /** How it is computed from the recorded metrics. */
  readonly from: string;
}

/**
 * The stacked states, bottom to top. The first three are this week's stocks; the last three
 * are running totals of the weekly exits. Colours are Okabe–Ito, ordered so that neighbouring
 * bands differ in lightness too (readable in greyscale), and the bands are also labelled on
 * the chart.
 */
export const FAMILY_STATES: readonly FamilyState[] = Object.freeze([
  {
    key: "engaged",
    label: "engaged",
    short: "engaged",
    color: "#009E73",
    from: "families_supported × engaged_share",
  },
  {
    key: "not_engaged",
    label: "supported, not engaged this week",
    short: "not engaged",
    color: "#56B4E9",
    from: "families_supported × (1 − engaged_share)",
  },
  {
    key: "waiting",
    label: "waiting",
    short: "waiting",
    color: "#F0E442",
    from: "families_waiting",
  },
  {
    key: "completed",
    label: "completed",
    short: "completed",
    color: "#0072B2",
    from: "families_completed, to date",
  },
  {
    key: "dropped_out",
    label: "dropped out",
    short: "dropped out",
    color: "#E69F00",
    from: "dropouts, to date",
  },
  {
    key: "closed",
    label: "closed unfinished",
    short: "closed",
    color: "#CC79A7",
    from: "cases_closed, to date",
  },
]);

/** The metrics the chart reads. */
export const FAMILY_STATE_METRICS: readonly string[] = Object.freeze([
  "families_supported",
  "engaged_share",
  "families_waiting",
  "families_completed",
  "dropouts",
  "cases_closed",
  "fell_through_gaps",
]);

/** Options of {@linkcode familyStatesChart}. */
export interface FamilyStatesChartOptions {
  /** Chart title. @default {"What happened to the families"} */
  readonly title?: string;
  /** The source line; by default the scenarios and replicate counts found in the rows. */
  readonly source?: string;
  /** Panels per row when there are several scenarios. @default {2} */
  readonly columns?: number;
  /** Prefix of element ids in the SVG. @default {"states"} */
  readonly idPrefix?: string;
}

const READING_GUIDE = "Stack height: families who have entered support so far, by where they " +
  "are now (mean of replicates); dashed: left with a need never met";

const LAYOUT = Object.freeze({
  singleWidth: 680,
  panelWidth: 420,
  panelHeight: 260,
  panelTitleHeight: 20,
  gapX: 24,
  gapY: 20,
  marginLeft: 56,
  marginRight: 80,
  gapsStroke: "#000000",
  gapsDash: "6,3",
  minLabelPx: 11,
});

const GAPS_LABEL = "fell through the gaps (to date)";

interface StatePoint {
  readonly year: number;
  readonly key: string;
  readonly y1: number;
  readonly y2: number;
}

interface ScenarioStates {
  readonly scenario: string;
  readonly stack: readonly StatePoint[];
  readonly gaps: readonly { readonly year: number; readonly value: number }[];
  readonly top: number;
}

/**
 * Computes, per scenario and week, the mean over replicates of each family state and of the
 * families who fell through the gaps to date.
 *
 * @param rows Time series rows with {@linkcode FAMILY_STATE_METRICS}.
 * @returns Per scenario (in order of first appearance) and week, the state counts (families).
 * @throws {RangeError} If a metric is missing from every row.
 *
 * @example Running totals of the exits
 * ```ts
 * import { familyStates } from "./family_states_chart.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const row = (week: number) => ({
 *   scenario: "a", replicate: 0, seed: 1, week, families_supported: 10, engaged_share: 0.5,
 *   families_waiting: 2, families_completed: 1, dropouts: 0, cases_closed: 0, fell_through_gaps: 1,
 * });
 * const [week0, week1] = familyStates([row(0), row(1)]);
 * deepStrictEqual([week1.engaged, week1.completed, week1.fell_through_gaps], [5, 2, 2]);
 * deepStrictEqual(week0.scenario, "a");
 * ```
 */
export function familyStates(
  rows: readonly TimeseriesRow[],
): { scenario: string; week: number; [state: string]: number | string }[] {
  for (const name of FAMILY_STATE_METRICS) {
    if (!rows.some((row) => typeof row[name] === "number")) {
      throw new RangeError(`Cannot draw metric "${name}": no row has it`);
    }
  }
  const runs = new Map<string, TimeseriesRow[]>();
  const scenarios: string[] = [];
  for (const row of rows) {
    if (typeof row?.scenario !== "string") {
      throw new TypeError(`Cannot read a row's scenario as a string: ${row?.scenario}`);
    }
    if (!scenarios.includes(row.scenario)) scenarios.push(row.scenario);
    const key = `${row.scenario}\u0000${row.replicate}`;
    let run = runs.get(key);
    if (run === undefined) runs.set(key, run = []);
    run.push(row);
  }
  // per scenario and week: the states of each replicate
  const perWeek = new Map<string, Map<number, Record<string, number>[]>>();
  for (const run of runs.values()) {
    run.sort((a, b) => a.week - b.week);
    let completed = 0;
    let dropped = 0;
    let closed = 0;
    let gaps = 0;
    for (const row of run) {
      completed += value(row, "families_completed");
      dropped += value(row, "dropouts");
      closed += value(row, "cases_closed");
      gaps += value(row, "fell_through_gaps");
      const supported = value(row, "families_supported");
      const share = value(row, "engaged_share");
      const engaged = supported * share;
      const states = {
        engaged,
        not_engaged: supported - engaged,
        waiting: value(row, "families_waiting"),
        completed,
        dropped_out: dropped,
        closed,
        fell_through_gaps: gaps,
      };
      let weeks = perWeek.get(row.scenario);
      if (weeks === undefined) perWeek.set(row.scenario, weeks = new Map());
      let list = weeks.get(row.week);
      if (list === undefined) weeks.set(row.week, list = []);
      list.push(states);
    }
  }
  const out: { scenario: string; week: number; [state: string]: number | string }[] = [];
  for (const scenario of scenarios) {
    const weeks = perWeek.get(scenario) ?? new Map();
    for (const week of [...weeks.keys()].sort((a, b) => a - b)) {
      const list: Record<string, number>[] = weeks.get(week);
      const row: { scenario: string; week: number; [state: string]: number | string } = {
        scenario,
        week,
      };
      for (const key of [...FAMILY_STATES.map((s) => s.key), "fell_through_gaps"]) {
        row[key] = mean(list, (states) => states[key]) ?? 0;
      }
      out.push(row);
    }
  }
  return out;
}

/**
 * Draws family states over time as stacked areas and returns a standalone SVG, one panel per
 * scenario (sharing the y scale): the stack's height is every family who has entered support
 * so far, split by where it is now ({@linkcode FAMILY_STATES}); a dashed black line counts the
 * families who left support with a need never met (fell through the gaps), which overlaps the
 * exits. The bands are labelled at their right-hand end where they are thick enough.
 *
 * What the recorded metrics cannot say: which exit a family that fell through the gaps took,
 * and how many weeks a family spent in each state. Families turned away by a full waiting list
 * or declining the offer never enter the stack.
 *
 * @param input Time series rows with {@linkcode FAMILY_STATE_METRICS} (a `NaN` engaged share,
 * in a week nobody is supported, counts as 0), as rows or an arquero table.
 * @param options Title, source, columns and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If there are no rows or a metric is missing from every row.
 *
 * @example
 * ```ts
 * import { familyStatesChart } from "./family_states_chart.ts";
 * import { match } from "node:assert/strict";
 * const rows = [0, 1, 2].map((week) => ({
 *   scenario: "baseline", replicate: 0, seed: 1, week, families_supported: 10, engaged_share: 0.6,
 *   families_waiting: 3, families_completed: week, dropouts: 1, cases_closed: 0, fell_through_gaps: 0,
 * }));
 * const svg = familyStatesChart(rows);
 * match(svg, /What happened to the families/);
 * match(svg, /dropped out/);
 * ```
 */
export function familyStatesChart(
  input: RowsInput<TimeseriesRow>,
  options: FamilyStatesChartOptions = {},
): string {
  const rows = rowsOf(input, "time series rows");
  if (rows.length === 0) throw new RangeError("Cannot draw family states without rows");
  const {
    title = "What happened to the families",
    source = sourceOfRuns(rows as readonly Row[]),
    columns = 2,
    idPrefix = "states",
  } = options;
  if (!Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`Cannot lay out panels in a number of columns: ${columns}`);
  }
  const states = familyStates(rows);
  const scenarios = stackScenarios(states);
  const top = Math.max(1, ...scenarios.map((s) => s.top));
  const years = states.map((s) => s.week / WEEKS_PER_YEAR);
  const xDomain: [number, number] = [Math.min(...years), Math.max(...years) + 1 / WEEKS_PER_YEAR];

  return renderSvg((document) => {
    const single = scenarios.length === 1;
    const ncol = Math.min(columns, scenarios.length);
    const nrow = Math.ceil(scenarios.length / ncol);
    const panelWidth = single ? LAYOUT.singleWidth : LAYOUT.panelWidth;
    const gridWidth = ncol * panelWidth + (ncol - 1) * LAYOUT.gapX;
    const items: LegendItem[] = [
      ...FAMILY_STATES.map((s) => ({
        label: s.label,
        swatch: { kind: "rect", fill: s.color } as const,
      })),
      {
        label: GAPS_LABEL,
        swatch: { kind: "line", stroke: LAYOUT.gapsStroke, dash: LAYOUT.gapsDash },
      },
    ];
    const legend = swatchLegend(document, items, gridWidth);
    const cellHeight = LAYOUT.panelTitleHeight + LAYOUT.panelHeight;
    const height = legend.height + nrow * cellHeight + (nrow - 1) * LAYOUT.gapY;
    const root = document.createElementNS(SVG_NS, "svg");
    setAttributes(root, { width: gridWidth, height, viewBox: `0 0 ${gridWidth} ${height}` });
    root.appendChild(legend.element);
    scenarios.forEach((s, i) => {
      const col = i % ncol;
      const row = Math.floor(i / ncol);
      const panel = document.createElementNS(SVG_NS, "g");
      setAttributes(panel, {
        class: "panel",
        "data-scenario": s.scenario,
        "aria-label": `panel: ${s.scenario}`,
        transform: `translate(${col * (panelWidth + LAYOUT.gapX)},${
          legend.height + row * (cellHeight + LAYOUT.gapY)
        })`,
      });
      panel.appendChild(createText(document, s.scenario, { x: 0, y: 14, size: 12, bold: true }));
      const plot = drawPanel(document, s, { top, xDomain, width: panelWidth });
      plot.setAttribute("y", String(LAYOUT.panelTitleHeight));
      panel.appendChild(plot);
      root.appendChild(panel);
    });
    return root;
  }, {
    title,
    subtitle: READING_GUIDE,
    caption: `Source: ${source}`,
    idPrefix,
  });
}

function value(row: TimeseriesRow, name: string): number {
  const v = row[name];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** Per scenario, the stacked bands (y1, y2) of each state and the gaps line. */
function stackScenarios(
  states: ReturnType<typeof familyStates>,
): ScenarioStates[] {
  const byScenario = new Map<string, ScenarioStates>();
  for (const row of states) {
    let entry = byScenario.get(row.scenario);
    if (entry === undefined) {
      entry = { scenario: row.scenario, stack: [], gaps: [], top: 0 };
      byScenario.set(row.scenario, entry);
    }
    const year = row.week / WEEKS_PER_YEAR;
    let y = 0;
    for (const state of FAMILY_STATES) {
      const v = Number(row[state.key]);
      (entry.stack as StatePoint[]).push({ year, key: state.key, y1: y, y2: y + v });
      y += v;
    }
    (entry.gaps as { year: number; value: number }[]).push({
      year,
      value: Number(row.fell_through_gaps),
    });
    byScenario.set(row.scenario, { ...entry, top: Math.max(entry.top, y) });
  }
  return [...byScenario.values()];
}

function drawPanel(
  document: Document,
  s: ScenarioStates,
  layout: { top: number; xDomain: [number, number]; width: number },
): Element {
  const plotHeight = LAYOUT.panelHeight - 50; // Plot's default top and bottom margins
  const marks: Plot.Markish[] = FAMILY_STATES.map((state) =>
    Plot.areaY(s.stack.filter((p) => p.key === state.key), {
      x: "year",
      y1: "y1",
      y2: "y2",
      fill: state.color,
      stroke: "#ffffff",
      strokeWidth: 0.5,
      ariaDescription: `state: ${state.label}`,
    })
  );
  marks.push(Plot.lineY(s.gaps, {
    x: "year",
    y: "value",
    stroke: LAYOUT.gapsStroke,
    strokeWidth: 1.75,
    strokeDasharray: LAYOUT.gapsDash,
    ariaDescription: GAPS_LABEL,
  }));
  // Direct labels at the right-hand end of each band thick enough to hold one.
  const lastYear = Math.max(...s.stack.map((p) => p.year));
  const labels = FAMILY_STATES.flatMap((state) => {
    const end = s.stack.find((p) => p.key === state.key && p.year === lastYear);
    if (end === undefined) return [];
    const px = ((end.y2 - end.y1) / layout.top) * plotHeight;
    return px >= LAYOUT.minLabelPx
      ? [{ year: lastYear, y: (end.y1 + end.y2) / 2, label: state.short }]
      : [];
  });
  marks.push(Plot.text(labels, {
    x: "year",
    y: "y",
    text: "label",
    textAnchor: "start",
    dx: 6,
    fontSize: 10,
    fill: "currentColor",
    ariaDescription: "band labels",
  }));
  return Plot.plot({
    document,
    width: layout.width,
    height: LAYOUT.panelHeight,
    marginLeft: LAYOUT.marginLeft,
    marginRight: LAYOUT.marginRight,
    x: { domain: layout.xDomain, label: "Year", labelAnchor: "right" },
    y: {
      domain: [0, layout.top],
      nice: true,
      grid: true,
      label: "families (entered so far)",
      tickFormat: layout.top >= 10_000 ? format("~s") : undefined,
    },
    marks,
  });
}
