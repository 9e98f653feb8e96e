/**
 * Builds the explorer into a folder: `index.html` and `explorer.js`, which hold everything
 * (the page, the simulation Worker's code as text for a Blob URL, and the bundled scenarios),
 * so the folder works served or opened as a file, offline.
 *
 * The bundles are made with `deno bundle --platform browser --format iife` (esbuild inside
 * Deno; the first build fetches esbuild's binary from npm into Deno's cache, later builds work
 * offline). Scenarios are read with the command line's own loader (YAML parsed with `yaml`,
 * `extends:` merged, every field validated), so a broken scenario stops the build.
 *
 * @module
 */
import { join, relative } from "node:path";
import { TOOL_VERSION } from "../core/mod.ts";
import { loadScenarioFile } from "../scenario/mod.ts";
import { explorerHtml } from "./page_html.ts";
import type { BundledScenario } from "./state.ts";

/** Options of {@linkcode buildExplorer}. */
export interface BuildOptions {
  /** Folder to write `index.html` and `explorer.js` into (created if missing). */
  readonly outDir: string;
  /** Folder of the scenarios to bundle. @default {"scenarios/" of this repository} */
  readonly scenariosDir?: string;
}

/** What {@linkcode buildExplorer} wrote. */
export interface BuildResult {
  /** The files written, as paths. */
  readonly files: readonly string[];
  /** Size of `explorer.js`, bytes. */
  readonly scriptBytes: number;
  /** Names of the bundled scenarios. */
  readonly scenarios: readonly string[];
}

const REPO = new URL("../../", import.meta.url);

/**
 * Builds the explorer.
 *
 * @param options Where to write, and which scenarios to bundle.
 * @returns The files written.
 * @throws {ScenarioError} If a bundled scenario is invalid.
 * @throws {Error} If bundling fails (with `deno bundle`'s message).
 *
 * @example
 * ```ts ignore
 * import { buildExplorer } from "./build.ts";
 * const { files } = await buildExplorer({ outDir: "out/explorer" });
 * ```
 */
export async function buildExplorer(options: BuildOptions): Promise<BuildResult> {
  const scenariosDir = options.scenariosDir ?? new URL("scenarios/", REPO).pathname;
  const scenarios = await loadBundledScenarios(scenariosDir);
  const temp = await Deno.makeTempDir({ prefix: "explorer-build-" });
  try {
    const workerJs = join(temp, "worker.js");
    const pageJs = join(temp, "page.js");
    await bundle(new URL("src/explorer/worker.ts", REPO).pathname, workerJs);
    await bundle(new URL("src/explorer/page.ts", REPO).pathname, pageJs);
    const embedded = {
      version: TOOL_VERSION,
      workerSource: await Deno.readTextFile(workerJs),
      scenarios,
    };
    const script =
      `/* partnership-sim ${TOOL_VERSION} explorer: built by deno task sim explore */\n` +
      `var PARTNERSHIP_SIM_EXPLORER = ${JSON.stringify(embedded)};\n` +
      (await Deno.readTextFile(pageJs));
    await Deno.mkdir(options.outDir, { recursive: true });
    const scriptPath = join(options.outDir, "explorer.js");
    const htmlPath = join(options.outDir, "index.html");
    await Deno.writeTextFile(scriptPath, script);
    await Deno.writeTextFile(htmlPath, explorerHtml({ version: TOOL_VERSION }));
    return {
      files: [htmlPath, scriptPath],
      scriptBytes: new TextEncoder().encode(script).length,
      scenarios: scenarios.map((s) => s.name),
    };
  } finally {
    await Deno.remove(temp, { recursive: true });
  }
}

/**
 * Reads every `*.yaml` scenario in a folder, `extends:` merged and validated, sorted by name
 * with `baseline` first.
 *
 * @param dir The folder.
 * @returns The scenarios as the page embeds them.
 * @throws {ScenarioError} If one is invalid.
 *
 * @example
 * ```ts
 * import { loadBundledScenarios } from "./build.ts";
 * import { strictEqual } from "node:assert/strict";
 * const scenarios = await loadBundledScenarios("scenarios");
 * strictEqual(scenarios[0].name, "baseline");
 * strictEqual(scenarios.find((s) => s.name === "pandemic")?.seed, 2015); // from baseline.yaml
 * ```
 */
export async function loadBundledScenarios(dir: string): Promise<BundledScenario[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && /\.ya?ml$/i.test(entry.name)) files.push(entry.name);
  }
  const scenarios: BundledScenario[] = [];
  for (const file of files) {
    const s = await loadScenarioFile(join(dir, file));
    scenarios.push({
      name: s.name,
      file,
      description: s.description,
      seed: s.seed,
      input: s.input as Record<string, unknown>,
    });
  }
  return scenarios.sort((x, y) =>
    x.name === "baseline" ? -1 : y.name === "baseline" ? 1 : x.name.localeCompare(y.name)
  );
}

async function bundle(entry: string, output: string): Promise<void> {
  const repo = REPO.pathname;
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--format",
      "iife",
      "--minify",
      "--config",
      join(repo, "deno.json"),
      "--output",
      output,
      entry,
    ],
    cwd: repo,
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(
      `Cannot bundle ${relative(repo, entry)} for the browser (deno bundle exited ${code}):\n${
        new TextDecoder().decode(stderr).trim()
      }`,
    );
  }
}
