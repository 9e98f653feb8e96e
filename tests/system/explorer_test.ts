/**
 * The live explorer in Debian's headless Chromium (playwright-core, never a downloaded browser).
 * The explorer is built once with `deno task sim explore --build-only` (the task's own
 * permissions), then:
 *
 * - served by `deno task sim explore --port 0` on 127.0.0.1, it loads without console errors;
 * - opened as a file (offline), it loads nothing but its own files;
 * - moving the turnover slider with the keyboard changes the plotted outcome;
 * - the URL round-trips the state, and a changed URL changes the controls;
 * - the downloaded scenarios validate with `deno task sim validate`, and the downloaded data
 *   equal, byte for byte, what `runReplicates` gives in Deno for those files and seed (A and B,
 *   paired);
 * - the main thread is never blocked for more than 200 ms while a run is going (long tasks and
 *   gaps between animation frames);
 * - every control has a label, charts have text alternatives, the controls are reachable by
 *   keyboard;
 * - a screenshot is kept in `tests/output/explorer.png`.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { runReplicates } from "../../src/experiment/replicates.ts";
import { tableToCsv, timeseriesTable } from "../../src/experiment/tables.ts";
import { column } from "../../src/core/mod.ts";
import { loadScenarioFile } from "../../src/scenario/mod.ts";
import { collectPageErrors, launchChromium } from "./_chromium.ts";

const REPO = new URL("../../", import.meta.url).pathname;
const OUTPUT = join(REPO, "tests/output");

/** The `sim` task's command line from deno.json, so the tests run with its permissions. */
async function simCommand(args: readonly string[]): Promise<Deno.Command> {
  const config = JSON.parse(await Deno.readTextFile(join(REPO, "deno.json")));
  const [deno, ...rest] = (config.tasks.sim as string).split(/\s+/);
  strictEqual(deno, "deno");
  return new Deno.Command(Deno.execPath(), {
    args: [...rest, ...args],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
  });
}

async function sim(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await (await simCommand(args)).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, out: decode(stdout), err: decode(stderr) };
}

/** Waits until a run newer than `after` has finished and been drawn; returns its number. */
async function runDone(page: Page, after: number): Promise<number> {
  await page.waitForFunction(
    (previous) => {
      const s = document.getElementById("status");
      return s?.dataset.state === "done" && Number(s.dataset.run) > previous;
    },
    after,
    { timeout: 60_000 },
  );
  return Number(await page.locator("#status").getAttribute("data-run"));
}

async function finalOutcome(page: Page, side: "A" | "B" = "A"): Promise<number> {
  return Number(await page.locator("#panel-0").getAttribute(`data-final-${side.toLowerCase()}`));
}

async function saveDownload(page: Page, buttonName: RegExp, dir: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

Deno.test("the explorer in headless Chromium", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "explorer-test-" });
  const site = join(dir, "site");
  const built = await sim(["explore", "--build-only", "--out", site]);
  strictEqual(built.code, 0, built.err);
  match(built.out, /Built the explorer \(8 scenarios, \d+ KB\)/);
  const fileUrl = `file://${site}/index.html`;
  const browser = await launchChromium();
  try {
    await t.step("served on 127.0.0.1 by sim explore, the page loads without errors", async () => {
      const child = (await simCommand(["explore", "--port", "0", "--out", join(dir, "served")]))
        .spawn();
      try {
        const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
        let printed = "";
        let url: string | undefined;
        while (!url) {
          const { value, done } = await reader.read();
          if (done) break;
          printed += value;
          url = printed.match(/Explorer: (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1];
        }
        ok(url, `no URL printed: ${printed}`);
        reader.releaseLock();
        const page = await browser.newPage();
        const errors = collectPageErrors(page);
        await page.goto(url);
        await runDone(page, 0);
        deepStrictEqual(errors, []);
        match(await page.locator("#status").textContent() ?? "", /^Done: 5 runs in [\d.]+ s/);
        strictEqual((await fetch(`${url}deno.json`)).status, 404, "serves only the explorer");
        await page.close();
      } finally {
        child.kill("SIGTERM");
        await child.status;
        await child.stdout.cancel().catch(() => {});
        await child.stderr.cancel();
      }
    });

    await t.step("opened as a file, it runs offline and loads only its own files", async () => {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      await page.goto(fileUrl);
      await runDone(page, 0);
      deepStrictEqual(errors, []);
      deepStrictEqual(
        requested.filter((u) => !u.startsWith(`file://${site}/`) && !u.startsWith("blob:")),
        [],
      );
      ok(requested.some((u) => u.startsWith("blob:")), "the Worker comes from a Blob URL");
      await page.close();
    });

    await t.step("moving the turnover slider (keyboard) changes the plotted outcome", async () => {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(fileUrl);
      const first = await runDone(page, 0);
      const before = await finalOutcome(page);
      const captionBefore = await page.locator("#panel-0 figcaption").textContent();
      ok(before > 0, `outcomes to date: ${before}`);
      const slider = page.getByLabel(/^Staff turnover/).first();
      await slider.focus();
      await page.keyboard.press("End");
      strictEqual(await slider.inputValue(), "60");
      strictEqual(await page.locator("#a-turnover-value").textContent(), "60% a year");
      await runDone(page, first);
      const after = await finalOutcome(page);
      ok(after < before, `60% turnover should lower outcomes: ${after} vs ${before}`);
      ok((await page.locator("#panel-0 figcaption").textContent()) !== captionBefore);
      match(page.url(), /[#&]turnover=60&/);
      deepStrictEqual(errors, []);
      await page.close();
    });

    await t.step("the URL round-trips the state", async () => {
      const hash = "scenario=short-cycles&grant=3&notice=26&turnover=35&capability=0.45&paper=10" +
        "&deep=60&events=1&budget=6.5&horizon=4&seed=77&reps=2&compare=1&b.scenario=long-cycles" +
        "&b.grant=7&b.notice=13&b.turnover=20&b.capability=0.6&b.paper=0&b.deep=100&b.events=0" +
        "&b.budget=5&b.horizon=4";
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${fileUrl}#${hash}`);
      await runDone(page, 0);
      strictEqual(new URL(page.url()).hash, `#${hash}`, "a canonical link is kept as it is");
      const value = (id: string) => page.locator(`#${id}`).inputValue();
      deepStrictEqual(
        await Promise.all(
          [
            "a-scenario",
            "a-grant",
            "a-turnover",
            "a-capability",
            "a-deep",
            "b-scenario",
            "b-events",
          ]
            .map(value),
        ),
        ["short-cycles", "3", "35", "0.45", "60", "long-cycles", "0"],
      );
      strictEqual(await page.locator("#compare").isChecked(), true);
      strictEqual(await value("seed"), "77");
      strictEqual(await value("replicates"), "2");
      // Change B with the keyboard; the URL follows, and a new page opened on it shows the same.
      await page.locator("#b-notice").focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      const link = page.url();
      match(link, /&b\.notice=15&/);
      const copy = await browser.newPage();
      await copy.goto(link);
      await runDone(copy, 0);
      strictEqual(copy.url(), link);
      strictEqual(await copy.locator("#b-notice").inputValue(), "15");
      strictEqual(await copy.locator("#b-notice-value").textContent(), "15 weeks");
      // Editing the hash in place changes the controls.
      await copy.evaluate(() => location.hash = "scenario=pandemic&turnover=12");
      await copy.waitForFunction(() =>
        (document.getElementById("a-scenario") as HTMLSelectElement).value === "pandemic"
      );
      strictEqual(await copy.locator("#a-turnover").inputValue(), "12");
      strictEqual(await copy.locator("#compare").isChecked(), false);
      // A link with a mistake still opens, and says what it could not use.
      await copy.evaluate(() => location.hash = "scenario=pandemic&turnover=70");
      await copy.waitForSelector("#problems li");
      strictEqual(
        await copy.locator("#problems li").first().textContent(),
        'turnover: expected a number in [0, 60] (% of key workers a year), found "70"',
      );
      strictEqual(await copy.locator("#a-turnover").inputValue(), "20", "pandemic's own value");
      await copy.locator("#a-notice").focus();
      await copy.keyboard.press("ArrowUp");
      strictEqual(await copy.locator("#problems li").count(), 0, "cleared by the next change");
      deepStrictEqual(errors, []);
      await copy.close();
      await page.close();
    });

    await t.step(
      "downloaded scenarios validate with the CLI; the page's numbers equal runReplicates'",
      async () => {
        const page = await browser.newPage();
        const errors = collectPageErrors(page);
        await page.goto(
          `${fileUrl}#scenario=short-cycles&turnover=30&horizon=3&seed=11&reps=3&compare=1` +
            "&b.scenario=long-cycles&b.turnover=30&b.horizon=3&b.capability=0.7",
        );
        await runDone(page, 0);
        const downloads = join(dir, "downloads");
        await Deno.mkdir(downloads, { recursive: true });
        const fileA = await saveDownload(page, /Download scenario A/, downloads);
        const fileB = await saveDownload(page, /Download scenario B/, downloads);
        const csvFile = await saveDownload(page, /Download data/, downloads);
        deepStrictEqual(
          [fileA, fileB, csvFile].map((f) => f.slice(downloads.length + 1)),
          ["short-cycles-custom.yaml", "long-cycles-custom.yaml", "explorer-timeseries.csv"],
        );
        const validated = await sim(["validate", fileA, fileB]);
        strictEqual(validated.code, 0, validated.err);
        match(
          validated.out,
          /ok .*short-cycles-custom\.yaml: "short-cycles-custom", seed 11, 3 years/,
        );
        match(
          validated.out,
          /ok .*long-cycles-custom\.yaml: "long-cycles-custom", seed 11, 3 years/,
        );

        const a = await loadScenarioFile(fileA);
        const b = await loadScenarioFile(fileB);
        strictEqual(a.params.staff.turnoverPerYear, 0.3);
        strictEqual(b.params.staff.capabilityMean, 0.7);
        const runsA = runReplicates(a, 3);
        const runsB = runReplicates(b, 3);
        // One metric's weekly series, run by run, identical.
        const csv = await Deno.readTextFile(csvFile);
        const lines = csv.trimEnd().split("\n");
        const header = lines[0].split(",");
        const trustColumn = header.indexOf("mean_trust");
        for (const run of [...runsA, ...runsB]) {
          const fromPage = lines.slice(1).map((l) => l.split(",")).filter((cells) =>
            cells[1] === run.scenario && Number(cells[2]) === run.replicate
          ).map((cells) => Number(cells[trustColumn]));
          deepStrictEqual(fromPage, Array.from(column(run.recording, "mean_trust")));
        }
        // And every metric of every week, byte for byte as the CLI writes timeseries.csv.
        strictEqual(csv, tableToCsv(timeseriesTable([...runsA, ...runsB])));
        // The paired difference drawn is B − A replicate by replicate.
        const outcomesToDate = (run: (typeof runsA)[number]) =>
          column(run.recording, "outcomes_achieved").reduce((s, v) => s + v, 0);
        let sum = 0;
        for (let r = 0; r < 3; r++) sum += outcomesToDate(runsB[r]) - outcomesToDate(runsA[r]);
        const drawn = await page.locator("#difference").getAttribute("data-final-difference");
        ok(Math.abs(Number(drawn) - sum / 3) < 1e-9, `${drawn} vs ${sum / 3}`);
        deepStrictEqual(errors, []);
        await page.close();
      },
    );

    await t.step("the main thread is never blocked for more than 200 ms during a run", async () => {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { longTasks: number[]; frameGaps: number[] };
        w.longTasks = [];
        w.frameGaps = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longTasks.push(e.duration);
        }).observe({ type: "longtask", buffered: false });
        let last = performance.now();
        const frame = (now: number) => {
          w.frameGaps.push(now - last);
          last = now;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.goto(fileUrl);
      const first = await runDone(page, 0);
      // 40 runs (20 replicates of A and of B), drawn as they arrive.
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[]; frameGaps: number[] };
        w.longTasks.length = 0;
        w.frameGaps.length = 0;
        location.hash = "scenario=baseline&reps=20&compare=1&b.scenario=baseline&b.turnover=40";
      });
      await runDone(page, first);
      const { longTasks, frameGaps } = await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[]; frameGaps: number[] };
        return { longTasks: w.longTasks, frameGaps: w.frameGaps };
      });
      match(await page.locator("#status").textContent() ?? "", /^Done: 40 runs/);
      // Long tasks are the main thread's own work (script, style, layout) in one go: what blocks
      // a slider. Gaps between animation frames also include the compositor and the OS sharing
      // the CPU with other processes, so they are only required to keep coming, and reported.
      const worstTask = Math.max(0, ...longTasks);
      const worstGap = Math.max(...frameGaps);
      ok(frameGaps.length > 10, `animation frames kept coming: ${frameGaps.length}`);
      ok(
        worstTask <= 200,
        `longest task ${worstTask.toFixed(0)} ms (${longTasks.length} over 50 ms; ` +
          `longest gap between frames ${worstGap.toFixed(0)} ms)`,
      );
      await page.close();
    });

    await t.step("accessible: labels, keyboard, text alternatives; screenshot kept", async () => {
      const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
      const errors = collectPageErrors(page);
      await page.goto(
        `${fileUrl}#scenario=short-cycles&compare=1&b.scenario=long-cycles&seed=2015&reps=5`,
      );
      await runDone(page, 0);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, progress")].filter((el) =>
          (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute("aria-label")
        ).map((el) => el.id)
      );
      deepStrictEqual(unlabelled, []);
      const controls = await page.locator("input, select").count();
      ok(controls >= 2 * 10 + 3, `controls: ${controls}`);
      // Every chart: an aria-label on its SVG, a caption with numbers, and a data table.
      const figures = await page.locator("figure:visible").evaluateAll((list) =>
        list.map((f) => ({
          id: f.id,
          svgLabel: f.querySelector("svg[aria-label]")?.getAttribute("aria-label") ?? "",
          caption: f.querySelector("figcaption")?.textContent ?? "",
          rows: f.querySelectorAll("details table tbody tr").length,
        }))
      );
      strictEqual(figures.length, 7, "six panels and the difference");
      for (const f of figures) {
        ok(f.svgLabel.length > 0, `${f.id} svg label`);
        match(f.caption, /\d/, `${f.id} caption`);
        strictEqual(f.rows, 10, `${f.id} data table: one row per year`);
      }
      // Tab from the top reaches the turnover slider; arrow keys move it.
      await page.locator("body").focus();
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.id === "a-turnover");
      }
      ok(reached, "Tab reaches Staff turnover");
      await page.keyboard.press("ArrowLeft");
      strictEqual(await page.locator("#a-turnover").inputValue(), "19");
      await runDone(page, 1);
      await page.locator("#a-turnover").blur();
      await Deno.mkdir(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, "explorer.png"), fullPage: true });
      ok((await Deno.stat(join(OUTPUT, "explorer.png"))).size > 10_000);
      deepStrictEqual(errors, []);
      await page.close();
    });
  } finally {
    await browser.close();
    await Deno.remove(dir, { recursive: true });
  }
});
