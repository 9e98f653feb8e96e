/**
 * Reading Jupyter notebooks (nbformat 4) for the notebook tests: the committed notebooks, their
 * code, and the checks on an executed notebook's outputs.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** The notebooks folder. */
export const NOTEBOOKS_DIR = fileURLToPath(new URL("../../notebooks/", import.meta.url));

/** The notebooks the issue asks for, one per user group. */
export const EXPECTED_NOTEBOOKS = Object.freeze([
  "commissioners.ipynb",
  "getting-started.ipynb",
  "researchers.ipynb",
  "workshops.ipynb",
]);

/** The cell tag that marks a cell whose output must include an SVG chart. */
export const CHART_TAG = "chart";

/** One output of a code cell. */
export interface NotebookOutput {
  /** `execute_result`, `display_data`, `stream` or `error`. */
  readonly output_type: string;
  /** MIME bundle (results and displays). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Error name (errors). */
  readonly ename?: string;
  /** Error message (errors). */
  readonly evalue?: string;
}

/** One cell. */
export interface NotebookCell {
  /** `code`, `markdown` or `raw`. */
  readonly cell_type: string;
  /** Cell id (nbformat 4.5). */
  readonly id?: string;
  /** Cell metadata; `tags` may hold {@linkcode CHART_TAG}. */
  readonly metadata?: { readonly tags?: readonly string[] };
  /** The text, whole or as lines. */
  readonly source: string | readonly string[];
  /** Execution count of a code cell (null when not run). */
  readonly execution_count?: number | null;
  /** Outputs of a code cell. */
  readonly outputs?: readonly NotebookOutput[];
}

/** A notebook. */
export interface Notebook {
  /** Major format version. */
  readonly nbformat: number;
  /** Minor format version. */
  readonly nbformat_minor: number;
  /** Notebook metadata: the kernel and the language. */
  readonly metadata: {
    readonly kernelspec?: { readonly name?: string; readonly language?: string };
    readonly language_info?: { readonly name?: string };
  };
  /** The cells, in order. */
  readonly cells: readonly NotebookCell[];
}

/** The `.ipynb` files in `notebooks/`, sorted by name. */
export async function listNotebooks(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOKS_DIR)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
  }
  return names.sort();
}

/** Reads and parses a notebook (throws naming the file if it is not JSON). */
export async function readNotebook(path: string): Promise<Notebook> {
  const text = await Deno.readTextFile(path);
  try {
    return JSON.parse(text) as Notebook;
  } catch (error) {
    throw new SyntaxError(`${path}: expected a notebook in JSON, found ${String(error)}`);
  }
}

/** A cell's text. */
export function cellSource(cell: NotebookCell): string {
  return typeof cell.source === "string" ? cell.source : cell.source.join("");
}

/** Whether a cell is tagged as a chart cell. */
export function isChartCell(cell: NotebookCell): boolean {
  return cell.cell_type === "code" && (cell.metadata?.tags ?? []).includes(CHART_TAG);
}

/**
 * Problems with an executed notebook's outputs: any error output, any code cell not run, and
 * any chart cell without an SVG chart (an `image/svg+xml` output, or an `<svg` in `text/html`).
 *
 * @param name The notebook's name, for the messages.
 * @param notebook The executed notebook.
 * @returns One line per problem; empty when all is well.
 */
export function executedProblems(name: string, notebook: Notebook): string[] {
  const problems: string[] = [];
  const charts = notebook.cells.filter(isChartCell);
  if (charts.length === 0) problems.push(`${name}: expected chart cells (tag "chart"), found none`);
  notebook.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const where = `${name}: cell ${i + 1}${cell.id ? ` (${cell.id})` : ""}`;
    if (typeof cell.execution_count !== "number") {
      problems.push(`${where}: expected an execution count, found ${cell.execution_count}`);
    }
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") {
        problems.push(`${where}: error output ${output.ename}: ${output.evalue}`);
      }
    }
    if (isChartCell(cell) && !(cell.outputs ?? []).some(hasSvg)) {
      const found = (cell.outputs ?? []).map((o) => o.output_type).join(", ") || "no output";
      problems.push(`${where}: expected an SVG chart output, found ${found}`);
    }
  });
  return problems;
}

function hasSvg(output: NotebookOutput): boolean {
  const text = (mime: string) => {
    const value = output.data?.[mime];
    return Array.isArray(value) ? value.join("") : typeof value === "string" ? value : "";
  };
  return text("image/svg+xml").includes("<svg") || text("text/html").includes("<svg");
}
