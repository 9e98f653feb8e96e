/**
 * HTML building blocks of the report: escaping, tables and the page shell with its inline CSS.
 * Every string that may come from a scenario file goes through {@linkcode escapeHtml}.
 *
 * @module
 */

/**
 * Escapes text for HTML element content and double-quoted attribute values.
 *
 * @param text Any text (numbers are converted with `String`).
 * @returns The text with `&`, `<`, `>`, `"` and `'` replaced by entities.
 *
 * @example A scenario name cannot open a script
 * ```ts
 * import { escapeHtml } from "./html.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(escapeHtml('<script>alert("x")</script>'), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
 * ```
 */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One cell of {@linkcode htmlTable}: plain text (escaped) or trusted HTML. */
export type Cell = string | number | { readonly html: string; readonly className?: string };

/** Options of {@linkcode htmlTable}. */
export interface TableOptions {
  /** Caption above the table (escaped). */
  readonly caption?: string;
  /** Class of the table. */
  readonly className?: string;
  /** Indices of the columns aligned right (numbers). */
  readonly numeric?: readonly number[];
  /** Class per row (e.g. `"differs"`), or undefined. */
  readonly rowClass?: (row: number) => string | undefined;
}

/**
 * Renders a table: a header row and body rows; text cells are escaped.
 *
 * @param head Column headings (escaped).
 * @param rows Body rows.
 * @param options Caption, class, numeric columns and row classes.
 * @returns The table's HTML.
 *
 * @example
 * ```ts
 * import { htmlTable } from "./html.ts";
 * import { match } from "node:assert/strict";
 * const html = htmlTable(["metric", "mean"], [["<b>", 1.5]], { numeric: [1] });
 * match(html, /<td>&lt;b&gt;<\/td><td class="num">1.5<\/td>/);
 * ```
 */
export function htmlTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  const numeric = new Set(options.numeric ?? []);
  const cell = (c: Cell, i: number, tag: "td" | "th") => {
    const classes = [numeric.has(i) ? "num" : "", typeof c === "object" ? c.className ?? "" : ""]
      .filter((x) => x !== "").join(" ");
    const attr = classes === "" ? "" : ` class="${classes}"`;
    const body = typeof c === "object" ? c.html : escapeHtml(c);
    return `<${tag}${attr}>${body}</${tag}>`;
  };
  const caption = options.caption === undefined
    ? ""
    : `<caption>${escapeHtml(options.caption)}</caption>`;
  const body = rows.map((row, r) => {
    const cls = options.rowClass?.(r);
    return `<tr${cls === undefined ? "" : ` class="${escapeHtml(cls)}"`}>${
      row.map((c, i) => cell(c, i, "td")).join("")
    }</tr>`;
  }).join("\n");
  const cls = options.className === undefined ? "" : ` class="${escapeHtml(options.className)}"`;
  return `<div class="table-wrap"><table${cls}>${caption}<thead><tr>${
    head.map((h, i) => cell(h, i, "th")).join("")
  }</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** The report's stylesheet: system fonts, print-friendly, no external resources. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; --mark: #fff3c4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2.4rem 0 .6rem; padding-top: .6rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
p, li { max-width: 75ch; }
.lede { color: var(--muted); margin-top: 0; }
nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; padding-left: 1.2rem; margin: .6rem 0 0; }
a { color: var(--accent); }
.findings li { margin: .35rem 0; }
.findings strong { font-variant-numeric: tabular-nums; }
figure { margin: 1.2rem 0 2rem; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .9rem; max-width: 75ch; }
.table-wrap { overflow-x: auto; margin: .6rem 0 1.4rem; }
table { border-collapse: collapse; font-size: .86rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; min-width: 40ch; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); background: #f6f6f6; position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.differs td { background: var(--mark); }
td.differs { background: var(--mark); font-weight: 600; }
.flag { font-weight: 700; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .88rem; }
pre { background: #f6f6f6; padding: .7rem .9rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
details summary { cursor: pointer; color: var(--muted); }
.note { color: var(--muted); font-size: .92rem; }
@media print { h2 { break-before: page; } figure { break-inside: avoid; } thead th { position: static; } }
`;

/** The report's sections, in order: id and heading. */
export const REPORT_SECTIONS: readonly { readonly id: string; readonly title: string }[] = Object
  .freeze([
    { id: "what-was-run", title: "What was run" },
    { id: "key-findings", title: "Key findings" },
    { id: "charts", title: "Charts" },
    { id: "summary-tables", title: "Summary tables" },
    { id: "assumptions", title: "Assumptions" },
    { id: "reproduce", title: "How to reproduce" },
  ]);

/**
 * Wraps the sections in a complete, self-contained HTML page (inline CSS, no scripts, no
 * external resources).
 *
 * @param title Page title (escaped).
 * @param lede One line under the title (escaped).
 * @param sections HTML of each section in {@linkcode REPORT_SECTIONS}, by id.
 * @returns The page.
 *
 * @example
 * ```ts
 * import { htmlPage } from "./html.ts";
 * import { match } from "node:assert/strict";
 * match(htmlPage("R & D", "x", {}), /<title>R &amp; D<\/title>/);
 * ```
 */
export function htmlPage(
  title: string,
  lede: string,
  sections: Readonly<Record<string, string>>,
): string {
  const nav = REPORT_SECTIONS.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join("");
  const body = REPORT_SECTIONS.map((s) =>
    `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${sections[s.id] ?? ""}\n</section>`
  ).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="lede">${escapeHtml(lede)}</p>
<nav aria-label="Contents"><ol>${nav}</ol></nav>
</header>
${body}
</main>
</body>
</html>
`;
}
