/**
 * One import batch (see import-batch.ts), read and written inside one write
 * transaction: `importView` is what the planner matches against, `writeImport`
 * writes what it decided, so a batch run twice never doubles anything.
 */
import type { Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import {
  withStoredIds,
  type ImportScope,
  type ImportView,
  type ImportWrites,
} from "../import-batch.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import { ownerRow } from "./sqlite-reads.js";
import { select, type Sql } from "./sqlite-run.js";
import { refMatches } from "./sqlite-tables.js";
import { upsertOne } from "./sqlite-upsert.js";
import { checkIdentityFree, checkRefs } from "./sqlite-write-checks.js";
import { insertRecord, updateRecord } from "./sqlite-writes.js";

/**
 * What an import batch matches against (see import-batch.ts): people by identity
 * key and by name key, their current jobs and employers, the owner's ties to
 * them and their open follow-ups. Every look-up starts from an index.
 */
export function importView(sql: Sql, owner: string, scope: ImportScope): ImportView {
  const json = (values: readonly string[]) => JSON.stringify(values);
  const inList = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;
  const tieFrom = (self: string, other: string) =>
    `${refMatches("t", self, "=", "?")} AND ${refMatches("t", other, "IN", "(SELECT value FROM json_each(?))")}`;
  const people = new Map<string, Person>();
  const byKeys = select(
    sql,
    "person",
    `t.id IN (SELECT person_id FROM person_identity WHERE owner = ? AND ${inList("key")})`,
    [owner, owner, json(scope.identityKeys)],
  );
  const byNames = select(sql, "person", inList("t.sort_key"), [owner, json(scope.nameKeys)]);
  for (const p of [...byKeys, ...byNames]) people.set(p.id, p);
  const ids = json([...people.keys()]);
  const selfId = String(ownerRow(sql, owner)?.self_id);
  const employments = select(sql, "employment", `${inList("t.person_id")} AND t."to" IS NULL`, [
    owner,
    ids,
  ]);
  const organizations = new Map<string, Records["organization"]>();
  const employerIds = json([...new Set(employments.map((e) => e.organizationId))]);
  const named = select(sql, "organization", inList("t.identity_key"), [
    owner,
    json(scope.organizationKeys),
  ]);
  const employers = select(sql, "organization", inList("t.id"), [owner, employerIds]);
  for (const o of [...named, ...employers]) organizations.set(o.id, o);
  const ties = [
    ...select(sql, "tie", tieFrom("personA", "personB"), [owner, selfId, ids]),
    ...select(sql, "tie", tieFrom("personB", "personA"), [owner, selfId, ids]),
  ];
  const followUps = select(sql, "followUp", `${inList("t.person_id")} AND t.status = 'open'`, [
    owner,
    ids,
  ]);
  const sourceKeys = scope.sourceKeys ?? [];
  const storedSourceKeys =
    sourceKeys.length === 0
      ? []
      : (sql(`SELECT source_key FROM interaction WHERE owner = ? AND ${inList("source_key")}`)
          .pluck()
          .all(owner, json(sourceKeys)) as string[]);
  return {
    selfId,
    people: [...people.values()],
    organizations: [...organizations.values()],
    employments,
    ties,
    followUps,
    storedSourceKeys,
  };
}

/** Writes its people as planned and upserts the rest, so nothing already stored is doubled. */
export function writeImport(sql: Sql, owner: string, writes: ImportWrites, log: ChangeLog): void {
  for (const person of writes.newPeople) {
    checkIdentityFree(sql, owner, "person", person, null);
    insertRecord(sql, "person", person, log);
  }
  for (const { after } of writes.changedPeople) {
    checkIdentityFree(sql, owner, "person", after, after.id);
    updateRecord(sql, "person", after);
  }
  log.add("person", "upsert", [
    ...writes.newPeople.map((p) => p.id),
    ...writes.changedPeople.map((c) => c.after.id),
  ]);
  // Organizations first: a new job points at the stored organization its own one merged into.
  const stored = new Map<string, string>();
  for (const org of writes.organizations) {
    const { record } = upsertOne(sql, owner, "organization", org, org, log);
    if (record.id !== org.id) stored.set(org.id, record.id);
  }
  for (const job of withStoredIds(writes.newEmployments, ["organizationId"], stored)) {
    upsertOne(sql, owner, "employment", job, job, log);
  }
  for (const job of writes.changedEmployments) updateRecord(sql, "employment", job);
  log.add(
    "employment",
    "upsert",
    writes.changedEmployments.map((j) => j.id),
  );
  for (const tie of writes.ties) upsertOne(sql, owner, "tie", tie, tie, log);
  for (const followUp of writes.followUps) {
    checkRefs(sql, owner, "followUp", followUp, followUp, log);
    insertRecord(sql, "followUp", followUp, log);
  }
  log.add(
    "followUp",
    "upsert",
    writes.followUps.map((f) => f.id),
  );
  const interactions = writes.interactions ?? [];
  for (const interaction of interactions) {
    checkRefs(sql, owner, "interaction", interaction, interaction, log);
    insertRecord(sql, "interaction", interaction, log);
  }
  log.add(
    "interaction",
    "upsert",
    interactions.map((i) => i.id),
  );
}
