/**
 * The committed notebooks: the four the issue asks for, valid nbformat 4 on the Deno kernel,
 * committed without outputs or execution counts, each a story (a markdown title first) with
 * chart cells, reading scenario files that exist relative to the notebooks folder.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import {
  cellSource,
  EXPECTED_NOTEBOOKS,
  isChartCell,
  listNotebooks,
  NOTEBOOKS_DIR,
  readNotebook,
} from "./_notebook.ts";

Deno.test("the four notebooks exist, one per user group", async () => {
  deepStrictEqual(await listNotebooks(), [...EXPECTED_NOTEBOOKS]);
});

for (const name of EXPECTED_NOTEBOOKS) {
  const path = join(NOTEBOOKS_DIR, name);

  Deno.test(`${name}: nbformat 4 on the Deno kernel`, async () => {
    const notebook = await readNotebook(path);
    strictEqual(notebook.nbformat, 4, `${name}: nbformat`);
    ok(notebook.nbformat_minor >= 5, `${name}: nbformat_minor ${notebook.nbformat_minor} < 5`);
    strictEqual(notebook.metadata.kernelspec?.name, "deno", `${name}: kernelspec.name`);
    strictEqual(notebook.metadata.kernelspec?.language, "typescript", `${name}: kernel language`);
    ok(Array.isArray(notebook.cells) && notebook.cells.length > 0, `${name}: no cells`);
    const ids = new Set<string>();
    notebook.cells.forEach((cell, i) => {
      const where = `${name}: cell ${i + 1}`;
      ok(["code", "markdown", "raw"].includes(cell.cell_type), `${where}: ${cell.cell_type}`);
      ok(typeof cell.id === "string" && /^[a-zA-Z0-9_-]{1,64}$/.test(cell.id), `${where}: id`);
      ok(!ids.has(cell.id), `${where}: id ${cell.id} repeated`);
      ids.add(cell.id);
      ok(
        typeof cell.source === "string" ||
          (Array.isArray(cell.source) &&
            (cell.source as unknown[]).every((s) => typeof s === "string")),
        `${where}: source must be text or a list of lines`,
      );
    });
  });

  Deno.test(`${name}: committed without outputs or execution counts`, async () => {
    const notebook = await readNotebook(path);
    const carrying = notebook.cells
      .map((cell, i) => ({ cell, i }))
      .filter(({ cell }) => cell.cell_type === "code")
      .filter(({ cell }) => cell.execution_count !== null || (cell.outputs ?? []).length > 0)
      .map(({ cell, i }) =>
        `cell ${i + 1} (${cell.id}): execution_count ${cell.execution_count}, ${
          (cell.outputs ?? []).length
        } outputs`
      );
    deepStrictEqual(carrying, [], `${name} carries outputs; clear them before committing`);
    for (const cell of notebook.cells.filter((c) => c.cell_type === "code")) {
      ok(Array.isArray(cell.outputs), `${name}: cell ${cell.id} has no outputs list`);
    }
  });

  Deno.test(`${name}: tells a story, with chart cells`, async () => {
    const notebook = await readNotebook(path);
    const first = notebook.cells[0];
    strictEqual(first.cell_type, "markdown", `${name}: the first cell should be the title`);
    ok(/^# \S/.test(cellSource(first)), `${name}: the first cell should start with "# title"`);
    const markdown = notebook.cells.filter((c) => c.cell_type === "markdown").length;
    ok(markdown >= 4, `${name}: only ${markdown} markdown cells`);
    const charts = notebook.cells.filter(isChartCell);
    ok(charts.length >= 1, `${name}: no cell tagged "chart"`);
    for (const cell of charts) {
      ok(/\bchart\(/.test(cellSource(cell)), `${name}: chart cell ${cell.id} draws no chart`);
    }
  });

  Deno.test(`${name}: scenario files it reads exist, relative to notebooks/`, async () => {
    const notebook = await readNotebook(path);
    const code = notebook.cells.filter((c) => c.cell_type === "code").map(cellSource).join("\n");
    const files = [...code.matchAll(/"(\.\.\/scenarios\/[^"]+\.ya?ml)"/g)].map((m) => m[1]);
    ok(files.length > 0, `${name}: reads no scenario file`);
    for (const file of files) {
      const info = await Deno.stat(join(NOTEBOOKS_DIR, file)).catch(() => null);
      ok(info?.isFile, `${name}: ${file} does not exist`);
    }
  });
}
