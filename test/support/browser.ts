/**
 * Real headless Chromium for the browser tests, driven by playwright-core: Debian's `chromium`
 * package (/usr/bin/chromium, or CHROMIUM_PATH). A machine without it fails the tests with a
 * line saying what to install; they are never skipped. Each page records what would make the
 * app untrustworthy offline or under its CSP: requests to anything but this machine (blocked),
 * console errors, and CSP violations.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type FileChooser,
  type Page,
} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where phone-width screenshots go (gitignored; CI prints the folder). */
export const SCREENSHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's chromium ` +
        "package (apt-get install -y chromium; .ci/run installs it), or CHROMIUM_PATH.",
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium's sandbox refuses to start as root (CI runs as root).
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A page, and what it did that a test may want to see. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests to any other host than this machine: blocked, and recorded here. */
  external: string[];
  /** Console errors (failed loads, uncaught exceptions, CSP refusals). */
  errors: string[];
}

/** A new context and page whose every request beyond this machine is refused and recorded. */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL_HOSTS.has(url.hostname))
      return route.continue();
    external.push(url.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return { page, context, external, errors };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations on the page as it is now, serious and critical only. axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern, so the page keeps its
 * real policy while it is checked.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${axeSource}\n;undefined`);
  const violations = (await page.evaluate(`
    axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      })),
    )
  `)) as AxeViolation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Saves a full-page screenshot as test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The file chooser that `open` (a click or a key press) brings up. The listener is in place, and
 * a round trip to the page made, before `open` runs, so a busy machine cannot open the picker
 * before Playwright intercepts it.
 */
export async function fileChooserFrom(
  page: Page,
  open: () => Promise<unknown>,
): Promise<FileChooser> {
  const chosen = page.waitForEvent("filechooser", { timeout: 60_000 });
  await page.evaluate(() => 0);
  await open();
  return chosen;
}
