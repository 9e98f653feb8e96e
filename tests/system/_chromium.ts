/**
 * Launches Debian's Chromium (`/usr/bin/chromium`, installed by `ensure_debian_packages.sh`)
 * headless through playwright-core, which never downloads a browser of its own. Shared by every
 * browser test (the HTML report, the explorer).
 *
 * @module
 */
import { type Browser, chromium, type Page } from "playwright-core";

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, offline, headless Chromium in a container. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts headless Chromium.
 *
 * @returns The browser; close it when done.
 *
 * @example
 * ```ts ignore
 * const browser = await launchChromium();
 * await browser.close();
 * ```
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/**
 * Collects a page's console errors, uncaught exceptions and failed requests, so a test can
 * assert there were none.
 *
 * @param page A fresh page.
 * @returns The list, filled as the page runs.
 *
 * @example
 * ```ts ignore
 * const errors = collectPageErrors(page);
 * await page.goto(url);
 * deepStrictEqual(errors, []);
 * ```
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on(
    "requestfailed",
    (request) =>
      errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`),
  );
  return errors;
}
