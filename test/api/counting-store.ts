import type { NetworkStore } from "../../src/graph/index.js";

/** Wraps a store and counts the calls made through it, to prove batching. */
export function countingStore(inner: NetworkStore): { store: NetworkStore; calls: () => number } {
  let calls = 0;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls: () => calls };
}
