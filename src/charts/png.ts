/**
 * PNG for slides: a chart's SVG rendered by resvg (compiled to WebAssembly, so no browser and
 * no native library) with the DejaVu Sans fonts from npm. Needs only read permission (the
 * WebAssembly module and the fonts are read from the npm packages).
 *
 * @module
 */
import { initWasm, Resvg } from "@resvg/resvg-wasm";

/** Options of {@linkcode svgToPng}. */
export interface SvgToPngOptions {
  /**
   * Width of the PNG, px; the height follows the SVG's aspect ratio. By default the SVG's own
   * width (1 px per SVG unit).
   */
  readonly width?: number;
  /** Background colour behind transparent parts. @default {"#ffffff"} */
  readonly background?: string;
}

/** The font files given to resvg (its `defaultFontFamily` is DejaVu Sans). */
export const PNG_FONT_FILES: readonly string[] = Object.freeze([
  "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
]);

/** The largest PNG width accepted, px. */
export const MAX_PNG_WIDTH = 8000;

let ready: Promise<Uint8Array[]> | undefined;

/** Loads resvg's WebAssembly once per process and reads the fonts. */
function prepare(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    const wasm = await Deno.readFile(
      new URL(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm")),
    );
    await initWasm(wasm);
    return await Promise.all(
      PNG_FONT_FILES.map((file) => Deno.readFile(new URL(import.meta.resolve(file)))),
    );
  })();
  ready.catch(() => ready = undefined);
  return ready;
}

/**
 * Renders an SVG document to a PNG image. Text is drawn with DejaVu Sans (whatever font the
 * SVG names), so a PNG looks the same on every machine.
 *
 * @param svg A standalone SVG document (with `xmlns`), e.g. from a chart builder.
 * @param options Width of the image and background colour.
 * @returns The PNG file's bytes.
 * @throws {RangeError} If the width is not a whole number in [1, {@linkcode MAX_PNG_WIDTH}].
 * @throws {Error} If resvg cannot parse the SVG.
 *
 * @example A 300 px wide PNG of a 150 × 50 SVG is 300 × 100
 * ```ts
 * import { svgToPng } from "./png.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const png = await svgToPng(
 *   '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="50"><text y="30">Hi</text></svg>',
 *   { width: 300 },
 * );
 * const view = new DataView(png.buffer, png.byteOffset);
 * deepStrictEqual([view.getUint32(16), view.getUint32(20)], [300, 100]);
 * ```
 */
export async function svgToPng(svg: string, options: SvgToPngOptions = {}): Promise<Uint8Array> {
  const { width, background = "#ffffff" } = options;
  if (width !== undefined && (!Number.isInteger(width) || width < 1 || width > MAX_PNG_WIDTH)) {
    throw new RangeError(
      `Cannot render a PNG of a width that is not a whole number in [1, ${MAX_PNG_WIDTH}]: ${width}`,
    );
  }
  if (typeof svg !== "string") throw new TypeError(`Cannot render a PNG from: ${typeof svg}`);
  const fonts = await prepare();
  const resvg = new Resvg(svg, {
    background,
    fitTo: width === undefined ? { mode: "original" } : { mode: "width", value: width },
    font: {
      fontBuffers: fonts,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
