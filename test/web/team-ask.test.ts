/**
 * Asking a teammate, in real headless Chromium on a server with accounts. Set up through the
 * GraphQL API as people would: Ada (the administrator, with the demo network) invites Bea, who
 * signs up; Ada starts a team and invites her; Bea joins, and both share FULL. Bea knows Priya
 * Raman at Globex Quantum, whom Ada does not. In the browser Ada searches Globex Quantum in
 * Find with the team's network, sees the path through Bea, presses "Ask Bea", sends the request
 * and sees it listed as waiting for Bea; Bea accepts it (through the API) and Ada sees
 * "Accepted" after a reload. axe finds nothing serious on any of the screens.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cookie, graphql } from "../http/auth-client.js";
import {
  launchChromium,
  screenshot,
  seriousAxeViolations,
  watchedPage,
  type WatchedPage,
} from "../support/browser.js";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";
import { ensureWebBuild } from "../support/web-build.js";

const ada = { email: "ada@example.org", password: "correct horse battery staple" };
const bea = { email: "bea@example.org", password: "another long passphrase, Bea's own" };
const TEAM = "Warm Hands";
const COMPANY = "Globex Quantum";

let server: DemoServer;
let browser: Browser;
let watched: WatchedPage | undefined;
let port: number;
let teamId: string;
/** Session tokens (the cookie's value) of the two, for the API calls made as them. */
const sessions = new Map<string, string>();

/** One GraphQL call as `who` (their session cookie); its data, failing on any error. */
async function as(who: string, query: string, variables: object = {}): Promise<any> {
  const answer = await graphql(port, query, { variables, headers: cookie(sessions.get(who)!) });
  if (answer.json?.errors) throw new Error(`${who}: ${JSON.stringify(answer.json.errors)}`);
  return answer.json.data;
}

/** Signs in (or up) through the API and keeps the session the server set. */
async function session(who: string, query: string, variables: object): Promise<void> {
  const answer = await graphql(port, query, { variables });
  if (answer.json?.errors || !answer.cookie)
    throw new Error(`${who} could not sign in: ${JSON.stringify(answer.json?.errors)}`);
  sessions.set(who, answer.cookie);
}

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startDemoServer({ account: ada }), launchChromium()]);
  port = Number(new URL(server.base).port);

  await session(
    "Ada",
    "mutation ($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { id } }",
    { e: ada.email, p: ada.password },
  );
  const { token: invitation } = (
    await as("Ada", "mutation ($e: String!) { createInvitation(input: { email: $e }) { token } }", {
      e: bea.email,
    })
  ).createInvitation;
  await session(
    "Bea",
    `mutation ($t: String!, $e: String!, $p: String!) {
      signUp(input: { invitation: $t, email: $e, name: "Bea", password: $p }) { id }
    }`,
    { t: invitation, e: bea.email, p: bea.password },
  );

  // Bea knows Priya Raman at Globex Quantum, well; Ada's network has nobody there.
  const globex = (
    await as(
      "Bea",
      "mutation ($n: String!) { createOrganization(input: { name: $n, kind: COMPANY }) { id } }",
      {
        n: COMPANY,
      },
    )
  ).createOrganization.id;
  const priya = (
    await as(
      "Bea",
      `mutation { createPerson(input: { name: "Priya Raman", title: "Head of Platform", emails: ["priya@globex.example"] }) { id } }`,
    )
  ).createPerson.id;
  await as(
    "Bea",
    'mutation ($p: ID!, $o: ID!) { setEmployment(input: { personId: $p, organizationId: $o, title: "Head of Platform" }) { current } }',
    { p: priya, o: globex },
  );
  const me = (await as("Bea", "{ me { id } }")).me.id;
  await as(
    "Bea",
    "mutation ($a: ID!, $b: ID!) { connect(input: { personA: $a, personB: $b, strength: 0.85, context: WORKED_TOGETHER }) { strength } }",
    { a: me, b: priya },
  );

  // Ada starts the team and invites Bea; Bea joins; both share everything.
  teamId = (
    await as("Ada", "mutation ($n: String!) { createTeam(input: { name: $n }) { team { id } } }", {
      n: TEAM,
    })
  ).createTeam.team.id;
  const { token: teamInvitation } = (
    await as("Ada", "mutation ($t: ID!) { inviteToTeam(input: { teamId: $t }) { token } }", {
      t: teamId,
    })
  ).inviteToTeam;
  await as("Bea", "mutation ($i: String!) { joinTeam(invitation: $i) { team { id } } }", {
    i: teamInvitation,
  });
  for (const who of ["Ada", "Bea"])
    await as(
      who,
      "mutation ($t: ID!) { setTeamSharing(teamId: $t, sharing: FULL) { effectiveSharing } }",
      { t: teamId },
    );
}, 60_000);
afterEach(async () => {
  await watched?.context.close();
  watched = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(path: string, viewport?: { width: number; height: number }) {
  watched = await watchedPage(browser, viewport);
  const { page } = watched;
  await page.goto(`${server.base}${path}`);
  await page.getByLabel("E-mail address").fill(ada.email);
  await page.getByLabel("Password").fill(ada.password);
  await page.getByLabel("Password").press("Enter");
  await page.getByRole("navigation").waitFor();
  return page;
}

/** The team's requests as Ada sees them on /ask?team=. */
const teamRequests = (page: Page) =>
  page.getByRole("region", { name: "Team requests" }).locator(".ask-list li");

describe("asking a teammate for an introduction", () => {
  it("finds a path through Bea in the team's network, asks her, and follows the request", async () => {
    const page = await signedIn("/find");
    await page.getByRole("heading", { level: 1, name: "Find a way in" }).waitFor();

    // Ada's own network has no way into Globex Quantum; the team's has one, through Bea.
    await page.locator("details.options summary").click();
    await page.getByRole("radio", { name: `Team ${TEAM} (what teammates share)` }).check();
    await page.getByLabel("Who do you want to reach?").fill(COMPANY);
    await page.keyboard.press("Enter");
    const card = page.locator("article.path-card").first();
    await card.waitFor();
    expect(await card.getByRole("heading", { level: 3 }).textContent()).toContain("Through Bea");
    expect(await card.textContent()).toContain("Priya Raman");
    expect(await card.textContent()).toContain("A teammate’s tie");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await card.getByRole("link", { name: "Ask Bea" }).click();
    await page
      .getByRole("heading", { level: 2, name: "Ask Bea to introduce you to Priya Raman" })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page
      .getByLabel("Why, and your pitch")
      .fill("I am looking at platform roles; twenty minutes of Priya's advice would help.");
    await page.getByRole("button", { name: "Ask Bea" }).click();

    // The request is listed, waiting for Bea.
    await page.waitForURL(/\/ask\?team=/);
    const listed = teamRequests(page).filter({ hasText: "You asked Bea about Priya Raman" });
    await listed.waitFor();
    expect(await listed.textContent()).toContain("Asked, waiting for the teammate");
    expect(await listed.getByRole("button", { name: "Withdraw" }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Bea sees it as hers to answer, and accepts it.
    const hers = (
      await as(
        "Bea",
        "query ($t: ID!) { teamIntroRequests(teamId: $t) { id status note requester { name } target { __typename ... on Person { name } } } }",
        { t: teamId },
      )
    ).teamIntroRequests;
    expect(hers).toMatchObject([
      {
        status: "PENDING",
        requester: { name: "Ada Admin" },
        note: expect.stringContaining("Priya's advice"),
        target: { __typename: "Person", name: "Priya Raman" },
      },
    ]);
    await as(
      "Bea",
      "mutation ($t: ID!, $id: ID!) { moveTeamIntroRequest(input: { teamId: $t, id: $id, status: ACCEPTED }) { status } }",
      { t: teamId, id: hers[0].id },
    );

    await page.reload();
    const accepted = teamRequests(page).filter({ hasText: "You asked Bea about Priya Raman" });
    await accepted.getByText("Accepted", { exact: true }).waitFor();
    expect(await accepted.getByRole("button", { name: "We met" }).count()).toBe(1);
    expect(await accepted.getByRole("button", { name: "Withdraw" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watched!.external).toEqual([]);
    // The only failed loads are the API's 401s before signing in, which show the sign-in screen.
    expect(watched!.errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
  });

  it("lists the team's requests at phone width (360 px); the screenshot is saved", async () => {
    const page = await signedIn(`/ask?team=${encodeURIComponent(teamId)}`, {
      width: 360,
      height: 780,
    });
    await page.getByRole("heading", { level: 2, name: "Team requests" }).waitFor();
    await page.locator(".ask-list").waitFor({ state: "attached" });
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "team-ask-360");
  });
});
