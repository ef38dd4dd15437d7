/**
 * What one write transaction changed, one entry per kind and op in the order
 * first touched, written as change rows at commit (`recordChanges`).
 */
import type { RecordKind } from "../../model/kinds.js";

type Touched = { kind: RecordKind; op: "upsert" | "delete"; ids: string[] };

export class ChangeLog {
  readonly touched = new Map<string, Touched>();
  /** The keys of referenced ids, null for a missing one (`refKey` in sqlite-ref-keys.ts). */
  readonly knownPeople = new Map<string, number | null>();
  readonly knownOrganizations = new Map<string, number | null>();

  add(kind: RecordKind, op: "upsert" | "delete", ids: readonly string[]): void {
    if (ids.length === 0) return;
    const entry = this.entry(kind, op);
    for (const id of ids) entry.push(id);
  }

  /** One id: the per-row call of bulk writes, without an array per row. */
  addOne(kind: RecordKind, op: "upsert" | "delete", id: string): void {
    this.entry(kind, op).push(id);
  }

  private entry(kind: RecordKind, op: "upsert" | "delete"): string[] {
    const key = `${kind}:${op}`;
    let entry = this.touched.get(key);
    if (entry === undefined) {
      entry = { kind, op, ids: [] };
      this.touched.set(key, entry);
    }
    return entry.ids;
  }
}
