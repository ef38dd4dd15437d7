/**
 * Deleting a record and, for people and organizations, every record that
 * references it (the specs' cascading refs), logging each deleted id per kind.
 */
import { notFound } from "../../../errors.js";
import type { RecordKind } from "../../model/kinds.js";
import { dependentsOf } from "../store-rules.js";
import type { ChangeLog } from "./neo4j-change-log.js";
import { LAYOUT, patternOf, REF_LABELS } from "./neo4j-layout.js";
import { dropContactSharing } from "./neo4j-pooling.js";
import { rows, type Tx } from "./neo4j-run.js";

/** The ids of `dependent` records whose `field` names the record `id` of kind `target`. */
async function referencing(
  tx: Tx,
  target: "person" | "organization",
  id: string,
  dependent: RecordKind,
  field: string,
): Promise<string[]> {
  const layout = LAYOUT[dependent];
  const x = `(x:${REF_LABELS[target]} {id: $id})`;
  let pattern: string;
  if (layout.form === "rel") {
    pattern =
      field === layout.from.field ? `${x}-[n:${layout.type}]->()` : `()-[n:${layout.type}]->${x}`;
  } else {
    pattern = `${x}<-[:${layout.links[field]}]-(n:${layout.label})`;
  }
  const found = await rows(tx, `MATCH ${pattern} RETURN n.id AS id`, { id });
  return found.map((row) => String(row.id));
}

async function remove(tx: Tx, kind: RecordKind, ids: readonly string[]): Promise<void> {
  const layout = LAYOUT[kind];
  const deleted = layout.form === "rel" ? "DELETE n" : "DETACH DELETE n";
  if (kind === "person") {
    await rows(
      tx,
      "UNWIND $ids AS id MATCH (:Person {id: id})<-[:IDENTIFIES]-(i:Identity) DETACH DELETE i",
      { ids },
    );
  }
  await rows(tx, `UNWIND $ids AS id MATCH ${patternOf(kind, "{id: id}")} ${deleted}`, { ids });
}

/** Deletes the owner's record `id` of `kind` and its dependents; NOT_FOUND when the owner has no such record. */
export async function deleteWithDependents(
  tx: Tx,
  owner: string,
  kind: RecordKind,
  id: string,
  log: ChangeLog,
): Promise<void> {
  const [found] = await rows(
    tx,
    `MATCH ${patternOf(kind, "{id: $id}")} WHERE n.owner = $owner RETURN n.id AS id`,
    { owner, id },
  );
  if (!found) throw notFound(kind, id);
  log.add(kind, "delete", [id]);
  if (kind === "person" || kind === "organization") {
    for (const { kind: dependent, fields } of dependentsOf(kind)) {
      const ids = new Set<string>();
      for (const field of fields)
        for (const dependentId of await referencing(tx, kind, id, dependent, field))
          ids.add(dependentId);
      if (ids.size === 0) continue;
      await remove(tx, dependent, [...ids]);
      log.add(dependent, "delete", ids);
    }
  }
  await remove(tx, kind, [id]);
  // A person's pooling override is no record (no cascading ref): it goes with the person here.
  if (kind === "person") await dropContactSharing(tx, owner, [id]);
}
