/**
 * searchPeople over real HTTP, as the People screen asks it: case and accents ignored both
 * ways, a current employer matched, a page size checked, within the cost limit at its largest
 * page, and only the owner's own people.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ webRoot: null });
  await server.store.create(server.ownerId, "person", { name: "Chloé Martin" });
  await server.store.ensureOwner("someone-else", { name: "Else" });
  await server.store.create("someone-else", "person", { name: "Chloé Hidden" });
});
afterAll(() => server?.close());

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: { searchPeople: { totalCount: number; people: { name: string }[] } };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const SEARCH = `query ($text: String!, $first: Int) {
  searchPeople(text: $text, first: $first) { totalCount people { name } }
}`;

describe("searchPeople over HTTP", () => {
  it("refuses a page size over 100 with BAD_USER_INPUT", async () => {
    const answer = await post(SEARCH, { text: "a", first: 101 });
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("finds Chloé from chloe and Chloe from CHLOÉ, the owner's people only", async () => {
    const plain = await post(SEARCH, { text: "chloe" });
    expect(plain.errors).toBeUndefined();
    expect(plain.data?.searchPeople.people.map((p) => p.name)).toEqual([
      "Chloé Martin",
      "Chloe Nguyen",
    ]);
    const accented = await post(SEARCH, { text: "CHLOÉ" });
    expect(accented.data?.searchPeople.totalCount).toBe(2);
  });

  it("matches a current employer, and lists everyone by name for a blank text, at the largest page within the cost limit", async () => {
    const fabrikam = await post(SEARCH, { text: "fabrikam" });
    expect(fabrikam.data?.searchPeople.people.map((p) => p.name)).toEqual([
      "Dev Shah",
      "Elena Rossi",
      "Iris Walsh",
      "Lena Fischer",
    ]);
    const everyone = await post(
      `query { searchPeople(text: "", first: 100) {
        totalCount people { name employment { organization { name } } } } }`,
    );
    expect(everyone.errors).toBeUndefined();
    expect(everyone.data?.searchPeople.totalCount).toBe(14);
  });
});
