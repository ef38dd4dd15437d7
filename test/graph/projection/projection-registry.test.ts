/** The per-owner projection registry and its LRU memory budget (issue 16, item 9). */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";
import type { NetworkStore } from "../../../src/graph/index.js";
import { findIntroPaths } from "../../../src/graph/paths/find-paths.js";
import { introPaths } from "../../../src/graph/paths/intro-paths.js";
import { MemoryBudget } from "../../../src/graph/projection/memory-budget.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { projectionBytes } from "../../../src/graph/projection/projection-bytes.js";
import {
  memoryBudgetOf,
  projectionFor,
  setProjectionBudget,
} from "../../../src/graph/projection/projection-registry.js";
import { SqliteStore } from "../../../src/sqlite.js";

/** An owner with a chain self - p0 - p1 - ... of `size` people. */
async function chainOwner(store: NetworkStore, size: number) {
  const ownerId = `owner-${randomUUID()}`;
  const self = await store.ensureOwner(ownerId, { name: "Self" });
  const { ids } = await store.bulkUpsert(
    ownerId,
    "person",
    Array.from({ length: size }, (_, i) => ({ name: `P${i}` })),
  );
  const chain = [self.id, ...ids];
  await store.bulkUpsert(
    ownerId,
    "tie",
    chain.slice(1).map((id, i) => ({ personA: chain[i]!, personB: id, strength: 0.8 })),
  );
  return { ownerId, self: self.id, people: ids };
}

async function memoryStore(): Promise<SqliteStore> {
  const store = new SqliteStore({ path: ":memory:" });
  await store.init();
  return store;
}

/** A store whose loadNetwork calls are counted, and held for owners in `held` until released. */
function gatedStore(store: NetworkStore) {
  const loads = new Map<string, number>();
  const held = new Map<string, Promise<void>>();
  const gated = new Proxy(store, {
    get(target, name, receiver) {
      if (name === "loadNetwork")
        return async (ownerId: string) => {
          loads.set(ownerId, (loads.get(ownerId) ?? 0) + 1);
          await held.get(ownerId);
          return target.loadNetwork(ownerId);
        };
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const hold = (ownerId: string) => {
    let release!: () => void;
    held.set(ownerId, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      held.delete(ownerId);
      release();
    };
  };
  return { store: gated, loads: (ownerId: string) => loads.get(ownerId) ?? 0, hold };
}

describe("setProjectionBudget", () => {
  it("refuses a budget that is not a whole number of bytes, 0 or more", async () => {
    const store = await memoryStore();
    expect(() => setProjectionBudget(store, -1)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "budgetBytes" }),
    );
    expect(() => setProjectionBudget(store, 1.5)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });
});

describe("projectionFor under a memory budget", () => {
  it("keeps every projection while they fit the budget", async () => {
    const store = await memoryStore();
    const [a, b] = [await chainOwner(store, 5), await chainOwner(store, 5)];
    const first = [await projectionFor(store, a.ownerId), await projectionFor(store, b.ownerId)];
    expect(await projectionFor(store, a.ownerId)).toBe(first[0]);
    expect(await projectionFor(store, b.ownerId)).toBe(first[1]);
    expect(memoryBudgetOf(store).usedBytes).toBe(first.reduce((n, p) => n + projectionBytes(p), 0));
  });

  it("evicts the least recently used owner when the budget is passed", async () => {
    const store = await memoryStore();
    const [a, b, c] = [
      await chainOwner(store, 5),
      await chainOwner(store, 5),
      await chainOwner(store, 5),
    ];
    const pa = await projectionFor(store, a.ownerId);
    const pb = await projectionFor(store, b.ownerId);
    // Room for two projections of this size, not three.
    setProjectionBudget(store, projectionBytes(pa) + projectionBytes(pb));
    expect(await projectionFor(store, a.ownerId)).toBe(pa); // a is now the most recent
    const pc = await projectionFor(store, c.ownerId); // passes the budget: b is the coldest
    expect(memoryBudgetOf(store).keys()).toEqual([
      `projection:${a.ownerId}`,
      `projection:${c.ownerId}`,
    ]);
    expect(await projectionFor(store, a.ownerId)).toBe(pa);
    expect(await projectionFor(store, c.ownerId)).toBe(pc);
    const again = await projectionFor(store, b.ownerId);
    expect(again).not.toBe(pb);
    expect(again.people.size).toBe(pb.people.size);
  });

  it("answers right after eviction, with the writes made while the owner was evicted", async () => {
    const store = await memoryStore();
    const [a, b] = [await chainOwner(store, 6), await chainOwner(store, 6)];
    const target = a.people[5]!;
    expect((await findIntroPaths(store, a.ownerId, { personId: target })).paths).toEqual([]); // 6 hops > 4
    setProjectionBudget(store, 0);
    await projectionFor(store, b.ownerId); // evicts a
    expect(memoryBudgetOf(store).keys()).toEqual([`projection:${b.ownerId}`]);
    // A shortcut from self to p3 while a is evicted: the reloaded projection must see it.
    await store.create(a.ownerId, "tie", { personA: a.self, personB: a.people[3]!, strength: 0.9 });
    const answer = await findIntroPaths(store, a.ownerId, { personId: target });
    const fresh = await introPaths(await NetworkProjection.load(store, a.ownerId), {
      personId: target,
    });
    expect(answer.paths.map((p) => p.people)).toEqual(fresh.paths.map((p) => p.people));
    expect(answer.paths[0]?.people).toEqual([a.self, a.people[3], a.people[4], target]);
  });

  it("keeps the projection last used even when it alone passes the budget", async () => {
    const store = await memoryStore();
    const a = await chainOwner(store, 5);
    setProjectionBudget(store, 1);
    const pa = await projectionFor(store, a.ownerId);
    expect(await projectionFor(store, a.ownerId)).toBe(pa);
  });

  it("never evicts a load in flight under its callers: they share the one load", async () => {
    const base = await memoryStore();
    const { store, loads, hold } = gatedStore(base);
    const [a, b] = [await chainOwner(base, 5), await chainOwner(base, 5)];
    setProjectionBudget(store, 0);
    const release = hold(a.ownerId);
    const first = projectionFor(store, a.ownerId);
    // b loads and passes the budget while a is still loading: a has two callers waiting on it.
    await projectionFor(store, b.ownerId);
    const second = projectionFor(store, a.ownerId);
    await projectionFor(store, b.ownerId);
    release();
    const [p1, p2] = await Promise.all([first, second]);
    expect(p1).toBe(p2);
    expect(loads(a.ownerId)).toBe(1);
    expect(p1.people.size).toBe(6);
    // Once nobody waits on it, a is as evictable as any other.
    await projectionFor(store, b.ownerId);
    expect(await projectionFor(store, a.ownerId)).not.toBe(p1);
    expect(loads(a.ownerId)).toBe(2);
  });

  it("loads afresh after a sync that failed (the store was briefly unavailable)", async () => {
    const base = await memoryStore();
    const a = await chainOwner(base, 3);
    let failNext = false;
    const store = new Proxy(base, {
      get(target, name, receiver) {
        if (name === "changesSince")
          return (ownerId: string, version: number) => {
            if (failNext) {
              failNext = false;
              return Promise.reject(new WarmpathError(ErrorCode.UNAVAILABLE, "down for a moment"));
            }
            return target.changesSince(ownerId, version);
          };
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const before = await projectionFor(store, a.ownerId);
    failNext = true;
    await expect(projectionFor(store, a.ownerId)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await base.create(a.ownerId, "person", { name: "Newcomer" });
    const after = await projectionFor(store, a.ownerId);
    expect(after).not.toBe(before);
    expect(after.people.size).toBe(5);
  });

  it("forgets a failed load, so the next call tries again", async () => {
    const store = await memoryStore();
    await expect(projectionFor(store, "nobody-here")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await store.ensureOwner("nobody-here", { name: "Late" });
    expect((await projectionFor(store, "nobody-here")).people.size).toBe(1);
  });
});

describe("MemoryBudget", () => {
  const noop = () => undefined;

  it("evicts the coldest entries first until the total fits", () => {
    const budget = new MemoryBudget(100);
    const evicted: string[] = [];
    const evict = (key: string) => () => void evicted.push(key);
    budget.touch("a", 40, evict("a"));
    budget.touch("b", 40, evict("b"));
    budget.touch("a", 40, evict("a"));
    budget.touch("c", 40, evict("c"));
    expect(evicted).toEqual(["b"]);
    expect(budget.keys()).toEqual(["a", "c"]);
    expect(budget.usedBytes).toBe(80);
  });

  it("spares pinned entries until they are released", () => {
    const budget = new MemoryBudget(50);
    const evicted: string[] = [];
    budget.touch("a", 40, () => void evicted.push("a"));
    const release = budget.pin("a");
    budget.touch("b", 40, noop);
    expect(evicted).toEqual([]);
    release();
    release(); // a second call releases nothing more
    budget.touch("c", 10, noop);
    expect(evicted).toEqual(["a"]);
  });

  it("evicts what depends on an evicted entry, sparing the entry just used", () => {
    const budget = new MemoryBudget(100);
    const evicted: string[] = [];
    const evict = (key: string) => () => void evicted.push(key);
    budget.touch("projection:a", 30, evict("projection:a"));
    budget.touch("projection:b", 30, evict("projection:b"));
    budget.touch("pool", 30, evict("pool"), ["projection:a", "projection:b"]);
    expect(evicted).toEqual([]);
    budget.touch("projection:c", 30, evict("projection:c"));
    // a was the coldest; the pool holds a's projection, so it goes too.
    expect(evicted).toEqual(["projection:a", "pool"]);
    expect(budget.keys()).toEqual(["projection:b", "projection:c"]);
  });

  it("shrinks to a smaller budget at once", () => {
    const budget = new MemoryBudget(100);
    budget.touch("a", 40, noop);
    budget.touch("b", 40, noop);
    budget.resize(50);
    expect(budget.keys()).toEqual(["b"]);
    expect(() => budget.resize(Number.NaN)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });
});
