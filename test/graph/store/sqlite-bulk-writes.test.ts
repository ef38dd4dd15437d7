import { describe, expect, it } from "vitest";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";
import type { PersonInput } from "../../../src/graph/model/person.js";
import { listAll } from "../../../src/graph/store/list-all.js";
import {
  migrate,
  openDatabase,
  withoutForeignKeys,
} from "../../../src/graph/store/sqlite/sqlite-connection.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

async function newStore(): Promise<SqliteStore> {
  const store = new SqliteStore({ path: ":memory:" });
  await store.init();
  return store;
}

async function errorOf(promise: Promise<unknown>): Promise<WarmpathError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WarmpathError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

/** A batch whose later inputs meet the identities earlier ones wrote, changed or freed. */
const BATCH: PersonInput[] = [
  { name: "Ada", emails: ["ada@example.org"], profileUrl: "linkedin.com/in/ada-new" },
  { name: "Someone", profileUrl: "linkedin.com/in/ada-old" },
  { name: "Grace", emails: ["grace@example.org", "GRACE@example.org"] },
  { name: "Grace H", emails: ["grace@example.org"], title: "Admiral" },
  { name: "Only A Name" },
  { name: "Only A Name", title: "Twice" },
];
const STORED: PersonInput[] = [
  { name: "Ada", emails: ["ada@example.org"], profileUrl: "linkedin.com/in/ada-old" },
];

const comparable = (people: { name: string; emails: string[]; profileUrl: string | null }[]) =>
  people
    .map(({ name, emails, profileUrl }) => ({ name, emails, profileUrl }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe("SQLite bulk writes", () => {
  it("upserts a batch of people exactly as the same upserts one at a time would", async () => {
    const store = await newStore();
    await store.ensureOwner("bulk", { name: "Me" });
    await store.ensureOwner("single", { name: "Me" });
    for (const input of STORED) {
      await store.upsert("bulk", "person", input);
      await store.upsert("single", "person", input);
    }
    const bulk = await store.bulkUpsert("bulk", "person", BATCH);
    const single = [];
    for (const input of BATCH) single.push((await store.upsert("single", "person", input)).outcome);
    expect(bulk.outcomes).toEqual(single);
    expect(bulk.outcomes).toEqual([
      "updated",
      "created",
      "created",
      "updated",
      "created",
      "updated",
    ]);
    expect(comparable(await listAll(store, "bulk", "person"))).toEqual(
      comparable(await listAll(store, "single", "person")),
    );
    // The key the first input freed is found again by a later look-up.
    const [someone] = await store.findPeople("bulk", { profileUrl: "linkedin.com/in/ada-old" });
    expect(someone?.name).toBe("Someone");
    await store.close();
  });

  it("refuses, naming the input, a person whose keys belong to two stored people", async () => {
    const store = await newStore();
    await store.ensureOwner("o", { name: "Me" });
    await store.bulkUpsert("o", "person", [
      { name: "A", emails: ["a@example.org"] },
      { name: "B", emails: ["b@example.org"] },
    ]);
    const error = await errorOf(
      store.bulkUpsert("o", "person", [
        { name: "C" },
        { name: "AB", emails: ["a@example.org", "b@example.org"] },
      ]),
    );
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.field).toBe("inputs[1].emails");
    expect((await store.list("o", "person")).totalCount).toBe(3);
    await store.close();
  });

  it("refuses a tie to another owner's person, naming the input, and writes nothing", async () => {
    const store = await newStore();
    const me = await store.ensureOwner("o", { name: "Me" });
    const other = await store.ensureOwner("other", { name: "Them" });
    const { ids } = await store.bulkUpsert("o", "person", [{ name: "A" }, { name: "B" }]);
    const version = await store.version("o");
    const error = await errorOf(
      store.bulkUpsert("o", "tie", [
        { personA: me.id, personB: ids[0]! },
        { personA: ids[1]!, personB: other.id },
      ]),
    );
    expect(error.code).toBe(ErrorCode.NOT_FOUND);
    expect(error.field).toBe("inputs[1].personB");
    expect((await store.list("o", "tie")).totalCount).toBe(0);
    expect(await store.version("o")).toBe(version);
    await store.close();
  });

  it("files a batch's changes under one version, one change row per kind", async () => {
    const store = await newStore();
    const me = await store.ensureOwner("o", { name: "Me" });
    const before = await store.version("o");
    const { ids } = await store.bulkUpsert(
      "o",
      "person",
      Array.from({ length: 50 }, (_, i) => ({ name: `P${i}` })),
    );
    const ties = await store.bulkUpsert(
      "o",
      "tie",
      ids.map((id) => ({ personA: me.id, personB: id })),
    );
    const { version, changes } = await store.changesSince("o", before);
    expect(version).toBe(before + 2);
    expect(changes.map((c) => [c.version, c.kind, c.ids.length])).toEqual([
      [before + 1, "person", 50],
      [before + 2, "tie", 50],
    ]);
    expect(changes[1]!.ids).toEqual(ties.ids);
    await store.close();
  });

  it("turns foreign keys back on after a bulk write, even a failed one, and never inside a transaction", () => {
    const db = openDatabase(":memory:");
    migrate(db);
    expect(() =>
      withoutForeignKeys(db, () => {
        expect(db.pragma("foreign_keys", { simple: true })).toBe(0);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.transaction(() =>
      withoutForeignKeys(db, () => expect(db.pragma("foreign_keys", { simple: true })).toBe(1)),
    )();
    db.close();
  });
});
