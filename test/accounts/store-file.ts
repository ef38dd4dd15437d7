/** A SqliteStore on a throwaway file, and a wrapper that counts the store calls a test watches. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NetworkStore } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "warmpath-accounts-"));
let files = 0;

/** A new, migrated store in its own file. */
export async function storeFile(): Promise<NetworkStore> {
  const store = new SqliteStore({ path: join(dir, `store-${++files}.db`) });
  await store.init();
  return store;
}

/** The store with every method call counted by name, for "this never looked anything up". */
export function counting(store: NetworkStore): { store: NetworkStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}
