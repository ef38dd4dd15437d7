/**
 * The journey, as a newcomer lives it, in real headless Chromium against the real
 * server in single-user mode (loopback, no accounts) over a near-empty network, not the demo:
 * open /, import LinkedIn's Connections.csv through the Import screen (a dry run first, then the
 * import), search a company on Find, open the warmest path's drawing and see that it drew, go
 * back, draft the introduction from the path card, move it to asked, and find it still asked
 * after a reload. axe finds nothing serious at any step; nothing leaves this machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer } from "../../src/http-server.js";
import { SqliteStore } from "../../src/sqlite.js";
import {
  launchChromium,
  screenshot,
  seriousAxeViolations,
  watchedPage,
  type WatchedPage,
  fileChooserFrom,
} from "../support/browser.js";
import { inked } from "../support/drawing-ink.js";
import { ensureWebBuild } from "../support/web-build.js";

/** LinkedIn's preamble, then its header, as Connections.csv is downloaded. */
const PREAMBLE = [
  "Notes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
];

const COMPANIES = ["Contoso", "Northwind Traders", "Litware", "Adatum Corporation"];
const FIRST = ["Ava", "Ben", "Cara", "Dev", "Elif", "Finn", "Gita", "Hugo", "Ines", "Jon"];
const LAST = [
  ...["Abara", "Brandt", "Castillo", "Dahl", "Ekwueme", "Fontaine"],
  ...["Gallo", "Haas", "Ivanova", "Jensen", "Kowalski", "Lindqvist"],
];
const MONTHS = ["Jan", "Mar", "May", "Jul", "Sep", "Nov"];

/** The connection who knows someone at Fabrikam (see the set-up below). */
const SAM = {
  first: "Sam",
  last: "Okafor",
  url: "https://www.linkedin.com/in/sam-okafor",
  email: "sam.okafor@example.com",
};

/** 36 connections at four companies, each with an e-mail and a profile URL; none at Fabrikam. */
function connectionsCsv(): string {
  const rows = [
    `${SAM.first},${SAM.last},${SAM.url},${SAM.email},Contoso,Staff Engineer,12 Feb 2021`,
  ];
  for (let i = 0; i < 35; i++) {
    const first = FIRST[i % FIRST.length]!;
    // 10 first names by 12 last names: distinct pairs for fewer than 60 rows.
    const last = LAST[i % LAST.length]!;
    const slug = `${first}-${last}`.toLowerCase();
    rows.push(
      [
        first,
        last,
        `https://www.linkedin.com/in/${slug}`,
        `${slug}@example.org`,
        COMPANIES[i % COMPANIES.length],
        ["Engineer", "Product Manager", "Designer", "Analyst", "Recruiter"][i % 5],
        `${1 + (i % 27)} ${MONTHS[i % MONTHS.length]} ${2016 + (i % 9)}`,
      ].join(","),
    );
  }
  return [...PREAMBLE, ...rows, ""].join("\r\n");
}

let base = "";
let browser: Browser;
let close: () => Promise<void> = async () => {};
let watched: WatchedPage | undefined;

/** One GraphQL request from the test's set-up, as any API client makes it. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL set-up failed: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

beforeAll(async () => {
  await ensureWebBuild();
  // The server as `npm start` runs it on a fresh install: a new SQLite file holding only the
  // owner ("Me"), no accounts, on loopback.
  const dir = mkdtempSync(join(tmpdir(), "warmpath-journey-"));
  const ownerId = "journey-owner";
  const store = new SqliteStore({ path: join(dir, "journey.db") });
  await store.init();
  await store.ensureOwner(ownerId, { name: "Me" });
  const server = await startHttpServer({
    store,
    ownerId,
    port: 0,
    host: "127.0.0.1",
    logger: pino({ level: "silent" }),
  });
  base = server.url.replace(/\/graphql$/, "");
  close = async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  browser = await launchChromium();

  // LinkedIn's connections are all first-degree ties to you, so the import alone gives no path
  // beyond them. The one thing it cannot say is set up here through the API, before the
  // journey: Sam Okafor (entered with the e-mail and profile URL his LinkedIn row carries, so
  // the import matches him and updates him rather than making a second Sam) worked with Priya
  // Natarajan, who is at Fabrikam. One person, one employer, one tie: after the import the
  // warmest way into Fabrikam is You → Sam → Priya.
  const { sam } = await graphql<{ sam: { id: string } }>(
    `
      mutation ($email: String!, $url: String!) {
        sam: createPerson(input: { name: "Sam Okafor", emails: [$email], profileUrl: $url }) {
          id
        }
      }
    `,
    { email: SAM.email, url: SAM.url },
  );
  const { priya, fabrikam } = await graphql<{
    priya: { id: string };
    fabrikam: { id: string };
  }>(`
    mutation {
      priya: createPerson(input: { name: "Priya Natarajan", emails: ["priya@fabrikam.example"] }) {
        id
      }
      fabrikam: createOrganization(input: { name: "Fabrikam" }) {
        id
      }
    }
  `);
  await graphql(
    `
      mutation ($sam: ID!, $priya: ID!, $org: ID!) {
        setEmployment(
          input: {
            personId: $priya
            organizationId: $org
            title: "Head of Data"
            from: "2022-04-01"
          }
        ) {
          __typename
        }
        connect(
          input: {
            personA: $sam
            personB: $priya
            strength: 0.8
            context: WORKED_TOGETHER
            since: "2019-06-01"
          }
        ) {
          __typename
        }
      }
    `,
    { sam: sam.id, priya: priya.id, org: fabrikam.id },
  );
}, 180_000);

afterAll(async () => {
  await watched?.context.close();
  await browser?.close();
  await close();
});

/** axe on the page as it is now: nothing serious or critical. */
async function axeClean(page: Page, step: string) {
  expect(await seriousAxeViolations(page), `axe at: ${step}`).toEqual([]);
}

describe("the journey of a newcomer, single-user on loopback", () => {
  it("imports LinkedIn, finds the warmest way into a company, sees it drawn, asks for the introduction and follows it to asked", async () => {
    watched = await watchedPage(browser);
    const { page, errors, external } = watched;

    // 1. Open the app: it lands on Find, and with nobody in the network there is no path yet.
    await page.goto(`${base}/`);
    await expect.poll(() => page.url()).toMatch(/\/find$/);
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();
    await axeClean(page, "the first screen");
    await page.getByLabel("Who do you want to reach?").fill("Fabrikam");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "No way in yet" }).waitFor();
    expect(await page.locator(".no-path").textContent()).toMatch(/Import your contacts/);

    // 2. Import LinkedIn's Connections.csv, chosen with the file picker: a dry run first.
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { level: 1, name: "Import and export" }).waitFor();
    await axeClean(page, "the Import screen");
    const chooser = await fileChooserFrom(page, () =>
      page.getByRole("button", { name: "Choose a file…" }).click(),
    );
    await chooser.setFiles({
      name: "Connections.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(connectionsCsv()),
    });
    const dryRun = page.getByRole("region", { name: /^Dry run of Connections\.csv/ });
    await dryRun.waitFor();
    expect(await dryRun.textContent()).toContain("Read as LinkedIn connections");
    // 35 new people; Sam, already there, is matched by his profile URL and updated.
    expect(await dryRun.getByRole("list", { name: "Rows by outcome" }).innerText()).toMatch(
      /35\s+new[\s\S]*1\s+updated/,
    );
    await axeClean(page, "the dry run");

    await page.getByRole("button", { name: "Import 36 rows" }).click();
    const done = page.getByRole("region", { name: "Imported Connections.csv" });
    await done.waitFor();
    expect(await done.getByRole("list", { name: "Rows by outcome" }).innerText()).toMatch(
      /35\s+new[\s\S]*1\s+updated[\s\S]*0\s+skipped[\s\S]*0\s+rejected/,
    );
    await axeClean(page, "the import's report");

    // 3. Find a way into Fabrikam: the warmest path goes through Sam to Priya.
    await nav.getByRole("link", { name: "Find a way in" }).click();
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();
    await page.getByLabel("Who do you want to reach?").fill("Fabrikam");
    await page.keyboard.press("Enter");
    const card = page.locator("article.path-card").first();
    await card.waitFor();
    expect(page.url()).toMatch(/\/find\?q=Fabrikam$/);
    expect(await page.getByText("Paths to anyone at Fabrikam now").count()).toBe(1);
    expect(await card.getByRole("heading", { level: 3 }).textContent()).toMatch(
      /Through Sam Okafor$/,
    );
    expect(await card.locator(".path-card__target").textContent()).toMatch(
      /^Reaches Priya Natarajan.*, in 2 ties\.$/,
    );
    const hops = await card.locator(".hop__who").allTextContents();
    expect(hops).toHaveLength(2);
    expect(hops[0]).toMatch(/ to Sam Okafor$/);
    expect(hops[1]).toMatch(/^Sam Okafor\s*→\s*to Priya Natarajan$/);
    // The first tie is the import's ("connected on LinkedIn since ..."), the second the set-up's.
    expect(await card.locator(".evidence").first().textContent()).toMatch(/LinkedIn/i);
    expect(await card.locator(".evidence").nth(1).textContent()).toMatch(/worked together/i);
    expect(await card.locator(".tag--weakest").count()).toBe(1);
    await axeClean(page, "Find's path cards");

    // 4. "See it": the path drawn over its people's networks.
    await card.getByRole("link", { name: "See it" }).click();
    await page.getByRole("heading", { level: 1, name: "See the path" }).waitFor();
    expect(page.url()).toMatch(/\/see\?path=[^&]+,/);
    await page.locator(".graph-canvas[data-drawn-ms]").waitFor({ timeout: 15_000 });
    const { ink, path } = await inked(page, page.locator(".graph-canvas"));
    expect(ink).toBeGreaterThan(500);
    expect(path).toBeGreaterThan(50);
    expect(await page.locator(".see-path li strong").allTextContents()).toEqual([
      "You",
      "Sam Okafor",
      "Priya Natarajan",
    ]);
    expect(await page.locator("#see-summary").textContent()).toMatch(/\d+ people and \d+ ties/);
    await axeClean(page, "the path's drawing");
    await screenshot(page, "journey-see-1280");

    // 5. Back to the cards, as the browser's Back button does.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();
    expect(page.url()).toMatch(/\/find\?q=Fabrikam$/);
    await card.waitFor();
    await axeClean(page, "Find, after going back");

    // 6. Ask Sam: the owner has no elevator pitch yet, so the form asks for it first.
    await card.getByRole("link", { name: "Ask Sam Okafor" }).click();
    await page.getByRole("heading", { level: 2, name: /^Ask Sam Okafor/ }).waitFor();
    await axeClean(page, "the request's form");
    await page
      .getByLabel("Your elevator pitch")
      .fill("I lead data teams and would like to learn how Fabrikam runs its data platform.");
    await page.getByRole("button", { name: "Draft the request" }).click();
    await page.getByRole("heading", { level: 3, name: "Status: Drafted" }).waitFor();
    expect(page.url()).toMatch(/\/ask\?id=/);
    expect(await page.getByLabel("To Sam Okafor").inputValue()).toMatch(
      /Would you be willing to introduce me to Priya Natarajan/,
    );
    expect(
      await page.getByRole("link", { name: "Open in your mail program" }).getAttribute("href"),
    ).toMatch(/^mailto:sam\.okafor@example\.com\?/);
    await axeClean(page, "the drafted request");

    // 7. Sent: move it to asked; the status is the server's, so a reload keeps it.
    await page.getByRole("button", { name: "I sent it to Sam Okafor" }).click();
    await page.getByRole("heading", { level: 3, name: "Status: Asked" }).waitFor();
    expect(await page.locator('.ask-steps [aria-current="step"]').textContent()).toMatch(/^Asked/);
    await axeClean(page, "the request, asked");
    await page.reload();
    await page.getByRole("heading", { level: 3, name: "Status: Asked" }).waitFor();
    expect(await page.locator('.ask-steps [aria-current="step"]').textContent()).toMatch(/^Asked/);
    await axeClean(page, "the request after a reload");
    await screenshot(page, "journey-asked-1280");

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  }, 120_000);
});
