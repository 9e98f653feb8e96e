import { deepStrictEqual, notDeepStrictEqual, rejects, strictEqual } from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { differenceChart, svgToPng } from "../../src/charts/mod.ts";
import { comparisonRows } from "./_table_fixtures.ts";
import { parseSvg } from "./_svg.ts";

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  readonly bitDepth: number;
  readonly chunks: readonly string[];
  /** The inflated image data (one filter byte, then the pixels, per row). */
  readonly pixels: Uint8Array;
}

/** Reads a PNG's chunks: IHDR's fields, the chunk types in order, and the inflated IDAT data. */
function decodePng(png: Uint8Array): DecodedPng {
  deepStrictEqual([...png.subarray(0, 8)], SIGNATURE, "PNG signature");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let offset = 8;
  let header = { width: 0, height: 0, bitDepth: 0, colorType: 0 };
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = new TextDecoder().decode(png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    chunks.push(type);
    if (type === "IHDR") {
      header = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitDepth: data[8],
        colorType: data[9],
      };
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  strictEqual(offset, png.length, "chunks fill the file exactly");
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of idat) {
    joined.set(d, at);
    at += d.length;
  }
  return { ...header, chunks, pixels: new Uint8Array(inflateSync(joined)) };
}

Deno.test("svgToPng() renders a chart to a PNG that decodes at the width asked for", async () => {
  const svg = differenceChart(comparisonRows());
  const root = parseSvg(svg);
  const svgWidth = Number(root.getAttribute("width"));
  const svgHeight = Number(root.getAttribute("height"));
  const png = await svgToPng(svg, { width: 1200 });
  const decoded = decodePng(png);
  strictEqual(decoded.width, 1200);
  strictEqual(decoded.height, Math.round((1200 * svgHeight) / svgWidth));
  strictEqual(decoded.chunks[0], "IHDR");
  strictEqual(decoded.chunks[decoded.chunks.length - 1], "IEND");
  const bytesPerPixel = { 6: 4, 2: 3, 0: 1, 4: 2 }[decoded.colorType] ?? NaN;
  strictEqual(decoded.bitDepth, 8);
  strictEqual(decoded.pixels.length, decoded.height * (1 + decoded.width * bytesPerPixel));
  await Deno.mkdir(new URL("../output/", import.meta.url), { recursive: true });
  await Deno.writeFile(new URL("../output/difference.png", import.meta.url), png);
});

Deno.test("svgToPng() keeps the SVG's own size by default", async () => {
  const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="37" height="11"/>');
  const { width, height } = decodePng(png);
  deepStrictEqual([width, height], [37, 11]);
});

Deno.test("svgToPng() draws text with the bundled font (text is not silently dropped)", async () => {
  const frame = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30" font-family="system-ui, sans-serif">${body}</svg>`;
  const blank = decodePng(await svgToPng(frame(""))).pixels;
  const text =
    decodePng(await svgToPng(frame('<text x="4" y="20" font-size="16">Trust</text>'))).pixels;
  const bold = decodePng(
    await svgToPng(frame('<text x="4" y="20" font-size="16" font-weight="bold">Trust</text>')),
  ).pixels;
  notDeepStrictEqual(text, blank, "the text left pixels");
  notDeepStrictEqual(bold, text, "bold differs from regular");
});

Deno.test("svgToPng() rejects bad widths and unparsable SVG", async () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
  await rejects(() => svgToPng(svg, { width: 0 }), RangeError);
  await rejects(() => svgToPng(svg, { width: 10.5 }), RangeError);
  await rejects(() => svgToPng(svg, { width: 1e6 }), RangeError);
  await rejects(() => svgToPng("<svg"));
});
