/**
 * `deno task sim explore [--port N] [--out DIR] [--build-only]`: builds the live explorer into a
 * folder and serves it on 127.0.0.1, printing the URL; with `--build-only`, only writes the
 * folder (open its `index.html` from disk: it works offline).
 *
 * @module
 */
import { buildExplorer, serveExplorer } from "../explorer/mod.ts";
import { integerOption, parseVerbArgs, UsageError } from "./options.ts";

/** Where the explorer is built unless `--out` says otherwise. */
export const DEFAULT_EXPLORER_DIR = "out/explorer";

/** Port the explorer is served on unless `--port` says otherwise. */
export const DEFAULT_EXPLORER_PORT = 8000;

/** Output lines and, for tests, a way to stop the server. */
export interface ExploreIo {
  /** Normal output. */
  readonly out: (line: string) => void;
  /** Problems. */
  readonly err: (line: string) => void;
  /** Stops the server when aborted (by default it runs until the process is stopped). */
  readonly signal?: AbortSignal;
}

/**
 * Runs the `explore` verb.
 *
 * @param args The arguments after `explore`.
 * @param io Where output goes.
 * @returns The exit code: 0 done (after the server stops), 2 if the port is in use.
 * @throws {UsageError} For bad options (the command line exits with code 2).
 *
 * @example Bad usage
 * ```ts
 * import { runExplore } from "./explore_command.ts";
 * import { rejects } from "node:assert/strict";
 * await rejects(runExplore(["--port", "http"], { out: () => {}, err: () => {} }), /--port/);
 * ```
 */
export async function runExplore(args: readonly string[], io: ExploreIo): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    port: { type: "string", short: "p" },
    out: { type: "string", short: "o" },
    "build-only": { type: "boolean" },
  });
  if (positionals.length > 0) {
    throw new UsageError(`explore: expected options only, found ${positionals.join(" ")}`);
  }
  const port = integerOption("--port", values.port, DEFAULT_EXPLORER_PORT, 0, 65535);
  const dir = values.out ?? DEFAULT_EXPLORER_DIR;
  const started = performance.now();
  const built = await buildExplorer({ outDir: dir });
  io.out(
    `Built the explorer (${built.scenarios.length} scenarios, ${
      Math.round(built.scriptBytes / 1024)
    } KB) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${dir}/index.html`,
  );
  if (values["build-only"]) {
    io.out(`Open ${dir}/index.html in a browser (it works offline), or copy the folder.`);
    return 0;
  }
  let server: Deno.HttpServer;
  try {
    server = await serveExplorer({
      dir,
      port,
      signal: io.signal,
      onListen: (url) => io.out(`Explorer: ${url}  (127.0.0.1 only; Ctrl-C to stop)`),
    });
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) {
      io.err(`explore: port ${port} on 127.0.0.1 is in use; choose another with --port N`);
      return 2;
    }
    throw error;
  }
  await server.finished;
  return 0;
}
