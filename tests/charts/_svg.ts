/**
 * Test helpers for reading a chart's SVG as a browser would: an XML parse, texts by selector,
 * every attribute value, and writing the SVG to `tests/output/` for a look.
 *
 * @module
 */
import { DOMParser } from "linkedom";

/** Parses an SVG string as XML and returns its root element. */
export function parseSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml") as unknown as Document;
  return doc.documentElement;
}

/** Text content of every element matching `selector` under `root`. */
export function texts(root: ParentNode, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? "");
}

/** Every attribute value of every element under `root`. */
export function attributeValues(root: Element): string[] {
  const values: string[] = [];
  const visit = (element: Element) => {
    for (const attribute of Array.from(element.attributes)) values.push(attribute.value);
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return values;
}

/** The frame's title, reading guide and caption. */
export function frameTexts(root: Element): { title: string; subtitle: string; caption: string } {
  return {
    title: texts(root, 'text[aria-label="title"]')[0] ?? "",
    subtitle: texts(root, 'text[aria-label="subtitle"]')[0] ?? "",
    caption: texts(root, 'text[aria-label="caption"]')[0] ?? "",
  };
}

/** Writes the SVG to `tests/output/<name>.svg` (git-ignored), to look at after a run. */
export async function writeOutput(name: string, svg: string): Promise<void> {
  const dir = new URL("../output/", import.meta.url);
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(new URL(`${name}.svg`, dir), svg);
}

/**
 * Grey level (Rec. 709 relative luminance, 0 black to 1 white) of a `#rrggbb` or
 * `rgb(r, g, b)` colour: what a greyscale print or a reader without colour vision sees.
 */
export function luminance(color: string): number {
  const rgb = color.startsWith("#")
    ? [0, 1, 2].map((i) => parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16))
    : (color.match(/\d+/g) ?? []).map(Number);
  if (rgb.length !== 3 || rgb.some((c) => !(c >= 0 && c <= 255))) {
    throw new TypeError(`Cannot read a colour: ${color}`);
  }
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
