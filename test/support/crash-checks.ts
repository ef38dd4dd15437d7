/**
 * What the kill -9 tests check in a SQLite file after a kill, read with
 * better-sqlite3 directly (never through the store under test): the file is
 * sound, every acknowledged write is there with its content, nothing is
 * half-written. Each check returns the problems it found, as sentences.
 */
import Database from "better-sqlite3";
import { CRASH_BATCH_SIZE, type CrashAck } from "./crash-acks.js";

type Db = Database.Database;

/**
 * Opens the file read-only (the killed writer's WAL is read, never checkpointed or removed, so the
 * next writer opens the file as the crash left it), runs `check`, closes it. When the crash left a
 * WAL index that must be rebuilt first, a read-only connection may not do it (SQLITE_READONLY_*):
 * then the file is opened for writing, which recovers the WAL exactly as the next writer would.
 */
export function withFile<T>(path: string, check: (db: Db) => T): T {
  try {
    return checkOnce(path, true, check);
  } catch (error) {
    if (!String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_READONLY"))
      throw error;
    return checkOnce(path, false, check);
  }
}

function checkOnce<T>(path: string, readonly: boolean, check: (db: Db) => T): T {
  const db = new Database(path, { readonly, fileMustExist: true });
  try {
    return check(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` is ok and `PRAGMA foreign_key_check` finds no dangling reference. */
export function fileProblems(db: Db): string[] {
  const problems: string[] = [];
  const integrity = db.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") problems.push(`integrity_check says ${JSON.stringify(integrity)}`);
  const dangling = db.pragma("foreign_key_check") as unknown[];
  if (dangling.length > 0)
    problems.push(
      `foreign_key_check finds ${dangling.length} dangling references, first ${JSON.stringify(dangling[0])}`,
    );
  return problems;
}

const hasSchema = (db: Db) =>
  db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'change'")
    .pluck()
    .get() === 1;

/** Every acknowledged write of the writer child is stored with the content it acknowledged. */
export function missingAcks(db: Db, acks: readonly CrashAck[]): string[] {
  const wrote = acks.some((a) => a.kind !== "loaded" && a.kind !== "ready");
  if (!hasSchema(db)) return wrote ? ["writes were acknowledged but the file has no tables"] : [];
  const person = db.prepare("SELECT name FROM person WHERE id = ?").pluck();
  const batch = db.prepare("SELECT id, name FROM person WHERE notes = ? ORDER BY id");
  const tie = db.prepare(
    "SELECT person_a AS a, person_b AS b, strength, context, notes FROM tie WHERE id = ?",
  );
  const interaction = db.prepare(
    "SELECT person_id AS personId, summary FROM interaction WHERE id = ?",
  );
  const favor = db.prepare("SELECT person_id AS personId, summary FROM favor WHERE id = ?");
  const problems: string[] = [];
  for (const ack of acks) {
    const missing = (found: unknown) =>
      problems.push(`acknowledged ${JSON.stringify(ack)} but found ${JSON.stringify(found)}`);
    switch (ack.kind) {
      case "loaded":
      case "ready":
        break;
      case "person": {
        const name = person.get(ack.id);
        if (name !== ack.name) missing(name);
        break;
      }
      case "batch": {
        const rows = batch.all(ack.batch) as { id: string; name: string }[];
        const want = ack.ids
          .map((id, i) => ({ id, name: ack.names[i] }))
          .sort((x, y) => (x.id < y.id ? -1 : 1));
        if (JSON.stringify(rows) !== JSON.stringify(want)) missing(rows);
        break;
      }
      case "tie": {
        const row = tie.get(ack.id) as
          { a: string; b: string; strength: number; context: string; notes: string } | undefined;
        const ends = row ? [row.a, row.b].sort().join() : null;
        if (
          !row ||
          ends !== [...ack.ends].sort().join() ||
          row.strength !== ack.strength ||
          row.context !== ack.context ||
          row.notes !== ack.notes
        )
          missing(row);
        break;
      }
      case "interaction":
      case "favor": {
        const row = (ack.kind === "favor" ? favor : interaction).get(ack.id) as
          { personId: string; summary: string } | undefined;
        if (row?.personId !== ack.personId || row.summary !== ack.summary) missing(row);
        break;
      }
      default: {
        const never: never = ack;
        throw new Error(`unknown acknowledgement ${JSON.stringify(never)}`);
      }
    }
  }
  return problems;
}

const RECORD_TABLES = ["person", "tie", "interaction", "favor"] as const;

/**
 * Nothing half-written, acknowledged or not: every bulkUpsert batch is whole or
 * absent, every keyed person has its identity rows, every tie the writer made
 * carries its strength and context, and every record arrived with its change
 * entry under one owner version, versions without a gap.
 */
export function halfWritten(db: Db, ownerId: string): string[] {
  if (!hasSchema(db)) return [];
  const problems: string[] = [];
  const partial = db
    .prepare(
      "SELECT notes, count(*) AS n FROM person WHERE owner = ? AND notes LIKE 'batch:%' GROUP BY notes HAVING n <> ?",
    )
    .all(ownerId, CRASH_BATCH_SIZE);
  if (partial.length > 0) problems.push(`batches stored in part: ${JSON.stringify(partial)}`);
  const unkeyed = db
    .prepare(
      `SELECT count(*) FROM person p WHERE p.owner = ? AND (p.profile_url IS NOT NULL OR p.emails <> '[]')
       AND NOT EXISTS (SELECT 1 FROM person_identity i WHERE i.owner = p.owner AND i.person_id = p.id)`,
    )
    .pluck()
    .get(ownerId) as number;
  if (unkeyed > 0)
    problems.push(`${unkeyed} people with a profile URL or e-mail have no identity row`);
  const bareTies = db
    .prepare(
      "SELECT count(*) FROM tie WHERE owner = ? AND notes LIKE 'tie:%' AND (strength IS NULL OR context IS NULL)",
    )
    .pluck()
    .get(ownerId) as number;
  if (bareTies > 0) problems.push(`${bareTies} ties lost their strength or context`);
  const owner = db.prepare("SELECT version FROM owner WHERE id = ?").pluck().get(ownerId) as
    number | undefined;
  const versions = db
    .prepare("SELECT count(DISTINCT version) AS n, max(version) AS max FROM change WHERE owner = ?")
    .get(ownerId) as { n: number; max: number | null };
  if ((owner ?? 0) !== (versions.max ?? 0) || versions.n !== (versions.max ?? 0)) {
    problems.push(
      `owner version ${owner} but the change feed holds ${versions.n} versions up to ${versions.max}`,
    );
  }
  for (const table of RECORD_TABLES) {
    const unlogged = db
      .prepare(
        `SELECT count(*) FROM ${table} WHERE owner = ? AND id NOT IN (SELECT j.value FROM change c, json_each(c.ids) j WHERE c.owner = ?)`,
      )
      .pluck()
      .get(ownerId, ownerId) as number;
    if (unlogged > 0) problems.push(`${unlogged} ${table} rows have no change entry`);
  }
  return problems;
}

/** Per LinkedIn import: profile URLs held by more than one person, and people whose tie to the owner or job is doubled. */
export function duplicates(db: Db, ownerId: string): string[] {
  if (!hasSchema(db)) return [];
  const problems: string[] = [];
  const urls = db
    .prepare(
      "SELECT profile_url AS url, count(*) AS n FROM person WHERE owner = ? AND profile_url IS NOT NULL GROUP BY profile_url HAVING n > 1",
    )
    .all(ownerId);
  if (urls.length > 0)
    problems.push(
      `${urls.length} profile URLs belong to several people, first ${JSON.stringify(urls[0])}`,
    );
  const jobs = db
    .prepare(
      "SELECT person_id, organization_id, count(*) AS n FROM employment WHERE owner = ? GROUP BY 1, 2 HAVING n > 1",
    )
    .all(ownerId);
  if (jobs.length > 0) problems.push(`${jobs.length} people hold the same job twice`);
  const orgs = db
    .prepare(
      "SELECT lower(name) AS name, count(*) AS n FROM organization WHERE owner = ? GROUP BY 1 HAVING n > 1",
    )
    .all(ownerId);
  if (orgs.length > 0)
    problems.push(
      `${orgs.length} organizations are stored twice, first ${JSON.stringify(orgs[0])}`,
    );
  return problems;
}

/** How far an import got, by people with the URL prefix: how many, named as their row, with exactly one tie to the owner and one job. */
export interface ImportProgress {
  people: number;
  named: number;
  tied: number;
  employed: number;
  organizations: number;
}

/** Reads an import's progress; row i of the file is `First<i> Last<i>` at `<urlPrefix><i>`. */
export function importProgress(db: Db, ownerId: string, urlPrefix: string): ImportProgress {
  if (
    !hasSchema(db) ||
    db.prepare("SELECT count(*) FROM owner WHERE id = ?").pluck().get(ownerId) === 0
  )
    return { people: 0, named: 0, tied: 0, employed: 0, organizations: 0 };
  const selfId = db.prepare("SELECT self_id FROM owner WHERE id = ?").pluck().get(ownerId);
  return db
    .prepare(
      `SELECT count(*) AS people,
         coalesce(sum(p.name = 'First' || substr(p.profile_url, @start) || ' Last' || substr(p.profile_url, @start)), 0) AS named,
         coalesce(sum((SELECT count(*) FROM tie t WHERE t.owner = p.owner AND ((t.person_a = @self AND t.person_b = p.id) OR (t.person_b = @self AND t.person_a = p.id))) = 1), 0) AS tied,
         coalesce(sum((SELECT count(*) FROM employment e WHERE e.owner = p.owner AND e.person_id = p.id) = 1), 0) AS employed,
         (SELECT count(*) FROM organization o WHERE o.owner = @owner) AS organizations
       FROM person p WHERE p.owner = @owner AND p.profile_url LIKE @prefix`,
    )
    .get({
      owner: ownerId,
      self: selfId,
      prefix: `${urlPrefix}%`,
      start: urlPrefix.length + 1,
    }) as ImportProgress;
}
