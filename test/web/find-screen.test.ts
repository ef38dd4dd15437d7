/**
 * The web app in real headless Chromium against the real server on the demo network: it
 * loads with nothing from outside this machine and no CSP refusal, a company search shows
 * ranked path cards with evidence, a search with no path says why in words, an API failure
 * shows words instead of a blank page, axe finds nothing serious, and a phone-width screenshot
 * is written for people to look at. One browser and one server for the whole file.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, SCREENSHOTS, seriousAxeViolations } from "../support/browser.js";
import { demoBrowser } from "../support/demo-browser.js";

const demo = demoBrowser();

async function open(path: string, viewport?: { width: number; height: number }) {
  const watched = await demo.page(viewport);
  await watched.page.goto(`${demo.server.base}${path}`);
  return watched;
}

/** Searches from the box, as a person does: type, then Enter. */
async function search(page: Page, text: string) {
  await page.getByLabel("Who do you want to reach?").fill(text);
  await page.keyboard.press("Enter");
}

const cards = (page: Page) => page.locator("article.path-card");

describe("the web app, single-user on loopback", () => {
  it("loads the shell and the Find screen offline: no request leaves this machine, no error, no CSP refusal", async () => {
    const { page, external, errors } = await open("/");
    await expect.poll(() => page.url()).toMatch(/\/find$/);
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    expect(await page.title()).toBe("Find a way in · warmpath");
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("passes axe (no serious or critical violations) on the shell and the Find screen with results", async () => {
    const { page } = await open("/find");
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await search(page, "Fabrikam");
    await cards(page).first().waitFor();
    await page.locator("details.options summary").click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("is reachable by keyboard: the skip link comes first and leads to the main content", async () => {
    const { page } = await open("/find");
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("main");
  });

  it("ranks path cards for a company, warmest first, each hop with its evidence and the weakest link marked", async () => {
    const { page, errors } = await open("/find");
    const started = Date.now();
    await search(page, "Fabrikam");
    await cards(page).first().waitFor();
    const took = Date.now() - started;
    expect(await page.getByText("Paths to anyone at Fabrikam now").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toMatch(
      /ways? in, warmest first/,
    );
    expect(await cards(page).count()).toBeGreaterThanOrEqual(2);
    const warmths = await page
      .locator("article.path-card .warmth__value")
      .allTextContents()
      .then((values) => values.map((v) => Number(v.replace(/[^\d.]/g, ""))));
    expect(warmths).toEqual([...warmths].sort((a, b) => b - a));
    const first = cards(page).first();
    // Every hop shows its evidence in words; the demo's first hop is "worked together ...".
    expect(await first.locator(".evidence li").count()).toBeGreaterThan(0);
    expect(await first.textContent()).toMatch(/worked together|coffee|member/i);
    expect(await first.locator(".tag--weakest").count()).toBe(1);
    expect(await first.locator(".warmth__label").textContent()).toMatch(/warm|lukewarm|cool|cold/);
    expect(page.url()).toMatch(/\/find\?q=Fabrikam$/);
    expect(errors).toEqual([]);
    console.log(`search for a company answered and drawn in ${took} ms`);
  });

  it("leaves out a person on request and searches again without them", async () => {
    const { page } = await open("/find?q=Fabrikam");
    await cards(page).first().waitFor();
    const button = cards(page)
      .first()
      .getByRole("button", { name: /^Don’t ask / });
    const name = ((await button.first().textContent()) ?? "").replace("Don’t ask ", "");
    await button.first().click();
    await page.locator("details.options summary").click();
    await page.getByRole("button", { name: `Ask ${name} again` }).waitFor();
    await cards(page).first().waitFor();
    expect(await page.locator("article.path-card .hop__who").allTextContents()).not.toContain(
      expect.stringContaining(name),
    );
  });

  it("says in words why there is no path, with what to do next", async () => {
    const { page } = await open("/find");
    await search(page, "astronaut");
    await page.getByRole("heading", { name: "No way in yet" }).waitFor();
    expect(await page.locator(".no-path__reason").textContent()).toBe(
      "Nobody in your network matches the filter.",
    );
    expect(await page.locator(".no-path").textContent()).toMatch(/Import your contacts/);
    // When the options are the cause, a button lifts them.
    await page.locator("details.options summary").click();
    await page.getByLabel("Longest chain").selectOption("1");
    await page.getByLabel("Minimum warmth").selectOption("0.5");
    await search(page, "Fabrikam");
    await expect
      .poll(() => page.locator(".no-path__reason").textContent())
      .toBe(
        "There is no warm path to anyone at Fabrikam within 1 tie, at warmth 0.5 or more. Try more ties, or add the people you know who know them.",
      );
    await page.getByRole("button", { name: "Show colder paths too" }).click();
    // The owner's only tie into Fabrikam in one hop is a guess from a shared employer.
    await cards(page).first().waitFor();
    expect(await cards(page).first().locator(".tag--inferred").textContent()).toBe(
      "Inferred, not confirmed",
    );
  });

  it("shows an API error in words, with a retry, never a blank page", async () => {
    const { page } = await open("/find");
    let failNext = true;
    await page.route("**/graphql", async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName !== "FindPaths" || !failNext) return route.fallback();
      failNext = false;
      return route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({
          errors: [{ message: "Neo4j is not reachable", extensions: { code: "UNAVAILABLE" } }],
        }),
      });
    });
    await search(page, "Fabrikam");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The database behind warmpath does not answer.");
    expect(await alert.textContent()).toContain("then try again");
    await alert.getByRole("button", { name: "Try again" }).click();
    await cards(page).first().waitFor();
  });

  it("says the server cannot be reached when the network fails", async () => {
    const { page } = await open("/find");
    await page.route("**/graphql", (route) =>
      (route.request().postDataJSON() as { operationName?: string } | null)?.operationName ===
      "FindPaths"
        ? route.abort("connectionrefused")
        : route.fallback(),
    );
    await search(page, "Fabrikam");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain(
      "The warmpath server cannot be reached.",
    );
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Find a way in");
  });

  it("is usable at phone width (360 px): nothing overflows sideways; the screenshot is saved", async () => {
    const { page, external } = await open("/find?q=Fabrikam", { width: 360, height: 780 });
    await cards(page).first().waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const file = await screenshot(page, "find-360");
    console.log(`phone-width screenshots are in ${SCREENSHOTS} (this one: ${file})`);
    await screenshot(
      await page.setViewportSize({ width: 1280, height: 900 }).then(() => page),
      "find-1280",
    );
    expect(external).toEqual([]);
  });
});
