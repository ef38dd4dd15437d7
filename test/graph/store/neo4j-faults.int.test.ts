/**
 * The Neo4j adapter under faults, end to end: a real HTTP server on a Neo4jStore,
 * and a Neo4j of this file's own (auth enabled, a fixed port and a kept data
 * folder) that the tests freeze with SIGSTOP, stop with SIGTERM and restart.
 * The shared Neo4j of the other test files is never touched.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, isWarmpathError } from "../../../src/errors.js";
import { withDeadline } from "../../../src/graph/deadline.js";
import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { startHttpServer, type RunningServer } from "../../../src/http-server.js";
import { freePort, startNeo4jProcess, type Neo4jProcess } from "../../support/neo4j-process.js";

const PASSWORD = "faults-secret";
const OWNER = "faults-owner";
/** The request deadline of the server under test: short, so the file stays short. */
const DEADLINE_MS = 3_000;
/** What a request may take past its deadline: the answer still has to be written and read. */
const SLACK_MS = 1_000;
/** /readyz waits 2 s for the store; half a second more to answer. */
const READY_WITHIN_MS = 2_500;

let port: number;
let dataDir: string;
let neo: Neo4jProcess;
let store: Neo4jStore;
let server: RunningServer;
const unexpected: unknown[] = [];

interface Answer {
  ms: number;
  status: number;
  codes: string[];
  data: Record<string, unknown> | null;
}

/** One GraphQL request, timed; the client gives up well after the deadline so a hang fails the test instead of stalling it. */
async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(DEADLINE_MS + 10_000),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    ms: Date.now() - started,
    status: response.status,
    codes: (body.errors ?? []).map((e) => e.extensions?.code ?? "?"),
    data: body.data ?? null,
  };
}

async function readyz(): Promise<{ ms: number; status: number }> {
  const started = Date.now();
  const response = await fetch(new URL("/readyz", server.url), {
    signal: AbortSignal.timeout(DEADLINE_MS + 10_000),
  });
  await response.arrayBuffer();
  return { ms: Date.now() - started, status: response.status };
}

const ME = "{ me { name } }";
const CREATE = "mutation ($name: String!) { createPerson(input: { name: $name }) { id } }";
const FIND =
  "query ($text: String!) { people(filter: { text: $text }) { edges { node { name } } } }";

const namesFound = async (text: string): Promise<string[]> => {
  const answer = await gql(FIND, { text });
  expect(answer.codes).toEqual([]);
  const edges = (answer.data?.people as { edges: { node: { name: string } }[] }).edges;
  return edges.map((e) => e.node.name);
};

/** Reads in a loop, `width` at a time, until `stop()` says so: the traffic a fault lands in. */
function traffic(width: number): { stop: () => Promise<Answer[]> } {
  const answers: Answer[] = [];
  let running = true;
  const lanes = Array.from({ length: width }, async () => {
    while (running) answers.push(await gql(ME));
  });
  return {
    async stop() {
      running = false;
      await Promise.all(lanes);
      return answers;
    },
  };
}

/**
 * Runs a store call under a deadline and reports how the call itself ended, not
 * the deadline's own TIMEOUT: "hung" if it has not settled shortly after the
 * deadline (the store holds its caller and a connection, whatever HTTP answered).
 */
async function storeCall(
  ms: number,
  call: () => Promise<unknown>,
): Promise<{ ms: number; outcome: unknown }> {
  const started = Date.now();
  let inner: Promise<unknown> = Promise.resolve();
  await withDeadline(ms, () => (inner = call())).catch(() => undefined);
  const outcome = await Promise.race([
    inner.then(
      () => "ok",
      (e: unknown) => (isWarmpathError(e) ? e.code : e),
    ),
    new Promise((resolve) => setTimeout(() => resolve("hung"), SLACK_MS)),
  ]);
  return { ms: Date.now() - started, outcome };
}

/** Polls until the server answers `me` again; returns how long that took. */
async function recovered(withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await gql(ME);
    if (answer.codes.length === 0) return Date.now() - started;
    if (Date.now() - started > withinMs)
      throw new Error(`no recovery within ${withinMs} ms: last codes ${answer.codes.join(",")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const slowest = (answers: Answer[]): number => Math.max(...answers.map((a) => a.ms));
const summary = (label: string, answers: Answer[]): void => {
  const codes = [...new Set(answers.flatMap((a) => (a.codes.length ? a.codes : ["ok"])))].join(",");
  console.log(
    `${label}: ${answers.length} requests, slowest ${slowest(answers)} ms, answers ${codes}`,
  );
};

beforeAll(async () => {
  port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), "warmpath-faults-"));
  const started = Date.now();
  neo = await startNeo4jProcess({ port, dataDir, password: PASSWORD });
  console.log(`fault Neo4j up in ${Date.now() - started} ms at ${neo.uri}`);
  store = new Neo4jStore({ uri: neo.uri, user: "neo4j", password: PASSWORD });
  await store.ping();
  await store.init();
  await store.ensureOwner(OWNER, { name: "Me" });
  server = await startHttpServer({
    store,
    ownerId: OWNER,
    port: 0,
    host: "127.0.0.1",
    requestTimeoutMs: DEADLINE_MS,
    logger: { info: () => undefined, error: (fields) => void unexpected.push(fields) },
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  await neo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("Neo4j adapter under faults", () => {
  it("answers UNAVAILABLE or TIMEOUT within the deadline while Neo4j is frozen, and answers again once it resumes", async () => {
    expect((await gql(CREATE, { name: "Before Freeze" })).codes).toEqual([]);
    const load = traffic(3);
    await new Promise((resolve) => setTimeout(resolve, 300));

    neo.signal("SIGSTOP");
    const frozenAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [ready, write, ...reads] = await Promise.all([
      readyz(),
      gql(CREATE, { name: "Frozen Write" }),
      gql(ME),
      gql(ME),
      gql(FIND, { text: "Before" }),
    ]);
    // The store's own calls end too (not only the HTTP answer): with the deadline, and without one for a ping.
    // A store with no pooled connection, outside any deadline: connecting is bounded by its own timeouts.
    const fresh = new Neo4jStore({
      uri: neo.uri,
      user: "neo4j",
      password: PASSWORD,
      timeouts: { connectMs: 1_000, acquireMs: 1_000, retryWindowMs: 1_000 },
    });
    const freshStarted = Date.now();
    let freshMs = 0;
    const [storeRead, storeWrite, freshRead] = await Promise.all([
      storeCall(DEADLINE_MS, () => store.getSelf(OWNER)),
      storeCall(DEADLINE_MS, () => store.create(OWNER, "person", { name: "Frozen Store Write" })),
      fresh
        .getSelf(OWNER)
        .then(
          () => "ok",
          (e: unknown) => (isWarmpathError(e) ? e.code : e),
        )
        .finally(() => (freshMs = Date.now() - freshStarted)),
    ]);
    void fresh.close().catch(() => undefined);
    const pingStarted = Date.now();
    const ping = await store.ping().then(
      () => "ok",
      (e: unknown) => (isWarmpathError(e) ? e.code : e),
    );
    const pingMs = Date.now() - pingStarted;
    const during = await load.stop();
    const frozenFor = Date.now() - frozenAt;
    neo.signal("SIGCONT");

    const all = [write!, ...reads, ...during];
    summary(`frozen ${frozenFor} ms`, all);
    console.log(
      `frozen: /readyz ${ready.status} in ${ready.ms} ms, the write answered ${write!.codes.join(",")} in ${write!.ms} ms`,
    );
    console.log(
      `frozen: store read ${String(storeRead.outcome)} in ${storeRead.ms} ms, store write ${String(storeWrite.outcome)} in ${storeWrite.ms} ms, ping outside a deadline ${String(ping)} in ${pingMs} ms`,
    );
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(READY_WITHIN_MS);
    for (const call of [storeRead, storeWrite]) {
      expect([ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT]).toContain(call.outcome);
      expect(call.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    }
    expect(ping).toBe(ErrorCode.UNAVAILABLE);
    expect(pingMs).toBeLessThan(READY_WITHIN_MS);
    console.log(
      `frozen: a fresh store outside any deadline answered ${String(freshRead)} in ${freshMs} ms`,
    );
    expect(freshRead).toBe(ErrorCode.UNAVAILABLE);
    // 1 s to connect, retried for at most 1 s.
    expect(freshMs).toBeLessThan(2_000 + SLACK_MS);
    for (const answer of [write!, ...reads]) {
      expect(answer.codes).toHaveLength(1);
      expect([ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT]).toContain(answer.codes[0]);
    }
    // Reads that were in flight as the freeze began may have finished; none hangs, none is INTERNAL.
    for (const answer of all) {
      expect(answer.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
      for (const code of answer.codes)
        expect([ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT]).toContain(code);
    }
    expect(during.filter((a) => a.codes.length > 0).length).toBeGreaterThan(0);

    const recovery = await recovered(10_000);
    console.log(`resumed: the same server answered again after ${recovery} ms`);
    expect((await readyz()).status).toBe(200);
    // The write that timed out rolled back, even though the server resumed and could have run it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await namesFound("Frozen Write")).toEqual([]);
    expect(await namesFound("Frozen Store Write")).toEqual([]);
    expect(await namesFound("Before Freeze")).toEqual(["Before Freeze"]);
    expect(unexpected).toEqual([]);
  }, 40_000);

  it("answers UNAVAILABLE within the deadline while Neo4j is stopped, and recovers without a restart once it is back", async () => {
    expect((await gql(CREATE, { name: "Before Stop" })).codes).toEqual([]);
    const load = traffic(2);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const stopping = Date.now();
    await neo.stop();
    console.log(`stopped: Neo4j exited ${Date.now() - stopping} ms after SIGTERM`);
    const [ready, write, ...reads] = await Promise.all([
      readyz(),
      gql(CREATE, { name: "Stopped Write" }),
      gql(ME),
      gql(FIND, { text: "Before" }),
    ]);
    const during = await load.stop();

    summary("stopped", [write!, ...reads]);
    summary("during the stop", during);
    console.log(`stopped: /readyz ${ready.status} in ${ready.ms} ms`);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(READY_WITHIN_MS);
    // Once the process is gone every answer is UNAVAILABLE, well before the driver's 30 s of retries.
    for (const answer of [write!, ...reads]) {
      expect(answer.codes).toEqual([ErrorCode.UNAVAILABLE]);
      expect(answer.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    }
    for (const answer of during) {
      expect(answer.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
      for (const code of answer.codes)
        expect([ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT]).toContain(code);
    }

    const restarting = Date.now();
    neo = await startNeo4jProcess({ port, dataDir, password: PASSWORD });
    console.log(
      `restarted: Neo4j up again in ${Date.now() - restarting} ms on the same port and folder`,
    );
    const recovery = await recovered(15_000);
    console.log(`restarted: the same server answered again after ${recovery} ms`);
    expect((await readyz()).status).toBe(200);
    expect(await namesFound("Before")).toEqual(
      expect.arrayContaining(["Before Freeze", "Before Stop"]),
    );
    expect(await namesFound("Stopped Write")).toEqual([]);
    expect(unexpected).toEqual([]);
  }, 90_000);

  it("answers UNAVAILABLE, without the address, when nothing listens at the URI", async () => {
    const nobody = await freePort();
    const lost = new Neo4jStore({
      uri: `bolt://127.0.0.1:${nobody}`,
      user: "neo4j",
      password: PASSWORD,
      timeouts: { retryWindowMs: 1_000 },
    });
    try {
      const started = Date.now();
      const error = await lost.getSelf(OWNER).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isWarmpathError(error, ErrorCode.UNAVAILABLE)).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000 + SLACK_MS);
      expect((error as Error).message).not.toContain(String(nobody));
    } finally {
      await lost.close();
    }
  });

  it("refuses wrong credentials with UNAVAILABLE naming NEO4J_USER and NEO4J_PASSWORD, never the address", async () => {
    const wrong = new Neo4jStore({ uri: neo.uri, user: "neo4j", password: "not-the-password" });
    try {
      const error = await wrong.ping().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isWarmpathError(error, ErrorCode.UNAVAILABLE)).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(/NEO4J_USER/);
      expect(message).toMatch(/NEO4J_PASSWORD/);
      expect(message).not.toContain(String(port));
      expect(message).not.toContain("127.0.0.1");
    } finally {
      await wrong.close();
    }
  });

  it("stops `npm start` with exit code 1 and one line about the credentials when the password is wrong", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        NEO4J_URI: neo.uri,
        NEO4J_USER: "neo4j",
        NEO4J_PASSWORD: "not-the-password",
        PORT: "0",
        HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.stdout.resume();
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    console.log(`wrong password: exit ${code} after ${Date.now() - started} ms: ${stderr.trim()}`);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warmpath: UNAVAILABLE: Neo4j refused the user name or password: check NEO4J_USER and NEO4J_PASSWORD/,
    );
    expect(stderr).not.toContain("not-the-password");
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
