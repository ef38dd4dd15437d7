/**
 * A seeded fuzz of the HTTP API: 2,000 hostile documents generated from the
 * schema and mutated (test/support/graphql-fuzz.ts). No answer may be a 500 or
 * an INTERNAL error, none may take a second, nothing unexpected may be logged,
 * and the server is still up at the end.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarmpathSchema } from "../../src/build-schema.js";
import { SqliteStore } from "../../src/sqlite.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { FuzzDocuments, seededRng } from "../support/graphql-fuzz.js";

const DOCUMENTS = 2_000;
const SEED = Number(process.env.WARMPATH_FUZZ_SEED ?? 20261130);
const owner = `fuzz-${randomUUID()}`;
let store: SqliteStore;
let server: RunningServer;
const unexpected: unknown[] = [];

beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
  const self = await store.ensureOwner(owner, { name: "Me" });
  const ada = await store.create(owner, "person", {
    name: "Ada Park",
    emails: ["ada@acme.example"],
    notes: "private",
  });
  const acme = await store.create(owner, "organization", { name: "Acme", kind: "company" });
  await store.create(owner, "tie", { personA: self.id, personB: ada.id, strength: 0.7 });
  await store.create(owner, "employment", {
    personId: ada.id,
    organizationId: acme.id,
    title: "CTO",
  });
  ids.push(self.id, ada.id, acme.id);
  // Unexpected errors are logged at level "error" with this message; collect them.
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) {
        if (line.includes('"unexpected error"') || line.includes('"request failed"'))
          unexpected.push(line.slice(0, 500));
      }
      done();
    },
  });
  server = await startHttpServer({
    store,
    ownerId: owner,
    port: 0,
    host: "127.0.0.1",
    logger: pino(sink),
  });
}, 60_000);
const ids: string[] = [];

afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe("the API under fuzzed documents", () => {
  it(`answers ${DOCUMENTS} hostile documents (seed ${SEED}) without a 500, an INTERNAL error or a second's wait`, async () => {
    const fuzz = new FuzzDocuments(buildWarmpathSchema(), seededRng(SEED), ids);
    const failures: string[] = [];
    let slowest = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < DOCUMENTS; i++) {
      const body = fuzz.hostile();
      const started = performance.now();
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const internal = response.status >= 500 || /"code":"INTERNAL"|Internal error/.test(text);
      if (internal || ms > 1_000)
        failures.push(
          `#${i} ${response.status} ${Math.round(ms)} ms ${JSON.stringify(body).slice(0, 300)} -> ${text.slice(0, 300)}`,
        );
    }
    console.log(
      `fuzz: ${DOCUMENTS} documents, slowest ${Math.round(slowest)} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect(unexpected).toEqual([]);
    const health = await fetch(server.url.replace(/\/graphql$/, "/healthz"));
    expect(health.status).toBe(200);
  }, 240_000);
});
