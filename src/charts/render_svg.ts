/**
 * Server-side SVG rendering: a linkedom DOM for Observable Plot, a frame with title,
 * reading guide and source line, and a deterministic XML serialiser.
 *
 * @module
 */
import { parseHTML } from "linkedom";

/** The SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** Options of {@linkcode renderSvg}. */
export interface RenderSvgOptions {
  /** Chart title, drawn bold and larger at the top, and put in the SVG's `<title>`. */
  readonly title: string;
  /** One-line reading guide under the title ("Lines: …; bands: …"). */
  readonly subtitle?: string;
  /** Source line under the chart ("Scenario baseline, 5 replicates, seed 1"). */
  readonly caption?: string;
  /**
   * Prefix of the renumbered element ids (`<prefix>-1`, `<prefix>-2`, …). Give each chart
   * on one HTML page its own prefix so their clip paths do not collide.
   *
   * @default {"chart"}
   */
  readonly idPrefix?: string;
}

/** Layout of the frame around the content, in px. */
const FRAME = Object.freeze({
  margin: 16,
  titleSize: 18,
  subtitleSize: 12,
  captionSize: 10,
  lineGap: 6,
  contentGap: 12,
  ink: "#1a1a1a",
  muted: "#555555",
  background: "#ffffff",
  fontFamily: "system-ui, sans-serif",
});

/**
 * Creates an empty HTML document with linkedom, for Plot's `document` option.
 *
 * @returns A fresh document (no window, no browser).
 *
 * @example Make an SVG element without a browser
 * ```ts
 * import { createDocument, SVG_NS } from "./render_svg.ts";
 * import { strictEqual } from "node:assert/strict";
 * const svg = createDocument().createElementNS(SVG_NS, "svg");
 * strictEqual(svg.localName, "svg");
 * ```
 */
export function createDocument(): Document {
  const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");
  // linkedom's Document implements the parts of the DOM that Plot uses.
  return document as unknown as Document;
}

/**
 * Renders a chart to a standalone SVG string: calls `build` with a fresh linkedom
 * document, wraps the returned `<svg>` in an outer SVG with the title (bold, larger),
 * subtitle and caption drawn as SVG `<text>`, and serialises it as XML.
 *
 * The output is deterministic: Plot's per-call element ids (`plot-clip-7`) are renumbered
 * in document order, Plot's `<style>` blocks and generated class names are dropped,
 * geometry is rounded to 3 decimals, and all text and attribute values are escaped.
 *
 * @param build Draws the chart into `document` and returns its `<svg>` element, e.g.
 * `(document) => Plot.plot({document, marks})`. Its `width` and `height` attributes (px)
 * size the frame. Do not pass `title`, `subtitle` or `caption` to Plot (it would return
 * an HTML `<figure>`); pass them here.
 * @param options Title, subtitle, caption and id prefix.
 * @returns A standalone SVG document as a string (with `xmlns`), ready to write to a
 * `.svg` file.
 * @throws {TypeError} If `build` returns something other than an `<svg>` element.
 *
 * @example Frame a Plot chart with a title and a source line
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { renderSvg } from "./render_svg.ts";
 * import { match, strictEqual } from "node:assert/strict";
 * const svg = renderSvg(
 *   (document) => Plot.plot({ document, marks: [Plot.lineY([1, 3, 2])] }),
 *   { title: "Trust & engagement", caption: "Source: test" },
 * );
 * match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
 * match(svg, /Trust &amp; engagement/);
 * strictEqual(svg.includes("<style"), false);
 * ```
 */
export function renderSvg(
  build: (document: Document) => Element,
  options: RenderSvgOptions,
): string {
  const { title, subtitle, caption, idPrefix = "chart" } = options;
  if (typeof title !== "string") {
    throw new TypeError(`Cannot render an SVG without a string title: ${title}`);
  }
  const document = createDocument();
  const content = build(document);
  if (content?.localName !== "svg") {
    throw new TypeError(
      `Cannot render an SVG from a <${content?.localName}> element: return an <svg> ` +
        "(pass title, subtitle and caption to renderSvg, not to Plot)",
    );
  }
  const contentWidth = numberAttribute(content, "width");
  const contentHeight = numberAttribute(content, "height");

  const { margin } = FRAME;
  let y = margin;
  const texts: Element[] = [];
  const addText = (text: string, size: number, fill: string, bold: boolean, role: string) => {
    y += size;
    const element = createText(document, text, { x: margin, y, size, fill, bold });
    element.setAttribute("aria-label", role);
    texts.push(element);
    y += FRAME.lineGap;
  };
  addText(title, FRAME.titleSize, FRAME.ink, true, "title");
  if (subtitle !== undefined) addText(subtitle, FRAME.subtitleSize, FRAME.muted, false, "subtitle");
  y += FRAME.contentGap - FRAME.lineGap;
  const contentY = y;
  y += contentHeight;
  if (caption !== undefined) {
    y += FRAME.contentGap - FRAME.lineGap;
    addText(caption, FRAME.captionSize, FRAME.muted, false, "caption");
  }
  const height = Math.ceil(y - FRAME.lineGap + margin);
  const width = Math.ceil(
    Math.max(
      contentWidth + 2 * margin,
      estimateTextWidth(title, FRAME.titleSize, true) + 2 * margin,
      estimateTextWidth(subtitle ?? "", FRAME.subtitleSize) + 2 * margin,
      estimateTextWidth(caption ?? "", FRAME.captionSize) + 2 * margin,
    ),
  );

  const root = document.createElementNS(SVG_NS, "svg");
  setAttributes(root, {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "font-family": FRAME.fontFamily,
    color: FRAME.ink,
  });
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = title;
  root.appendChild(titleElement);
  if (subtitle !== undefined) {
    const desc = document.createElementNS(SVG_NS, "desc");
    desc.textContent = subtitle;
    root.appendChild(desc);
  }
  const background = document.createElementNS(SVG_NS, "rect");
  setAttributes(background, { width: "100%", height: "100%", fill: FRAME.background });
  root.appendChild(background);
  for (const text of texts) root.appendChild(text);
  content.setAttribute("x", String(margin));
  content.setAttribute("y", String(contentY));
  root.appendChild(content);

  stripPlotStyles(root);
  renumberIds(root, idPrefix);
  if (usesXlink(root)) root.setAttribute("xmlns:xlink", XLINK_NS);
  return serializeSvg(root) + "\n";
}

/** Position and look of a text element made by {@linkcode createText}. */
export interface TextOptions {
  /** x position, px. */
  readonly x: number;
  /** y position of the baseline, px. */
  readonly y: number;
  /** Font size, px. @default {12} */
  readonly size?: number;
  /** Fill colour. @default {"currentColor"} */
  readonly fill?: string;
  /** Bold? @default {false} */
  readonly bold?: boolean;
  /** Text anchor. @default {"start"} */
  readonly anchor?: "start" | "middle" | "end";
}

/**
 * Creates an SVG `<text>` element; the text is set as text content, so it is escaped when
 * serialised.
 *
 * @param document The document to create it in.
 * @param text The text.
 * @param options Position, size, fill, weight and anchor.
 * @returns The element, not yet attached.
 *
 * @example
 * ```ts
 * import { createDocument, createText } from "./render_svg.ts";
 * import { strictEqual } from "node:assert/strict";
 * const text = createText(createDocument(), "Year", { x: 10, y: 20, bold: true });
 * strictEqual(text.getAttribute("font-weight"), "bold");
 * strictEqual(text.textContent, "Year");
 * ```
 */
export function createText(document: Document, text: string, options: TextOptions): Element {
  const { x, y, size = 12, fill = "currentColor", bold = false, anchor = "start" } = options;
  const element = document.createElementNS(SVG_NS, "text");
  setAttributes(element, { x, y, "font-size": size, fill, "text-anchor": anchor });
  if (bold) element.setAttribute("font-weight", "bold");
  element.textContent = text;
  return element;
}

/**
 * Sets several attributes at once, in the given order.
 *
 * @param element The element.
 * @param attributes Attribute names and values (numbers are written with `String`).
 * @returns The element.
 *
 * @example
 * ```ts
 * import { createDocument, setAttributes, SVG_NS } from "./render_svg.ts";
 * import { strictEqual } from "node:assert/strict";
 * const rect = createDocument().createElementNS(SVG_NS, "rect");
 * setAttributes(rect, { width: 10, fill: "red" });
 * strictEqual(rect.getAttribute("width"), "10");
 * ```
 */
export function setAttributes(
  element: Element,
  attributes: Readonly<Record<string, string | number>>,
): Element {
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}

/**
 * Estimates the width of a line of text in a sans-serif font, for layout without a browser
 * (about 0.58 em per character, 0.62 em in bold).
 *
 * @param text The text.
 * @param size Font size, px.
 * @param bold Bold text?
 * @returns Estimated width, px.
 *
 * @example
 * ```ts
 * import { estimateTextWidth } from "./render_svg.ts";
 * import { ok } from "node:assert/strict";
 * ok(estimateTextWidth("baseline", 12) > estimateTextWidth("base", 12));
 * ```
 */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  return [...text].length * size * (bold ? 0.62 : 0.58);
}

/**
 * Serialises an SVG element tree as XML: element names keep their case (`clipPath`), text
 * and attribute values are escaped, characters not allowed in XML are dropped, comments
 * are dropped, and numbers in geometry attributes are rounded to 3 decimals.
 *
 * linkedom's own `outerHTML` follows HTML rules and leaves `<` and `&` unescaped inside
 * attribute values, which is not well-formed XML; this serialiser does not.
 *
 * @param element The root element.
 * @returns Its XML text.
 *
 * @example Escape hostile text
 * ```ts
 * import { createDocument, createText, serializeSvg } from "./render_svg.ts";
 * import { strictEqual } from "node:assert/strict";
 * const text = createText(createDocument(), "<script>", { x: 0.12345, y: 1 });
 * text.setAttribute("aria-label", 'a "<b>" & c');
 * strictEqual(
 *   serializeSvg(text),
 *   '<text x="0.123" y="1" font-size="12" fill="currentColor" text-anchor="start" ' +
 *     'aria-label="a &quot;&lt;b>&quot; &amp; c">&lt;script&gt;</text>',
 * );
 * ```
 */
export function serializeSvg(element: Element): string {
  const parts: string[] = [];
  writeElement(element, parts);
  return parts.join("");
}

const ROUNDED_ATTRIBUTES = new Set([
  "d",
  "transform",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "dx",
  "dy",
  "width",
  "height",
  "viewBox",
  "points",
]);
const NUMBER = /-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?/g;
/** Elements whose children are laid out by the serialiser on separate lines. */
const BLOCK_ELEMENTS = new Set(["svg", "g", "clipPath", "defs"]);

function writeElement(element: Element, parts: string[]): void {
  const name = element.localName;
  parts.push("<", name);
  // linkedom keeps attributes newest first; write them in the order they were set.
  for (const attribute of Array.from(element.attributes).reverse()) {
    const value = ROUNDED_ATTRIBUTES.has(attribute.name)
      ? roundNumbers(attribute.value)
      : attribute.value;
    parts.push(" ", attribute.name, '="', escapeAttribute(value), '"');
  }
  const children = Array.from(element.childNodes);
  if (children.length === 0) {
    parts.push(" />");
    return;
  }
  parts.push(">");
  const block = BLOCK_ELEMENTS.has(name);
  for (const child of children) {
    if (child.nodeType === 1) {
      if (block) parts.push("\n");
      writeElement(child as Element, parts);
    } else if (child.nodeType === 3 || child.nodeType === 4) {
      parts.push(escapeText(child.nodeValue ?? ""));
    }
  }
  if (block) parts.push("\n");
  parts.push("</", name, ">");
}

function roundNumbers(value: string): string {
  return value.replace(NUMBER, (match) => {
    if (!match.includes(".") && !/e/i.test(match)) return match;
    const rounded = Math.round(Number(match) * 1000) / 1000;
    return Object.is(rounded, -0) ? "0" : String(rounded);
  });
}

function escapeText(text: string): string {
  return dropInvalidXmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(
    />/g,
    "&gt;",
  );
}

function escapeAttribute(text: string): string {
  return dropInvalidXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Drops characters XML 1.0 does not allow (C0 controls other than tab, LF and CR). */
function dropInvalidXmlChars(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const allowed = code === 9 || code === 10 || code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) out += char;
  }
  return out;
}

/** Removes Plot's `<style>` blocks and its generated `plot-xxxxxx` class names. */
function stripPlotStyles(root: Element): void {
  for (const style of Array.from(root.querySelectorAll("style"))) style.remove();
  for (const element of descendants(root)) {
    const classes = element.getAttribute("class");
    if (classes === null) continue;
    const kept = classes.split(/\s+/).filter((c) => c !== "" && !/^plot-[0-9a-f]{6}/.test(c));
    if (kept.length === 0) element.removeAttribute("class");
    else element.setAttribute("class", kept.join(" "));
  }
}

/**
 * Renames every id to `<prefix>-<n>` in document order and rewrites the references to it
 * (`url(#id)` in any attribute, `#id` in `href` and `xlink:href`).
 */
function renumberIds(root: Element, prefix: string): void {
  const renamed = new Map<string, string>();
  for (const element of descendants(root)) {
    const id = element.getAttribute("id");
    if (id === null) continue;
    const next = `${prefix}-${renamed.size + 1}`;
    renamed.set(id, next);
    element.setAttribute("id", next);
  }
  if (renamed.size === 0) return;
  for (const element of descendants(root)) {
    for (const attribute of Array.from(element.attributes)) {
      const { name, value } = attribute;
      if (value.includes("url(#")) {
        const rewritten = value.replace(
          /url\(#([^)]+)\)/g,
          (match, id: string) => renamed.has(id) ? `url(#${renamed.get(id)})` : match,
        );
        element.setAttribute(name, rewritten);
      } else if ((name === "href" || name === "xlink:href") && value.startsWith("#")) {
        const id = renamed.get(value.slice(1));
        if (id !== undefined) element.setAttribute(name, `#${id}`);
      }
    }
  }
}

function usesXlink(root: Element): boolean {
  for (const element of descendants(root)) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name.startsWith("xlink:")) return true;
    }
  }
  return false;
}

/** The element and all its descendant elements, in document order. */
function descendants(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (element: Element) => {
    out.push(element);
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return out;
}

function numberAttribute(element: Element, name: string): number {
  const value = Number(element.getAttribute(name));
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(
      `Cannot size the chart from the <svg> ${name} attribute: ${element.getAttribute(name)}`,
    );
  }
  return value;
}
