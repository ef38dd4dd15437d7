/**
 * Lookups by person stay indexed on Neo4j (issue 16, item 6): every statement
 * `listByRefs` runs starts from an index seek per id, never from a scan of a
 * label or relationship type, and answers what a filter over the whole list does.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SPECS, RECORD_KINDS, type RecordKind } from "../../../src/graph/model/kinds.js";
import { refsCypher } from "../../../src/graph/store/neo4j/neo4j-reads.js";
import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

/** Operator names of a plan, root first (the driver suffixes them with "@neo4j"). */
const operators = (plan: PlanNode): string[] => [
  plan.operatorType.replace(/@.*$/, ""),
  ...plan.children.flatMap(operators),
];

const refFieldsOf = (kind: RecordKind) => SPECS[kind].refs.map((ref) => ref.field);

let driver: Driver;
let store: Neo4jStore;

beforeAll(async () => {
  const c = neo4jConnection();
  driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  store = new Neo4jStore(driver);
  await store.init();
});

afterAll(async () => {
  await store?.close();
  await driver?.close();
});

describe("Neo4j listByRefs", () => {
  const cases = RECORD_KINDS.flatMap((kind) => refFieldsOf(kind).map((field) => ({ kind, field })));

  it.each(cases)("looks up $kind by $field with an index seek per id", async ({ kind, field }) => {
    const { summary } = await driver.executeQuery(`EXPLAIN ${refsCypher(kind, field)}`, {
      ids: ["per_a", "per_b"],
      owner: "refs-index-owner",
    });
    const ops = operators(summary.plan as unknown as PlanNode);
    expect(ops.some((op) => /^Node(Unique)?IndexSeek/.test(op))).toBe(true);
    expect(ops.filter((op) => /Scan/.test(op))).toEqual([]);
  });

  it("returns the records about the asked people, as a filter over the whole list does", async () => {
    const owner = `refs-index-${Date.now()}`;
    await store.ensureOwner(owner, { name: "Owner" });
    const { ids } = await store.bulkUpsert(
      owner,
      "person",
      Array.from({ length: 12 }, (_, i) => ({ name: `Person ${i}` })),
    );
    const ties = ids.flatMap((a, i) =>
      ids.slice(i + 1, i + 4).map((b) => ({ personA: a, personB: b, strength: 0.5 })),
    );
    await store.bulkUpsert(owner, "tie", ties);
    const org = await store.upsert(owner, "organization", { name: "Acme" });
    await store.bulkUpsert(
      owner,
      "employment",
      ids.slice(0, 5).map((personId) => ({ personId, organizationId: org.record.id })),
    );
    for (const personId of ids.slice(3, 7))
      await store.create(owner, "interaction", {
        personId,
        kind: "call",
        at: "2026-01-02T10:00:00Z",
      });

    const asked = [ids[2]!, ids[5]!, ids[9]!, "per_missing"];
    const askedSet = new Set(asked);
    const all = async <K extends RecordKind>(kind: K) =>
      (await store.list(owner, kind, undefined, { first: 1000 })).edges.map((e) => e.node);
    const about = (record: object, fields: string[]) =>
      fields.some((f) => askedSet.has(String((record as Record<string, unknown>)[f])));

    const tiesFound = await store.listByRefs(owner, "tie", "person", asked);
    expect(tiesFound.map((t) => t.id).sort()).toEqual(
      (await all("tie"))
        .filter((t) => about(t, ["personA", "personB"]))
        .map((t) => t.id)
        .sort(),
    );
    expect(tiesFound.length).toBeGreaterThan(0);
    const jobs = await store.listByRefs(owner, "employment", "person", asked);
    expect(jobs.map((j) => j.id).sort()).toEqual(
      (await all("employment"))
        .filter((j) => about(j, ["personId"]))
        .map((j) => j.id)
        .sort(),
    );
    const calls = await store.listByRefs(owner, "interaction", "person", asked);
    expect(calls.map((c) => c.personId).sort()).toEqual([ids[5]!]);
    expect(await store.listByRefs(`${owner}-stranger`, "tie", "person", asked)).toEqual([]);
  });
});
