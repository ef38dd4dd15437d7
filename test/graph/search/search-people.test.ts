import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import fc from "fast-check";
import { foldText, foldUnicode } from "../../../src/graph/model/fold-text.js";
import { searchPeople } from "../../../src/graph/search/search-people.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";

describe("foldText", () => {
  it("drops case and accents, and spells the letters Unicode does not decompose", () => {
    expect(foldText("Chloé")).toBe("chloe");
    expect(foldText("  Zoë   MÜLLER ")).toBe("zoe muller");
    expect(foldText("Straße Søren Æsir Łódź")).toBe("strasse soren aesir lodz");
    // Decomposed input (e + combining acute) folds the same as composed.
    expect(foldText("Chloe\u0301")).toBe("chloe");
  });

  it("folds ASCII text on its fast path exactly as the full fold does (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (text) => {
        expect(foldText(text)).toBe(foldUnicode(text));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("searchPeople", () => {
  const owner = "search-owner";
  const other = "search-other";
  let store: SqliteStore;

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    await store.ensureOwner(owner, { name: "Me" });
    await store.ensureOwner(other, { name: "Someone else" });
    await store.create(owner, "person", { name: "Chloé Martin", title: "Designer" });
    await store.create(owner, "person", { name: "Chloe Nguyen", title: "Consultant" });
    await store.create(owner, "person", { name: "Marc Chloeson" });
    await store.create(owner, "person", { name: "Ana Ruiz", title: "Head of Chloé Studio" });
    const zoe = await store.create(owner, "person", { name: "Zoë Adams" });
    const acme = await store.create(owner, "organization", { name: "Société Générale" });
    await store.create(owner, "employment", { personId: zoe.id, organizationId: acme.id });
    const chamber = await store.create(owner, "organization", {
      name: "Scottsdale Chamber of Commerce",
      kind: "chamber",
    });
    const ana = (await store.findPeople(owner, { name: "Ana Ruiz" }))[0]!;
    await store.create(owner, "membership", { personId: zoe.id, organizationId: chamber.id });
    await store.create(owner, "membership", {
      personId: ana.id,
      organizationId: chamber.id,
      until: "2020-01-01",
    });
    await store.create(other, "person", { name: "Chloé Hidden" });
  });
  afterAll(() => store.close());

  it("refuses a text longer than 200 characters and a page size outside 1 to 100", async () => {
    await expectError(searchPeople(store, owner, "x".repeat(201)), ErrorCode.BAD_USER_INPUT);
    await expectError(searchPeople(store, owner, "a", { first: 0 }), ErrorCode.BAD_USER_INPUT);
    await expectError(searchPeople(store, owner, "a", { first: 101 }), ErrorCode.BAD_USER_INPUT);
  });

  it("finds accented names from plain text, and plain names from accented text", async () => {
    const plain = await searchPeople(store, owner, "chloe");
    expect(plain.people.map((p) => p.name)).toEqual([
      "Chloé Martin",
      "Chloe Nguyen",
      "Marc Chloeson",
      "Ana Ruiz",
    ]);
    const accented = await searchPeople(store, owner, "CHLOÉ");
    expect(accented.people.map((p) => p.name)).toEqual(plain.people.map((p) => p.name));
  });

  it("matches a current group's name as the store's text filter does, and not a group left", async () => {
    const { people } = await searchPeople(store, owner, "chamber");
    expect(people.map((p) => p.name)).toEqual(["Zoë Adams"]);
    const filtered = await store.list(owner, "person", { text: "chamber" });
    expect(filtered.edges.map((e) => e.node.name)).toEqual(["Zoë Adams"]);
  });

  it("matches a current employer's name, ignoring its accents", async () => {
    const { people } = await searchPeople(store, owner, "societe");
    expect(people.map((p) => p.name)).toEqual(["Zoë Adams"]);
  });

  it("keeps to the owner's own people", async () => {
    const { people } = await searchPeople(store, other, "chloe");
    expect(people.map((p) => p.name)).toEqual(["Chloé Hidden"]);
  });

  it("counts every match but returns the first ones; a blank text lists everyone by name", async () => {
    const some = await searchPeople(store, owner, "chloe", { first: 2 });
    expect(some.totalCount).toBe(4);
    expect(some.people).toHaveLength(2);
    const all = await searchPeople(store, owner, "  ");
    expect(all.people.map((p) => p.name)).toEqual([
      "Ana Ruiz",
      "Chloé Martin",
      "Chloe Nguyen",
      "Marc Chloeson",
      "Me",
      "Zoë Adams",
    ]);
  });
});
