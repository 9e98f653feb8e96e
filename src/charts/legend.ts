/**
 * Legends drawn as plain SVG (Plot's own legends are HTML, or need a canvas for ramps):
 * swatch legends whose items wrap into rows, and a stepped colour ramp.
 *
 * @module
 */
import { createText, estimateTextWidth, setAttributes, SVG_NS } from "./render_svg.ts";

/** The swatch of one legend item. */
export type LegendSwatch =
  | {
    /** A filled rectangle (an area or a bar). */
    readonly kind: "rect";
    readonly fill: string;
    readonly fillOpacity?: number;
    readonly stroke?: string;
  }
  | {
    /** A line sample, possibly dashed. */
    readonly kind: "line";
    readonly stroke: string;
    readonly dash?: string;
    readonly width?: number;
  }
  | {
    /** A point symbol on a short whisker (dot-and-whisker charts). */
    readonly kind: "symbol";
    readonly symbol: "circle" | "square" | "diamond";
    readonly fill: string;
    readonly stroke: string;
  };

/** One item of a swatch legend. */
export interface LegendItem {
  /** Text next to the swatch (escaped when serialised). */
  readonly label: string;
  /** What the swatch looks like. */
  readonly swatch: LegendSwatch;
}

const STYLE = Object.freeze({
  rowHeight: 22,
  swatch: 28,
  gap: 18,
  fontSize: 12,
  bottom: 6,
});

/**
 * Draws a swatch legend: one item per entry, left to right, wrapping into rows within `width`.
 *
 * @param document The document to draw in.
 * @param items The items, in order.
 * @param width Width available, px.
 * @returns The legend group (class `legend`, one `g.legend-item` per item) and its height, px.
 *
 * @example Two items
 * ```ts
 * import { createDocument } from "./render_svg.ts";
 * import { swatchLegend } from "./legend.ts";
 * import { strictEqual } from "node:assert/strict";
 * const { element } = swatchLegend(createDocument(), [
 *   { label: "waiting", swatch: { kind: "rect", fill: "#E69F00" } },
 *   { label: "fell through the gaps", swatch: { kind: "line", stroke: "#000", dash: "4,2" } },
 * ], 400);
 * strictEqual(element.querySelectorAll("g.legend-item").length, 2);
 * ```
 */
export function swatchLegend(
  document: Document,
  items: readonly LegendItem[],
  width: number,
): { element: Element; height: number } {
  const g = document.createElementNS(SVG_NS, "g");
  setAttributes(g, { class: "legend", "aria-label": "legend" });
  let x = 0;
  let row = 0;
  for (const { label, swatch } of items) {
    const itemWidth = STYLE.swatch + 6 + estimateTextWidth(label, STYLE.fontSize);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const item = document.createElementNS(SVG_NS, "g");
    setAttributes(item, {
      class: "legend-item",
      transform: `translate(${x},${row * STYLE.rowHeight})`,
    });
    item.appendChild(drawSwatch(document, swatch));
    item.appendChild(
      createText(document, label, { x: STYLE.swatch + 6, y: 13, size: STYLE.fontSize }),
    );
    g.appendChild(item);
    x += itemWidth + STYLE.gap;
  }
  return { element: g, height: (row + 1) * STYLE.rowHeight + STYLE.bottom };
}

function drawSwatch(document: Document, swatch: LegendSwatch): Element {
  const w = STYLE.swatch;
  if (swatch.kind === "rect") {
    const rect = document.createElementNS(SVG_NS, "rect");
    setAttributes(rect, { y: 2, width: w, height: 14, fill: swatch.fill });
    if (swatch.fillOpacity !== undefined) {
      rect.setAttribute("fill-opacity", String(swatch.fillOpacity));
    }
    if (swatch.stroke !== undefined) {
      setAttributes(rect, { stroke: swatch.stroke, "stroke-width": 1.5 });
    }
    return rect;
  }
  if (swatch.kind === "line") {
    const line = document.createElementNS(SVG_NS, "line");
    setAttributes(line, {
      x2: w,
      y1: 9,
      y2: 9,
      stroke: swatch.stroke,
      "stroke-width": swatch.width ?? 2,
    });
    if (swatch.dash !== undefined && swatch.dash !== "none") {
      line.setAttribute("stroke-dasharray", swatch.dash);
    }
    return line;
  }
  const g = document.createElementNS(SVG_NS, "g");
  const whisker = document.createElementNS(SVG_NS, "line");
  setAttributes(whisker, {
    x1: 2,
    x2: w - 2,
    y1: 9,
    y2: 9,
    stroke: swatch.stroke,
    "stroke-width": 1.5,
  });
  g.appendChild(whisker);
  g.appendChild(symbolElement(document, swatch.symbol, w / 2, 9, 4.5, swatch.fill, swatch.stroke));
  return g;
}

/**
 * Draws a point symbol (circle, square or diamond) centred at (x, y).
 *
 * @param document The document to draw in.
 * @param symbol Which symbol.
 * @param x Centre x, px.
 * @param y Centre y, px.
 * @param r Half the symbol's size, px.
 * @param fill Fill colour.
 * @param stroke Stroke colour.
 * @returns The element.
 *
 * @example
 * ```ts
 * import { createDocument } from "./render_svg.ts";
 * import { symbolElement } from "./legend.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(symbolElement(createDocument(), "square", 5, 5, 4, "#000", "#000").localName, "rect");
 * ```
 */
export function symbolElement(
  document: Document,
  symbol: "circle" | "square" | "diamond",
  x: number,
  y: number,
  r: number,
  fill: string,
  stroke: string,
): Element {
  if (symbol === "circle") {
    const circle = document.createElementNS(SVG_NS, "circle");
    setAttributes(circle, { cx: x, cy: y, r, fill, stroke, "stroke-width": 1.5 });
    return circle;
  }
  if (symbol === "square") {
    const rect = document.createElementNS(SVG_NS, "rect");
    setAttributes(rect, {
      x: x - r,
      y: y - r,
      width: 2 * r,
      height: 2 * r,
      fill,
      stroke,
      "stroke-width": 1.5,
    });
    return rect;
  }
  const path = document.createElementNS(SVG_NS, "path");
  const d = r * 1.3;
  setAttributes(path, {
    d: `M${x},${y - d}L${x + d},${y}L${x},${y + d}L${x - d},${y}Z`,
    fill,
    stroke,
    "stroke-width": 1.5,
  });
  return path;
}

/** Options of {@linkcode rampLegend}. */
export interface RampLegendOptions {
  /** The legend's label, e.g. `"Outcomes per £1m (mean across replicates)"`. */
  readonly label: string;
  /** Lowest and highest value. */
  readonly domain: readonly [number, number];
  /** Colour of a value's position in [0, 1] along the domain. */
  readonly color: (t: number) => string;
  /** Formats a tick value. */
  readonly format: (value: number) => string;
  /** Width of the ramp, px. @default {240} */
  readonly width?: number;
  /** Colour steps drawn. @default {32} */
  readonly steps?: number;
}

/**
 * Draws a horizontal colour ramp with its label above and five tick values below, as plain
 * SVG rects (no canvas).
 *
 * @param document The document to draw in.
 * @param options Label, domain, colour, format, width and steps.
 * @returns The legend group (class `legend ramp`) and its height, px.
 *
 * @example
 * ```ts
 * import { interpolateCividis } from "d3";
 * import { createDocument } from "./render_svg.ts";
 * import { rampLegend } from "./legend.ts";
 * import { strictEqual } from "node:assert/strict";
 * const { element } = rampLegend(createDocument(), {
 *   label: "Outcomes per £1m", domain: [500, 800], color: interpolateCividis, format: String, steps: 8,
 * });
 * strictEqual(element.querySelectorAll("rect").length, 8);
 * ```
 */
export function rampLegend(
  document: Document,
  options: RampLegendOptions,
): { element: Element; height: number } {
  const { label, domain, color, format, width = 240, steps = 32 } = options;
  const g = document.createElementNS(SVG_NS, "g");
  setAttributes(g, { class: "legend ramp", "aria-label": "legend" });
  g.appendChild(createText(document, label, { x: 0, y: 12, size: STYLE.fontSize }));
  const top = 18;
  const step = width / steps;
  for (let i = 0; i < steps; i++) {
    const rect = document.createElementNS(SVG_NS, "rect");
    setAttributes(rect, {
      x: i * step,
      y: top,
      width: step + 0.5,
      height: 12,
      fill: color((i + 0.5) / steps),
    });
    g.appendChild(rect);
  }
  const [lo, hi] = domain;
  for (let i = 0; i <= 4; i++) {
    const value = lo + ((hi - lo) * i) / 4;
    const x = (width * i) / 4;
    const tick = document.createElementNS(SVG_NS, "line");
    setAttributes(tick, { x1: x, x2: x, y1: top + 12, y2: top + 16, stroke: "currentColor" });
    g.appendChild(tick);
    g.appendChild(
      createText(document, format(value), {
        x,
        y: top + 27,
        size: 10,
        anchor: i === 0 ? "start" : i === 4 ? "end" : "middle",
      }),
    );
  }
  return { element: g, height: top + 34 };
}
