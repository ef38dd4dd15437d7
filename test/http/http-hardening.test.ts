/**
 * The HTTP edge under hostile requests and faults, over real HTTP against
 * startHttpServer on a SQLite file: the Host guard (DNS rebinding), UTF-8 JSON
 * bodies only, the per-request deadline, /readyz on a hung store, and
 * node:http's connection timeouts against slow clients.
 *
 * A hung store is a real Neo4jStore whose "server" is a TCP listener that
 * accepts and never answers: exactly what a stopped (SIGSTOP) Neo4j looks like
 * to the driver, since the kernel still completes the handshake.
 */
import { mkdtempSync } from "node:fs";
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/sqlite.js";
import { Neo4jStore } from "../../src/neo4j.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { createHostGuard } from "../../src/http/host-guard.js";
import { openSocket, postQuery, send, sleep, type RawSocket } from "./raw-http.js";

const silent = pino({ level: "silent" });
const dir = mkdtempSync(join(tmpdir(), "warmpath-hardening-"));
const owner = "hardening-owner";
const NOTE = "private note: the board meets on Thursday";
const NOTES_QUERY = "{ people(first: 10) { edges { node { name notes } } } }";

let store: SqliteStore;
let server: RunningServer;

beforeAll(async () => {
  store = new SqliteStore({ path: join(dir, "hardening.db") });
  await store.init();
  await store.ensureOwner(owner, { name: "Me" });
  await store.create(owner, "person", { name: "Ada Park", notes: NOTE });
  server = await startHttpServer({
    store,
    ownerId: owner,
    port: 0,
    host: "127.0.0.1",
    allowedHosts: ["warmpath.example", "[fd00::7]"],
    logger: silent,
  });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
});

/** A TCP listener that accepts connections and never says a word, like a stopped database. */
async function blackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const held: Socket[] = [];
  const tcp: TcpServer = createTcpServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  const port = (tcp.address() as { port: number }).port;
  return {
    port,
    close: async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}

describe("the Host header guard", () => {
  it("refuses a request for another name with 403 FORBIDDEN and no data, on every route", async () => {
    const answers = [
      await postQuery(server.port, "attacker.example", NOTES_QUERY),
      await postQuery(server.port, `attacker.example:${server.port}`, NOTES_QUERY),
      await send(server.port, {
        path: `/graphql?query=${encodeURIComponent(NOTES_QUERY)}`,
        headers: { host: "attacker.example", "apollo-require-preflight": "1" },
      }),
      await send(server.port, { path: "/healthz", headers: { host: "attacker.example" } }),
      await send(server.port, { path: "/readyz", headers: { host: "attacker.example" } }),
      await send(server.port, { path: "/nowhere", headers: { host: "attacker.example" } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.json.errors[0].extensions).toEqual({ code: "FORBIDDEN" });
      expect(answer.json.data).toBeUndefined();
      expect(answer.text).not.toContain("board meets");
    }
  });

  it("refuses names that only look like loopback and Host headers that are malformed", async () => {
    const hosts = [
      "localhost.attacker.example",
      "127.0.0.1.nip.io",
      "127.0.0.256",
      "evil.localhost",
      "::1",
      `::1:${server.port}`,
      "[::1",
      "localhost:port",
      "",
      "user@localhost",
    ];
    for (const host of hosts) {
      const answer = await postQuery(server.port, host, NOTES_QUERY);
      expect([host, answer.status]).toEqual([host, 403]);
      expect(answer.text).not.toContain("board meets");
    }
  });

  it("refuses a request without a Host header (HTTP/1.0)", async () => {
    const raw = await openSocket(server.port);
    raw.socket.write("GET /healthz HTTP/1.0\r\n\r\n");
    await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 403/);
    expect(raw.received()).toContain('"FORBIDDEN"');
  });

  it("serves localhost, any 127.x address, [::1] and the configured names, with any port and in any case", async () => {
    const hosts = [
      `localhost:${server.port}`,
      "localhost",
      "LOCALHOST",
      "localhost.",
      `127.0.0.1:${server.port}`,
      "127.8.9.10",
      `[::1]:${server.port}`,
      "warmpath.example",
      "Warmpath.Example:443",
      "[fd00::7]:4000",
    ];
    for (const host of hosts) {
      const answer = await postQuery(server.port, host, NOTES_QUERY);
      expect([host, answer.status]).toEqual([host, 200]);
      expect(answer.json.data.people.edges[0].node.notes).toBe(NOTE);
    }
    expect(
      (await send(server.port, { path: "/healthz", headers: { host: "localhost" } })).status,
    ).toBe(200);
  });

  it("allows the specific name or address a server is bound to, and nothing for a wildcard bind", () => {
    const named = createHostGuard("api.internal", []);
    expect([
      named("api.internal:4000"),
      named("API.internal"),
      named("other.internal"),
      named(undefined),
    ]).toEqual([true, true, false, false]);
    const v6 = createHostGuard("fd00::1", []);
    expect([v6("[fd00::1]:4000"), v6("[fd00::2]")]).toEqual([true, false]);
    for (const wildcard of ["0.0.0.0", "::"]) {
      const guard = createHostGuard(wildcard, []);
      expect([guard("0.0.0.0:4000"), guard("[::]:4000"), guard("localhost:4000")]).toEqual([
        false,
        false,
        true,
      ]);
    }
  });

  it("refuses to start with an allowed host that is not a host name", async () => {
    await expect(
      startHttpServer({
        store,
        ownerId: owner,
        port: 0,
        host: "127.0.0.1",
        allowedHosts: ["ok.example", "bad host/"],
        logger: silent,
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "allowedHosts[1]",
    });
  });
});

describe("request bodies", () => {
  const mutation = JSON.stringify({
    query: 'mutation { createPerson(input: { name: "Latin Body" }) { id } }',
  });
  const postRaw = (contentType: string | undefined, body: string | Buffer) =>
    send(server.port, {
      method: "POST",
      headers: {
        host: "localhost",
        ...(contentType === undefined ? {} : { "content-type": contentType }),
      },
      body,
    });

  it("refuses a JSON body declared in any charset but UTF-8 with 415, and writes nothing", async () => {
    const before = await store.version(owner);
    for (const type of [
      "application/json; charset=latin1",
      "application/json; charset=ISO-8859-1",
      "application/json;charset=UTF-16",
      'application/json; charset="windows-1252"',
    ]) {
      const answer = await postRaw(type, mutation);
      expect([type, answer.status]).toEqual([type, 415]);
      expect(answer.json.errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(await store.version(owner)).toBe(before);
  });

  it("accepts UTF-8 however the charset is written", async () => {
    for (const type of [
      "application/json; charset=utf-8",
      "application/json; charset=UTF-8",
      'Application/JSON; charset="utf-8"',
      "application/json;charset=utf8",
    ]) {
      const answer = await postRaw(type, JSON.stringify({ query: "{ me { name } }" }));
      expect([type, answer.status]).toEqual([type, 200]);
      expect(answer.json).toEqual({ data: { me: { name: "Me" } } });
    }
  });

  it("refuses a body whose bytes are not valid UTF-8 with 415, and writes nothing", async () => {
    const before = await store.version(owner);
    // "Café" in Latin-1: 0xE9 alone is not UTF-8.
    const latin1 = Buffer.from(
      '{"query":"mutation { createPerson(input: { name: \\"Caf\xe9\\" }) { id } }"}',
      "latin1",
    );
    const answer = await postRaw("application/json", latin1);
    expect(answer.status).toBe(415);
    expect(answer.json.errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(answer.json.errors[0].message).toMatch(/UTF-8/);
    expect(await store.version(owner)).toBe(before);
  });

  it("refuses a POST that is not JSON with 415, and writes nothing", async () => {
    const before = await store.version(owner);
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/graphql",
      undefined,
    ]) {
      const answer = await postRaw(type, mutation);
      expect([type, answer.status]).toEqual([type, 415]);
      expect(answer.json.errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(await store.version(owner)).toBe(before);
  });

  it("still answers GET queries as Apollo does: with a preflight header, and refused without one", async () => {
    const path = `/graphql?query=${encodeURIComponent("{ me { name } }")}`;
    const allowed = await send(server.port, {
      path,
      headers: { host: "localhost", "apollo-require-preflight": "1" },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toEqual({ data: { me: { name: "Me" } } });
    const refused = await send(server.port, { path, headers: { host: "localhost" } });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/CSRF|preflight/i);
  });

  it("answers an unparsable request target with 400 and stays up", async () => {
    const raw = await openSocket(server.port);
    raw.socket.write("GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 400/);
    expect(
      (await send(server.port, { path: "/healthz", headers: { host: "localhost" } })).status,
    ).toBe(200);
  });
});

describe("the request deadline", () => {
  const importer = "deadline-owner";
  let timed: RunningServer;
  beforeAll(async () => {
    await store.ensureOwner(importer, { name: "Importer" });
    timed = await startHttpServer({
      store,
      ownerId: importer,
      port: 0,
      host: "127.0.0.1",
      requestTimeoutMs: 500,
      logger: silent,
    });
  });
  afterAll(async () => {
    await timed?.close();
  });

  it("stops an import that cannot finish in time with TIMEOUT, answers others meanwhile, and writes no more after", async () => {
    // 15,000 short LinkedIn rows (about 0.85 MB, under the body and text limits): far more than
    // the 500 ms deadline allows on any machine, as fast as imports have become.
    const rows = Array.from(
      { length: 15_000 },
      (_, i) => `F${i},L${i},https://linkedin.com/in/d${i},,C${i % 300},E,01 Jan 2020`,
    );
    const text = [
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
      ...rows,
    ].join("\r\n");
    const started = Date.now();
    const big = postQuery(
      timed.port,
      "localhost",
      "mutation($text: String!) { importContacts(format: LINKEDIN, text: $text) { created } }",
      { text },
    ).then((answer) => ({
      answer,
      ms: Date.now() - started,
    }));
    await sleep(100);
    const asked = Date.now();
    const small = await postQuery(timed.port, "localhost", "{ me { name } }");
    expect(small.json).toEqual({ data: { me: { name: "Importer" } } });
    // The import yields between batches, so a small request waits for one batch at most, not the whole file.
    expect(Date.now() - asked).toBeLessThan(3_000);

    const { answer, ms } = await big;
    expect(answer.status).toBe(200);
    expect(answer.json.data ?? null).toBeNull();
    expect(answer.json.errors).toHaveLength(1);
    expect(answer.json.errors[0].extensions).toMatchObject({
      code: "TIMEOUT",
      limit: "deadlineMs",
      max: 500,
    });
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(5_000);

    // The import stopped: part of the file at most, and nothing more is written after the answer.
    const count = async () => (await store.list(importer, "person", {}, { first: 1 })).totalCount;
    const atAnswer = await count();
    expect(atAnswer).toBeLessThan(15_001);
    await sleep(1_000);
    expect(await count()).toBe(atAnswer);
  });
});

describe("a hung store", () => {
  let hole: Awaited<ReturnType<typeof blackHole>>;
  let hung: Neo4jStore;
  let hungServer: RunningServer;

  beforeAll(async () => {
    hole = await blackHole();
    hung = new Neo4jStore({
      uri: `bolt://127.0.0.1:${hole.port}`,
      user: "neo4j",
      password: "unused",
    });
    hungServer = await startHttpServer({
      store: hung,
      ownerId: owner,
      port: 0,
      host: "127.0.0.1",
      requestTimeoutMs: 300,
      logger: silent,
    });
  });
  afterAll(async () => {
    await hungServer?.close();
    // Dropping the held sockets lets the driver's pending connections fail at once, so close does not wait.
    await hole?.close();
    await hung?.close();
  });

  it("stops a request stuck on the hung store at its deadline, while other requests are served", async () => {
    const started = Date.now();
    const stuck = postQuery(hungServer.port, "localhost", "{ me { name } }").then((answer) => ({
      answer,
      ms: Date.now() - started,
    }));
    await sleep(50);
    // Meanwhile the same server answers what needs no store, and another server in this process answers queries.
    const health = await send(hungServer.port, {
      path: "/healthz",
      headers: { host: "localhost" },
    });
    const other = await postQuery(server.port, "localhost", "{ me { name } }");
    expect(health.status).toBe(200);
    expect(other.json).toEqual({ data: { me: { name: "Me" } } });
    expect(Date.now() - started).toBeLessThan(300);

    const { answer, ms } = await stuck;
    expect(answer.status).toBe(200);
    expect(answer.json.data ?? null).toBeNull();
    expect(answer.json.errors).toHaveLength(1);
    // The adapter, which sees the same deadline, may say first that the store did not answer (UNAVAILABLE);
    // otherwise the deadline itself answers TIMEOUT. Either way the request ends at its deadline, not the driver's 30 s.
    const { code } = answer.json.errors[0].extensions;
    expect(["UNAVAILABLE", "TIMEOUT"]).toContain(code);
    if (code === "TIMEOUT")
      expect(answer.json.errors[0].extensions).toEqual({
        code: "TIMEOUT",
        limit: "deadlineMs",
        max: 300,
      });
    expect(ms).toBeGreaterThanOrEqual(200);
    expect(ms).toBeLessThan(1_500);
  });

  it("answers /readyz with 503 UNAVAILABLE within about 2 s", async () => {
    const started = Date.now();
    const answer = await send(hungServer.port, { path: "/readyz", headers: { host: "localhost" } });
    const ms = Date.now() - started;
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ status: "unavailable", store: "neo4j", code: "UNAVAILABLE" });
    expect(ms).toBeLessThan(2_700);
  });

  it("answers /readyz with 200 when the store answers", async () => {
    const answer = await send(server.port, { path: "/readyz", headers: { host: "localhost" } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: "ready", store: "sqlite" });
  });

  it("refuses a deadline that is not a positive whole number of milliseconds", async () => {
    for (const requestTimeoutMs of [0, -1, 1.5, Number.NaN]) {
      await expect(
        startHttpServer({ store, ownerId: owner, port: 0, requestTimeoutMs, logger: silent }),
      ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "requestTimeoutMs" });
    }
  });
});

describe("connection timeouts", () => {
  let slow: RunningServer;
  beforeAll(async () => {
    slow = await startHttpServer({
      store,
      ownerId: owner,
      port: 0,
      host: "127.0.0.1",
      connectionTimeouts: {
        headersTimeout: 1_000,
        requestTimeout: 2_000,
        keepAliveTimeout: 500,
        connectionsCheckingInterval: 200,
      },
      logger: silent,
    });
  });
  afterAll(async () => {
    await slow?.close();
  });

  /** Writes `line()` every 300 ms until the server closes the socket or `maxLines` were sent. */
  async function trickle(
    raw: RawSocket,
    line: (i: number) => string,
    maxLines: number,
  ): Promise<void> {
    for (let i = 0; i < maxLines && !raw.isClosed(); i++) {
      await sleep(300);
      if (!raw.isClosed()) raw.socket.write(line(i));
    }
  }

  it("closes 20 slow-loris connections that never finish their headers, and serves others meanwhile", async () => {
    const opened = Date.now();
    const sockets = await Promise.all(Array.from({ length: 20 }, () => openSocket(slow.port)));
    for (const raw of sockets) raw.socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
    // At most 30 lines (9 s) each: the test ends by itself even if the server never closes them.
    const trickling = Promise.all(
      sockets.map((raw) => trickle(raw, (i) => `X-Trickle-${i}: still here\r\n`, 30)),
    );

    await sleep(400);
    const before = Date.now();
    const normal = await postQuery(slow.port, "localhost", "{ me { name } }");
    expect(normal.json).toEqual({ data: { me: { name: "Me" } } });
    expect(Date.now() - before).toBeLessThan(500);
    expect(sockets.filter((raw) => raw.isClosed())).toHaveLength(0);

    await trickling;
    const closedAt = await Promise.all(
      sockets.map((raw) => Promise.race([raw.closed, sleep(1_000).then(() => Infinity)])),
    );
    for (const at of closedAt) expect(at - opened).toBeLessThan(3_500);
    for (const raw of sockets) expect(raw.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a connection that trickles its body past the request timeout", async () => {
    const opened = Date.now();
    const raw = await openSocket(slow.port);
    raw.socket.write(
      "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    await trickle(raw, () => " ", 30);
    expect((await raw.closed) - opened).toBeLessThan(4_000);
  });

  it("closes an idle keep-alive connection after the keep-alive timeout", async () => {
    const raw = await openSocket(slow.port);
    raw.socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const answered = Date.now();
    const closedAt = await Promise.race([raw.closed, sleep(3_000).then(() => Infinity)]);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(raw.received()).toMatch(/keep-alive/i);
    // Node 20 keeps an idle socket about 1 s past keepAliveTimeout, so the client sees the close first.
    expect(closedAt - answered).toBeGreaterThanOrEqual(450);
    expect(closedAt - answered).toBeLessThan(2_200);
  });

  it("refuses connection timeouts node:http would reject, with our error code", async () => {
    await expect(
      startHttpServer({
        store,
        ownerId: owner,
        port: 0,
        connectionTimeouts: { headersTimeout: 5_000, requestTimeout: 1_000 },
        logger: silent,
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "connectionTimeouts.headersTimeout" });
    await expect(
      startHttpServer({
        store,
        ownerId: owner,
        port: 0,
        connectionTimeouts: { keepAliveTimeout: -1 },
        logger: silent,
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "connectionTimeouts.keepAliveTimeout",
    });
  });
});
