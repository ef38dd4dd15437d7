/** Collects what one write transaction changed, one entry per kind and op, in the order first touched. */
import type { RecordKind } from "../../model/kinds.js";
import type { ChangeEntry } from "../change-set.js";

export class ChangeLog {
  private readonly entries = new Map<string, Omit<ChangeEntry, "version">>();

  add(kind: RecordKind, op: ChangeEntry["op"], ids: Iterable<string>): void {
    const key = `${kind}|${op}`;
    let entry = this.entries.get(key);
    for (const id of ids) {
      if (!entry) {
        entry = { kind, op, ids: [] };
        this.entries.set(key, entry);
      }
      entry.ids.push(id);
    }
  }

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  list(): Omit<ChangeEntry, "version">[] {
    return [...this.entries.values()];
  }
}
