/**
 * The Settings screen of a single-user install on loopback, in real headless Chromium: only
 * what applies without accounts (profile, elevator pitch, cadences), with the reason the rest
 * is absent; the pitch and a cadence are changed by keyboard and kept; axe finds nothing
 * serious; a phone-width screenshot is written.
 */
import { describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations } from "../support/browser.js";
import { demoBrowser } from "../support/demo-browser.js";

const demo = demoBrowser();

async function open(viewport?: { width: number; height: number }) {
  const watched = await demo.page(viewport);
  await watched.page.goto(`${demo.server.base}/settings`);
  await watched.page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await watched.page.getByLabel("Name", { exact: true }).waitFor();
  return watched;
}

describe("Settings on a single-user install", () => {
  it("shows only profile, pitch and cadences, and says why sessions, tokens and teams are absent", async () => {
    const { page, errors, external } = await open();
    await page.getByRole("list", { name: "Cadences by category" }).waitFor();
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual([
      "Profile",
      "Elevator pitch",
      "Keep-in-touch cadences",
      "Sessions, passkeys, API tokens and teams",
    ]);
    expect(await page.getByRole("region", { name: /^Sessions, passkeys/ }).textContent()).toContain(
      "without accounts",
    );
    expect(await page.getByRole("heading", { name: "API tokens", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it("saves the elevator pitch and a category's cadence, by keyboard, and keeps them", async () => {
    const { page } = await open();
    const pitch = "I build data teams for climate start-ups and look for a CTO role in Berlin.";
    await page.getByLabel("Your pitch").fill(pitch);
    await page.getByRole("button", { name: "Save pitch" }).press("Enter");
    await page.getByRole("status").filter({ hasText: "Pitch saved." }).waitFor();

    await page.getByLabel("Ideal gap (days)").first().waitFor();
    const client = page.locator(".cadence").filter({ hasText: "Client" }).first();
    await client.getByLabel("Ideal gap (days)").fill("21");
    await client.getByLabel("Longest gap (days)").fill("45");
    await client.getByLabel("Longest gap (days)").press("Enter");
    await client.getByRole("status").filter({ hasText: "Client cadence saved." }).waitFor();
    expect(await client.locator(".tag").textContent()).toBe("yours");

    await page.reload();
    await page.getByRole("list", { name: "Cadences by category" }).waitFor();
    expect(await page.getByLabel("Your pitch").inputValue()).toBe(pitch);
    const again = page.locator(".cadence").filter({ hasText: "Client" }).first();
    expect(await again.getByLabel("Ideal gap (days)").inputValue()).toBe("21");
    expect(await again.getByLabel("Longest gap (days)").inputValue()).toBe("45");

    // Back to the built-in default.
    await again.getByRole("button", { name: "Use the default for client" }).press("Enter");
    await again.getByRole("status").filter({ hasText: "Client cadence saved." }).waitFor();
    expect(await again.locator(".tag").textContent()).toBe("built-in default");
  });

  it("is usable at phone width (360 px); the screenshot is saved", async () => {
    const { page } = await open({ width: 360, height: 780 });
    await page.getByRole("list", { name: "Cadences by category" }).waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "settings-360");
  });
});
