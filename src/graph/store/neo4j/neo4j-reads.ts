/** Read statements, each run inside a caller's transaction, returning plain records. */
import { int } from "neo4j-driver";
import { notFound } from "../../../errors.js";
import { SPECS, type Filters, type RecordKind, type Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import type { ChangeEntry } from "../change-set.js";
import { readPageArgs, toConnection, type Connection, type PageArgs } from "../page.js";
import { identityKeys, positionOf } from "../record-ops.js";
import { whereOf } from "./neo4j-filters.js";
import { LAYOUT, patternOf, REF_LABELS } from "./neo4j-layout.js";
import { fromProps, type Props } from "./neo4j-records.js";
import { rows, type Tx } from "./neo4j-run.js";

export interface OwnerState {
  selfId: string;
  version: number;
}

/**
 * The planner hint that makes a look-up of `n` by `props` seek their index
 * (node or relationship): schema names every index these props need.
 */
export function seekOn(kind: RecordKind, props: string): string {
  const layout = LAYOUT[kind];
  return `USING INDEX n:${layout.form === "node" ? layout.label : layout.type}(${props})`;
}

/** The owner's self id and version, or null for an unknown owner. */
export async function ownerState(tx: Tx, owner: string): Promise<OwnerState | null> {
  const [row] = await rows(
    tx,
    "MATCH (o:Owner {id: $owner}) RETURN o.selfId AS selfId, o.version AS version",
    { owner },
  );
  return row ? { selfId: String(row.selfId), version: Number(row.version) } : null;
}

/** The owner's self id and version; NOT_FOUND for an unknown owner. */
export async function requireOwner(tx: Tx, owner: string): Promise<OwnerState> {
  const state = await ownerState(tx, owner);
  if (!state) throw notFound("owner", owner);
  return state;
}

/** One record; NOT_FOUND when the owner has no such record. */
export async function mustGet<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  id: string,
): Promise<Records[K]> {
  const record = (await recordsByIds(tx, owner, kind, [id])).get(id);
  if (!record) throw notFound(kind, id);
  return record;
}

/** The owner's records of a kind with these ids, by id. */
export async function recordsByIds<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  ids: readonly string[],
): Promise<Map<string, Records[K]>> {
  const found = await rows(
    tx,
    `UNWIND $ids AS id MATCH ${patternOf(kind)} ${seekOn(kind, "id")} WHERE n.id = id AND n.owner = $owner RETURN properties(n) AS p`,
    { owner, ids: [...new Set(ids)] },
  );
  return new Map(
    found.map((row) => {
      const record = fromProps(kind, row.p as Props);
      return [record.id, record];
    }),
  );
}

/** Which of these ids name records of `refKind` of this owner. */
export async function existingIds(
  tx: Tx,
  owner: string,
  refKind: "person" | "organization",
  ids: readonly string[],
): Promise<Set<string>> {
  const found = await rows(
    tx,
    `UNWIND $ids AS id MATCH (x:${REF_LABELS[refKind]} {id: id}) USING INDEX x:${REF_LABELS[refKind]}(id) WHERE x.owner = $owner RETURN x.id AS id`,
    {
      owner,
      ids,
    },
  );
  return new Set(found.map((row) => String(row.id)));
}

/** People holding any of these identity keys, by key. */
export async function peopleByKeys(
  tx: Tx,
  owner: string,
  keys: readonly string[],
): Promise<Map<string, Person>> {
  const found = await rows(
    tx,
    `UNWIND $keys AS key MATCH (i:Identity {owner: $owner, key: key})-[:IDENTIFIES]->(n:Person) USING INDEX i:Identity(owner, key) RETURN key, properties(n) AS p`,
    { owner, keys },
  );
  return new Map(found.map((row) => [String(row.key), fromProps("person", row.p as Props)]));
}

/**
 * Stored records of a single-identity kind with the same identity as these, by
 * identity key: one seek per probe in the (owner, identityKey) uniqueness index,
 * forced by a hint, since a plan cached while the store was empty scans instead
 * and a scan per row makes bulk loads quadratic.
 */
export async function recordsByIdentity<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  records: readonly Records[K][],
): Promise<Map<string, Records[K]>> {
  const keys = [...new Set(records.map((record) => identityKeys(kind, record)[0]))];
  const found = await rows(
    tx,
    `UNWIND $keys AS key MATCH ${patternOf(kind)} ${seekOn(kind, "owner, identityKey")}
     WHERE n.owner = $owner AND n.identityKey = key RETURN key, properties(n) AS props`,
    { owner, keys },
  );
  return new Map(found.map((row) => [String(row.key), fromProps(kind, row.props as Props)]));
}

/** People whose name key (their sort key) is one of these, in list order. */
export async function peopleByNameKeys(
  tx: Tx,
  owner: string,
  nameKeys: readonly string[],
): Promise<Person[]> {
  const found = await rows(
    tx,
    `UNWIND $keys AS key MATCH (n:Person {owner: $owner, sortKey: key}) USING INDEX n:Person(owner, sortKey)
     RETURN properties(n) AS p ORDER BY n.sortKey, n.id`,
    { owner, keys: nameKeys },
  );
  return found.map((row) => fromProps("person", row.p as Props));
}

/**
 * The statement `recordsByRefs` runs for one reference field (`$ids`, `$owner`).
 * Each id is one index seek, forced by a hint so that no plan (one cached while
 * the store was empty, say) scans the label: a relationship record starts from
 * the referenced node (its unique id) and expands its relationships, a node
 * record seeks the index on its reference field.
 */
export function refsCypher(kind: RecordKind, field: string): string {
  const layout = LAYOUT[kind];
  let match: string;
  if (layout.form === "rel") {
    const atStart = field === layout.from.field;
    const label = atStart ? layout.from.label : layout.to.label;
    match = atStart
      ? `(x:${label} {id: id})-[n:${layout.type}]->() USING INDEX x:${label}(id)`
      : `()-[n:${layout.type}]->(x:${label} {id: id}) USING INDEX x:${label}(id)`;
  } else {
    match = `(n:${layout.label} {\`${field}\`: id}) USING INDEX n:${layout.label}(\`${field}\`)`;
  }
  return `UNWIND $ids AS id MATCH ${match} WHERE n.owner = $owner RETURN properties(n) AS p`;
}

/** Records of `kind` referencing any of `ids` through `fields`, in list order (see `refsCypher`). */
export async function recordsByRefs<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  fields: readonly string[],
  ids: readonly string[],
): Promise<Records[K][]> {
  const found = new Map<string, Records[K]>();
  const unique = [...new Set(ids)];
  for (const field of fields) {
    const result = await rows(tx, refsCypher(kind, field), { owner, ids: unique });
    for (const row of result) {
      const record = fromProps(kind, row.p as Props);
      found.set(record.id, record);
    }
  }
  const sign = SPECS[kind].order === "asc" ? 1 : -1;
  return [...found.values()].sort((a, b) => {
    const x = positionOf(kind, a);
    const y = positionOf(kind, b);
    return sign * (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
}

/** One page of a kind's records in (sortKey, id) order, with the count of all that match the filter. */
export async function listRecords<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  filter: Filters[K] | undefined,
  page: PageArgs | undefined,
): Promise<Connection<Records[K]>> {
  const { first, after } = readPageArgs(page);
  const where = whereOf(kind, filter);
  const desc = SPECS[kind].order === "desc";
  const conditions = [
    "n.owner = $owner",
    "n.sortKey IS NOT NULL",
    ...(where.cypher ? [where.cypher] : []),
  ];
  const match = `MATCH ${patternOf(kind)} WHERE ${conditions.join(" AND ")}`;
  const params = { ...where.params, owner };
  const [count] = await rows(tx, `${match} RETURN count(n) AS total`, params);
  const total = Number(count?.total ?? 0);
  if (first === 0 || total === 0)
    return toConnection([], first, total, (r: Records[K]) => positionOf(kind, r));
  const cmp = desc ? "<" : ">";
  const cursor = after
    ? ` AND (n.sortKey ${cmp} $afterKey OR (n.sortKey = $afterKey AND n.id ${cmp} $afterId))`
    : "";
  const dir = desc ? " DESC" : "";
  const found = await rows(
    tx,
    `${match}${cursor} RETURN properties(n) AS p ORDER BY n.sortKey${dir}, n.id${dir} LIMIT $limit`,
    { ...params, afterKey: after?.key ?? null, afterId: after?.id ?? null, limit: int(first + 1) },
  );
  const records = found.map((row) => fromProps(kind, row.p as Props));
  return toConnection(records, first, total, (r) => positionOf(kind, r));
}

/** The owner's change entries after `version`, oldest first. */
export async function changesAfter(tx: Tx, owner: string, version: number): Promise<ChangeEntry[]> {
  const found = await rows(
    tx,
    `MATCH (c:Change {owner: $owner}) WHERE c.version > $version
     RETURN c.version AS version, c.kind AS kind, c.op AS op, c.ids AS ids ORDER BY c.version, c.seq`,
    { owner, version: int(version) },
  );
  return found.map(
    (r) => ({ version: Number(r.version), kind: r.kind, op: r.op, ids: r.ids }) as ChangeEntry,
  );
}
