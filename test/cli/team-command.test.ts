/**
 * `warmpath team ...`, `hide`, `unhide`, `share` and `blocklist` against a server: the built
 * binary in a child process, the HTTP server started here over an in-memory SQLite store with
 * four accounts, each with an API token. The walk-through runs through the command line
 * alone: a team is made, joined with a token read from stdout, shared into; a contact is hidden
 * and a label blocked; a pooled search shows a teammate's contact only as far as allowed; the
 * request goes pending, accepted (the draft for the teammate only), introduced, met; the audit
 * log shows it.
 */
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintApiToken, userScopes } from "../../src/accounts/index.js";
import { effectiveScopes, SCOPES } from "../../src/auth/index.js";
import { remoteQuery } from "../../src/cli/remote-graphql.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { buildCli, type BuiltCli, type CliOutcome } from "../support/built-cli.js";

const SILENT = { info() {}, error() {} };
const MEMBERS = ["Ada", "Bea", "Cy", "Dan"] as const;
type Member = (typeof MEMBERS)[number];

let cli: BuiltCli;
let store: SqliteStore;
let server: RunningServer;
const tokens = new Map<Member, string>();
/** Bea's contact Gus, whom only `share` lets the team see (a personal address, no company). */
let gusId = "";

/** `warmpath ...args` as a member: the server and the token from WARMPATH_SERVER and WARMPATH_TOKEN. */
const as = (who: Member, ...args: string[]): Promise<CliOutcome> =>
  cli.run(args, { WARMPATH_SERVER: server.url, WARMPATH_TOKEN: tokens.get(who)! });

/** The same, expecting success: its stdout. */
async function ok(who: Member, ...args: string[]): Promise<string> {
  const out = await as(who, ...args);
  expect(out.code, `${args.join(" ")}: ${out.stderr}`).toBe(0);
  return out.stdout;
}

/** The first match of `pattern` in `text`, which must have one. */
function grab(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[0];
  expect(found, `${pattern} in:\n${text}`).toBeDefined();
  return found!;
}

/** Seeds a member's own network through the API, as their own client would. */
async function seed(who: Member, query: string, variables: object = {}) {
  return remoteQuery<any>(
    { url: server.url, token: tokens.get(who)! },
    query,
    variables as Record<string, unknown>,
  );
}

async function knows(
  who: Member,
  person: Record<string, unknown>,
  strength: number,
  job?: { company: string; title: string },
): Promise<string> {
  const { createPerson } = await seed(
    who,
    "mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id } }",
    { i: person },
  );
  const { me } = await seed(who, "{ me { id } }");
  await seed(
    who,
    "mutation ($a: ID!, $b: ID!, $s: Float!) { connect(input: { personA: $a, personB: $b, strength: $s, context: WORKED_TOGETHER }) { strength } }",
    { a: me.id, b: createPerson.id, s: strength },
  );
  if (job !== undefined) {
    const { organizations } = await seed(
      who,
      "query ($t: String!) { organizations(filter: { text: $t }) { edges { node { id name } } } }",
      { t: job.company },
    );
    const orgId =
      organizations.edges.find((e: any) => e.node.name === job.company)?.node.id ??
      (
        await seed(
          who,
          "mutation ($n: String!) { createOrganization(input: { name: $n, kind: COMPANY }) { id } }",
          { n: job.company },
        )
      ).createOrganization.id;
    await seed(
      who,
      "mutation ($p: ID!, $o: ID!, $t: String!) { setEmployment(input: { personId: $p, organizationId: $o, title: $t }) { current } }",
      { p: createPerson.id, o: orgId, t: job.title },
    );
  }
  return createPerson.id as string;
}

beforeAll(async () => {
  const built = buildCli();
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
  for (const who of MEMBERS) {
    const user = await store.createUser({ email: `${who.toLowerCase()}@example.org`, name: who });
    const { token } = await mintApiToken(
      store,
      { user, scopes: effectiveScopes(userScopes(user)) },
      { name: "cli", scopes: SCOPES.filter((s) => s !== "admin") },
      new Date(),
    );
    tokens.set(who, token);
  }
  server = await startHttpServer({
    store,
    ownerId: "unused",
    port: 0,
    host: "127.0.0.1",
    logger: SILENT,
  });
  // Ada knows Olga at Fabrikam. Bea knows Lena at Contoso (with private details), Hugo (whom she
  // hides), Fiona (tagged family, a label she blocks) and Gus (a personal address only). Cy
  // knows Ivan at Initech.
  await knows("Ada", { name: "Olga Petrova" }, 0.9, { company: "Fabrikam", title: "CTO" });
  await knows(
    "Bea",
    {
      name: "Lena Fischer",
      title: "VP Engineering",
      emails: ["lena@contoso.com"],
      phones: ["+49 30 1234"],
      notes: "private: met at a wedding",
    },
    0.8,
    { company: "Contoso", title: "VP Engineering" },
  );
  await knows("Bea", { name: "Hugo Hidden", title: "Recruiter" }, 0.9, {
    company: "Contoso",
    title: "Recruiter",
  });
  await knows("Bea", { name: "Fiona Family", tags: ["family"] }, 0.9, {
    company: "Contoso",
    title: "Dentist",
  });
  gusId = await knows("Bea", { name: "Gus Gmail", emails: ["gus@gmail.com"] }, 0.9);
  await knows("Cy", { name: "Ivan Petrov" }, 0.8, { company: "Initech", title: "Head of Sales" });
  cli = await built;
}, 240_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe("warmpath team and the pooling commands, against a server", () => {
  it("refuses to run without a server or a token, naming both ways to give them", async () => {
    const none = await cli.run(["team", "list"], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^warmpath team: BAD_USER_INPUT \(--server\): is required.*--server <URL> \(or WARMPATH_SERVER\)/,
    );
    const noToken = await cli.run(["blocklist", "--server", server.url], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/BAD_USER_INPUT \(--token\): .*WARMPATH_TOKEN/);
    const hide = await cli.run(["hide", "Hugo"], {});
    expect(hide.stderr).toMatch(/^warmpath hide: BAD_USER_INPUT \(--server\)/);
  });

  it("creates a team, invites with a token printed alone, and joins with it", async () => {
    const created = await ok("Ada", "team", "create", "Talent");
    expect(created).toMatch(/^Created team "Talent" \(team_\w+\); you are its owner\.$/m);
    expect(await ok("Ada", "team", "list")).toMatch(
      /^Talent {2}\| {2}owner {2}\| {2}you share off {2}\| {2}team_\w+$/m,
    );
    for (const who of ["Bea", "Cy"] as const) {
      const invite = await as("Ada", "team", "invite", "Talent");
      expect(invite.code, invite.stderr).toBe(0);
      expect(invite.stdout).toMatch(/^\S+\n$/);
      expect(invite.stderr).toMatch(/^Invitation to "Talent" as member, shown this once/);
      expect(await ok(who, "team", "join", invite.stdout.trim())).toMatch(
        /^Joined "Talent" \(team_\w+\) as member\.$/m,
      );
    }
    const guest = await ok("Ada", "team", "invite", "Talent", "--role", "guest", "--days", "2");
    expect(await ok("Dan", "team", "join", guest.trim())).toMatch(/as guest\./);
    const members = await ok("Ada", "team", "members", "Talent");
    expect(
      members
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("  |  ").slice(0, 3)),
    ).toEqual([
      ["Ada", "owner", "shares off"],
      ["Bea", "member", "shares off"],
      ["Cy", "member", "shares off"],
      ["Dan", "guest", "shares off"],
    ]);
  });

  it("sets sharing, caps a member, changes a role, and removes a member", async () => {
    for (const who of ["Ada", "Bea", "Cy"] as const)
      expect(await ok(who, "team", "share", "Talent", "full")).toMatch(
        /^You share full with "Talent", from its next search\.$/m,
      );
    const capped = await ok("Ada", "team", "cap", "Talent", "Cy", "company");
    expect(capped).toContain('Cy\'s sharing with "Talent" is capped at company.');
    expect(capped).toContain("shares full, capped at company: the team uses company");
    expect(await ok("Ada", "team", "role", "Talent", "Bea", "admin")).toMatch(
      /^Bea is now admin of "Talent"\.$/m,
    );
    await ok("Ada", "team", "role", "Talent", "Bea", "member");
    expect(await ok("Ada", "team", "remove", "Talent", "Dan")).toBe('Removed Dan from "Talent".\n');
    expect(await ok("Ada", "team", "members", "Talent")).not.toContain("Dan");
  });

  it("hides a contact and blocks a label, and shows both", async () => {
    expect(await ok("Bea", "hide", "Hugo", "Hidden")).toBe(
      "Hidden from your teams: Hugo Hidden.\n",
    );
    expect(await ok("Bea", "blocklist", "--set", "family")).toBe(
      "Never pooled now: family\nHidden contacts: Hugo Hidden\nShared over the defaults: none\n",
    );
    expect(JSON.parse(await ok("Bea", "blocklist", "--json"))).toMatchObject({
      blockedLabels: ["family"],
      contacts: [{ name: "Hugo Hidden", sharing: "HIDDEN" }],
    });
  });

  let lenaId = "";
  it("prints a pooled path with a teammate's contact only as far as they share it", async () => {
    const paths = await ok("Ada", "team", "paths", "Talent", "--org", "Contoso");
    expect(paths).toMatch(/^Warmest path to anyone at Contoso through team "Talent":$/m);
    expect(paths).toMatch(
      /^1\. .+ \(\d\.\d\d\): Ada -> your teammate Bea -> Lena Fischer \(VP Engineering, Contoso\) — via Bea, strong$/m,
    );
    expect(paths).toMatch(/^ {3}Bea -> Lena Fischer \(strong\): Bea knows them well$/m);
    lenaId = grab(paths, /pp_[0-9a-f]+/);
    expect(paths).toMatch(
      new RegExp(`^ {3}ask for Lena Fischer: warmpath team ask team_\\w+ ${lenaId}$`, "m"),
    );
    // Bea's hidden and blocked contacts, and Lena's details, are nowhere, as text or as JSON.
    const json = await ok("Ada", "team", "paths", "Talent", "--org", "Contoso", "--json");
    for (const out of [paths, json])
      expect(out).not.toMatch(/Hugo|Fiona|@contoso|1234|private|wedding/);
    expect(JSON.parse(json).paths[0].people.at(-1)).toEqual({
      kind: "pooled",
      id: lenaId,
      name: "Lena Fischer",
      title: "VP Engineering",
      company: "Contoso",
      band: "STRONG",
      via: ["Bea"],
    });
  });

  it("shows a company-only contact as someone at the company, and one's own people by name", async () => {
    const initech = await ok("Ada", "team", "paths", "Talent", "--org", "Initech", "-k", "1");
    expect(initech).toMatch(/: Ada -> your teammate Cy -> someone at Initech, via Cy$/m);
    expect(initech).not.toContain("Ivan");
    const olga = await ok("Ada", "team", "paths", "Talent", "--to", "Olga", "--hops", "2");
    expect(olga).toMatch(/^Warmest path to Olga Petrova through team "Talent":$/m);
    expect(olga).toMatch(/: Ada -> Olga Petrova$/m);
    // Not one of Ada's people: --to searches the team for the name.
    const lena = await ok("Ada", "team", "paths", "Talent", "--to", "Lena");
    expect(lena).toMatch(/^Warmest path to anyone matching "Lena" through team "Talent":$/m);
    expect(lena).toContain(lenaId);
  });

  let requestId = "";
  it("asks Bea, who accepts and gets the draft; Ada never sees it; then introduced and met", async () => {
    const asked = await ok(
      "Ada",
      "team",
      "ask",
      "Talent",
      lenaId,
      "--note",
      "I am exploring platform engineering.",
    );
    expect(asked).toMatch(
      /^Asked Bea to introduce Lena Fischer \(VP Engineering, Contoso\) — via Bea, strong: request tint_\w+, pending\.$/m,
    );
    requestId = grab(asked, /tint_\w+/);
    const beaSees = await ok("Bea", "team", "requests", "Talent");
    expect(beaSees).toContain(
      `${requestId}  pending  Ada asked you to introduce Lena Fischer <lena@contoso.com>`,
    );
    expect(beaSees).toContain("   note: I am exploring platform engineering.");

    const notHers = await as("Ada", "team", "answer", "Talent", requestId, "accept");
    expect(notHers.code).toBe(1);
    expect(notHers.stderr).toMatch(/^warmpath team: FORBIDDEN/);

    const accepted = await ok("Bea", "team", "answer", "Talent", requestId, "accept");
    expect(accepted).toMatch(/^Request tint_\w+ is now accepted: Ada asked Bea to introduce/);
    expect(accepted).toContain(
      "   draft, to send to Lena Fischer from your own mailbox:\n     Hi Lena,",
    );
    expect(await ok("Bea", "team", "requests", "Talent")).toContain("     Hi Lena,");
    const adaSees = await ok("Ada", "team", "requests", "Talent");
    expect(adaSees).toContain(
      `${requestId}  accepted  you asked Bea to introduce Lena Fischer (VP Engineering, Contoso) — via Bea, strong`,
    );
    expect(adaSees).not.toMatch(/Hi Lena|draft|@contoso/);
    const adaJson = JSON.parse(await ok("Ada", "team", "requests", "Talent", "--json"));
    expect(adaJson.requests[0]).toMatchObject({ status: "ACCEPTED", draft: null });

    expect(await ok("Bea", "team", "answer", "Talent", requestId, "introduced")).toBe(
      `Request ${requestId} is now introduced: Ada asked Bea to introduce Lena Fischer <lena@contoso.com>.\n`,
    );
    expect(await ok("Ada", "team", "answer", "Talent", requestId, "met")).toMatch(/is now met/);
  });

  it("shows Bea the audit log of the searches and the request that used her ties", async () => {
    const audit = await ok("Bea", "team", "audit", "Talent");
    expect(audit).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}search {3}Ada: paths to anyone at Contoso {2}\(ties of Bea\)$/m,
    );
    expect(audit).toMatch(
      / {2}request {2}Ada: asked Bea to introduce Lena Fischer {2}\(ties of Bea\)$/m,
    );
    expect(await ok("Cy", "team", "audit", "Talent")).not.toContain("Lena");
  });

  it("shares a contact the defaults keep out, by id, and returns a hidden one by name", async () => {
    const before = await ok("Ada", "team", "paths", "Talent", "--text", "Gus");
    expect(before).toMatch(/^No path to anyone matching "Gus"/);
    expect(await ok("Bea", "share", gusId)).toBe(
      "Shared with your teams, over the defaults: Gus Gmail.\n",
    );
    expect(await ok("Ada", "team", "paths", "Talent", "--text", "Gus")).toMatch(
      /-> Gus Gmail — via Bea, strong$/m,
    );
    expect(await ok("Bea", "unhide", "Hugo")).toBe(
      "Hugo Hidden is back to the defaults for your teams.\n",
    );
    expect(await ok("Ada", "team", "paths", "Talent", "--text", "Recruiter")).toMatch(
      /-> Hugo Hidden \(Recruiter, Contoso\) — via Bea, strong$/m,
    );
  });

  it("asks an owner's approval when the team wants it", async () => {
    await ok("Ada", "team", "create", "Gatekept", "--approval");
    await ok("Bea", "team", "join", (await ok("Ada", "team", "invite", "Gatekept")).trim());
    await ok("Ada", "team", "share", "Gatekept", "full");
    await ok("Bea", "team", "share", "Gatekept", "full");
    const olga = grab(
      await ok("Bea", "team", "paths", "Gatekept", "--org", "Fabrikam"),
      /pp_[0-9a-f]+/,
    );
    const asked = await ok("Bea", "team", "ask", "Gatekept", olga, "--via", "Ada");
    expect(asked).toMatch(/^Asked Ada to introduce Olga Petrova .*, awaiting approval\.$/m);
    const id = grab(asked, /tint_\w+/);
    expect((await as("Bea", "team", "answer", "Gatekept", id, "approve")).stderr).toMatch(
      /FORBIDDEN/,
    );
    expect(await ok("Ada", "team", "answer", "Gatekept", id, "approve")).toMatch(
      /is now pending: Bea asked Ada/,
    );
  });

  it("names an unknown team, and lists the teams an ambiguous name matches", async () => {
    const unknown = await as("Ada", "team", "members", "Nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('warmpath team: NOT_FOUND (team): team "Nope" not found\n');
    await ok("Ada", "team", "create", "Twins");
    await ok("Ada", "team", "create", "Twins");
    const twins = await as("Ada", "team", "members", "twins");
    expect(twins.code).toBe(2);
    expect(twins.stderr).toMatch(
      /^warmpath team: BAD_USER_INPUT \(team\): "twins" matches 2: Twins \(team_\w+\); Twins \(team_\w+\)\. Give the id instead\.$/m,
    );
  });

  it("refuses unknown words before asking the server, and lets a member leave", async () => {
    const level = await as("Ada", "team", "share", "Talent", "most");
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(
      /BAD_USER_INPUT \(level\): unknown "most"; give one of off, company, full/,
    );
    const answer = await as("Ada", "team", "answer", "Talent", "tint_x", "maybe");
    expect(answer.stderr).toMatch(/BAD_USER_INPUT \(answer\): unknown "maybe"/);
    const sub = await as("Ada", "team", "frobnicate");
    expect(sub.stderr).toMatch(/BAD_USER_INPUT \(subcommand\): unknown "frobnicate"/);
    expect(await ok("Cy", "team", "leave", "Talent")).toMatch(/^You left "Talent"/);
    expect(await ok("Ada", "team", "members", "Talent")).not.toMatch(/^Cy /m);
  });
});
