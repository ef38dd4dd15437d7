/**
 * `path` and `people` against a server (--server, or WARMPATH_SERVER) with an API token: the
 * built binary in a child process, the server started here over a SQLite file that has an
 * account (so every request needs an identity). Each answer must print what the same command
 * prints on the store itself.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccount,
  mintApiToken,
  revokeApiToken,
  userScopes,
} from "../../src/accounts/index.js";
import { effectiveScopes } from "../../src/auth/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { buildCli, type BuiltCli, type CliOutcome } from "../support/built-cli.js";

const dir = mkdtempSync(join(tmpdir(), "warmpath-remote-cli-"));
const db = join(dir, "served.db");
const SILENT = { info() {}, error() {} };

let cli: BuiltCli;
let store: SqliteStore;
let server: RunningServer;
/** paths:read and contacts:read; paths:read alone; and one revoked. */
const tokens = { reader: "", pathsOnly: "", revoked: "" };

/** `warmpath ...args` on the store file itself. */
const local = (args: string[]): Promise<CliOutcome> => cli.run(args, { WARMPATH_DB: db });

/** `warmpath ...args --server <url>`, with a store setting that must never be opened. */
const remote = (args: string[], env: Record<string, string> = {}): Promise<CliOutcome> =>
  cli.run([...args, "--server", server.url], {
    WARMPATH_DB: join(dir, "never-opened", "x.db"),
    ...env,
  });

/** Every number to 6 decimals, for figures computed a moment apart. */
// Strengths decay with recency by the second, and the two commands compute them moments apart:
// 4 places (a 6th-place difference once rounded across a boundary).
const rounded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === "number" ? Number(v.toFixed(4)) : v,
  );

const withToken = (token: string, args: string[]) => remote([...args, "--token", token]);

beforeAll(async () => {
  cli = await buildCli();
  expect((await local(["demo"])).code).toBe(0);
  store = new SqliteStore({ path: db });
  await store.init();
  const ada = await createAccount(
    store,
    { email: "ada@example.com", name: "Ada" },
    { adoptOwner: "me" },
  );
  const grantor = { user: ada, scopes: effectiveScopes(userScopes(ada)) };
  const now = new Date();
  const mint = async (scopes: string[]) =>
    (await mintApiToken(store, grantor, { name: scopes.join(" "), scopes }, now)).token;
  tokens.reader = await mint(["paths:read", "contacts:read"]);
  tokens.pathsOnly = await mint(["paths:read"]);
  const revoked = await mintApiToken(store, grantor, { name: "old", scopes: ["paths:read"] }, now);
  await revokeApiToken(store, ada.id, revoked.record.id);
  tokens.revoked = revoked.token;
  server = await startHttpServer({
    store,
    ownerId: "me",
    port: 0,
    host: "127.0.0.1",
    logger: SILENT,
  });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe("warmpath path and people with --server and a token", () => {
  it.each([
    ["path to a person", ["path", "--to", "Lena Fischer"]],
    ["path to a person by e-mail", ["path", "--to", "lena.fischer@fabrikam.example"]],
    ["path to an organization", ["path", "--org", "fabrikam"]],
    ["path with limits", ["path", "--to", "Lena Fischer", "--k", "1", "--max-hops", "2"]],
    ["people matching a search", ["people", "fabrikam"]],
    ["everyone", ["people"]],
  ])("prints the same %s as the command on the store, as text and as JSON", async (_what, args) => {
    const expected = await local(args);
    expect(expected.code, expected.stderr).toBe(0);
    const answered = await withToken(tokens.reader, args);
    expect(answered.stderr).toBe("");
    expect(answered.stdout).toBe(expected.stdout);
    expect(answered.code).toBe(0);

    const expectedJson = await local([...args, "--json"]);
    const answeredJson = await withToken(tokens.reader, [...args, "--json"]);
    expect(answeredJson.code, answeredJson.stderr).toBe(0);
    // The same keys in the same order; warmth decays with time, so the two runs' figures part
    // in their last digits (the text, rounded to two, is equal above).
    expect(Object.keys(JSON.parse(answeredJson.stdout))).toEqual(
      Object.keys(JSON.parse(expectedJson.stdout)),
    );
    expect(rounded(JSON.parse(answeredJson.stdout))).toEqual(
      rounded(JSON.parse(expectedJson.stdout)),
    );
    expect(existsSync(join(dir, "never-opened"))).toBe(false);
  });

  it("takes the server and the token from WARMPATH_SERVER and WARMPATH_TOKEN", async () => {
    const out = await cli.run(["people", "Lena Fischer", "--json"], {
      WARMPATH_DB: join(dir, "never-opened", "x.db"),
      WARMPATH_SERVER: server.url.replace(/graphql$/, ""),
      WARMPATH_TOKEN: tokens.reader,
    });
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).people.map((p: { name: string }) => p.name)).toEqual([
      "Lena Fischer",
    ]);
  });

  it("says the server needs a token, UNAUTHENTICATED, when none is given", async () => {
    const out = await remote(["people", "Lena"]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe(
      "warmpath people: UNAUTHENTICATED: the server needs a token: --token or WARMPATH_TOKEN\n",
    );
  });

  it("says the server refused a revoked token", async () => {
    const out = await withToken(tokens.revoked, ["path", "--to", "Lena Fischer"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^warmpath path: UNAUTHENTICATED: the server refused the token/);
  });

  it("passes on FORBIDDEN naming the scope a token lacks", async () => {
    const out = await withToken(tokens.pathsOnly, ["people", "Lena"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^warmpath people: FORBIDDEN: .*contacts:read/);
  });

  it("names the option for the server's NOT_FOUND and BAD_USER_INPUT, as locally", async () => {
    const nobody = await withToken(tokens.reader, ["path", "--to", "Nobody Atall"]);
    expect(nobody.code).toBe(1);
    // The same line, but naming the server searched instead of the file behind it.
    expect(nobody.stderr).toBe(
      (await local(["path", "--to", "Nobody Atall"])).stderr
        .replace(/\n.*$/s, "\n")
        .replace(/in SQLite at \S+,/, `in the warmpath server at ${server.url},`),
    );
    const hops = await withToken(tokens.reader, [
      "path",
      "--to",
      "Lena Fischer",
      "--max-hops",
      "13",
    ]);
    expect(hops.code).toBe(2);
    expect(hops.stderr).toMatch(/^warmpath path: BAD_USER_INPUT \(--max-hops\)/);
  });

  it("lists the matches when a name matches several people, as locally", async () => {
    const args = ["path", "--to", "a"];
    const expected = await local(args);
    const answered = await withToken(tokens.reader, args);
    expect(answered.code).toBe(expected.code);
    expect(answered.stderr).toBe(expected.stderr);
  });

  it("says UNAVAILABLE when the server cannot be reached", async () => {
    const out = await cli.run(["people", "--server", "http://127.0.0.1:1/graphql"], {
      WARMPATH_TOKEN: tokens.reader,
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/UNAVAILABLE: cannot reach http:\/\/127\.0\.0\.1:1\/graphql/);
  });

  it("refuses --token without a server, and a server that is not an http URL", async () => {
    const token = await cli.run(["people", "--token", tokens.reader], { WARMPATH_DB: db });
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/BAD_USER_INPUT \(--token\): goes with --server/);
    const url = await cli.run(["people", "--server", "ftp://example.com"], { WARMPATH_DB: db });
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/BAD_USER_INPUT \(--server\)/);
  });
});
