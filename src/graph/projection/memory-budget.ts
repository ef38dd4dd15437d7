/**
 * The warm graphs a process keeps for one store (owners' projections, teams' pools) under one
 * byte budget, least recently used evicted first (LRU: a Map's insertion order is the use order,
 * re-inserted on each use). An entry in use (pinned) is never evicted, nor the one just used and
 * what it depends on, so a budget smaller than one graph still serves it: the bound is the budget
 * or the largest graph in use, whichever is more. Evicting an entry evicts its dependents too (a
 * pool holds its members' projections: dropping only the projection would free nothing).
 */
import { badInput } from "../../errors.js";

interface Entry {
  bytes: number;
  evict: () => void;
  dependsOn: readonly string[];
}

export class MemoryBudget {
  /** Oldest use first. */
  private readonly entries = new Map<string, Entry>();
  private readonly pins = new Map<string, number>();
  private total = 0;

  constructor(private limit: number) {
    checkBudget(limit);
  }

  /** The bytes the budget allows. */
  get budgetBytes(): number {
    return this.limit;
  }

  /** The estimated bytes of what is kept now. */
  get usedBytes(): number {
    return this.total;
  }

  /** Changes the budget and evicts what no longer fits. */
  resize(budgetBytes: number): void {
    checkBudget(budgetBytes);
    this.limit = budgetBytes;
    this.shrink(new Set());
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The keys kept, coldest first. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Records a use of `key` (now its size is `bytes`; `evict` forgets it), then evicts the coldest
   * entries until the total fits, sparing `key`, what it depends on and what is pinned.
   */
  touch(key: string, bytes: number, evict: () => void, dependsOn: readonly string[] = []): void {
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { bytes, evict, dependsOn });
    this.total += bytes;
    this.shrink(new Set([key, ...dependsOn]));
  }

  /** Forgets `key` without evicting it (its owner already dropped it). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  /** Keeps `key` from eviction until the returned function is called (once per pin). */
  pin(key: string): () => void {
    this.pins.set(key, (this.pins.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.pins.get(key)! - 1;
      if (left === 0) this.pins.delete(key);
      else this.pins.set(key, left);
    };
  }

  private shrink(spared: ReadonlySet<string>): void {
    for (const [key] of this.entries) {
      if (this.total <= this.limit) return;
      if (spared.has(key) || this.pins.has(key)) continue;
      this.evict(key, spared);
    }
  }

  private evict(key: string, spared: ReadonlySet<string>): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.delete(key);
    entry.evict();
    // Whatever holds the evicted graph goes too, unless it is the one being served now.
    for (const [other, e] of [...this.entries])
      if (e.dependsOn.includes(key) && !spared.has(other) && !this.pins.has(other))
        this.evict(other, spared);
  }
}

function checkBudget(bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    throw badInput("budgetBytes", "must be a whole number of bytes, 0 or more");
}
