/// <reference lib="deno.unstable" />
/**
 * Display helpers shared by the notebooks: show an SVG chart, an arquero table or a line of
 * markdown under the running cell of the Deno Jupyter kernel.
 *
 * Each helper sends its output with `Deno.jupyter.display` and then waits a moment. The Deno
 * kernel can report a cell finished before its last output has gone out, and headless runs
 * (`jupyter nbconvert --execute`, as in CI) drop output that arrives after that; the pause
 * keeps it in the cell. Notebook front ends (Jupyter Lab, VS Code) show late output anyway.
 *
 * @example Make a chart twice as large before showing it
 * ```ts
 * import { scaleSvg } from "./display.ts";
 * import { strictEqual } from "node:assert/strict";
 * const svg = '<svg width="300" height="200" viewBox="0 0 300 200"></svg>';
 * strictEqual(scaleSvg(svg, 2), '<svg width="600" height="400" viewBox="0 0 300 200"></svg>');
 * ```
 *
 * @module
 */
import type { Table } from "../src/experiment/mod.ts";

/** Milliseconds to wait after sending an output, so it is not reported after the cell ends. */
export const FLUSH_MS = 50;

/** Options of {@linkcode table}. */
export interface TableOptions {
  /** Most rows shown. @default {20} */
  readonly limit?: number;
  /** Digits after the decimal point for numbers that are not whole. @default {3} */
  readonly digits?: number;
  /** Font size of the cells in px, e.g. 20 for a workshop room; by default the notebook's. */
  readonly fontSizePx?: number;
}

/**
 * Shows an SVG chart (as made by `src/charts`) under the running cell.
 *
 * @param svg A standalone SVG document.
 * @param scale Size factor: 1.5 draws it half as large again, text included. @default {1}
 * @returns When the chart has been sent.
 *
 * @example In a notebook cell (the kernel's `Deno.jupyter` exists only there)
 * ```ts ignore
 * import { chart } from "./display.ts";
 * import { trajectoryChart } from "../src/charts/mod.ts";
 * await chart(trajectoryChart(rows), 1.5);
 * ```
 */
export async function chart(svg: string, scale = 1): Promise<void> {
  await Deno.jupyter.display({ "image/svg+xml": scaleSvg(svg, scale) }, { raw: true });
  await flush();
}

/**
 * Shows an arquero table as HTML under the running cell.
 *
 * @param data The table.
 * @param options Rows shown and decimal digits.
 * @returns When the table has been sent.
 *
 * @example In a notebook cell
 * ```ts ignore
 * import { table } from "./display.ts";
 * await table(runsTable(runs).select("run_id", "mean_trust"), { limit: 5 });
 * ```
 */
export async function table(data: Table, options: TableOptions = {}): Promise<void> {
  await Deno.jupyter.display({ "text/html": tableHtml(data, options) }, { raw: true });
  await flush();
}

/**
 * Shows markdown text under the running cell.
 *
 * @param text Markdown.
 * @returns When the text has been sent.
 *
 * @example In a notebook cell
 * ```ts ignore
 * import { markdown } from "./display.ts";
 * await markdown(`**${runs.length} runs** finished`);
 * ```
 */
export async function markdown(text: string): Promise<void> {
  await Deno.jupyter.display({ "text/markdown": text }, { raw: true });
  await flush();
}

/**
 * An arquero table as an HTML `<table>`, numbers rounded to a few decimal digits.
 *
 * @param data The table.
 * @param options Rows shown and decimal digits.
 * @returns The HTML.
 *
 * @example
 * ```ts
 * import * as aq from "arquero";
 * import { tableHtml } from "./display.ts";
 * import { match } from "node:assert/strict";
 * const html = tableHtml(aq.table({ metric: ["trust"], mean: [0.123456] }), { digits: 2 });
 * match(html, />0\.12</);
 * match(tableHtml(aq.table({ n: [1] }), { fontSizePx: 20 }), /font-size: 20px/);
 * ```
 */
export function tableHtml(data: Table, options: TableOptions = {}): string {
  const { limit = 20, digits = 3, fontSizePx } = options;
  const rounded = (value: unknown) =>
    typeof value === "number" && !Number.isInteger(value)
      ? String(Number(value.toFixed(digits)))
      : String(value);
  const format = Object.fromEntries(data.columnNames().map((name) => [name, rounded]));
  const cell = fontSizePx === undefined ? undefined : `font-size: ${fontSizePx}px;`;
  return data.toHTML({
    limit,
    format,
    style: cell === undefined ? undefined : { th: cell, td: cell },
  });
}

/**
 * Scales an SVG document's displayed size (its root `width` and `height`), keeping its
 * `viewBox`, so text and lines grow with it.
 *
 * @param svg A standalone SVG document with numeric `width` and `height` on its root.
 * @param scale Size factor, > 0.
 * @returns The scaled SVG (unchanged when `scale` is 1).
 * @throws {RangeError} If the scale is not a positive number, or the root has no numeric size.
 *
 * @example
 * ```ts
 * import { scaleSvg } from "./display.ts";
 * import { match } from "node:assert/strict";
 * match(scaleSvg('<svg width="100" height="50" viewBox="0 0 100 50"/>', 1.5), /width="150" height="75"/);
 * ```
 */
export function scaleSvg(svg: string, scale: number): string {
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(
      `Cannot scale a chart by a factor that is not a positive number: ${scale}`,
    );
  }
  if (scale === 1) return svg;
  const root = /<svg\b[^>]*>/.exec(svg);
  const width = root && /\swidth="([\d.]+)"/.exec(root[0]);
  const height = root && /\sheight="([\d.]+)"/.exec(root[0]);
  if (!root || !width || !height) {
    throw new RangeError("Cannot scale a chart whose <svg> root has no numeric width and height");
  }
  const scaled = root[0]
    .replace(width[0], ` width="${round(Number(width[1]) * scale)}"`)
    .replace(height[0], ` height="${round(Number(height[1]) * scale)}"`);
  return svg.slice(0, root.index) + scaled + svg.slice(root.index + root[0].length);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, FLUSH_MS));
}
