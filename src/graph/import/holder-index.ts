/**
 * Keys that several people may hold at once (a name with an employer: namesakes
 * at one company), answered by one holder chosen the same way whatever the
 * batches were: the person planned last, else the stored person with the
 * greatest id. Removing a holder (a merge renamed them) hands the key to the next.
 */
export class HolderIndex {
  /** One id for the many keys held once; the holders in answer order (the last answers) otherwise. */
  private readonly holders = new Map<string, string | string[]>();

  constructor(private readonly planned: (id: string) => boolean) {}

  get(key: string): string | undefined {
    const held = this.holders.get(key);
    return typeof held === "string" ? held : held?.at(-1);
  }

  add(key: string, id: string): void {
    const held = this.holders.get(key);
    if (held === undefined) {
      this.holders.set(key, id);
      return;
    }
    const list = typeof held === "string" ? [held] : held;
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    if (this.planned(id)) list.push(id);
    else {
      // Stored people come before planned ones, in id order.
      let i = 0;
      while (i < list.length && !this.planned(list[i]!) && list[i]! < id) i++;
      list.splice(i, 0, id);
    }
    this.holders.set(key, list.length === 1 ? list[0]! : list);
  }

  remove(key: string, id: string): void {
    const held = this.holders.get(key);
    if (held === id) this.holders.delete(key);
    else if (Array.isArray(held)) {
      const at = held.indexOf(id);
      if (at >= 0) held.splice(at, 1);
      if (held.length === 1) this.holders.set(key, held[0]!);
    }
  }
}
