/**
 * Ensuring an owner in Neo4j: the `Owner` node and its self person, created
 * once. Shared by `ensureOwner` and `createUser` (a new user's network), inside
 * the caller's write transaction. MERGE on the uniquely constrained id (and the
 * lock it sets) is safe against a concurrent first call.
 */
import type { Person } from "../../model/person.js";
import { ChangeLog } from "./neo4j-change-log.js";
import { mustGet } from "./neo4j-reads.js";
import { rows, type Tx } from "./neo4j-run.js";
import { insertRecords } from "./neo4j-insert.js";
import { recordChanges } from "./neo4j-writes.js";

/** The owner's self person: `incoming` when the owner is new, the stored one otherwise. */
export async function ensureOwnerIn(tx: Tx, ownerId: string, incoming: Person): Promise<Person> {
  const [row] = await rows(
    tx,
    `MERGE (o:Owner {id: $owner}) ON CREATE SET o.version = 0
     SET o.lock = NOT coalesce(o.lock, false) RETURN o.selfId AS selfId`,
    { owner: ownerId },
  );
  const selfId = row?.selfId;
  if (typeof selfId === "string") return mustGet(tx, ownerId, "person", selfId);
  await insertRecords(tx, ownerId, "person", [incoming]);
  await rows(tx, "MATCH (o:Owner {id: $owner}) SET o.selfId = $selfId", {
    owner: ownerId,
    selfId: incoming.id,
  });
  const log = new ChangeLog();
  log.add("person", "upsert", [incoming.id]);
  await recordChanges(tx, ownerId, log);
  return incoming;
}
