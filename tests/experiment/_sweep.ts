/** Helpers for experiment tests: the table files and reading them. */
import { join } from "node:path";

/** The files that must be byte-identical however an experiment was run. */
export const TABLE_FILES = [
  "points.csv",
  "runs.csv",
  "runs.arrow",
  "timeseries.csv",
  "timeseries.arrow",
  "summary.csv",
] as const;

/** Reads the table files of a results folder, by name. */
export async function readTables(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const name of TABLE_FILES) out[name] = await Deno.readFile(join(dir, name));
  return out;
}

/** Names of the table files whose bytes differ between two folders. */
export async function differingTables(a: string, b: string): Promise<string[]> {
  const [ta, tb] = [await readTables(a), await readTables(b)];
  return TABLE_FILES.filter((name) => !bytesEqual(ta[name], tb[name]));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
