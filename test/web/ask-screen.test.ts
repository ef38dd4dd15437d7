/**
 * "Ask" in real headless Chromium: from a path card, draft the double opt-in request (writing
 * the pitch it needs first), edit the blurb, copy it, open it as a mail draft (mailto: and a
 * downloaded .eml), move it to asked and see the status, which a reload keeps; axe finds
 * nothing serious; a phone-width screenshot is written.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations } from "../support/browser.js";
import { demoBrowser } from "../support/demo-browser.js";

const demo = demoBrowser();

async function open(path: string, viewport?: { width: number; height: number }) {
  const watched = await demo.page(viewport);
  await watched.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: demo.server.base,
  });
  await watched.page.goto(`${demo.server.base}${path}`);
  return watched;
}

/** Searches Fabrikam and follows the first card's "Ask <introducer>"; returns the introducer. */
async function askFromFirstPath(page: Page): Promise<string> {
  await page.getByLabel("Who do you want to reach?").fill("Fabrikam");
  await page.keyboard.press("Enter");
  const card = page.locator("article.path-card").first();
  await card.waitFor();
  const ask = card.getByRole("link", { name: /^Ask / });
  const introducer = ((await ask.textContent()) ?? "").replace(/^Ask /, "");
  await ask.click();
  await page.getByRole("heading", { level: 2, name: new RegExp(`^Ask ${introducer}`) }).waitFor();
  return introducer;
}

describe("Ask: a double opt-in request from a path", () => {
  it("drafts it, edits the blurb, copies and exports it, and moves it to asked", async () => {
    const { page, errors, external } = await open("/find");
    const introducer = await askFromFirstPath(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The demo owner has no pitch yet: the form asks for it, and the request carries it.
    await page
      .getByLabel("Your elevator pitch")
      .fill(
        "I build data platforms for logistics teams and am looking for my next role in supply-chain software.",
      );
    await page.getByRole("button", { name: "Draft the request" }).click();
    await page.getByRole("heading", { level: 3, name: "Status: Drafted" }).waitFor();
    expect(page.url()).toMatch(/\/ask\?id=/);
    expect(await page.getByLabel(`To ${introducer}`).inputValue()).toMatch(
      /Would you be willing to introduce me to .*check with/s,
    );
    expect(await page.getByLabel("Your pitch").inputValue()).toContain("data platforms");

    const blurb = page.getByLabel(/^Forwardable blurb/);
    expect(await blurb.inputValue()).toMatch(/^I'm /);
    await blurb.fill("I'm Me, and I would value twenty minutes of Lena's advice on logistics.");
    await page.locator("details summary", { hasText: "The whole message" }).click();
    expect(await page.locator(".ask-message__preview").textContent()).toContain(
      "twenty minutes of Lena's advice",
    );

    await page.getByRole("button", { name: "Copy the message" }).click();
    await page.getByText("Message copied.").waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toContain(
      "twenty minutes of Lena's advice",
    );
    const mailto = (await page
      .getByRole("link", { name: "Open in your mail program" })
      .getAttribute("href"))!;
    expect(mailto).toMatch(/^mailto:[^?]*@[^?]+\?subject=Would%20you%20introduce%20me%20to%20/);
    expect(decodeURIComponent(mailto)).toContain("twenty minutes of Lena's advice");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download as .eml" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^introduction-to-[a-z-]+\.eml$/);
    const eml = readFileSync((await download.path())!, "utf8");
    expect(eml).toMatch(/^To: .+@.+\r\nSubject: Would you introduce me to .+\r\nX-Unsent: 1\r\n/);
    expect(eml).toContain("twenty minutes of Lena's advice");

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: `I sent it to ${introducer}` }).click();
    await page.getByRole("heading", { level: 3, name: "Status: Asked" }).waitFor();
    expect(await page.locator('.ask-steps [aria-current="step"]').textContent()).toMatch(/^Asked/);
    expect(await page.getByRole("button", { name: / said yes$/ }).count()).toBe(1);
    expect(await page.getByRole("button", { name: / declined$/ }).count()).toBe(1);

    // The status is the server's, and the edits stay in this browser.
    await page.reload();
    await page.getByRole("heading", { level: 3, name: "Status: Asked" }).waitFor();
    expect(await page.getByLabel(/^Forwardable blurb/).inputValue()).toContain("Lena's advice");
    await page.goto(`${demo.server.base}/ask`);
    await page.locator(".ask-list li", { hasText: "Asked" }).first().waitFor();
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it("fits a phone (360 px) and passes axe; the screenshot is saved", async () => {
    const { page } = await open("/ask", { width: 360, height: 780 });
    await page.getByRole("heading", { level: 1, name: "Introduction requests" }).waitFor();
    const first = page.locator(".ask-list a").first();
    if ((await first.count()) === 0) {
      await page.goto(`${demo.server.base}/find`);
      await askFromFirstPath(page);
      await page
        .getByLabel("Your elevator pitch")
        .fill("I build data platforms for logistics teams.");
      await page.getByRole("button", { name: "Draft the request" }).click();
    } else await first.click();
    await page.getByRole("heading", { level: 3, name: /^Status: / }).waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "ask-360");
  });
});
