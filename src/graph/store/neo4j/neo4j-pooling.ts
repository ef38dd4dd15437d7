/**
 * Each owner's pooling settings in Neo4j: one `:ContactSharing` node per contact whose default
 * the owner overrode, keyed (owner, personId), and one `:PoolingSettings` node per owner holding
 * the blocked labels as a list (constraints in neo4j-schema.ts). Neither is a record, so a
 * person's delete drops its override explicitly (`dropContactSharing`, from neo4j-delete.ts);
 * both writes take the owner's lock, as the delete does, so no override outlives its person.
 * Every function runs in the caller's transaction.
 */
import type { ContactSharing, PoolingSettings } from "../teams.js";
import { rows, type Tx } from "./neo4j-run.js";

export async function poolingSettingsOf(tx: Tx, owner: string): Promise<PoolingSettings> {
  const contacts = await rows(
    tx,
    `MATCH (c:ContactSharing {owner: $owner})
     RETURN c.personId AS personId, c.sharing AS sharing ORDER BY c.personId`,
    { owner },
  );
  const [settings] = await rows(
    tx,
    "MATCH (p:PoolingSettings {owner: $owner}) RETURN p.blockedLabels AS labels",
    { owner },
  );
  return {
    contacts: contacts.map((row) => ({
      personId: String(row.personId),
      sharing: row.sharing as ContactSharing,
    })),
    blockedLabels: ((settings?.labels ?? []) as unknown[]).map(String),
  };
}

/**
 * Takes the owner's write lock, as every write of the owner's records does (lockOwner in
 * neo4j-writes.ts); false for an unknown owner.
 */
export async function lockedOwner(tx: Tx, owner: string): Promise<boolean> {
  const found = await rows(
    tx,
    "MATCH (o:Owner {id: $owner}) SET o.lock = NOT coalesce(o.lock, false) RETURN o.id",
    { owner },
  );
  return found.length > 0;
}

/** Sets or (null) removes the override of a person the caller found to be the owner's. */
export async function putContactSharing(
  tx: Tx,
  owner: string,
  personId: string,
  sharing: ContactSharing | null,
): Promise<void> {
  if (sharing === null) await dropContactSharing(tx, owner, [personId]);
  else
    await rows(
      tx,
      "MERGE (c:ContactSharing {owner: $owner, personId: $personId}) SET c.sharing = $sharing",
      { owner, personId, sharing },
    );
}

/** Forgets the overrides of these people (when they are deleted, or returned to the defaults). */
export async function dropContactSharing(
  tx: Tx,
  owner: string,
  personIds: readonly string[],
): Promise<void> {
  await rows(
    tx,
    "UNWIND $personIds AS id MATCH (c:ContactSharing {owner: $owner, personId: id}) DELETE c",
    { owner, personIds },
  );
}

/** Replaces the owner's blocked labels (already normalized). */
export async function putBlockedLabels(
  tx: Tx,
  owner: string,
  labels: readonly string[],
): Promise<void> {
  await rows(tx, "MERGE (p:PoolingSettings {owner: $owner}) SET p.blockedLabels = $labels", {
    owner,
    labels,
  });
}
