/**
 * Bulk writes on Neo4j check references inside their inserts (issue 16, item 4):
 * a tie is created only between two people of its owner, and a call whose input
 * names anyone else fails whole, with the error a one-by-one application would
 * meet first, even when batches before the bad one were already sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, isWarmpathError } from "../../../src/errors.js";
import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { BATCH } from "../../../src/graph/store/neo4j/neo4j-run.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

let store: Neo4jStore;

beforeAll(async () => {
  store = new Neo4jStore(neo4jConnection());
  await store.init();
});

afterAll(async () => {
  await store?.close();
});

async function owner(name: string, people: number) {
  const id = `bulk-writes-${name}-${Date.now()}`;
  await store.ensureOwner(id, { name: "Owner" });
  const { ids } = await store.bulkUpsert(
    id,
    "person",
    Array.from({ length: people }, (_, i) => ({ name: `Person ${i}` })),
  );
  return { id, ids };
}

/** Every pair of `ids`, up to `count` of them, as tie inputs. */
function pairs(ids: readonly string[], count: number) {
  const out: { personA: string; personB: string; strength: number }[] = [];
  for (let i = 0; i < ids.length && out.length < count; i++)
    for (let j = i + 1; j < ids.length && out.length < count; j++)
      out.push({ personA: ids[i]!, personB: ids[j]!, strength: 0.5 });
  return out;
}

async function errorOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("Neo4j bulk tie writes", () => {
  it("writes nothing when an input past the first batch names a missing person, and names that input", async () => {
    const { id, ids } = await owner("missing", 160);
    const ties = pairs(ids, BATCH + 5);
    expect(ties.length).toBe(BATCH + 5);
    const version = await store.version(id);
    ties[BATCH + 3] = { personA: ids[0]!, personB: "per_missing", strength: 0.5 };
    const error = await errorOf(store.bulkUpsert(id, "tie", ties));
    expect(isWarmpathError(error) && error.code).toBe(ErrorCode.NOT_FOUND);
    expect(isWarmpathError(error) && error.field).toBe(`inputs[${BATCH + 3}].personB`);
    expect((await store.list(id, "tie")).totalCount).toBe(0);
    expect(await store.version(id)).toBe(version);
    const written = await store.bulkUpsert(id, "tie", ties.slice(0, BATCH + 3));
    expect(written.outcomes.every((o) => o === "created")).toBe(true);
    expect((await store.list(id, "tie")).totalCount).toBe(BATCH + 3);
  });

  it("never ties a person to another owner's person", async () => {
    const mine = await owner("mine", 3);
    const theirs = await owner("theirs", 2);
    const error = await errorOf(
      store.bulkUpsert(mine.id, "tie", [
        { personA: mine.ids[0]!, personB: mine.ids[1]! },
        { personA: mine.ids[2]!, personB: theirs.ids[0]! },
      ]),
    );
    expect(isWarmpathError(error) && error.code).toBe(ErrorCode.NOT_FOUND);
    expect(isWarmpathError(error) && error.field).toMatch(/^inputs\[1\]\.person[AB]$/);
    expect((await store.list(mine.id, "tie")).totalCount).toBe(0);
    expect((await store.listByRefs(theirs.id, "tie", "person", theirs.ids)).length).toBe(0);
  });

  it("merges repeated and stored pairs as one-by-one upserts would", async () => {
    const { id, ids } = await owner("merge", 4);
    await store.upsert(id, "tie", { personA: ids[0]!, personB: ids[1]!, since: "2020-01-01" });
    const result = await store.bulkUpsert(id, "tie", [
      { personA: ids[1]!, personB: ids[0]!, since: "2019-01-01" },
      { personA: ids[2]!, personB: ids[3]!, strength: 0.2 },
      { personA: ids[3]!, personB: ids[2]!, strength: 0.9 },
      { personA: ids[2]!, personB: ids[3]!, strength: 0.9 },
    ]);
    expect(result.outcomes).toEqual(["updated", "created", "updated", "unchanged"]);
    expect(result.ids[2]).toBe(result.ids[1]);
    const stored = await store.listByRefs(id, "tie", "person", ids);
    expect(stored.map((t) => [t.since, t.strength]).sort()).toEqual(
      [
        ["2019-01-01", null],
        [null, 0.9],
      ].sort(),
    );
  });
});
