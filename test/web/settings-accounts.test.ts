/**
 * The Settings screen on a server with accounts, in real headless Chromium, signed in as an
 * administrator: this browser's session listed; an API token created (its text shown once,
 * working over HTTP), listed without its text, revoked (and refused from then on); a team
 * started, its sharing level changed and kept; a label blocklisted. By keyboard where a person
 * would; axe finds nothing serious; a phone-width screenshot is written.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  launchChromium,
  screenshot,
  seriousAxeViolations,
  watchedPage,
  type WatchedPage,
} from "../support/browser.js";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";
import { ensureWebBuild } from "../support/web-build.js";

const account = { email: "ada@example.org", password: "correct horse battery staple" };
let server: DemoServer;
let browser: Browser;
let watched: WatchedPage | undefined;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startDemoServer({ account }), launchChromium()]);
});
afterEach(async () => {
  await watched?.context.close();
  watched = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(viewport?: { width: number; height: number }): Promise<Page> {
  watched = await watchedPage(browser, viewport);
  const { page } = watched;
  await page.goto(`${server.base}/settings`);
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Password").press("Enter");
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByRole("list", { name: "Signed-in browsers" }).waitFor();
  return page;
}

/** Asks the API with a Bearer token, from outside the browser, as a script would. */
async function withToken(token: string): Promise<number> {
  const response = await fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ people(first: 1) { totalCount } }" }),
  });
  return response.status;
}

describe("Settings with accounts", () => {
  it("lists this browser's session and every section an account has", async () => {
    const page = await signedIn();
    const sessions = page.getByRole("list", { name: "Signed-in browsers" });
    expect(await sessions.getByText("this browser").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Profile",
      "Elevator pitch",
      "Keep-in-touch cadences",
      "Sessions",
      "Passkeys",
      "API tokens",
      "Teams",
      "Never shared with a team",
    ]);
    // Adding one is there (test/web/passkeys.test.ts runs the ceremony).
    const passkeys = page.getByRole("region", { name: "Passkeys" });
    expect(await passkeys.getByRole("button", { name: "Add a passkey" }).isEnabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The only failed loads are the API's 401s before signing in, which show the sign-in screen.
    expect(watched!.errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
  });

  it("creates an API token shown once, lists it without its text, and revokes it", async () => {
    const page = await signedIn();
    const tokens = page.getByRole("region", { name: "API tokens" });
    await tokens.getByLabel("What it is for").fill("import script");
    await tokens.getByRole("checkbox", { name: /contacts:read/ }).check();
    await tokens.getByLabel("Ends after").selectOption("30");
    await tokens.getByRole("button", { name: "Create token" }).press("Enter");

    const once = page.getByRole("region", { name: "Your new token “import script”" });
    await once.waitFor();
    const token = await once.getByLabel("Token").inputValue();
    expect(token).toMatch(/^wp_[\w-]{43}$/);
    expect(await withToken(token)).toBe(200);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await once.getByRole("button", { name: "I have saved it" }).press("Enter");
    expect(await once.count()).toBe(0);

    const listed = tokens.getByRole("list", { name: "Your API tokens" }).getByRole("listitem");
    await listed.first().waitFor();
    const item = listed.filter({ hasText: "import script" });
    expect(await item.textContent()).toContain(`${token.slice(-4)}`);
    expect(await item.textContent()).toContain("Scopes: paths:read, contacts:read");
    expect(await page.content()).not.toContain(token);

    await item.getByRole("button", { name: "Revoke import script" }).press("Enter");
    // The question comes first, with its button focused.
    await item.getByRole("group", { name: /^Revoke import script\?/ }).waitFor();
    await page.keyboard.press("Enter");
    await tokens
      .getByRole("status")
      .filter({ hasText: "Revoked the token import script." })
      .waitFor();
    await item.getByText(/^revoked /).waitFor();
    expect(await item.getByRole("button", { name: "Revoke import script" }).count()).toBe(0);
    expect(await withToken(token)).toBe(401);
  });

  it("starts a team, changes how much it may use, and keeps it; blocklists a label", async () => {
    const page = await signedIn();
    const teams = page.getByRole("region", { name: "Teams" });
    await teams.getByText("You are in no team.").waitFor();
    await teams.getByLabel("Start a team").fill("Warm Hands");
    await teams.getByLabel("Start a team").press("Enter");
    const team = teams.getByRole("listitem").filter({ hasText: "Warm Hands" });
    await team.waitFor();
    expect(await team.textContent()).toContain("You are an owner.");
    const off = team.getByRole("radio", { name: /^Nothing/ });
    expect(await off.isChecked()).toBe(true);

    // Arrow keys move through a radio group, choosing as they go.
    await off.focus();
    await page.keyboard.press("ArrowDown");
    await team
      .getByRole("status")
      .filter({ hasText: "Saved: it applies from the next search." })
      .waitFor();
    expect(await team.getByRole("radio", { name: /^Companies only/ }).isChecked()).toBe(true);
    expect(await team.getByRole("status").textContent()).toContain("The team uses: Companies only");

    const blocklist = page.getByRole("region", { name: "Never shared with a team" });
    await blocklist.getByLabel("Category or tag to keep out").fill("family");
    await blocklist.getByLabel("Category or tag to keep out").press("Enter");
    await blocklist.getByRole("button", { name: "Share family again" }).waitFor();

    await page.reload();
    const again = page.getByRole("region", { name: "Teams" }).getByRole("listitem").filter({
      hasText: "Warm Hands",
    });
    await again.waitFor();
    expect(await again.getByRole("radio", { name: /^Companies only/ }).isChecked()).toBe(true);
    await page
      .getByRole("region", { name: "Never shared with a team" })
      .getByRole("button", { name: "Share family again" })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("is usable at phone width (360 px); the screenshot is saved", async () => {
    const page = await signedIn({ width: 360, height: 780 });
    await page.getByRole("list", { name: "Cadences by category" }).waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "settings-accounts-360");
  });
});
