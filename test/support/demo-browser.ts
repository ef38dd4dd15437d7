/**
 * The set-up every browser test file shares: the built app, one demo server and one Chromium
 * for the file, and a watched page per test, closed after it.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { launchChromium, watchedPage, type WatchedPage } from "./browser.js";
import { startDemoServer, type DemoServer } from "./demo-server.js";
import { ensureWebBuild } from "./web-build.js";

export interface DemoBrowser {
  readonly server: DemoServer;
  readonly browser: Browser;
  /** A new watched page (blocked and recorded outside requests, console errors), closed after the test. */
  page(viewport?: { width: number; height: number }): Promise<WatchedPage>;
}

/** Registers the file's hooks; the server and browser are there from the first test on. */
export function demoBrowser(options: Parameters<typeof startDemoServer>[0] = {}): DemoBrowser {
  // A page's steps wait on a real browser: on a CI machine running every suite at once, a
  // test that passes in seconds alone may need more than the default 30 s.
  vi.setConfig({ testTimeout: 90_000 });
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const open: WatchedPage[] = [];
  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startDemoServer(options), launchChromium()]);
  });
  afterEach(async () => {
    for (const watched of open.splice(0)) await watched.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async page(viewport) {
      const watched = await watchedPage(browser!, viewport);
      open.push(watched);
      return watched;
    },
  };
}
