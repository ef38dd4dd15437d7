/**
 * Passkeys in real headless Chromium, with a virtual authenticator through the DevTools
 * protocol (a platform authenticator with resident keys and user verification): signed in with
 * a password, add a passkey in Settings and see it listed; sign out; sign in with the passkey.
 * The refusals are said in words: the same device twice, a prompt that fails, a passkey the
 * server no longer knows, and an address passkeys cannot work at (an IP address).
 *
 * The page is opened at http://localhost:PORT: the server takes the relying party from the
 * request's Host (no WARMPATH_PUBLIC_URL here), so the RP id is "localhost" and the origin the
 * page's own, as WebAuthn requires (an IP address is no RP id).
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  launchChromium,
  seriousAxeViolations,
  watchedPage,
  type WatchedPage,
} from "../support/browser.js";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";
import { ensureWebBuild } from "../support/web-build.js";

const account = { email: "ada@example.org", password: "correct horse battery staple" };
let server: DemoServer;
let browser: Browser;
/** The server at http://localhost:PORT, the address passkeys are bound to. */
let base: string;
let watched: WatchedPage | undefined;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startDemoServer({ account }), launchChromium()]);
  base = server.base.replace("//127.0.0.1:", "//localhost:");
});
afterEach(async () => {
  await watched?.context.close();
  watched = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Authenticator {
  cdp: CDPSession;
  id: string;
}

/** A page with a virtual platform authenticator (passkeys kept on it, the user verified). */
async function pageWithAuthenticator(): Promise<{ page: Page; authenticator: Authenticator }> {
  watched = await watchedPage(browser);
  const { page } = watched;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { page, authenticator: { cdp, id: authenticatorId } };
}

async function credentialsOn({ cdp, id }: Authenticator) {
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId: id })).credentials;
}

async function signInWithPassword(page: Page, at: string): Promise<void> {
  await page.goto(`${at}/settings`);
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Password").press("Enter");
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
}

/** The shell's "Sign out" (Settings lists sessions with buttons of that name too). */
const signOut = (page: Page) =>
  page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();

const passkeysOf = (page: Page) => page.getByRole("region", { name: "Passkeys" });

/** Names a passkey and presses "Add a passkey", by keyboard. */
async function addPasskey(page: Page, name: string): Promise<void> {
  const section = passkeysOf(page);
  await section.getByLabel("Name it, to tell it from others").fill(name);
  await section.getByLabel("Name it, to tell it from others").press("Enter");
}

describe("passkeys in the browser", () => {
  it("adds a passkey in Settings, lists it, and signs in with it after signing out", async () => {
    const { page, authenticator } = await pageWithAuthenticator();
    await signInWithPassword(page, base);
    const section = passkeysOf(page);
    await section.getByText("You have no passkey.").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await addPasskey(page, "Work laptop");
    await section
      .getByRole("status")
      .filter({ hasText: "Added the passkey Work laptop: you can sign in with it from now on." })
      .waitFor();
    const item = section.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
    await item.filter({ hasText: "Work laptop" }).waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain("last used never");
    expect(await section.getByLabel("Name it, to tell it from others").inputValue()).toBe("");
    // The authenticator keeps it as a discoverable credential, for localhost.
    const [credential, ...more] = await credentialsOn(authenticator);
    expect(more).toEqual([]);
    expect(credential).toMatchObject({ isResidentCredential: true, rpId: "localhost" });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await signOut(page);
    await page.getByRole("heading", { name: "Sign in to warmpath" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    // Signed in without a password: the app opens on the address it was at, as Ada.
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    expect(await page.locator(".shell__who").textContent()).toBe("Ada Admin");
    const cookies = await watched!.context.cookies();
    expect(cookies.map((c) => c.name)).toContain("__Host-warmpath_session");
    const used = passkeysOf(page)
      .getByRole("list", { name: "Your passkeys" })
      .getByRole("listitem");
    await used.filter({ hasText: "Work laptop" }).waitFor();
    expect(await used.textContent()).not.toContain("last used never");
    expect((await credentialsOn(authenticator))[0]!.signCount).toBeGreaterThan(0);

    // The same device again is refused by the browser (the server excludes it), in words.
    await addPasskey(page, "Work laptop again");
    await passkeysOf(page)
      .getByRole("alert")
      .filter({ hasText: "This device already holds a passkey for your account" })
      .waitFor();
    expect(await used.count()).toBe(1);
    expect(watched!.external).toEqual([]);
    // The only failed loads are the API's 401s while signed out, which show the sign-in screen.
    expect(watched!.errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
  });

  it("says so when the prompt fails, and when the server no longer knows the passkey", async () => {
    const { page, authenticator } = await pageWithAuthenticator();
    await signInWithPassword(page, base);
    const section = passkeysOf(page);

    // The person does not confirm (no PIN, no fingerprint): the browser refuses, nothing is kept.
    await authenticator.cdp.send("WebAuthn.setUserVerified", {
      authenticatorId: authenticator.id,
      isUserVerified: false,
    });
    await addPasskey(page, "Not confirmed");
    await section
      .getByRole("alert")
      .filter({ hasText: "No passkey was added: the prompt was cancelled or timed out." })
      .waitFor();
    expect(await section.getByText("Not confirmed").count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await authenticator.cdp.send("WebAuthn.setUserVerified", {
      authenticatorId: authenticator.id,
      isUserVerified: true,
    });
    await addPasskey(page, "Phone");
    const item = section.getByRole("listitem").filter({ hasText: "Phone" });
    await item.waitFor();

    // Removed on the server, kept on the device: signing in with it is refused in words.
    await item.getByRole("button", { name: "Remove Phone" }).click();
    await page.getByRole("button", { name: "Remove it" }).click();
    await section.getByRole("status").filter({ hasText: "Removed the passkey Phone." }).waitFor();
    await signOut(page);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Passkey sign-in failed. This passkey is not one of an account here" })
      .waitFor();
    expect(await page.getByRole("heading", { name: "Sign in to warmpath" }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("says where passkeys work when the page is at an IP address", async () => {
    const { page } = await pageWithAuthenticator();
    await signInWithPassword(page, server.base);
    await addPasskey(page, "At an IP address");
    await passkeysOf(page)
      .getByRole("alert")
      .filter({ hasText: "Passkeys work only at the address the server is set up for" })
      .waitFor();
    expect(await passkeysOf(page).getByText("At an IP address").count()).toBe(0);
  });
});
