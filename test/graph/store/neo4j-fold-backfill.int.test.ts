/** Records written before the folded copies existed are found by accents-free text once the store starts again. */
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { FOLD_BACKFILL_MARKER } from "../../../src/graph/store/neo4j/neo4j-fold-backfill.js";
import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

const { uri, user, password } = neo4jConnection();
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));

afterAll(() => driver.close());

describe("Neo4j folded name copies", () => {
  it("are added at init to people written without them, once", async () => {
    const store = new Neo4jStore({ uri, user, password });
    await store.init();
    const owner = `fold-${Date.now()}`;
    await store.ensureOwner(owner, { name: "Me" });
    const chloe = await store.create(owner, "person", { name: "Chloé Dubois" });
    // As an older version of the adapter left it: no folded copies, and no backfill done.
    await driver.executeQuery("MATCH (n:Person {id: $id}) REMOVE n.nameFold, n.titleFold", {
      id: chloe.id,
    });
    await driver.executeQuery(
      `MATCH (m:${FOLD_BACKFILL_MARKER.label} {id: $id}) DELETE m`,
      FOLD_BACKFILL_MARKER,
    );
    const before = await store.list(owner, "person", { text: "chloe" });
    expect(before.totalCount).toBe(0);
    // Until then the name is still matched ignoring case.
    expect((await store.list(owner, "person", { text: "DUBOIS" })).totalCount).toBe(1);
    await store.init();
    const after = await store.list(owner, "person", { text: "chloe" });
    expect(after.edges.map((e) => e.node.id)).toEqual([chloe.id]);
    // Done once: a start after the backfill leaves alone what it would have mended.
    await driver.executeQuery("MATCH (n:Person {id: $id}) REMOVE n.nameFold", { id: chloe.id });
    await store.init();
    expect((await store.list(owner, "person", { text: "chloe" })).totalCount).toBe(0);
    await store.close();
  });
});
