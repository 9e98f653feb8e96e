/**
 * Type checks the notebooks' code. The Deno kernel runs a cell without checking its types, and
 * `deno check` does not read `.ipynb` files (Deno 2.9), so each notebook's code cells are joined
 * into one module in a temporary folder outside the repository, their relative imports pointed
 * back at the notebooks folder, and the modules checked with the project's `deno.json`.
 */
import { ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cellSource, listNotebooks, NOTEBOOKS_DIR, readNotebook } from "./_notebook.ts";

const CONFIG = fileURLToPath(new URL("../../deno.json", import.meta.url));

/**
 * A notebook's code cells as one module: `Deno.jupyter`'s types (unstable), each cell under a
 * comment naming it, relative imports made absolute.
 */
function notebookModule(name: string, cells: readonly { id?: string; source: string }[]): string {
  const base = pathToFileURL(join(NOTEBOOKS_DIR, name)).href;
  const absolute = (code: string) =>
    code.replace(
      /(\bfrom\s+|\bimport\s*\(\s*|^import\s+)(["'])(\.\.?\/[^"']+)\2/gm,
      (_all, lead: string, quote: string, spec: string) =>
        `${lead}${quote}${new URL(spec, base).href}${quote}`,
    );
  return [
    '/// <reference lib="deno.unstable" />',
    `// Code cells of notebooks/${name}`,
    ...cells.map((cell) => `// cell ${cell.id ?? "?"}\n${absolute(cell.source)}\n`),
  ].join("\n");
}

Deno.test("relative imports are pointed at the notebooks folder", () => {
  const code = notebookModule("x.ipynb", [{
    id: "a",
    source: 'import { chart } from "./display.ts";\nimport { x } from "../src/experiment/mod.ts";',
  }]);
  const folder = pathToFileURL(NOTEBOOKS_DIR).href;
  ok(code.includes(`from "${folder}display.ts"`), code);
  ok(code.includes(`from "${new URL("../src/experiment/mod.ts", folder).href}"`), code);
});

Deno.test("every notebook's code type-checks", async () => {
  const dir = await Deno.makeTempDir({ prefix: "notebook-typecheck-" });
  try {
    const files: string[] = [];
    for (const name of await listNotebooks()) {
      const notebook = await readNotebook(join(NOTEBOOKS_DIR, name));
      const cells = notebook.cells
        .filter((cell) => cell.cell_type === "code")
        .map((cell) => ({ id: cell.id, source: cellSource(cell) }));
      const file = join(dir, name.replace(/\.ipynb$/, ".ts"));
      await Deno.writeTextFile(file, notebookModule(name, cells));
      files.push(file);
    }
    ok(files.length > 0, "no notebooks found");
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--quiet", "--config", CONFIG, ...files],
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    strictEqual(code, 0, `deno check of the notebooks' code failed:\n${text}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a type error in a notebook's code is caught", async () => {
  const dir = await Deno.makeTempDir({ prefix: "notebook-typecheck-" });
  try {
    const file = join(dir, "bad.ts");
    await Deno.writeTextFile(
      file,
      notebookModule("bad.ipynb", [
        { id: "a", source: 'import { chart } from "./display.ts";' },
        { id: "b", source: "await chart(42);" },
      ]),
    );
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--quiet", "--config", CONFIG, file],
      env: { NO_COLOR: "1" },
    }).output();
    strictEqual(code, 1);
    ok(new TextDecoder().decode(stderr).includes("TS2345"), "expected an argument type error");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
