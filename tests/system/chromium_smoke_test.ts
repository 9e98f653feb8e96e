import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { collectPageErrors, launchChromium } from "./_chromium.ts";

Deno.test("Debian's Chromium starts headless and renders an inline SVG page", async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.setContent(
      `<!doctype html><svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>`,
    );
    const box = await page.locator("svg").boundingBox();
    strictEqual(box?.width, 40);
    deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
