/**
 * Progress of long runs on the terminal: a bar with runs done, rate and time left (cli-progress)
 * when standard error is a terminal; otherwise plain lines, at most one every few seconds, that
 * read well in a log file or a cluster job's output.
 *
 * @module
 */
import cliProgress from "cli-progress";
import process from "node:process";
import type { ExperimentProgress } from "../experiment/mod.ts";

/** Receives progress; `stop` ends the bar or prints the last line. */
export interface ProgressReporter {
  /** Shows the latest progress. */
  readonly update: (progress: ExperimentProgress) => void;
  /** Ends the display. */
  readonly stop: () => void;
}

/**
 * Formats seconds as `42 s`, `3 min 05 s` or `2 h 04 min`.
 *
 * @param seconds A duration.
 * @returns Short text.
 *
 * @example
 * ```ts
 * import { formatDuration } from "./progress.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(formatDuration(185), "3 min 05 s");
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor(s / 60) % 60).padStart(2, "0")} min`;
}

/**
 * One plain progress line: `label: 120/200 runs (60%), 31.2 runs/s, about 3 s left`.
 *
 * @param label What is running.
 * @param progress Runs done of the total.
 * @param seconds Seconds since this process started running.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { progressLine } from "./progress.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(progressLine("sweep", { done: 150, total: 200, resumed: 50 }, 10),
 *   "sweep: 150/200 runs (75%, 50 resumed), 10.0 runs/s, about 5 s left");
 * ```
 */
export function progressLine(label: string, progress: ExperimentProgress, seconds: number): string {
  const { done, total, resumed } = progress;
  const ran = done - resumed;
  const rate = seconds > 0 ? ran / seconds : 0;
  const left = rate > 0 ? formatDuration((total - done) / rate) : "?";
  const share = total > 0 ? Math.floor(100 * done / total) : 100;
  return `${label}: ${done}/${total} runs (${share}%${
    resumed > 0 ? `, ${resumed} resumed` : ""
  }), ${rate.toFixed(1)} runs/s, ${done === total ? "done" : `about ${left} left`}`;
}

/**
 * A progress display for standard error: a bar on a terminal, plain lines otherwise.
 *
 * @param label What is running, e.g. the sweep's name.
 * @param options `interactive` to force the bar on or off; `print` for the plain lines
 *   (default: standard error); `everySeconds` between plain lines (default 5).
 * @returns The reporter.
 *
 * @example Plain lines when not on a terminal
 * ```ts
 * import { createProgress } from "./progress.ts";
 * import { strictEqual } from "node:assert/strict";
 * const lines: string[] = [];
 * const progress = createProgress("t", { interactive: false, print: (l) => lines.push(l) });
 * progress.update({ done: 0, total: 2, resumed: 0 });
 * progress.update({ done: 2, total: 2, resumed: 0 });
 * progress.stop();
 * strictEqual(lines.at(-1)?.startsWith("t: 2/2 runs (100%)"), true);
 * ```
 */
export function createProgress(
  label: string,
  options: { interactive?: boolean; print?: (line: string) => void; everySeconds?: number } = {},
): ProgressReporter {
  const interactive = options.interactive ?? process.stderr.isTTY === true;
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  let last: ExperimentProgress = { done: 0, total: 0, resumed: 0 };
  if (interactive) {
    const bar = new cliProgress.SingleBar({
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} runs | {rate} runs/s | {left} left`,
      hideCursor: true,
      clearOnComplete: false,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(progress) {
        last = progress;
        const ran = progress.done - progress.resumed;
        const rate = seconds() > 0 ? ran / seconds() : 0;
        const payload = {
          rate: rate.toFixed(1),
          left: rate > 0 ? formatDuration((progress.total - progress.done) / rate) : "?",
        };
        if (!started) {
          bar.start(progress.total, progress.done, payload);
          started = true;
        } else bar.update(progress.done, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  const print = options.print ?? ((line: string) => process.stderr.write(line + "\n"));
  const every = options.everySeconds ?? 5;
  let printedAt = -Infinity;
  let printed: ExperimentProgress | undefined;
  let updated = false;
  return {
    update(progress) {
      last = progress;
      updated = true;
      if (seconds() - printedAt >= every || progress.done === progress.total) {
        print(progressLine(label, progress, seconds()));
        printedAt = seconds();
        printed = progress;
      }
    },
    stop() {
      // Nothing to report if the experiment never started (e.g. its folder was refused).
      if (updated && printed !== last) print(progressLine(label, last, seconds()));
    },
  };
}
