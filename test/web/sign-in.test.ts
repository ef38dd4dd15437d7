/**
 * The app on a server with accounts, in real headless Chromium: the API answers
 * UNAUTHENTICATED, so the app shows the sign-in screen (and only then); a wrong password is
 * refused in words; the right one sets the session cookie and opens the Find screen, whose
 * searches then run as that user; signing out returns to the sign-in screen.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, seriousAxeViolations, watchedPage } from "../support/browser.js";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";
import { ensureWebBuild } from "../support/web-build.js";

const account = { email: "ada@example.org", password: "correct horse battery staple" };
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startDemoServer({ account }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("signing in, on a server with accounts", () => {
  it("shows the sign-in screen, refuses a wrong password in words, then opens the app", async () => {
    const { page, context, external } = await watchedPage(browser);
    try {
      await page.goto(`${server.base}/find?q=Fabrikam`);
      await page.getByRole("heading", { name: "Sign in to warmpath" }).waitFor();
      expect(await page.getByRole("navigation").count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel("E-mail address").fill(account.email);
      await page.getByLabel("Password").fill("not the password at all");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").textContent()).toContain(
        "The e-mail address or the password is wrong.",
      );

      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The address kept the search: the app opens on it, as the signed-in user.
      await page.locator("article.path-card").first().waitFor();
      expect(await page.locator(".shell__who").textContent()).toBe("Ada Admin");
      const cookies = await context.cookies();
      expect(cookies.map((c) => c.name)).toContain("__Host-warmpath_session");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { name: "Sign in to warmpath" }).waitFor();
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
