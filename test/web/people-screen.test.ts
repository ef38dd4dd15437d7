/**
 * The People screen in real headless Chromium against the real server on the demo network, with
 * one accented name added (the demo has none): a search for "chloe" finds Chloé; a person's page
 * shows their ties with evidence, work, groups, news, favors and openers, with the notes marked
 * private; a field edited in place is saved and still there after a reload; axe finds nothing
 * serious; a phone-width screenshot is written.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations } from "../support/browser.js";
import { demoBrowser } from "../support/demo-browser.js";

const demo = demoBrowser();
let chloeId: string;

const NOTES = "Prefers mornings. Met at the design meetup; her brother works at Fabrikam.";

beforeAll(async () => {
  const chloe = await demo.server.store.create(demo.server.ownerId, "person", {
    name: "Chloé Martin",
    title: "Product Designer",
    notes: NOTES,
    categories: ["friend"],
    interests: ["climbing"],
  });
  chloeId = chloe.id;
});

async function open(path: string, viewport?: { width: number; height: number }) {
  const watched = await demo.page(viewport);
  await watched.page.goto(`${demo.server.base}${path}`);
  await watched.page.getByRole("heading", { level: 1, name: "People" }).waitFor();
  return watched;
}

async function search(page: Page, text: string) {
  await page.getByLabel("Find a person").fill(text);
  await page.keyboard.press("Enter");
}

describe("the People screen", () => {
  it("finds an accented name from plain text: chloe finds Chloé, by keyboard, with nothing serious for axe", async () => {
    const { page, external, errors } = await open("/people");
    expect(await page.title()).toBe("People · warmpath");
    await search(page, "chloe");
    const results = page.getByRole("region", { name: /match “chloe”/ });
    await results.waitFor();
    expect(await results.getByRole("link").allTextContents()).toEqual([
      "Chloé Martin",
      "Chloe Nguyen",
    ]);
    expect(page.url()).toMatch(/\/people\?q=chloe$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // And the other way round: an accented search finds the plain name.
    await search(page, "CHLOÉ NGUY");
    await expect
      .poll(() => page.getByRole("region", { name: /match/ }).getByRole("link").allTextContents())
      .toEqual(["Chloe Nguyen"]);
    // Open a person by keyboard from the results.
    await page.getByRole("link", { name: "Chloe Nguyen" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Chloe Nguyen" }).waitFor();
    expect(page.url()).toMatch(/\/people\?id=per_/);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows a person's ties with evidence, work and groups, news, favors, openers and the way in", async () => {
    const { page, errors } = await open("/people?q=nguyen");
    await page.getByRole("link", { name: "Chloe Nguyen" }).click();
    const person = page.getByRole("article", { name: "Chloe Nguyen" });
    await person.waitFor();
    const ties = person.getByRole("region", { name: /^Ties/ });
    expect(await ties.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await ties.textContent()).toMatch(/entered by you|imported from LinkedIn|inferred/);
    const work = person.getByRole("region", { name: "Work and groups" });
    expect(await work.textContent()).toContain("Scottsdale Chamber of Commerce");
    await person.getByRole("region", { name: "News" }).waitFor();
    expect(await person.getByRole("region", { name: "Favors" }).textContent()).toMatch(
      /Given \d+, received \d+/,
    );
    const way = person.getByRole("region", { name: /^How you reach Chloe Nguyen/ });
    await way.locator(".warmth").first().waitFor();
    expect(await way.locator(".evidence li").count()).toBeGreaterThan(0);
    expect(await way.textContent()).toContain("Conversation starters");
    const details = person.getByRole("region", { name: "Details" });
    expect(await details.textContent()).toContain("Mentor");
    expect(await details.textContent()).toMatch(/Mentor: every 60 days, at most 120/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows the notes marked private, in words and not by colour alone", async () => {
    const { page } = await open(`/people?id=${chloeId}`);
    const notes = page.getByRole("region", { name: /^Notes/ });
    await notes.waitFor();
    expect(await notes.getByRole("heading", { level: 3 }).textContent()).toMatch(/Notes.*Private/);
    expect(await notes.textContent()).toContain("Only you see these notes");
    expect(await notes.textContent()).toContain(NOTES);
  });

  it("edits a field in place by keyboard, and the change is still there after a reload", async () => {
    const { page, errors } = await open(`/people?id=${chloeId}`);
    await page.getByRole("heading", { level: 2, name: "Chloé Martin" }).waitFor();
    // Escape cancels and gives focus back to the Edit button.
    await page.getByRole("button", { name: "Edit title" }).click();
    await page.getByLabel("Title", { exact: true }).fill("Something else");
    await page.keyboard.press("Escape");
    expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toBe(
      "Edit title",
    );
    // Enter saves.
    await page.keyboard.press("Enter");
    const field = page.getByLabel("Title", { exact: true });
    expect(await field.inputValue()).toBe("Product Designer");
    await field.fill("Head of Design");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Saved title.");
    expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toBe(
      "Edit title",
    );
    // A list field, and the categories as checkboxes.
    await page.getByRole("button", { name: "Edit tags" }).click();
    await page.getByLabel("Tags", { exact: true }).fill("design, climbing partner");
    await page.getByRole("button", { name: "Save tags" }).click();
    await page.getByRole("button", { name: "Edit categories" }).click();
    await page.getByLabel("Mentor").check();
    await page.getByRole("button", { name: "Save categories" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Saved the categories.");

    await page.reload();
    const details = page.getByRole("region", { name: "Details" });
    await details.waitFor();
    expect(await details.textContent()).toContain("Head of Design");
    expect(await details.textContent()).toContain("design, climbing partner");
    expect(await details.textContent()).toMatch(/Friend, Mentor|Mentor, Friend/);
    expect(await page.locator(".person__title").textContent()).toBe("Head of Design");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("is usable at phone width (360 px): nothing overflows sideways; the screenshot is saved", async () => {
    const { page, external } = await open(`/people?q=nguyen`, { width: 360, height: 780 });
    await page.getByRole("link", { name: "Chloe Nguyen" }).click();
    const person = page.getByRole("article", { name: "Chloe Nguyen" });
    await person.locator(".warmth").first().waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "people-360");
    await page.getByRole("button", { name: "Edit private notes" }).click();
    await screenshot(page, "people-edit-360");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(external).toEqual([]);
  });
});
