/**
 * Ensuring an owner in SQLite: the owner row and its self person, created once.
 * Shared by `ensureOwner` and `createUser` (a new user's network), and run
 * inside the caller's IMMEDIATE transaction, so a concurrent first call waits
 * for this one and then finds the owner it created.
 */
import type { Person } from "../../model/person.js";
import { ChangeLog } from "./sqlite-change-log.js";
import { mustGet, ownerRow } from "./sqlite-reads.js";
import type { Sql } from "./sqlite-run.js";
import { checkIdentityFree } from "./sqlite-write-checks.js";
import { insertOwner, insertRecord, recordChanges } from "./sqlite-writes.js";

/** The owner's self person: `incoming` when the owner is new, the stored one otherwise. */
export function ensureOwnerIn(sql: Sql, ownerId: string, incoming: Person): Person {
  const owner = ownerRow(sql, ownerId);
  if (owner?.self_id) return mustGet(sql, ownerId, "person", owner.self_id);
  insertOwner(sql, ownerId, incoming.id);
  const log = new ChangeLog();
  checkIdentityFree(sql, ownerId, "person", incoming, null);
  insertRecord(sql, "person", incoming, log);
  log.add("person", "upsert", [incoming.id]);
  recordChanges(sql, ownerId, log);
  return incoming;
}
