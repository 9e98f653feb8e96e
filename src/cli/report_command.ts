/**
 * `sim report <results dir…> [--out report.html] [--png DIR] [--title T]`: one self-contained
 * HTML report of one or more results folders, and optionally each chart as a PNG for slides.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { svgToPng } from "../charts/mod.ts";
import {
  buildReport,
  readParameterSources,
  readResults,
  reportCharts,
  ReportInputError,
  type Results,
} from "../report/mod.ts";
import { parseVerbArgs, UsageError } from "./options.ts";

/** Width of the PNG files written by `--png`, px (sharp on a 16:9 slide). */
export const REPORT_PNG_WIDTH = 1600;

/**
 * Runs the `report` verb: reads every results folder, builds the HTML page, writes it
 * atomically (a temporary file in the same folder, then a rename) to `--out` (default
 * `report.html` in the first folder), and with `--png DIR` writes each chart as a PNG there.
 *
 * @param args Arguments after `report`.
 * @param print Where lines go.
 * @returns The exit code (0).
 * @throws {UsageError} For a usage mistake or a folder that is not a results folder (exit 2).
 *
 * @example
 * ```ts ignore
 * await reportCommand(["out/baseline", "--out", "out/baseline.html"], console.log);
 * ```
 */
export async function reportCommand(
  args: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    out: { type: "string", short: "o" },
    png: { type: "string" },
    title: { type: "string" },
  });
  if (positionals.length === 0) {
    throw new UsageError("report: expected one or more results folders, found none");
  }
  const results: Results[] = [];
  for (const dir of positionals) {
    try {
      results.push(await readResults(dir));
    } catch (error) {
      if (error instanceof ReportInputError) throw new UsageError(`report: ${error.message}`);
      throw error;
    }
  }
  const sources = await readParameterSources();
  const html = buildReport(results, {
    sources,
    command: ["report", ...args],
    title: values.title,
  });
  const out = values.out ?? join(positionals[0], "report.html");
  await writeAtomically(out, html);
  print(
    `Wrote ${out} (${Math.round(html.length / 1024)} KB) from ${results.length} folder${
      results.length === 1 ? "" : "s"
    }: ${results.map((r) => `${r.dir} (${r.kind})`).join(", ")}`,
  );
  if (values.png !== undefined) {
    await Deno.mkdir(values.png, { recursive: true });
    const charts = reportCharts(results, sources);
    for (const chart of charts) {
      const path = join(values.png, `${chart.id}.png`);
      await writeAtomically(path, await svgToPng(chart.svg, { width: REPORT_PNG_WIDTH }));
    }
    print(`Wrote ${charts.length} PNG${charts.length === 1 ? "" : "s"} to ${values.png}/`);
  }
  return 0;
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  try {
    if (typeof data === "string") await Deno.writeTextFile(temporary, data);
    else await Deno.writeFile(temporary, data);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  }
}
