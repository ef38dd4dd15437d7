/**
 * Records by id and grouped by one of their fields (interactions by person,
 * employments by organization), so that a sync or a query reads one group
 * instead of scanning every record the owner has.
 */
export class GroupedRecords<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private readonly groups = new Map<string, Map<string, T>>();

  constructor(private readonly groupOf: (record: T) => string) {}

  /** Stores a record, or with null forgets it; returns the groups it left and joined. */
  set(id: string, record: T | null): string[] {
    const touched: string[] = [];
    const old = this.byId.get(id);
    if (old) {
      const key = this.groupOf(old);
      const group = this.groups.get(key)!;
      group.delete(id);
      if (group.size === 0) this.groups.delete(key);
      this.byId.delete(id);
      touched.push(key);
    }
    if (record) {
      const key = this.groupOf(record);
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = new Map()));
      group.set(id, record);
      this.byId.set(id, record);
      touched.push(key);
    }
    return touched;
  }

  /** Every record, in no particular order. */
  all(): T[] {
    return [...this.byId.values()];
  }

  group(key: string): T[] {
    return [...(this.groups.get(key)?.values() ?? [])];
  }
}
