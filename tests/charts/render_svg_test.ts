import { match, ok, strictEqual, throws } from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { DOMParser } from "linkedom";
import { renderSvg } from "../../src/charts/mod.ts";

const clipped = (document: Document) =>
  Plot.plot({
    document,
    clip: true,
    x: { domain: [0, 2] },
    marks: [Plot.lineY([{ x: 0, y: 1 }, { x: 3, y: 2 }], { x: "x", y: "y" })],
  });

/** True if `python3` can be run here (it serves as an independent, strict XML reader). */
async function hasPython(): Promise<boolean> {
  try {
    const { success } = await new Deno.Command("python3", { args: ["-c", "pass"] }).output();
    return success;
  } catch {
    return false;
  }
}

Deno.test("renderSvg() renumbers Plot's per-call clip ids so repeated renders are identical", () => {
  const first = renderSvg(clipped, { title: "Clipped" });
  const second = renderSvg(clipped, { title: "Clipped" });
  strictEqual(second, first);
  match(first, /<clipPath id="chart-1">/);
  match(first, /clip-path="url\(#chart-1\)"/);
  strictEqual(first.includes("plot-clip"), false);
  match(renderSvg(clipped, { title: "Clipped", idPrefix: "a" }), /<clipPath id="a-1">/);
});

Deno.test("renderSvg() draws title, subtitle and caption as SVG text around the chart", () => {
  const svg = renderSvg(clipped, { title: "T", subtitle: "Read me", caption: "Source: here" });
  const root = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  strictEqual(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  const labels = Array.from(
    root.querySelectorAll(":scope > text"),
    (t) => `${t.getAttribute("aria-label")}=${t.textContent}`,
  );
  strictEqual(labels.join(" | "), "title=T | subtitle=Read me | caption=Source: here");
  const [title, subtitle, caption] = Array.from(root.querySelectorAll(":scope > text"));
  strictEqual(title.getAttribute("font-weight"), "bold");
  ok(Number(title.getAttribute("font-size")) > Number(subtitle.getAttribute("font-size")));
  const chart = root.querySelector(":scope > svg");
  ok(chart !== null);
  const chartBottom = Number(chart.getAttribute("y")) + Number(chart.getAttribute("height"));
  ok(Number(caption.getAttribute("y")) > chartBottom, "caption below the chart");
  ok(Number(root.getAttribute("height")) > Number(caption.getAttribute("y")));
  strictEqual(svg.includes("<style"), false);
});

Deno.test("renderSvg() rejects a Plot <figure>", () => {
  throws(
    () =>
      renderSvg(
        (document) => Plot.plot({ document, title: "In Plot", marks: [Plot.lineY([1, 2])] }),
        { title: "T" },
      ),
    { name: "TypeError", message: /<figure>/ },
  );
});

Deno.test({
  name: "renderSvg() output is well-formed XML for a strict parser (Python's expat)",
  ignore: !(await hasPython()),
  async fn() {
    const hostile = `<script>alert("x")</script> & \u0001 ]]>`;
    const svg = renderSvg(clipped, { title: hostile, subtitle: hostile, caption: hostile });
    const child = new Deno.Command("python3", {
      args: [
        "-c",
        "import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.buffer.read()); " +
        "print(d.documentElement.tagName, len(d.getElementsByTagName('script')))",
      ],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(svg));
    await writer.close();
    const { success, stdout, stderr } = await child.output();
    strictEqual(success, true, new TextDecoder().decode(stderr));
    strictEqual(new TextDecoder().decode(stdout).trim(), "svg 0");
  },
});
