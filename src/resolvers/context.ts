import type { NetworkStore } from "../graph/index.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** What every resolver gets: the store, whose network this request works on, and the request's loaders. */
export interface WarmpathContext {
  store: NetworkStore;
  ownerId: string;
  loaders: Loaders;
  /** The time of this request: due dates and waiting times are measured from it (fixed in tests). */
  now: Date;
}

/** A fresh context per request: loaders cache only within one request. */
export function createContext(
  store: NetworkStore,
  ownerId: string,
  clock: () => Date = () => new Date(),
): WarmpathContext {
  return { store, ownerId, loaders: createLoaders(store, ownerId), now: clock() };
}
