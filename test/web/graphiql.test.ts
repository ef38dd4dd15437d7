/**
 * GET /graphql from a browser: the bundled GraphiQL (not Apollo's landing page, which loads
 * from a CDN), in real headless Chromium, with every request beyond this machine blocked. It
 * must load without any, run a query against the API, and raise no CSP refusal.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, watchedPage } from "../support/browser.js";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";
import { ensureWebBuild } from "../support/web-build.js";

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Monaco draws spaces as no-break spaces: compare text with ordinary ones. */
const spaced = (text: string): string => text.replace(/\s+/g, " ");

describe("GraphiQL at /graphql", () => {
  it("loads offline, runs a query, and makes no request beyond this machine", async () => {
    const { page, context, external, errors } = await watchedPage(browser);
    try {
      const response = await page.goto(`${server.base}/graphql`);
      expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
      expect(await page.title()).toBe("warmpath GraphQL explorer");
      await page.locator(".graphiql-container").waitFor();
      // The editor (Monaco, from its bundled workers) shows the first query once it is ready.
      await expect
        .poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 15_000 })
        .toContain("knows");
      await page.getByRole("button", { name: /Execute query/ }).click();
      await expect
        .poll(() => page.locator(".graphiql-response").innerText().then(spaced), {
          timeout: 15_000,
        })
        .toContain('"name": "Me"');
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
