/**
 * One import batch (see import-batch.ts), read and written inside one write
 * transaction after the owner's lock: `importView` is what the planner matches
 * against, `writeImport` writes what it decided, so a batch run twice never doubles anything.
 */
import { conflict, notFound } from "../../../errors.js";
import { isCurrentEmployment } from "../../model/employment.js";
import type { Inputs, Records, UpsertKind } from "../../model/kinds.js";
import { sourceIdentity } from "../../model/interaction.js";
import type { Person } from "../../model/person.js";
import {
  withStoredIds,
  type ImportScope,
  type ImportView,
  type ImportWrites,
} from "../import-batch.js";
import { identityField, identityKeys } from "../record-ops.js";
import type { ChangeLog } from "./neo4j-change-log.js";
import { fromProps, type Props } from "./neo4j-records.js";
import {
  existingIds,
  peopleByKeys,
  peopleByNameKeys,
  recordsByIds,
  recordsByRefs,
} from "./neo4j-reads.js";
import { inBatches, rows, type Tx } from "./neo4j-run.js";
import { upsertAll } from "./neo4j-upsert.js";
import { insertRecords } from "./neo4j-insert.js";
import { syncIdentities, updateRecords } from "./neo4j-writes.js";

/**
 * What an import batch matches against (see import-batch.ts): people by identity
 * key and by name key, their current jobs and employers, the owner's ties to
 * them and their open follow-ups. Every look-up starts from an index.
 */
export async function importView(
  tx: Tx,
  owner: string,
  selfId: string,
  scope: ImportScope,
): Promise<ImportView> {
  const people = new Map<string, Person>();
  for (const p of (await peopleByKeys(tx, owner, scope.identityKeys)).values()) people.set(p.id, p);
  for (const p of await peopleByNameKeys(tx, owner, scope.nameKeys)) people.set(p.id, p);
  const ids = [...people.keys()];
  const employments = (await recordsByRefs(tx, owner, "employment", ["personId"], ids)).filter(
    isCurrentEmployment,
  );
  const named = await rows(
    tx,
    "UNWIND $keys AS key MATCH (n:Organization {owner: $owner, identityKey: key}) RETURN properties(n) AS p",
    {
      owner,
      keys: scope.organizationKeys,
    },
  );
  const organizations = await recordsByIds(
    tx,
    owner,
    "organization",
    employments.map((e) => e.organizationId),
  );
  for (const row of named) {
    const org = fromProps("organization", row.p as Props);
    organizations.set(org.id, org);
  }
  const ties = await rows(
    tx,
    // From each batch person (an index seek) out over its own few ties: starting from the owner
    // would walk every tie the owner has, once per person of the batch.
    "UNWIND $ids AS id MATCH (x:Person {id: id}) USING INDEX x:Person(id) MATCH (x)-[n:KNOWS]-(o:Person) WHERE o.id = $self AND n.owner = $owner RETURN DISTINCT properties(n) AS p",
    { owner, self: selfId, ids },
  );
  const followUps = (await recordsByRefs(tx, owner, "followUp", ["personId"], ids)).filter(
    (f) => f.status === "open",
  );
  const sourceKeys = scope.sourceKeys ?? [];
  const stored =
    sourceKeys.length === 0
      ? []
      : await rows(
          tx,
          // One seek per key in the (owner, identityKey) uniqueness index of interactions.
          "UNWIND $keys AS key MATCH (n:Interaction {owner: $owner, identityKey: key}) RETURN n.sourceKey AS k",
          { owner, keys: sourceKeys.map(sourceIdentity) },
        );
  return {
    selfId,
    people: [...people.values()],
    organizations: [...organizations.values()],
    employments,
    ties: ties.map((row) => fromProps("tie", row.p as Props)),
    followUps,
    storedSourceKeys: stored.map((row) => String(row.k)),
  };
}

/** Writes its people as planned and upserts the rest, so nothing already stored is doubled. */
export async function writeImport(
  tx: Tx,
  owner: string,
  writes: ImportWrites,
  log: ChangeLog,
): Promise<void> {
  const newPeople = writes.newPeople;
  const changed = writes.changedPeople;
  // The plan saw every holder of its keys; this one look-up is the backstop that names the field.
  const written = [...newPeople, ...changed.map((c) => c.after)];
  const holders = new Map<string, Person>();
  await inBatches([...new Set(written.flatMap((p) => identityKeys("person", p)))], async (keys) => {
    for (const [key, holder] of await peopleByKeys(tx, owner, keys)) holders.set(key, holder);
  });
  for (const person of written) {
    for (const key of identityKeys("person", person)) {
      const holder = holders.get(key);
      if (holder !== undefined && holder.id !== person.id)
        throw conflict(
          identityField(key),
          `another person already has ${key.slice(key.indexOf(":") + 1)}`,
        );
    }
  }
  await insertRecords(tx, owner, "person", newPeople);
  await updateRecords(
    tx,
    "person",
    changed.map((c) => c.after),
  );
  await syncIdentities(tx, owner, changed);
  log.add("person", "upsert", [...newPeople.map((p) => p.id), ...changed.map((c) => c.after.id)]);
  const upsert = async <K extends UpsertKind>(kind: K, records: Records[K][]) =>
    records.length === 0
      ? []
      : (await upsertAll(tx, owner, kind, records, records as unknown as Inputs[K][], log)).ids;
  // Organizations first: a new job points at the stored organization its own one merged into.
  const orgIds = await upsert("organization", writes.organizations);
  const stored = new Map(
    writes.organizations.flatMap((o, i) =>
      orgIds[i] !== o.id ? [[o.id, orgIds[i]!] as const] : [],
    ),
  );
  await upsert("employment", withStoredIds(writes.newEmployments, ["organizationId"], stored));
  await updateRecords(tx, "employment", writes.changedEmployments);
  log.add(
    "employment",
    "upsert",
    writes.changedEmployments.map((j) => j.id),
  );
  await upsert("tie", writes.ties);
  const interactions = writes.interactions ?? [];
  const about = [...new Set([...writes.followUps, ...interactions].map((f) => f.personId))];
  const known = await existingIds(tx, owner, "person", about);
  const missing = about.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound("person", missing, "personId");
  await insertRecords(tx, owner, "followUp", writes.followUps);
  log.add(
    "followUp",
    "upsert",
    writes.followUps.map((f) => f.id),
  );
  await insertRecords(tx, owner, "interaction", interactions);
  log.add(
    "interaction",
    "upsert",
    interactions.map((i) => i.id),
  );
}
