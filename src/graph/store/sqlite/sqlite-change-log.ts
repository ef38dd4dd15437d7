/**
 * What one write transaction changed, one entry per kind and op in the order
 * first touched, written as change rows at commit (`recordChanges`).
 */
import type { RecordKind } from "../../model/kinds.js";

type Touched = { kind: RecordKind; op: "upsert" | "delete"; ids: string[] };

export class ChangeLog {
  readonly touched = new Map<string, Touched>();
  /** Which referenced ids exist, per transaction: a bulk import names the same people often. */
  readonly knownPeople = new Map<string, boolean>();
  readonly knownOrganizations = new Map<string, boolean>();

  add(kind: RecordKind, op: "upsert" | "delete", ids: readonly string[]): void {
    if (ids.length === 0) return;
    const key = `${kind}:${op}`;
    const entry = this.touched.get(key) ?? { kind, op, ids: [] };
    entry.ids.push(...ids);
    this.touched.set(key, entry);
  }
}
