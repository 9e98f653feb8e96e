/**
 * The explorer's `index.html`: a shell with the styles, a header, and the one classic script
 * that holds the app (a classic script, not a module, so the page also runs when opened as a
 * file, offline).
 *
 * @module
 */

/** Options of {@linkcode explorerHtml}. */
export interface ExplorerHtmlOptions {
  /** The script file next to `index.html`. @default {"explorer.js"} */
  readonly script?: string;
  /** Tool version, shown in the footer. */
  readonly version: string;
}

/**
 * Writes the explorer's `index.html`.
 *
 * @param options Script file and version.
 * @returns The HTML text.
 *
 * @example
 * ```ts
 * import { explorerHtml } from "./page_html.ts";
 * import { match } from "node:assert/strict";
 * const html = explorerHtml({ version: "0.1.0" });
 * match(html, /<html lang="en-GB">/);
 * match(html, /<script src="explorer.js"><\/script>/);
 * ```
 */
export function explorerHtml(options: ExplorerHtmlOptions): string {
  const script = options.script ?? "explorer.js";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partnership explorer</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#charts">Skip to the charts</a>
<header>
  <h1>Partnership explorer</h1>
  <p>Families moving through a partnership of family-support organisations. Move a control and
  watch what happens to the families. The simulation runs in this page; nothing is sent
  anywhere.</p>
</header>
<main id="explorer"><p>Loading the explorer…</p></main>
<noscript><p>The explorer needs JavaScript: the model runs in the page.</p></noscript>
<footer><p>partnership-sim ${escapeHtml(options.version)}. The same model as
<code>deno task sim run</code>: the same seed gives the same numbers.</p></footer>
<script src="${escapeHtml(script)}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  const entities: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
  };
  return text.replace(/[&<>"]/g, (c) => entities[c] ?? c);
}

const STYLES = `
:root { --a: #0072B2; --b: #D55E00; --diff: #009E73; --ink: #1a1a1a; --muted: #555;
  --line: #d0d0d0; --bg: #fff; --panel: #f6f6f4; font-family: system-ui, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 1400px; padding: 0 1rem 2rem; line-height: 1.4; background: var(--bg); }
h1 { font-size: 1.5rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
header p, footer p { margin: 0.25rem 0; color: var(--muted); max-width: 70rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25rem 0.5rem; z-index: 1; }
:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.layout { display: grid; grid-template-columns: minmax(18rem, 24rem) 1fr; gap: 1.5rem; align-items: start; }
.layout.compare { grid-template-columns: minmax(30rem, 40rem) 1fr; }
.layout.compare .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.75rem; }
@media (max-width: 1000px) { .layout, .layout.compare { grid-template-columns: 1fr; } }
fieldset.side { border: 1px solid var(--line); border-top: 6px solid var(--a); border-radius: 4px;
  padding: 0.5rem 0.75rem 0.75rem; margin: 0 0 1rem; background: var(--panel); }
fieldset.side.b { border-top-color: var(--b); }
fieldset.side > legend { font-weight: 700; padding: 0 0.25rem; }
fieldset.depth { border: 1px solid var(--line); border-radius: 4px; padding: 0.25rem 0.5rem; margin: 0.5rem 0; }
fieldset.depth > legend { font-size: 0.9rem; font-weight: 600; }
.control { margin: 0.5rem 0; }
.control label { display: block; font-size: 0.9rem; font-weight: 600; }
.control .unit { font-weight: 400; color: var(--muted); }
.control .row { display: flex; gap: 0.5rem; align-items: center; }
.control input[type=range] { flex: 1; min-width: 8rem; accent-color: var(--a); }
fieldset.side.b input[type=range] { accent-color: var(--b); }
.control output { min-width: 7.5rem; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
.help { font-size: 0.8rem; color: var(--muted); margin: 0; }
.description { font-size: 0.85rem; color: var(--muted); margin: 0.25rem 0 0.5rem; }
select, input[type=number], button { font: inherit; }
.settings { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: end; margin: 0.5rem 0 1rem; }
.settings label { display: block; font-size: 0.9rem; font-weight: 600; }
.settings input[type=number] { width: 8rem; }
.settings .check label { display: inline; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
button { padding: 0.35rem 0.75rem; border: 1px solid #666; border-radius: 4px; background: #fff; cursor: pointer; }
button:disabled { opacity: 0.5; cursor: default; }
.status { display: flex; gap: 0.75rem; align-items: center; min-height: 1.5rem; font-size: 0.9rem; }
.problems { color: #a00000; font-size: 0.9rem; }
.problems:empty { display: none; }
.legend { display: flex; gap: 1.25rem; flex-wrap: wrap; font-size: 0.9rem; margin: 0.25rem 0 0.5rem; }
.legend .swatch { display: inline-block; width: 2rem; height: 0; border-top: 3px solid var(--a);
  vertical-align: middle; margin-right: 0.35rem; }
.legend .b .swatch { border-top: 3px dashed var(--b); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem; background: #fff;
  contain: content; }
.plot { min-height: 222px; }
/* Observable Plot's own rules for its SVGs, given once here instead of in each chart. */
:where(.explorer-plot) { --plot-background: white; display: block; height: auto; height: intrinsic;
  max-width: 100%; }
:where(.explorer-plot text), :where(.explorer-plot tspan) { white-space: pre; }
figure h3 { font-size: 0.95rem; margin: 0 0 0.25rem; }
figcaption { font-size: 0.8rem; color: var(--muted); margin-top: 0.25rem; }
figure.difference { border-color: var(--diff); }
details { font-size: 0.8rem; margin-top: 0.25rem; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 0.15rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.summary table { font-size: 0.9rem; }
`;
