/**
 * /mcp over real HTTP on SQLite: the SDK's Streamable HTTP client with an API token, and raw
 * requests for what a client library would not send (no token, a bad Host, a foreign Origin).
 */
import "reflect-metadata";
import type { Client } from "@modelcontextprotocol/client";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintApiToken, userScopes } from "../../src/accounts/index.js";
import { effectiveScopes, hashPassword, type Scope } from "../../src/auth/index.js";
import { loadDemoNetwork, type User } from "../../src/graph/index.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import {
  createTeam,
  inviteToTeam,
  joinTeam,
  setMySharing,
  teamAudit,
} from "../../src/teams/index.js";
import { SqliteStore } from "../../src/sqlite.js";
import { send } from "../http/raw-http.js";
import { callError, callOk, connectClient, type Era } from "./mcp-client.js";

let store: SqliteStore;
let server: RunningServer;
let ada: User;
let bea: User;
let mcpToken: string;
let readToken: string;
const clients: Client[] = [];

const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "raw", version: "1" },
  },
});

/** A raw POST of `initialize` to /mcp with exactly these headers (Host and Origin included). */
const postMcp = (headers: Record<string, string>) =>
  send(server.port, {
    method: "POST",
    path: "/mcp",
    headers: {
      host: `127.0.0.1:${server.port}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: INITIALIZE,
  });

const tokenFor = async (user: User, scopes: Scope[]) =>
  (
    await mintApiToken(
      store,
      { user, scopes: effectiveScopes(userScopes(user)) },
      { name: "assistant", scopes },
      new Date(),
    )
  ).token;

async function mcpClient(token: string, era: Era = "legacy"): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(
    new URL(`http://127.0.0.1:${server.port}/mcp`),
    {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    },
  );
  const client = await connectClient(transport, era);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
  await store.ensureOwner("ada-net", { name: "Ada Lovelace" });
  await loadDemoNetwork(store, "ada-net");
  await store.ensureOwner("bea-net", { name: "Bea Secret" });
  const passwordHash = await hashPassword("correct horse battery staple");
  ada = await store.createUser({
    email: "ada@example.org",
    name: "Ada",
    passwordHash,
    ownerId: "ada-net",
    admin: false,
  });
  bea = await store.createUser({
    email: "bea@example.org",
    name: "Bea",
    passwordHash,
    ownerId: "bea-net",
    admin: false,
  });
  mcpToken = await tokenFor(ada, ["mcp"]);
  readToken = await tokenFor(ada, ["paths:read", "contacts:read"]);
  server = await startHttpServer({
    store,
    ownerId: "ada-net",
    port: 0,
    host: "127.0.0.1",
    webRoot: null,
    logger: pino({ level: "silent" }),
  });
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await server?.close();
  await store?.close();
});

describe("/mcp with a token holding the mcp scope", () => {
  it.each(["legacy", "modern"] as const)(
    "lists the tools and calls them on the token's network (%s protocol)",
    async (era) => {
      const client = await mcpClient(mcpToken, era);
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(8);
      const paths = await callOk(client, "find_intro_paths", { org: "Fabrikam" });
      expect(paths.paths[0].people[0].name).toBe("Ada Lovelace");
      const explained = await callOk(client, "explain_path", {
        people: paths.paths[0].people.map((p: any) => p.id),
      });
      expect(explained.warmth).toBe(paths.paths[0].warmth);
    },
  );

  it("treats another user's person id exactly like a missing one", async () => {
    const client = await mcpClient(mcpToken);
    const foreign = (await store.getSelf(bea.ownerId)).id;
    const missing = `${foreign.slice(0, -1)}${foreign.endsWith("A") ? "B" : "A"}`;
    const a = await callError(client, "get_person", { person: foreign });
    const b = await callError(client, "get_person", { person: missing });
    expect(a).toMatchObject({ code: "NOT_FOUND", field: "person" });
    expect({ ...a, message: a.message.replace(foreign, "ID") }).toEqual({
      ...b,
      message: b.message.replace(missing, "ID"),
    });
    expect(JSON.stringify(a)).not.toContain("Bea");
  });

  it("accepts the server's own Origin", async () => {
    const answer = await postMcp({
      authorization: `Bearer ${mcpToken}`,
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(answer.status).toBe(200);
  });
});

describe("get_person through a team", () => {
  let teamId: string;
  beforeAll(async () => {
    // Bea shares her network fully with Ada's team; one contact of hers has only a personal address.
    const now = new Date();
    teamId = (await createTeam(store, ada, { name: "Talent" })).team.id;
    const { token } = await inviteToTeam(store, ada, teamId, {}, now);
    await joinTeam(store, bea, token, now);
    await setMySharing(store, ada, teamId, "full");
    await setMySharing(store, bea, teamId, "full");
    const self = await store.getSelf(bea.ownerId);
    const carl = await store.create(bea.ownerId, "person", {
      name: "Carl Contact",
      title: "VP Sales",
      emails: ["carl@initech.example"],
      phones: ["+1 555 0100"],
      notes: "BEA-PRIVATE-NOTE",
    });
    const initech = await store.create(bea.ownerId, "organization", { name: "Initech" });
    await store.create(bea.ownerId, "employment", {
      personId: carl.id,
      organizationId: initech.id,
      from: "2020-01-01",
    });
    await store.create(bea.ownerId, "tie", { personA: self.id, personB: carl.id, strength: 0.9 });
    const hugo = await store.create(bea.ownerId, "person", {
      name: "Hugo Hidden",
      emails: ["hugo@gmail.com"],
    });
    await store.create(bea.ownerId, "tie", { personA: self.id, personB: hugo.id, strength: 0.9 });
  });

  it("shows a teammate's contact as the team's rules allow, and no contact details", async () => {
    const client = await mcpClient(mcpToken);
    const carl = await callOk(client, "get_person", { person: "Carl Contact", teamId });
    expect(carl).toMatchObject({
      kind: "pooled",
      name: "Carl Contact",
      title: "VP Sales",
      company: "Initech",
      band: "strong",
      via: ["Bea"],
    });
    expect(carl.id).toMatch(/^pp_/);
    const text = JSON.stringify(carl);
    for (const secret of ["carl@initech.example", "555", "BEA-PRIVATE-NOTE"])
      expect(text).not.toContain(secret);
    // The pooled id it gave names the same person.
    expect(await callOk(client, "get_person", { person: carl.id, teamId })).toEqual(carl);
  });

  it("answers a hidden contact exactly as nobody, and a team Ada is not in as NOT_FOUND", async () => {
    const client = await mcpClient(mcpToken);
    const hidden = await callError(client, "get_person", { person: "Hugo Hidden", teamId });
    const nobody = await callError(client, "get_person", { person: "Zed Nobody", teamId });
    expect(hidden.code).toBe("NOT_FOUND");
    expect(hidden.message.replace("Hugo Hidden", "X")).toBe(
      nobody.message.replace("Zed Nobody", "X"),
    );
    const foreignTeam = await callError(client, "get_person", { person: "Carl", teamId: "team_x" });
    expect(foreignTeam.code).toBe("NOT_FOUND");
  });

  it("finds paths through a teammate's shared network, naming whose tie each hop is, and logs the search", async () => {
    const client = await mcpClient(mcpToken);
    const before = (await teamAudit(store, bea, teamId)).length;
    const found = await callOk(client, "find_intro_paths", { to: "Carl Contact", teamId });
    const [path] = found.paths;
    expect(path.people.map((p: { name: string }) => p.name).slice(1)).toEqual([
      "Bea",
      "Carl Contact",
    ]);
    expect(path.hops.map((h: { tieOf: string }) => h.tieOf)).toEqual(["Bea", "Bea"]);
    expect(path.people.at(-1).id).toMatch(/^pp_/);
    const text = JSON.stringify(found);
    for (const secret of ["carl@initech.example", "555", "BEA-PRIVATE-NOTE", "Hugo"])
      expect(text).not.toContain(secret);
    const byOrg = await callOk(client, "find_intro_paths", { org: "Initech", teamId });
    expect(byOrg.paths[0].people.at(-1).name).toBe("Carl Contact");
    const audit = await teamAudit(store, bea, teamId);
    expect(audit.length).toBe(before + 2);
    expect(audit[0]).toMatchObject({ kind: "pooled_search", memberUserIds: [bea.id] });
  });

  it("says which teammate knows someone at a company or with a role", async () => {
    const client = await mcpClient(mcpToken);
    for (const args of [{ company: "Initech" }, { role: "VP Sales" }]) {
      const found = await callOk(client, "who_knows", { ...args, teamId });
      expect(found.introducers[0]).toMatchObject({
        introducer: "Bea",
        reaches: { name: "Carl Contact" },
        tieOf: "Bea",
      });
      expect(JSON.stringify(found)).not.toContain("carl@initech.example");
    }
    const both = await callError(client, "who_knows", {
      company: "Initech",
      role: "VP",
      teamId,
    });
    expect(both).toMatchObject({ code: "BAD_USER_INPUT", field: "role" });
  });

  it("records a look at a teammate's contact in the audit log Bea sees, and a look at Ada's own not", async () => {
    const client = await mcpClient(mcpToken);
    const lookups = async () =>
      (await teamAudit(store, bea, teamId)).filter((e) => e.summary.startsWith("looked up"));
    const before = (await lookups()).length;
    await callOk(client, "get_person", { person: "Carl Contact", teamId });
    const after = await lookups();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({
      kind: "pooled_search",
      actorUserId: ada.id,
      memberUserIds: [bea.id],
      summary: "looked up Carl Contact",
    });
    const own = (await store.getSelf(ada.ownerId)).id;
    await callOk(client, "get_person", { person: own, teamId });
    await callError(client, "get_person", { person: "Hugo Hidden", teamId });
    expect((await lookups()).length).toBe(before + 1);
  });
});

describe("/mcp refuses", () => {
  it("a request without a token once accounts exist: 401 UNAUTHENTICATED", async () => {
    const answer = await postMcp({});
    expect(answer.status).toBe(401);
    expect(answer.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("a token that is not valid: 401", async () => {
    const answer = await postMcp({ authorization: `Bearer wp_${"x".repeat(43)}` });
    expect(answer.status).toBe(401);
  });

  it("a token without the mcp scope: 403 FORBIDDEN naming the scope, and the SDK client fails", async () => {
    const answer = await postMcp({ authorization: `Bearer ${readToken}` });
    expect(answer.status).toBe(403);
    expect(answer.json.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(answer.json.errors[0].message).toContain("mcp scope");
    await expect(mcpClient(readToken)).rejects.toThrow();
  });

  it("a Host header that is not this server's (DNS rebinding): 403", async () => {
    const answer = await postMcp({
      authorization: `Bearer ${mcpToken}`,
      host: `attacker.example:${server.port}`,
    });
    expect(answer.status).toBe(403);
    expect(answer.json.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  it("an Origin of another site, even with a good token: 403", async () => {
    const answer = await postMcp({
      authorization: `Bearer ${mcpToken}`,
      origin: "https://attacker.example",
    });
    expect(answer.status).toBe(403);
    expect(answer.json.errors[0].message).toContain("Origin");
  });
});
