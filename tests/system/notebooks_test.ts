/**
 * Executes every notebook headless with Jupyter (Debian's `jupyter-nbconvert`,
 * `python3-nbclient`, `jupyter-client`, installed by `deno task test:system`) on the Deno
 * kernel of the Deno running these tests, and checks the outputs: no error, every code cell run,
 * an SVG chart in every cell tagged "chart". A cell that throws makes nbconvert exit non-zero,
 * which fails the test.
 */
import { deepStrictEqual, match, notStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  executedProblems,
  listNotebooks,
  NOTEBOOKS_DIR,
  readNotebook,
} from "../notebooks/_notebook.ts";

/** Seconds a single cell may run before nbconvert gives up on it. */
const CELL_TIMEOUT_SECONDS = 180;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const decoder = new TextDecoder();

async function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; output: string }> {
  const { code, stdout, stderr } = await new Deno.Command(command, {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
  }).output();
  const out = decoder.decode(stdout);
  return { code, stdout: out, output: out + decoder.decode(stderr) };
}

/** Registers the Deno kernel once, with this Deno (its path is baked into kernel.json). */
let registered: Promise<void> | undefined;
function registerKernel(): Promise<void> {
  registered ??= (async () => {
    const install = await run(Deno.execPath(), ["jupyter", "--install", "--force"]);
    strictEqual(install.code, 0, `deno jupyter --install failed:\n${install.output}`);
    const list = await run("jupyter", ["kernelspec", "list", "--json"]);
    strictEqual(list.code, 0, `jupyter kernelspec list failed:\n${list.output}`);
    const specs = JSON.parse(list.stdout) as {
      kernelspecs: Record<string, { spec: { argv: string[] } }>;
    };
    const deno = specs.kernelspecs.deno;
    ok(deno !== undefined, `no "deno" kernel registered:\n${list.output}`);
    strictEqual(
      await Deno.realPath(deno.spec.argv[0]),
      await Deno.realPath(Deno.execPath()),
      `the kernel runs another Deno: ${deno.spec.argv[0]}`,
    );
  })();
  return registered;
}

/** Executes a notebook into `outDir` with nbconvert; returns the exit code and its output. */
function execute(notebook: string, outDir: string, env: Record<string, string> = {}) {
  const name = notebook.split("/").pop() ?? notebook;
  return run("jupyter", [
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_SECONDS}`,
    "--output",
    join(outDir, name),
    notebook,
  ], env);
}

Deno.test("a notebook cell that throws fails the execution", async () => {
  await registerKernel();
  const dir = await Deno.makeTempDir({ prefix: "notebook-fail-" });
  try {
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
      cells: [{
        cell_type: "code",
        id: "boom",
        metadata: {},
        execution_count: null,
        outputs: [],
        source: 'throw new RangeError("a failing cell");',
      }],
    };
    const path = join(dir, "failing.ipynb");
    await Deno.writeTextFile(path, JSON.stringify(notebook));
    const out = join(dir, "out");
    await Deno.mkdir(out);
    const result = await execute(path, out);
    notStrictEqual(result.code, 0, "nbconvert should fail on a throwing cell");
    match(result.output, /a failing cell/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const names = await listNotebooks();

Deno.test("there are notebooks to execute", () => {
  ok(names.length >= 4, `found ${names.join(", ")}`);
});

for (const name of names) {
  Deno.test(`${name} runs top to bottom and shows its charts`, async () => {
    await registerKernel();
    const dir = await Deno.makeTempDir({ prefix: "notebook-run-" });
    try {
      const result = await execute(join(NOTEBOOKS_DIR, name), dir, {
        NOTEBOOK_OUT: join(dir, "files"),
      });
      strictEqual(result.code, 0, `${name} failed to execute:\n${result.output.slice(-4000)}`);
      const executed = await readNotebook(join(dir, name));
      deepStrictEqual(executedProblems(name, executed), []);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}
