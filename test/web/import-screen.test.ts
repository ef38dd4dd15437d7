/**
 * The Import screen in real headless Chromium on the demo network: a LinkedIn CSV dropped on
 * the page is checked by a dry run that shows every row (a nameless row rejected with its
 * reason, a bad e-mail kept with a warning) and writes nothing; importing it shows the counts
 * and the people are there after. A larger file is imported in parts under a progress bar
 * with the rows' lines still the file's; LinkedIn's ZIP, chosen by keyboard with the file
 * picker, gives up its Connections.csv; every export downloads a file. axe finds nothing
 * serious, and a phone-width screenshot is written.
 */
import type { Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { screenshot, seriousAxeViolations, fileChooserFrom } from "../support/browser.js";
import { demoBrowser } from "../support/demo-browser.js";
import { zipBytes } from "../support/zip-writer.js";

const demo = demoBrowser();

async function open(viewport?: { width: number; height: number }) {
  const watched = await demo.page(viewport);
  await watched.page.goto(`${demo.server.base}/import`);
  await watched.page.getByRole("heading", { level: 1, name: "Import and export" }).waitFor();
  return watched;
}

/** LinkedIn's Connections.csv as exported, notes first, with a nameless row, a bad e-mail and a blank record. */
const LINKEDIN = [
  "Notes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  "Zoe,Quinlan,https://www.linkedin.com/in/zoe-quinlan,zoe.quinlan@example.org,Fabrikam,Engineer,15 Mar 2024",
  "Yann,Rousseau,,not-an-email,Contoso,CTO,02 Jan 2023",
  ",,https://www.linkedin.com/in/nobody-at-all,,Acme,,01 Jan 2020",
  'Xavier,Holloway,,,"=HYPERLINK(""http://evil.example"")",Boss,01 Feb 2021',
  ",,,,,,",
  "",
].join("\r\n");

/** Drops a file on the drop area as a browser does: dragover, then drop, with a DataTransfer. */
async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t!], n!, { type: "text/csv" }));
      return dt;
    },
    [name, text],
  );
  const drop = page.getByRole("group", { name: "Drop a contact file here" });
  await drop.dispatchEvent("dragover", { dataTransfer });
  await drop.dispatchEvent("drop", { dataTransfer });
}

/** How many people match a name, asked by the page itself (same origin, as the app asks). */
async function peopleNamed(page: Page, text: string): Promise<number> {
  return page.evaluate(async (t) => {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "query($t: String!) { people(filter: { text: $t }) { totalCount } }",
        variables: { t },
      }),
    });
    const body = (await response.json()) as { data: { people: { totalCount: number } } };
    return body.data.people.totalCount;
  }, text);
}

const counts = (page: Page) =>
  page.getByRole("list", { name: "Rows by outcome" }).first().innerText();

describe("the Import screen", () => {
  it("checks a dropped LinkedIn CSV by a dry run showing every row, the rejected one with its reason; then imports it", async () => {
    const { page, errors, external } = await open();
    await dropFile(page, "Connections.csv", LINKEDIN);
    const dryRun = page.getByRole("region", { name: /^Dry run of Connections\.csv/ });
    await dryRun.waitFor();
    expect(await dryRun.textContent()).toContain("Read as LinkedIn connections");
    expect(await counts(page)).toMatch(/3\s+new[\s\S]*1\s+skipped[\s\S]*1\s+rejected/);

    const rows = dryRun.getByRole("list", { name: "Rows of the file" }).locator(":scope > li");
    const rejected = rows.filter({ hasText: "Rejected" });
    expect(await rejected.count()).toBe(1);
    expect(await rejected.textContent()).toContain("Line 7");
    expect(await rejected.textContent()).toContain("the record has no name");
    expect(await rejected.textContent()).toContain("nobody-at-all");
    const warned = rows.filter({ hasText: "Line 6" });
    expect(await warned.textContent()).toContain(
      'emails[0]: "not-an-email" is not a valid e-mail address; the value was left out',
    );
    // A formula in a cell is shown as text, never run.
    expect(await rows.filter({ hasText: "Line 8" }).textContent()).toContain("=HYPERLINK");
    // Nothing was written by the dry run.
    expect(await peopleNamed(page, "Quinlan")).toBe(0);

    // Narrowing to the rows that need a look.
    await dryRun.getByLabel("Show").selectOption("ATTENTION");
    expect(await rows.count()).toBe(3);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Import 3 rows" }).press("Enter");
    const done = page.getByRole("region", { name: "Imported Connections.csv" });
    await done.waitFor();
    expect(await done.getByRole("list", { name: "Rows by outcome" }).innerText()).toMatch(
      /3\s+new[\s\S]*0\s+updated[\s\S]*1\s+skipped[\s\S]*1\s+rejected/,
    );
    expect(await done.locator(".import-row").filter({ hasText: "Rejected" }).count()).toBe(1);
    expect(await page.getByRole("progressbar").count()).toBe(0);
    expect(await peopleNamed(page, "Quinlan")).toBe(1);
    expect(await peopleNamed(page, "Holloway")).toBe(1);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it("imports a larger file in parts under a progress bar, every row's line still the file's", async () => {
    const { page } = await open();
    const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    const people = Array.from({ length: 230 }, (_, i) =>
      i === 150
        ? ",,https://www.linkedin.com/in/no-name-150,,Acme,,01 Jan 2020"
        : `Part${i},Person${i},,,Northwind Traders,Analyst,0${1 + (i % 9)} Apr 2022`,
    );
    await dropFile(page, "big.csv", [header, ...people].join("\n"));
    await page.getByRole("region", { name: /^Dry run of big\.csv/ }).waitFor();
    expect(await counts(page)).toMatch(/229\s+new[\s\S]*1\s+rejected/);

    // Every part's answer moves the bar; watch it pass through the middle.
    const seen = new Set<string>();
    page.on("response", (response) => {
      if (response.url().endsWith("/graphql")) seen.add(response.url());
    });
    let parts = 0;
    await page.route("**/graphql", async (route) => {
      const body = route.request().postDataJSON() as { variables?: { dryRun?: boolean } };
      if (body.variables?.dryRun === false) parts++;
      return route.fallback();
    });
    await page.getByRole("button", { name: "Import 229 rows" }).click();
    const done = page.getByRole("region", { name: "Imported big.csv" });
    await done.waitFor();
    expect(parts).toBe(3);
    expect(await done.getByRole("list", { name: "Rows by outcome" }).innerText()).toMatch(
      /229\s+new[\s\S]*1\s+rejected/,
    );
    await done.getByLabel("Show").selectOption("REJECTED");
    const rejected = done.getByRole("list", { name: "Rows of the file" }).locator(":scope > li");
    expect(await rejected.count()).toBe(1);
    // The header is line 1, so person 150 is on line 152 of the file.
    expect(await rejected.textContent()).toContain("Line 152");
    expect(await rejected.textContent()).toContain("no-name-150");
    expect(await peopleNamed(page, "Person229")).toBe(1);
  });

  it("shows the progress bar while a part is on its way", async () => {
    const { page } = await open();
    await dropFile(
      page,
      "slow.csv",
      "First Name,Last Name,Connected On\nSlow,Steady,01 May 2021\n",
    );
    await page.getByRole("region", { name: /^Dry run of slow\.csv/ }).waitFor();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/graphql", async (route) => {
      const body = route.request().postDataJSON() as { variables?: { dryRun?: boolean } };
      if (body.variables?.dryRun === false) await held;
      return route.fallback();
    });
    await page.getByRole("button", { name: "Import 1 row" }).click();
    const bar = page.getByRole("progressbar", { name: "Importing" });
    await bar.waitFor();
    expect(await page.getByRole("status").filter({ hasText: "rows imported" }).textContent()).toBe(
      "0 of 1 rows imported.",
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    release();
    await page.getByRole("region", { name: "Imported slow.csv" }).waitFor();
  });

  it("opens LinkedIn's ZIP as downloaded, chosen by keyboard with the file picker", async () => {
    const { page } = await open();
    const zip = zipBytes([
      { name: "Basic_LinkedInDataExport/Profile.csv", data: "First Name,Last Name\nMe,Myself\n" },
      {
        name: "Basic_LinkedInDataExport/Connections.csv",
        data: "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZipped,Zeta,,,Contoso,Designer,03 Mar 2023\n",
      },
    ]);
    const button = page.getByRole("button", { name: "Choose a file…" });
    await button.focus();
    const chooser = await fileChooserFrom(page, () => page.keyboard.press("Enter"));
    await chooser.setFiles({
      name: "Basic_LinkedInDataExport_12-01-2026.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(zip),
    });
    const dryRun = page.getByRole("region", {
      name: /^Dry run of Connections\.csv from Basic_LinkedInDataExport_12-01-2026\.zip/,
    });
    await dryRun.waitFor();
    // Focus moved to the answer, so the keyboard carries on from there.
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe(
      "dry-run-title",
    );
    expect(await counts(page)).toMatch(/1\s+new/);
    expect(await dryRun.textContent()).toContain("Zipped,Zeta");
  });

  it("says in words when a file cannot be imported here", async () => {
    const { page } = await open();
    await dropFile(page, "notes.zip", "PK\u0003\u0004 not really a zip");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("notes.zip cannot be imported here.");
  });

  it("downloads every export format; the CSV holds the network's people", async () => {
    const { page } = await open();
    for (const label of ["CSV", "vCard", "GraphML", "GEXF", "JSON"]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: `Export ${label}` }).click(),
      ]);
      const content = await readFile(await download.path(), "utf8");
      expect(content.length).toBeGreaterThan(100);
      expect(content).toContain("Ada Park");
      if (label === "CSV") {
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        expect(content.split(/\r?\n/)[0]).toMatch(/name/i);
      }
      if (label === "vCard") expect(content).toContain("BEGIN:VCARD");
      if (label === "JSON") expect(() => JSON.parse(content) as unknown).not.toThrow();
      await page
        .getByRole("status")
        .filter({ hasText: `Saved ${download.suggestedFilename()}` })
        .waitFor();
    }
  });

  it("is usable at phone width (360 px) with a dry run shown; the screenshot is saved", async () => {
    const { page } = await open({ width: 360, height: 780 });
    await dropFile(page, "Connections.csv", LINKEDIN);
    await page.getByRole("region", { name: /^Dry run of Connections\.csv/ }).waitFor();
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "import-360");
  });
});
