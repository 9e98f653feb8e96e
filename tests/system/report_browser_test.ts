import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { main } from "../../src/cli/main.ts";
import { REPORT_SECTIONS } from "../../src/report/mod.ts";
import { collectPageErrors, launchChromium } from "./_chromium.ts";

const quiet = { out: () => {}, err: () => {} };

Deno.test("the HTML report opens from a file:// URL in headless Chromium without errors or network requests", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-browser-" });
  try {
    const scenario = `${dir}/hostile.json`;
    await Deno.writeTextFile(
      scenario,
      JSON.stringify({ name: "<script>alert(1)</script>", horizonYears: 2, seed: 7 }),
    );
    strictEqual(
      await main(["run", scenario, "--replicates", "2", "--out", `${dir}/run`], quiet),
      0,
    );
    const html = `${dir}/report.html`;
    strictEqual(await main(["report", `${dir}/run`, "--out", html], quiet), 0);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = collectPageErrors(page);
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      const dialogs: string[] = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      const url = new URL(`file://${html}`).href;
      await page.goto(url, { waitUntil: "load" });
      deepStrictEqual(errors, []);
      deepStrictEqual(requests.filter((r) => !r.startsWith("file://")), [], "no network requests");
      deepStrictEqual(dialogs, [], "the hostile scenario name ran no script");
      strictEqual(await page.locator("script").count(), 0);
      for (const section of REPORT_SECTIONS) {
        ok(await page.locator(`section#${section.id} h2`).isVisible(), section.id);
      }
      const charts = page.locator("#charts figure svg");
      ok((await charts.count()) >= 4, "trajectories, family states, staff and network");
      const box = await charts.first().boundingBox();
      ok(box !== null && box.width > 300 && box.height > 200, JSON.stringify(box));
      ok(
        (await page.locator("#what-was-run").innerText()).includes("<script>alert(1)</script>"),
        "the hostile name is shown as text",
      );
      const output = new URL("../output/", import.meta.url);
      await Deno.mkdir(output, { recursive: true });
      await page.screenshot({ path: new URL("report.png", output).pathname, fullPage: true });
    } finally {
      await browser.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
