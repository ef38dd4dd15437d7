/**
 * Write statements (inserts are in neo4j-insert.ts), each run inside a caller's
 * write transaction after it took the owner's lock (`lockOwner`), so one owner's
 * writes run one at a time.
 */
import { notFound } from "../../../errors.js";
import type { RecordKind, Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import { identityKeys } from "../record-ops.js";
import type { ChangeLog } from "./neo4j-change-log.js";
import { patternOf } from "./neo4j-layout.js";
import { toProps } from "./neo4j-records.js";
import { seekOn, type OwnerState } from "./neo4j-reads.js";
import { inBatches, rows, type Tx } from "./neo4j-run.js";

/**
 * Takes the owner's write lock (held until commit) and returns its state.
 * Flipping a property is the cheapest write that makes Neo4j lock the node.
 */
export async function lockOwner(tx: Tx, owner: string): Promise<OwnerState> {
  const [row] = await rows(
    tx,
    "MATCH (o:Owner {id: $owner}) SET o.lock = NOT coalesce(o.lock, false) RETURN o.selfId AS selfId, o.version AS version",
    { owner },
  );
  if (!row) throw notFound("owner", owner);
  return { selfId: String(row.selfId), version: Number(row.version) };
}

/** Overwrites stored records with new field values (references never change). */
export async function updateRecords<K extends RecordKind>(
  tx: Tx,
  kind: K,
  records: readonly Records[K][],
): Promise<void> {
  await inBatches(records, async (slice) => {
    await rows(
      tx,
      `UNWIND $rows AS row MATCH ${patternOf(kind)} ${seekOn(kind, "id")} WHERE n.id = row.id SET n += row`,
      {
        rows: slice.map((r) => toProps(kind, r)),
      },
    );
  });
}

export interface IdentityRow {
  id: string;
  key: string;
}

/** Points identity keys at people. */
export async function addIdentities(
  tx: Tx,
  owner: string,
  keys: readonly IdentityRow[],
): Promise<void> {
  await inBatches(keys, async (slice) => {
    await rows(
      tx,
      `UNWIND $rows AS row MATCH (p:Person {id: row.id}) USING INDEX p:Person(id)
       CREATE (:Identity {owner: $owner, key: row.key})-[:IDENTIFIES]->(p)`,
      { owner, rows: slice },
    );
  });
}

/** Releases identity keys people no longer have. */
export async function removeIdentities(
  tx: Tx,
  owner: string,
  keys: readonly string[],
): Promise<void> {
  await inBatches(keys, async (slice) => {
    await rows(
      tx,
      "UNWIND $keys AS key MATCH (i:Identity {owner: $owner, key: key}) USING INDEX i:Identity(owner, key) DETACH DELETE i",
      { owner, keys: slice },
    );
  });
}

/** Brings a person's identity nodes in step with a change from `before` to `after`. */
export async function syncIdentities(
  tx: Tx,
  owner: string,
  changes: readonly { before: Person; after: Person }[],
): Promise<void> {
  const removed: string[] = [];
  const added: IdentityRow[] = [];
  for (const { before, after } of changes) {
    const old = new Set(identityKeys("person", before));
    const now = new Set(identityKeys("person", after));
    for (const key of old) if (!now.has(key)) removed.push(key);
    for (const key of now) if (!old.has(key)) added.push({ id: after.id, key });
  }
  await removeIdentities(tx, owner, removed);
  await addIdentities(tx, owner, added);
}

/** Commits a transaction's change entries under the owner's next version; nothing when nothing changed. */
export async function recordChanges(tx: Tx, owner: string, log: ChangeLog): Promise<void> {
  if (log.isEmpty) return;
  await rows(
    tx,
    `MATCH (o:Owner {id: $owner}) SET o.version = o.version + 1
     WITH o UNWIND range(0, size($changes) - 1) AS seq
     WITH o, seq, $changes[seq] AS c
     CREATE (:Change {owner: $owner, version: o.version, seq: seq, kind: c.kind, op: c.op, ids: c.ids})`,
    { owner, changes: log.list() },
  );
}
