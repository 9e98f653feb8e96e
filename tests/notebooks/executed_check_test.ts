/**
 * The checks the system test applies to an executed notebook (`executedProblems`), on small
 * hand-made notebooks: a chart cell needs an SVG, no cell may hold an error, every code cell
 * must have run.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { executedProblems, type Notebook, type NotebookCell } from "./_notebook.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';

function notebook(cells: NotebookCell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "deno" } }, cells };
}

function code(id: string, outputs: NotebookCell["outputs"], tags: string[] = []): NotebookCell {
  return { cell_type: "code", id, metadata: { tags }, source: "", execution_count: 1, outputs };
}

Deno.test("a notebook whose chart cells show SVG and hold no error passes", () => {
  const nb = notebook([
    { cell_type: "markdown", id: "m", source: "# Title" },
    code("a", [{ output_type: "display_data", data: { "image/svg+xml": SVG } }], ["chart"]),
    code("b", [{ output_type: "display_data", data: { "text/html": ["<div>", SVG, "</div>"] } }], [
      "chart",
    ]),
    code("c", []),
  ]);
  deepStrictEqual(executedProblems("x.ipynb", nb), []);
});

Deno.test("a chart cell without an SVG output is reported", () => {
  const nb = notebook([
    code("a", [{ output_type: "display_data", data: { "text/plain": "42" } }], ["chart"]),
  ]);
  const problems = executedProblems("x.ipynb", nb);
  strictEqual(problems.length, 1);
  match(problems[0], /x\.ipynb: cell 1 \(a\): expected an SVG chart output, found display_data/);
});

Deno.test("an error output is reported, even in a chart cell that drew its chart", () => {
  const nb = notebook([
    code("a", [
      { output_type: "display_data", data: { "image/svg+xml": SVG } },
      { output_type: "error", ename: "RangeError", evalue: "no rows" },
    ], ["chart"]),
  ]);
  deepStrictEqual(executedProblems("x.ipynb", nb), [
    "x.ipynb: cell 1 (a): error output RangeError: no rows",
  ]);
});

Deno.test("a code cell that did not run, and a notebook without chart cells, are reported", () => {
  const nb = notebook([{ ...code("a", []), execution_count: null }]);
  deepStrictEqual(executedProblems("x.ipynb", nb), [
    'x.ipynb: expected chart cells (tag "chart"), found none',
    "x.ipynb: cell 1 (a): expected an execution count, found null",
  ]);
});
