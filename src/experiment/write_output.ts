/**
 * Writing results so that nothing is left half-written: every file is first written into a
 * temporary folder inside the output folder, then renamed into place one by one (a rename is
 * atomic), and the temporary folder is removed whatever happens. Files of the output folder
 * that this run does not write are left alone.
 *
 * @module
 */
import { join } from "node:path";

/** One output file. */
export interface OutputFile {
  /** File name inside the output folder. */
  readonly name: string;
  /** Its content. */
  readonly data: string | Uint8Array;
}

/**
 * Writes the files into `dir` atomically, file by file.
 *
 * @param dir The output folder (created if missing; removed again if the write fails and it
 *   did not exist before).
 * @param files The files.
 *
 * @example
 * ```ts
 * import { writeOutputFiles } from "./write_output.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeOutputFiles(dir, [{ name: "a.txt", data: "hello" }]);
 * deepStrictEqual(await Deno.readTextFile(`${dir}/a.txt`), "hello");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeOutputFiles(dir: string, files: readonly OutputFile[]): Promise<void> {
  const existed = await exists(dir);
  await Deno.mkdir(dir, { recursive: true });
  const partial = await Deno.makeTempDir({ dir, prefix: ".partial-" });
  let ok = false;
  try {
    for (const file of files) {
      const path = join(partial, file.name);
      if (typeof file.data === "string") await Deno.writeTextFile(path, file.data);
      else await Deno.writeFile(path, file.data);
    }
    for (const file of files) await Deno.rename(join(partial, file.name), join(dir, file.name));
    ok = true;
  } finally {
    await Deno.remove(partial, { recursive: true }).catch(() => {});
    if (!ok && !existed) await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
