/**
 * Serves a built explorer folder on 127.0.0.1 only: `index.html` and `explorer.js`, nothing
 * else (no directory listing, no other path).
 *
 * @module
 */
import { join } from "node:path";

/** Options of {@linkcode serveExplorer}. */
export interface ServeOptions {
  /** The built folder (from `buildExplorer`). */
  readonly dir: string;
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Called once listening, with the page's URL. */
  readonly onListen?: (url: string) => void;
  /** Stops the server when aborted. */
  readonly signal?: AbortSignal;
}

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/index.html": { file: "index.html", type: "text/html; charset=utf-8" },
  "/explorer.js": { file: "explorer.js", type: "text/javascript; charset=utf-8" },
};

/**
 * Serves the explorer on `127.0.0.1`. The files are read once, at the start.
 *
 * @param options Folder, port, listen callback and abort signal.
 * @returns The server; `await server.finished` to wait until it stops.
 * @throws {Deno.errors.AddrInUse} If the port is taken.
 *
 * @example
 * ```ts ignore
 * import { serveExplorer } from "./serve.ts";
 * const server = await serveExplorer({ dir: "out/explorer", port: 0, onListen: (url) => console.log(url) });
 * await server.shutdown();
 * ```
 */
export async function serveExplorer(options: ServeOptions): Promise<Deno.HttpServer> {
  const bodies = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const { file } of Object.values(FILES)) {
    if (!bodies.has(file)) bodies.set(file, await Deno.readFile(join(options.dir, file)));
  }
  return Deno.serve({
    hostname: "127.0.0.1",
    port: options.port,
    signal: options.signal,
    onListen: ({ port }) => options.onListen?.(`http://127.0.0.1:${port}/`),
  }, (request) => {
    const route = FILES[new URL(request.url).pathname];
    if (!route || (request.method !== "GET" && request.method !== "HEAD")) {
      return new Response("Not found", { status: 404 });
    }
    const body = bodies.get(route.file);
    return new Response(request.method === "HEAD" ? null : body, {
      headers: { "content-type": route.type, "cache-control": "no-store" },
    });
  });
}
