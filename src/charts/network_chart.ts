/**
 * The partnership network at one week: organisations as dots, partnerships as lines, laid
 * out server-side with a seeded d3-force simulation so the same snapshot and seed always
 * give the same picture.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
  symbol,
  symbolSquare,
} from "d3";
import { createStream } from "../core/mod.ts";
import { createText, estimateTextWidth, renderSvg, setAttributes, SVG_NS } from "./render_svg.ts";

/** Partnership depth, from the weakest: an agreement on paper, a working one, a deep one. */
type Depth = "paper" | "working" | "deep";
type Sector = "voluntary" | "statutory";

/**
 * The partnership network at one week, as plain data (the shape of `network.json`, written
 * by the model's `snapshotNetwork`).
 */
export interface NetworkSnapshot {
  /** The week (from 0). */
  readonly week: number;
  /** Every organisation, funded or not. */
  readonly organisations: readonly {
    /** Unique id, referred to by the partnerships. */
    readonly id: number;
    /** Short name, e.g. `"statutory-2"`; statutory organisations are labelled with it. */
    readonly name: string;
    /** Voluntary (funded) or statutory. */
    readonly sector: Sector;
    /** Services offered, e.g. `["family support", "money advice"]`. */
    readonly services: readonly string[];
    /** `false` once the organisation's funding has ended. */
    readonly active: boolean;
  }[];
  /** Every partnership, between two different organisations. */
  readonly partnerships: readonly {
    /** Id of one organisation. */
    readonly source: number;
    /** Id of the other organisation. */
    readonly target: number;
    /** Depth: `"paper"` (agreement only), `"working"` or `"deep"`. */
    readonly depth: Depth;
    /** Strength in [0, 1] (depth is a banding of it). */
    readonly strength: number;
    /** Made informally, at a networking event. */
    readonly informal: boolean;
    /** Backed by a formal agreement. */
    readonly formal: boolean;
    /** Levels that work together, e.g. `["delivery", "management"]`. */
    readonly levels: readonly string[];
  }[];
}

/** Options of {@linkcode networkChart}. */
export interface NetworkChartOptions {
  /** Chart title. @default {"Partnership network, week N"} */
  readonly title?: string;
  /**
   * Where the snapshot comes from, drawn as the caption ("Source: …"), e.g.
   * `"Scenario baseline, replicate 0, seed 2015"`. No caption if omitted.
   */
  readonly source?: string;
  /** Width of the drawing (legend and network), px. @default {640} */
  readonly width?: number;
  /** Height of the drawing (legend and network), px; at least 150 more than the legend. @default {520} */
  readonly height?: number;
  /**
   * Seed of the layout. The layout depends only on the snapshot and this seed; another seed
   * gives another, equally valid, arrangement. @default {0}
   */
  readonly seed?: number;
  /** Label the statutory organisations with their names? @default {true} */
  readonly labels?: boolean;
  /** Prefix of element ids in the SVG. @default {"network"} */
  readonly idPrefix?: string;
}

const DEFAULTS = Object.freeze({
  width: 640,
  height: 520,
  seed: 0,
  labels: true,
  idPrefix: "network",
});

const READING_GUIDE =
  "Thicker lines: deeper partnerships; dashed: on paper; dotted: informal (networking events)";

/** Colours (Okabe–Ito) and sizes. Sectors differ by symbol too; depths by width and dash. */
const STYLE = Object.freeze({
  sectorFill: { voluntary: "#0072B2", statutory: "#D55E00" } as const,
  symbol: { voluntary: "circle", statutory: "square" } as const,
  radius: { voluntary: 5, statutory: 6.5 } as const,
  endedFill: "#ffffff",
  endedStroke: "#8c8c8c",
  nodeHalo: "#ffffff",
  linkWidth: { paper: 1.25, working: 2, deep: 3.5 } as const,
  paperDash: "5,3",
  formalStroke: "#4d4d4d",
  informalStroke: "#009E73",
  linkOpacity: 0.85,
  labelSize: 10,
  labelMaxChars: 16,
  ink: "#1a1a1a",
  muted: "#777777",
});

/** Force-layout parameters, in layout units (about 1 px at the default size). */
const FORCES = Object.freeze({
  ticks: 300,
  linkDistance: { paper: 70, working: 45, deep: 28 } as const,
  charge: -45,
  collideRadius: 10,
  /** Pull of every node towards the centre, so organisations without partners stay near. */
  gravity: 0.05,
  initialRadius: 150,
});

const FRAME = Object.freeze({
  /** Room around the outermost nodes for labels, px. */
  padX: 46,
  padY: 26,
  /** Most px per layout unit, so a tiny network is not blown up. */
  maxScale: 3,
  legendRowHeight: 22,
  legendHeadingGap: 12,
  legendSwatch: 24,
  legendGap: 14,
  legendFontSize: 11,
  legendBottom: 6,
  minPlotHeight: 150,
});

const DEPTHS: readonly Depth[] = ["paper", "working", "deep"];
const DEPTH_LABEL: Readonly<Record<Depth, string>> = {
  paper: "on paper",
  working: "working",
  deep: "deep",
};

/**
 * Draws the partnership network at one week and returns a standalone SVG: one dot per
 * organisation (voluntary: blue circles, statutory: vermillion squares, funding ended:
 * hollow grey), one line per partnership (width by depth, dashed on paper, dotted and green
 * if informal), names of the statutory organisations, a legend with counts, a reading guide
 * under the title and the source as caption.
 *
 * Positions come from a d3-force simulation (links shorter for deeper partnerships, mutual
 * repulsion, collision, a weak pull to the centre) run for a fixed number of ticks from
 * slots on a circle dealt out in a seeded order, with the simulation's random source seeded
 * from `seed` too (stream `"chart.network"`), then rounded to 0.1. x and y share one scale, so distances are not distorted.
 *
 * @param snapshot The network at one week.
 * @param options Title, source, size, layout seed, labels and id prefix.
 * @returns The SVG document as a string.
 * @throws {RangeError} If the week is not a whole number ≥ 0, an organisation id is repeated,
 * a partnership refers to an unknown organisation or to one organisation twice, a sector or
 * depth is unknown, or the size or seed is not usable.
 *
 * @example Three organisations, two partnerships
 * ```ts
 * import { networkChart } from "./network_chart.ts";
 * import { match, strictEqual } from "node:assert/strict";
 * const org = (id: number, sector: "voluntary" | "statutory") => ({
 *   id, name: `${sector}-${id}`, sector, services: ["family support"], active: true,
 * });
 * const link = (source: number, target: number, depth: "paper" | "working" | "deep") => ({
 *   source, target, depth, strength: 0.5, informal: false, formal: true, levels: ["delivery"],
 * });
 * const svg = networkChart({
 *   week: 12,
 *   organisations: [org(0, "voluntary"), org(1, "voluntary"), org(2, "statutory")],
 *   partnerships: [link(0, 2, "deep"), link(1, 2, "paper")],
 * }, { source: "Example", seed: 1 });
 * match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
 * match(svg, /Partnership network, week 12/);
 * strictEqual(svg.includes("NaN"), false);
 * ```
 */
export function networkChart(
  snapshot: NetworkSnapshot,
  options: NetworkChartOptions = {},
): string {
  const {
    title = `Partnership network, week ${snapshot?.week}`,
    source,
    width = DEFAULTS.width,
    height = DEFAULTS.height,
    seed = DEFAULTS.seed,
    labels = DEFAULTS.labels,
    idPrefix = DEFAULTS.idPrefix,
  } = options;
  checkSnapshot(snapshot);
  if (!Number.isFinite(width) || width < 200) {
    throw new RangeError(`Cannot draw a network chart narrower than 200 px: ${width}`);
  }
  if (!Number.isFinite(seed)) {
    throw new RangeError(`Cannot seed the network layout with a non-finite number: ${seed}`);
  }
  const positions = layoutNetwork(snapshot, seed);
  const byId = new Map(snapshot.organisations.map((o) => [o.id, o]));

  return renderSvg((document) => {
    const legend = drawLegend(document, snapshot, width);
    const plotHeight = height - legend.height;
    if (!Number.isFinite(plotHeight) || plotHeight < FRAME.minPlotHeight) {
      throw new RangeError(
        `Cannot fit the network under its legend (${legend.height} px) in a height of: ${height}`,
      );
    }
    const root = document.createElementNS(SVG_NS, "svg");
    setAttributes(root, { width, height, viewBox: `0 0 ${width} ${height}` });
    root.appendChild(legend.element);
    const plot = drawNetwork(document, {
      snapshot,
      positions,
      byId,
      labels,
      width,
      height: plotHeight,
    });
    plot.setAttribute("y", String(legend.height));
    root.appendChild(plot);
    return root;
  }, {
    title,
    subtitle: READING_GUIDE,
    caption: source === undefined ? undefined : `Source: ${source}`,
    idPrefix,
  });
}

type Organisation = NetworkSnapshot["organisations"][number];
type Partnership = NetworkSnapshot["partnerships"][number];

/** Validates the snapshot once, before any layout. */
function checkSnapshot(snapshot: NetworkSnapshot): void {
  if (!Number.isInteger(snapshot?.week) || snapshot.week < 0) {
    throw new RangeError(
      `Cannot draw the network at a week that is not a whole number ≥ 0: ${snapshot?.week}`,
    );
  }
  const ids = new Set<number>();
  snapshot.organisations.forEach((o, i) => {
    if (!Number.isFinite(o?.id)) {
      throw new RangeError(`Cannot read organisations[${i}].id as a number: ${o?.id}`);
    }
    if (ids.has(o.id)) throw new RangeError(`Cannot draw organisation id ${o.id} twice`);
    if (o.sector !== "voluntary" && o.sector !== "statutory") {
      throw new RangeError(`Cannot draw organisations[${i}] of sector: "${o.sector}"`);
    }
    ids.add(o.id);
  });
  snapshot.partnerships.forEach((p, i) => {
    for (const end of ["source", "target"] as const) {
      if (!ids.has(p?.[end])) {
        throw new RangeError(
          `Cannot draw partnerships[${i}]: ${end} is not an organisation id: ${p?.[end]}`,
        );
      }
    }
    if (p.source === p.target) {
      throw new RangeError(
        `Cannot draw partnerships[${i}] of organisation ${p.source} with itself`,
      );
    }
    if (!DEPTHS.includes(p.depth)) {
      throw new RangeError(`Cannot draw partnerships[${i}] of depth: "${p.depth}"`);
    }
  });
}

interface LayoutNode extends SimulationNodeDatum {
  readonly id: number;
}

interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  readonly depth: Depth;
}

/** Positions by organisation id, rounded to 0.1 layout units. */
type Positions = ReadonlyMap<number, { readonly x: number; readonly y: number }>;

/**
 * Runs the seeded force simulation. Nodes and links are sorted first, so the layout does
 * not depend on the order of the snapshot's arrays; the seed shuffles the starting slots
 * and feeds d3-force's random source.
 */
function layoutNetwork(snapshot: NetworkSnapshot, seed: number): Positions {
  const random = createStream(seed, "chart.network");
  const ids = snapshot.organisations.map((o) => o.id).sort((a, b) => a - b);
  const n = ids.length;
  // Slots on a circle, dealt to the organisations (in id order) in a seeded order: d3-force
  // draws from its random source only to separate coincident nodes, so without this the
  // seed would not change the layout.
  const slots = ids.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  const nodes: LayoutNode[] = ids.map((id, i) => {
    const angle = (2 * Math.PI * slots[i]) / Math.max(n, 1);
    return {
      id,
      x: FORCES.initialRadius * Math.cos(angle),
      y: FORCES.initialRadius * Math.sin(angle),
    };
  });
  const links: LayoutLink[] = snapshot.partnerships
    .map((p) => ({ source: p.source, target: p.target, depth: p.depth }))
    .sort((a, b) =>
      a.source - b.source || a.target - b.target ||
      DEPTHS.indexOf(a.depth) - DEPTHS.indexOf(b.depth)
    );
  const simulation = forceSimulation<LayoutNode, LayoutLink>(nodes)
    .randomSource(random)
    .force(
      "link",
      forceLink<LayoutNode, LayoutLink>(links)
        .id((d) => d.id)
        .distance((l) => FORCES.linkDistance[l.depth]),
    )
    .force("charge", forceManyBody<LayoutNode>().strength(FORCES.charge))
    .force("collide", forceCollide<LayoutNode>(FORCES.collideRadius))
    .force("x", forceX<LayoutNode>(0).strength(FORCES.gravity))
    .force("y", forceY<LayoutNode>(0).strength(FORCES.gravity))
    .force("center", forceCenter<LayoutNode>(0, 0))
    .stop();
  for (let i = 0; i < FORCES.ticks; i++) simulation.tick();
  const round = (v: number | undefined) => {
    const r = Math.round((v ?? 0) * 10) / 10;
    return Object.is(r, -0) ? 0 : r;
  };
  return new Map(nodes.map((d) => [d.id, { x: round(d.x), y: round(d.y) }]));
}

interface NetworkInput {
  readonly snapshot: NetworkSnapshot;
  readonly positions: Positions;
  readonly byId: ReadonlyMap<number, Organisation>;
  readonly labels: boolean;
  readonly width: number;
  readonly height: number;
}

interface LinkRow {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly title: string;
}

interface NodeRow {
  readonly x: number;
  readonly y: number;
  readonly name: string;
  readonly title: string;
}

/** The network's Plot: links (paper, working, deep), then organisations, then labels. */
function drawNetwork(document: Document, input: NetworkInput): Element {
  const { snapshot, positions, byId, width, height } = input;
  const { x: xDomain, y: yDomain } = domains(positions, width, height);
  const at = (id: number) => positions.get(id) ?? { x: 0, y: 0 };
  const marks: Plot.Markish[] = [];

  for (const informal of [false, true]) {
    for (const depth of DEPTHS) {
      const rows: LinkRow[] = snapshot.partnerships
        .filter((p) => p.depth === depth && p.informal === informal)
        .map((p) => {
          const a = at(p.source);
          const b = at(p.target);
          return { x1: a.x, y1: a.y, x2: b.x, y2: b.y, title: linkTitle(p, byId) };
        });
      if (rows.length === 0) continue;
      const { stroke, strokeWidth, dash } = linkStyle(depth, informal);
      marks.push(Plot.link(rows, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke,
        strokeWidth,
        strokeOpacity: STYLE.linkOpacity,
        strokeDasharray: dash,
        title: "title",
        ariaDescription: `partnerships: ${DEPTH_LABEL[depth]}${informal ? ", informal" : ""}`,
      }));
    }
  }

  for (const active of [true, false]) {
    for (const sector of ["voluntary", "statutory"] as const) {
      const rows: NodeRow[] = snapshot.organisations
        .filter((o) => o.sector === sector && o.active === active)
        .map((o) => ({ ...at(o.id), name: o.name, title: nodeTitle(o) }));
      if (rows.length === 0) continue;
      marks.push(Plot.dot(rows, {
        x: "x",
        y: "y",
        r: STYLE.radius[sector],
        symbol: STYLE.symbol[sector],
        fill: active ? STYLE.sectorFill[sector] : STYLE.endedFill,
        stroke: active ? STYLE.nodeHalo : STYLE.endedStroke,
        strokeWidth: active ? 1 : 1.5,
        title: "title",
        ariaDescription: `organisations: ${sector}${active ? "" : ", funding ended"}`,
      }));
    }
  }

  const labelled = input.labels
    ? snapshot.organisations.filter((o) => o.sector === "statutory")
      .map((o) => ({ ...at(o.id), name: shortName(o.name) }))
    : [];
  if (labelled.length > 0) {
    marks.push(Plot.text(labelled, {
      x: "x",
      y: "y",
      text: "name",
      dy: -(STYLE.radius.statutory + 7),
      fontSize: STYLE.labelSize,
      fill: STYLE.ink,
      stroke: "#ffffff",
      strokeWidth: 3,
      paintOrder: "stroke",
      ariaDescription: "labels: statutory organisations",
    }));
  }
  if (snapshot.organisations.length === 0) {
    marks.push(Plot.text(["No organisations"], { frameAnchor: "middle", fill: STYLE.muted }));
  }

  return Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: { domain: xDomain, axis: null },
    y: { domain: yDomain, axis: null },
    marks,
  });
}

/** Stroke colour, width and dash pattern of a partnership. Dotted (informal) wins over dashed. */
function linkStyle(
  depth: Depth,
  informal: boolean,
): { stroke: string; strokeWidth: number; dash: string | undefined } {
  const strokeWidth = STYLE.linkWidth[depth];
  if (informal) {
    return {
      stroke: STYLE.informalStroke,
      strokeWidth,
      dash: `${strokeWidth},${strokeWidth + 2}`,
    };
  }
  return {
    stroke: STYLE.formalStroke,
    strokeWidth,
    dash: depth === "paper" ? STYLE.paperDash : undefined,
  };
}

/**
 * x and y domains with one scale for both (px per layout unit), centred on the nodes, with
 * room for labels around them.
 */
function domains(
  positions: Positions,
  width: number,
  height: number,
): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const { x, y } of positions.values()) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (x0 > x1) {
    x0 =
      x1 =
      y0 =
      y1 =
        0;
  }
  const innerWidth = Math.max(width - 2 * FRAME.padX, 1);
  const innerHeight = Math.max(height - 2 * FRAME.padY, 1);
  const scale = Math.min(
    innerWidth / Math.max(x1 - x0, 1),
    innerHeight / Math.max(y1 - y0, 1),
    FRAME.maxScale,
  );
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = width / 2 / scale;
  const hy = height / 2 / scale;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { x: [r(cx - hx), r(cx + hx)], y: [r(cy - hy), r(cy + hy)] };
}

function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= STYLE.labelMaxChars
    ? name
    : chars.slice(0, STYLE.labelMaxChars - 1).join("") + "…";
}

function nodeTitle(o: Organisation): string {
  const services = o.services.length === 0 ? "no services" : o.services.join(", ");
  return `${o.name} (${o.sector}${o.active ? "" : ", funding ended"}): ${services}`;
}

function linkTitle(p: Partnership, byId: ReadonlyMap<number, Organisation>): string {
  const name = (id: number) => byId.get(id)?.name ?? String(id);
  const kind = [p.formal ? "formal" : "", p.informal ? "informal" : ""].filter((s) => s !== "");
  const levels = p.levels.length === 0 ? "" : `; levels: ${p.levels.join(", ")}`;
  return `${name(p.source)} – ${name(p.target)}: ${DEPTH_LABEL[p.depth]}` +
    `${kind.length === 0 ? "" : `, ${kind.join(", ")}`}, strength ${p.strength}${levels}`;
}

interface LegendItem {
  readonly label: string;
  readonly key: string;
  readonly swatch: (document: Document) => Element;
}

/**
 * The legend, two headed rows that wrap: organisations (sector symbols and funding ended)
 * and partnerships (the three depths and informal), each heading and label with its count.
 * Depth counts include informal partnerships (drawn dotted, at the width of their depth), so
 * "informal" overlaps them.
 */
function drawLegend(
  document: Document,
  snapshot: NetworkSnapshot,
  width: number,
): { element: Element; height: number } {
  const orgs = snapshot.organisations;
  const links = snapshot.partnerships;
  const count = <T>(items: readonly T[], test: (item: T) => boolean) =>
    items.reduce((n, item) => n + (test(item) ? 1 : 0), 0);
  const rows: { heading: string; items: LegendItem[] }[] = [
    {
      heading: `Organisations (${orgs.length})`,
      items: [
        ...(["voluntary", "statutory"] as const).map((sector) => ({
          key: sector,
          label: `${sector} (${count(orgs, (o) => o.sector === sector)})`,
          swatch: (d: Document) =>
            nodeSwatch(d, sector, STYLE.sectorFill[sector], STYLE.nodeHalo, 1),
        })),
        {
          key: "funding ended",
          label: `funding ended (${count(orgs, (o) => !o.active)})`,
          swatch: (d: Document) =>
            nodeSwatch(d, "voluntary", STYLE.endedFill, STYLE.endedStroke, 1.5),
        },
      ],
    },
    {
      heading: `Partnerships (${links.length})`,
      items: [
        ...DEPTHS.map((depth) => ({
          key: depth,
          label: `${DEPTH_LABEL[depth]} (${count(links, (p) => p.depth === depth)})`,
          swatch: (d: Document) => lineSwatch(d, linkStyle(depth, false)),
        })),
        {
          key: "informal",
          label: `informal (${count(links, (p) => p.informal)})`,
          swatch: (d: Document) => lineSwatch(d, linkStyle("working", true)),
        },
      ],
    },
  ];

  const g = document.createElementNS(SVG_NS, "g");
  setAttributes(g, { class: "legend", "aria-label": "legend" });
  const itemsX = Math.max(
    ...rows.map((row) => estimateTextWidth(row.heading, FRAME.legendFontSize, true)),
  ) + FRAME.legendHeadingGap;
  let line = 0;
  for (const { heading, items } of rows) {
    g.appendChild(
      createText(document, heading, {
        x: 0,
        y: line * FRAME.legendRowHeight + 13,
        size: FRAME.legendFontSize,
        bold: true,
      }),
    );
    let x = itemsX;
    for (const item of items) {
      const itemWidth = FRAME.legendSwatch + 6 +
        estimateTextWidth(item.label, FRAME.legendFontSize);
      if (x > itemsX && x + itemWidth > width) {
        x = itemsX;
        line += 1;
      }
      const element = document.createElementNS(SVG_NS, "g");
      setAttributes(element, {
        class: "legend-item",
        "data-key": item.key,
        transform: `translate(${x},${line * FRAME.legendRowHeight})`,
      });
      element.appendChild(item.swatch(document));
      element.appendChild(
        createText(document, item.label, {
          x: FRAME.legendSwatch + 6,
          y: 13,
          size: FRAME.legendFontSize,
        }),
      );
      g.appendChild(element);
      x += itemWidth + FRAME.legendGap;
    }
    line += 1;
  }
  return { element: g, height: line * FRAME.legendRowHeight + FRAME.legendBottom };
}

/** A node symbol drawn as Plot draws it (a square of the same area as the circle). */
function nodeSwatch(
  document: Document,
  sector: Sector,
  fill: string,
  stroke: string,
  strokeWidth: number,
): Element {
  const r = STYLE.radius[sector];
  const cx = FRAME.legendSwatch / 2;
  const cy = 9;
  let element: Element;
  if (sector === "voluntary") {
    element = document.createElementNS(SVG_NS, "circle");
    setAttributes(element, { cx, cy, r });
  } else {
    element = document.createElementNS(SVG_NS, "path");
    setAttributes(element, {
      transform: `translate(${cx},${cy})`,
      d: symbol(symbolSquare, Math.PI * r * r)() ?? "",
    });
  }
  setAttributes(element, { fill, stroke, "stroke-width": strokeWidth });
  if (stroke === STYLE.nodeHalo) {
    // a white halo is invisible on white: outline the swatch lightly instead
    element.setAttribute("stroke", fill);
  }
  return element;
}

function lineSwatch(
  document: Document,
  style: { stroke: string; strokeWidth: number; dash: string | undefined },
): Element {
  const element = document.createElementNS(SVG_NS, "line");
  setAttributes(element, {
    x2: FRAME.legendSwatch,
    y1: 9,
    y2: 9,
    stroke: style.stroke,
    "stroke-width": style.strokeWidth,
  });
  if (style.dash !== undefined) element.setAttribute("stroke-dasharray", style.dash);
  return element;
}
