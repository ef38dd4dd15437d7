/**
 * The Today screen in real headless Chromium against the real server on the demo network: the
 * three keep-in-touch lists with why and since when; logging a coffee takes someone off Next
 * Contact; a dated follow-up is added and shown; news is recorded and shown; a blanket update is
 * previewed per person, exported as .eml (the download's content checked) and marked sent; axe
 * finds nothing serious; a phone-width screenshot is written. One browser and one server for
 * the whole file; the tests run in order and build on each other's writes.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations } from "../support/browser.js";
import { demoBrowser } from "../support/demo-browser.js";
import { emlBody, emlFields } from "../support/eml-reader.js";

const demo = demoBrowser();

async function open(path: string, viewport?: { width: number; height: number }) {
  const watched = await demo.page(viewport);
  await watched.page.goto(`${demo.server.base}${path}`);
  await watched.page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  return watched;
}

const list = (page: Page, name: RegExp) => page.getByRole("region", { name });
const entry = (region: Locator, person: string) =>
  region.getByRole("article", { name: new RegExp(`^${person}`) });
const dayAfter = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("the Today screen", () => {
  it("shows the three lists, each entry with why and since when; no request leaves this machine; axe finds nothing serious", async () => {
    const { page, external, errors } = await open("/today");
    expect(await page.title()).toBe("Today · warmpath");
    const next = list(page, /^Next Contact/);
    const immediate = list(page, /^Immediate Follow-up/);
    await entry(next, "Chloe Nguyen").waitFor();
    await list(page, /^Losing touch/).waitFor();
    // Why and since when, in words, with a machine-readable date.
    const ben = entry(next, "Ben Ortiz");
    expect(await ben.textContent()).toMatch(/keep in touch every 30 days \(client\)/i);
    expect(await ben.textContent()).toMatch(/Due since .* overdue/);
    expect(await ben.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const kofi = entry(immediate, "Kofi Mensah");
    expect(await kofi.textContent()).toMatch(/waits for your answer: Kofi asked for advice/);
    expect(await kofi.textContent()).toMatch(/Waiting since .* \(\d+ days?\)/);
    // A dated follow-up can be snoozed or done; a cadence is reset by logging a contact.
    const grace = entry(next, "Grace Kim");
    expect(await grace.getByRole("button", { name: /^Snooze/ }).count()).toBe(1);
    expect(await ben.getByRole("button", { name: /^Snooze/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await entry(next, "Ben Ortiz").locator("summary").click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("logs a coffee in one click and the person leaves Next Contact", async () => {
    const { page, errors } = await open("/today");
    const next = list(page, /^Next Contact/);
    await entry(next, "Chloe Nguyen").waitFor();
    await page.getByRole("button", { name: "Log a coffee with Chloe Nguyen" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Logged a coffee with Chloe Nguyen.");
    await expect.poll(() => entry(next, "Chloe Nguyen").count()).toBe(0);
    // Focus is not lost with the entry: it goes to the list's heading.
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe(
      "today-next",
    );
    // The coffee is on the record: the mentor cadence (60 days) now runs from today.
    await page.reload();
    await entry(next, "Ben Ortiz").waitFor();
    expect(await entry(next, "Chloe Nguyen").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("snoozes a dated follow-up for a week and marks another done", async () => {
    const { page } = await open("/today");
    const next = list(page, /^Next Contact/);
    const immediate = list(page, /^Immediate Follow-up/);
    await entry(next, "Grace Kim").waitFor();
    await page.getByRole("button", { name: "Snooze a week (Grace Kim’s follow-up)" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/^Snoozed Grace Kim’s follow-up until /);
    await expect.poll(() => entry(next, "Grace Kim").count()).toBe(0);
    await entry(immediate, "Farid Haddad").waitFor();
    await page.getByRole("button", { name: "Mark done (Farid Haddad’s follow-up)" }).click();
    await expect.poll(() => entry(immediate, "Farid Haddad").count()).toBe(0);
  });

  it("adds a dated follow-up by keyboard and shows it on Next Contact with its date and reason", async () => {
    const { page } = await open("/today");
    const next = list(page, /^Next Contact/);
    const ben = entry(next, "Ben Ortiz").filter({ hasText: "every 30 days" });
    await ben.waitFor();
    await ben.locator("summary").focus();
    await page.keyboard.press("Enter");
    const due = dayAfter(9);
    await ben.getByLabel("Come back on").fill(due);
    await ben.getByLabel("Why").fill("Not hiring until the new budget: send the portfolio");
    await ben.getByLabel("Why").press("Enter");
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/^Follow-up with Ben Ortiz set for /);
    const followUp = next.getByRole("article").filter({ hasText: "send the portfolio" });
    await followUp.waitFor();
    expect(await followUp.locator("time").getAttribute("datetime")).toBe(due);
    expect(await followUp.textContent()).toMatch(/Due .* \(in 9 days\)/);
    // A far date ("come back on 2027-05-20") is kept too, and said back in words; the form
    // stays open after the lists are asked again.
    expect(await ben.locator("details").getAttribute("open")).not.toBeNull();
    await ben.getByLabel("Come back on").fill("2027-05-20");
    await ben.getByLabel("Why").fill("Not hiring for six months");
    await ben.getByRole("button", { name: "Add follow-up" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Follow-up with Ben Ortiz set for Thu 20 May 2027.");
  });

  it("records someone's news and shows it as their latest", async () => {
    const { page, errors } = await open("/today");
    const immediate = list(page, /^Immediate Follow-up/);
    const kofi = entry(immediate, "Kofi Mensah");
    await kofi.waitFor();
    await kofi.locator("summary").click();
    await kofi.getByLabel("Their news").fill("Starts as a product manager at Northwind in January");
    await kofi.getByLabel("Their news").press("Enter");
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Recorded Kofi Mensah’s news.");
    await expect
      .poll(() => entry(immediate, "Kofi Mensah").locator(".entry__news").textContent())
      .toContain("Starts as a product manager at Northwind in January");
    expect(errors).toEqual([]);
  });

  it("previews a blanket update per person, exports it as .eml files, and marks it sent", async () => {
    const { page, errors } = await open("/today");
    await page.getByLabel("Category").selectOption("MENTOR");
    await page.getByLabel("List", { exact: true }).selectOption("NEXT_CONTACT");
    await page.getByLabel("Subject").fill("My news, {{firstName}}");
    await page
      .getByLabel("Template")
      .fill("Hi {{firstName}},\n\nI joined a new team this autumn. How is {{company}}?\n\nAda");
    await page.getByRole("button", { name: "Preview each person’s copy" }).click();
    const preview = page.getByRole("region", { name: /copies?, drafted/ });
    await preview.waitFor();
    const copies = preview.getByRole("article");
    const count = await copies.count();
    expect(count).toBeGreaterThanOrEqual(2);
    // Each copy is personal: Chloe (a mentor) and Ben (due on Next Contact) each get their own.
    const chloe = preview.getByRole("article", { name: "Copy for Chloe Nguyen" });
    expect(await chloe.textContent()).toContain("Subject: My news, Chloe");
    expect(await chloe.locator("pre").textContent()).toMatch(/^Hi Chloe,/);
    const ben = preview.getByRole("article", { name: "Copy for Ben Ortiz" });
    expect(await ben.locator("pre").textContent()).toMatch(/^Hi Ben,\n\n.*How is Contoso\?/);
    expect(await ben.textContent()).toContain("<ben.ortiz@contoso.example>");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Editing after a preview says the preview is stale.
    await page.getByLabel("Subject").fill("My news and yours, {{firstName}}");
    await page.getByText("preview again to see your changes").waitFor();
    await page.getByRole("button", { name: "Preview each person’s copy" }).click();
    await expect.poll(() => chloe.textContent()).toContain("Subject: My news and yours, Chloe");

    await page.getByRole("button", { name: "Export .eml files" }).click();
    const links = page.getByRole("link", { name: /^Download .*\.eml$/ });
    await expect.poll(() => links.count()).toBe(count);
    const benLink = page.getByRole("link", { name: /^Download .*ben.*\.eml$/i });
    const [download] = await Promise.all([page.waitForEvent("download"), benLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);
    const eml = readFileSync((await download.path())!, "utf8");
    const fields = Object.fromEntries(emlFields(eml).map((f) => [f.name.toLowerCase(), f.value]));
    expect(fields.to).toContain("ben.ortiz@contoso.example");
    expect(fields.subject).toBe("My news and yours, Ben");
    expect(emlBody(eml)).toMatch(/^Hi Ben,\n\nI joined a new team this autumn\. How is Contoso\?/);

    await page.getByRole("button", { name: "I sent it: mark sent" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/^Marked the update sent: an e-mail logged for each of \d+ people/);
    await page.getByRole("region", { name: /copies?, marked sent/ }).waitFor();
    // The logged e-mails reset the cadence: Ben is no longer overdue.
    await expect
      .poll(() =>
        entry(list(page, /^Next Contact/), "Ben Ortiz")
          .first()
          .textContent(),
      )
      .not.toMatch(/overdue/);
    expect(errors).toEqual([]);
  });

  it("is usable at phone width (360 px): nothing overflows sideways; the screenshot is saved", async () => {
    const { page, external } = await open("/today", { width: 360, height: 780 });
    await list(page, /^Next Contact/)
      .getByRole("article")
      .first()
      .waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "today-360");
    await screenshot(
      await page.setViewportSize({ width: 1280, height: 900 }).then(() => page),
      "today-1280",
    );
    expect(external).toEqual([]);
  });
});
