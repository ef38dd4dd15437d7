/**
 * Hostile GraphQL documents over real HTTP: every class of "one small request
 * stalls or kills the server" is refused quickly with a code that names the
 * limit, before any work is done; what the estimate misses is stopped while
 * it runs. The network is real (SQLite, a few hundred people with ties) so the
 * fan-outs the cost model guesses are really there.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/sqlite.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";

const owner = `limits-${randomUUID()}`;
const PEOPLE = 300;
let store: SqliteStore;
let server: RunningServer;
let production: RunningServer;
let tightFields: RunningServer;
let tightCost: RunningServer;

beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
  const self = await store.ensureOwner(owner, { name: "Me" });
  const { ids } = await store.bulkUpsert(
    owner,
    "person",
    Array.from({ length: PEOPLE }, (_, i) => ({
      name: `Person ${i}`,
      profileUrl: `linkedin.com/in/p${i}`,
    })),
  );
  // Everyone knows me; each knows the next five: real lists behind `knows`.
  const ties = ids.flatMap((id, i) => [
    { personA: self.id, personB: id, strength: 0.5 },
    ...[1, 2, 3, 4, 5].map((d) => ({
      personA: id,
      personB: ids[(i + d) % PEOPLE]!,
      strength: 0.4,
    })),
  ]);
  await store.bulkUpsert(owner, "tie", ties);
  const quiet = pino({ level: "silent" });
  server = await startHttpServer({
    store,
    ownerId: owner,
    port: 0,
    host: "127.0.0.1",
    logger: quiet,
  });
  production = await startHttpServer({
    store,
    ownerId: owner,
    port: 0,
    host: "127.0.0.1",
    logger: quiet,
    production: true,
  });
  tightFields = await startHttpServer({
    store,
    ownerId: owner,
    port: 0,
    host: "127.0.0.1",
    logger: quiet,
    maxResponseFields: 500,
  });
  tightCost = await startHttpServer({
    store,
    ownerId: owner,
    port: 0,
    host: "127.0.0.1",
    logger: quiet,
    maxCost: 400,
  });
  // One request each first: the timings below are of a warm server, not of its first compile.
  for (const target of [server, production, tightFields, tightCost])
    await gql("{ me { id } }", {}, target);
}, 60_000);

afterAll(async () => {
  await Promise.all([
    server?.close(),
    production?.close(),
    tightFields?.close(),
    tightCost?.close(),
  ]);
  await store?.close();
});

async function post(
  target: RunningServer,
  body: object,
): Promise<{ status: number; ms: number; json: any }> {
  const started = performance.now();
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  return { status: response.status, ms: performance.now() - started, json };
}
const gql = (query: string, variables: object = {}, target = server) =>
  post(target, { query, variables });
const codeOf = (r: { json: any }) => r.json.errors?.[0]?.extensions?.code;

/** `n` fragments, each spreading the next twice: 2^n fields once expanded. */
function fragmentFanOut(n: number, nested: boolean): string {
  const last = nested
    ? `fragment F${n - 1} on Person { id }`
    : `fragment F${n - 1} on Query { me { id } }`;
  const step = (i: number) =>
    nested
      ? `fragment F${i} on Person { knows { person { ...F${i + 1} ...F${i + 1} } } }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`;
  const head = nested ? "query { me { ...F0 } }" : "query { ...F0 }";
  return [head, ...Array.from({ length: n - 1 }, (_, i) => step(i)), last].join("\n");
}

/** `levels` of `knows { person { ... } }` under a page of `first` people. */
const nestedKnows = (first: number | string, levels: number) =>
  `people(first: ${first}) { edges { node { ${"knows { person { ".repeat(levels)}id${" } }".repeat(levels)} } } }`;

describe("fragment fan-out", () => {
  for (const n of [20, 25, 30]) {
    // An exponential walk of 2^n fields would take minutes, so 2 s tells it apart on a busy
    // machine; how fast the refusal is belongs to bench/limits, not to a timed test.
    it(`answers a document of ${n} fragments, each spread twice, with an error without walking its 2^${n} fields`, async () => {
      const flat = await gql(fragmentFanOut(n, false));
      expect(codeOf(flat)).toBe("QUERY_TOO_COSTLY");
      expect(flat.json.errors[0].extensions.cost).toBeGreaterThanOrEqual(2 ** (n - 1));
      expect(flat.ms).toBeLessThan(2_000);
      const nested = await gql(fragmentFanOut(n, true));
      expect(nested.status).toBe(400);
      expect(nested.json.errors[0].extensions).toMatchObject({ limit: "maxDepth", max: 12 });
      expect(nested.ms).toBeLessThan(2_000);
    });
  }
});

describe("nested lists", () => {
  it("refuses pages of people with ties of ties before running them, naming the cost and the budget", async () => {
    for (const levels of [3, 2]) {
      const r = await gql(`{ ${nestedKnows(1000, levels)} }`);
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe("QUERY_TOO_COSTLY");
      expect(r.json.errors[0].extensions).toMatchObject({ limit: "maxCost", max: 50_000 });
      expect(r.json.errors[0].extensions.cost).toBeGreaterThan(50_000);
      expect(r.json.data).toBeUndefined();
      expect(r.ms).toBeLessThan(2_000);
    }
  });

  it("counts a page size given as a variable like a literal one", async () => {
    const r = await gql(`query($n: Int) { ${nestedKnows("$n", 2)} }`, { n: 1000 });
    expect(codeOf(r)).toBe("QUERY_TOO_COSTLY");
    const small = await gql(`query($n: Int) { ${nestedKnows("$n", 1)} }`, { n: 10 });
    expect(small.json.errors).toBeUndefined();
    expect(small.json.data.people.edges).toHaveLength(10);
  });

  it("multiplies aliases of one expensive field", async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: ${nestedKnows(100, 1)}`).join(" ");
    expect(codeOf(await gql(`{ ${aliases} }`))).toBe("QUERY_TOO_COSTLY");
  });

  it("runs an ordinary page of people with their ties", async () => {
    const r = await gql(
      `{ people(first: 100) { totalCount edges { node { name knows { strength person { name } } } } } }`,
    );
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data.people.totalCount).toBe(PEOPLE + 1);
  });

  it("stops a response that holds more fields than allowed, answering one error and no partial data", async () => {
    const r = await gql(
      `{ people(first: 300) { edges { node { name knows { person { name } } } } } }`,
      {},
      tightFields,
    );
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0].extensions).toMatchObject({
      code: "RESPONSE_TOO_LARGE",
      limit: "maxResponseFields",
      max: 500,
    });
    expect(r.json.data).toBeUndefined();
    const fits = await gql(`{ people(first: 5) { edges { node { name } } } }`, {}, tightFields);
    expect(fits.json.data.people.edges).toHaveLength(5);
  });
});

describe("the analytics' cost", () => {
  it("grows with k and maxHops", async () => {
    const me = (await gql("{ me { id } }")).json.data.me.id as string;
    const paths = (k: number, maxHops: number) =>
      gql(
        `{ introPaths(to: { personId: "${me}" }, k: ${k}, maxHops: ${maxHops}) { noPathReason } }`,
      );
    expect((await paths(3, 4)).json.errors).toBeUndefined();
    expect(codeOf(await paths(100, 8))).toBe("QUERY_TOO_COSTLY");
  });

  it("grows with the size of the network where the work does", async () => {
    // 301 people and 1,800 ties: communities cost (people + ties) / 5 = 420, reach to 3 ties 63.
    const communities = await gql("{ communities { size } }", {}, tightCost);
    expect(codeOf(communities)).toBe("QUERY_TOO_COSTLY");
    expect(communities.json.errors[0].extensions.cost).toBeGreaterThanOrEqual(420);
    const reach = await gql("{ reach { hops people } }", {}, tightCost);
    expect(reach.json.errors).toBeUndefined();
  });

  it("caps every list argument and every limit, before building anything", async () => {
    const exclude = Array.from({ length: 1001 }, (_, i) => `"per_${i}"`).join(",");
    const r = await gql(
      `{ introPaths(to: { personId: "x" }, exclude: [${exclude}]) { noPathReason } }`,
    );
    expect(r.json.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "introPaths.exclude",
      limit: "maxListArgument",
      max: 1000,
    });
    const bridges = await gql(`{ bridges(limit: 5000) { from { id } } }`);
    expect(bridges.json.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "limit",
    });
    const target = await gql(`{ topConnectors(targets: [{}]) { paths } }`);
    expect(target.json.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "targets[0]",
    });
  });
});

describe("document limits", () => {
  it("refuses too many tokens, aliases and directives, naming the limit and its value", async () => {
    const tokens = await gql(`{ me { ${"id ".repeat(6000)} } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.json.errors[0].extensions).toMatchObject({ limit: "maxTokens", max: 5000 });
    expect(tokens.ms).toBeLessThan(2_000);
    const aliases = await gql(
      `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
    );
    expect(aliases.json.errors[0].extensions).toMatchObject({ limit: "maxAliases", max: 50 });
    const directives = await gql(
      `{ me { ${Array.from({ length: 51 }, (_, i) => `f${i}: id @include(if: true)`).join(" ")} } }`,
    );
    expect(directives.json.errors.map((e: any) => e.extensions.limit)).toContain("maxDirectives");
  });
});

describe("client mistakes are never INTERNAL", () => {
  it("answers a subscription as a bad request", async () => {
    const r = await gql("subscription { me { id } }");
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe("BAD_REQUEST");
  });

  it("answers persisted-query extensions, with or without a known hash, as a client error", async () => {
    // Persisted queries are off: the answer tells an APQ client to send the whole document.
    const hashOnly = await post(server, {
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(hashOnly.status).toBeLessThan(500);
    expect(codeOf(hashOnly)).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    const mismatched = await post(server, {
      query: "{ me { id } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } },
    });
    expect(mismatched.status).toBeLessThan(500);
    expect(codeOf(mismatched)).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
  });

  it("gives no field suggestions in production, and does in development", async () => {
    const dev = await gql("{ me { nme } }");
    expect(dev.json.errors[0].message).toMatch(/Did you mean/);
    const prod = await gql("{ me { nme } }", {}, production);
    expect(prod.json.errors[0].message).not.toMatch(/Did you mean/);
    expect(prod.json.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
