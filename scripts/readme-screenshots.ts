/**
 * The README's screenshots: the path view (Find's ranked path cards for a company) and Today,
 * taken in headless Chromium at 1280x800 on the demo network, served as the browser tests serve
 * it (the web app built when missing or stale, the real server on a temporary SQLite file).
 *
 *   npx tsx scripts/readme-screenshots.ts
 *
 * writes docs/screenshots/path-view.png (the search and the warmest path's card) and
 * docs/screenshots/today.png (the top of the lists), each cropped to the screen's column.
 */
import { mkdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { launchChromium, watchedPage } from "../test/support/browser.js";
import { startDemoServer } from "../test/support/demo-server.js";
import { ensureWebBuild } from "../test/support/web-build.js";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "docs/screenshots");
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Saves the page from its top, and from the left edge to the right of the screen's column,
 * down to the bottom of `until` (a little past it) or else one window high.
 */
async function save(page: Page, name: string, until?: Locator): Promise<void> {
  // Fonts and the last frame settled: nothing half-drawn in the picture.
  await page.evaluate("document.fonts.ready");
  await page.mouse.move(0, VIEWPORT.height - 1);
  const column = await page.locator("main .screen").first().boundingBox();
  const right = column ? Math.ceil(column.x + column.width + 24) : VIEWPORT.width;
  const end = until ? await until.boundingBox() : null;
  const bottom = end ? Math.ceil(end.y + end.height + 12) : VIEWPORT.height;
  const file = join(OUT, `${name}.png`);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width: Math.min(VIEWPORT.width, right), height: bottom },
  });
  console.log(`${relative(ROOT, file)}: ${Math.round(statSync(file).size / 1024)} KB`);
}

await ensureWebBuild();
mkdirSync(OUT, { recursive: true });
const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
try {
  const { page, external, errors } = await watchedPage(browser, VIEWPORT);

  await page.goto(`${server.base}/find?q=Fabrikam`);
  await page.locator("article.path-card").nth(1).waitFor();
  // The search, and the warmest path's card whole: who to ask, every tie with its evidence.
  await save(page, "path-view", page.locator("article.path-card").first());

  await page.goto(`${server.base}/today`);
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  await page
    .getByRole("region", { name: /^Next Contact/ })
    .getByRole("article")
    .first()
    .waitFor();
  await save(page, "today");

  if (external.length > 0 || errors.length > 0)
    throw new Error(`the pages were not clean: ${JSON.stringify({ external, errors })}`);
} finally {
  await browser.close();
  await server.close();
}
