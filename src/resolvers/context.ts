import type { NetworkStore } from "../graph/index.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** What every resolver gets: the store, whose network this request works on, and the request's loaders. */
export interface WarmpathContext {
  store: NetworkStore;
  ownerId: string;
  loaders: Loaders;
}

/** A fresh context per request: loaders cache only within one request. */
export function createContext(store: NetworkStore, ownerId: string): WarmpathContext {
  return { store, ownerId, loaders: createLoaders(store, ownerId) };
}
