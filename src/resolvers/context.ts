import type { NetworkStore } from "../graph/index.js";
import {
  ownerActor,
  type AccountServices,
  type Actor,
  type PasskeyCeremonies,
} from "../accounts/index.js";
import { createLoaders, type Loaders } from "./loaders.js";

/**
 * The HTTP side of a request, for the operations that sign in and out: the session cookie to
 * set or clear, who is asking, and where passkeys are bound. Absent when the schema runs
 * without HTTP (an embedding app, tests).
 */
export interface RequestSide {
  /** The session token the request's cookie carried, if any. */
  sessionToken: string | null;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  userAgent: string | null;
  /** The client's address, for rate limits. */
  address: string;
  /** The WebAuthn relying party: the site's host name and origin. */
  relyingParty: { id: string; origin: string };
}

/** What every resolver gets: the store, who asks and for which network, and the request's loaders. */
export interface WarmpathContext {
  store: NetworkStore;
  /** Who makes the request; null before sign-in (only public operations run). */
  actor: Actor | null;
  /** The network this request works on: the actor's ("" without one, which no record has). */
  ownerId: string;
  loaders: Loaders;
  /** The time of this request: due dates and waiting times are measured from it (fixed in tests). */
  now: Date;
  http?: RequestSide;
  /** The server's sign-in limits and setup token; absent when the schema runs without accounts. */
  accounts?: AccountServices;
  /** The server's passkey challenges and ceremonies; absent when passkeys are not set up. */
  passkeys?: PasskeyCeremonies;
}

/** What the HTTP server adds to a request's context; a bare schema runs without any of it. */
export type RequestServices = Partial<Pick<WarmpathContext, "http" | "accounts" | "passkeys">>;

/**
 * A fresh context per request (loaders cache only within one request). A bare owner id means
 * an owner actor with every scope: a single-user install, or an embedding app that
 * authenticates its own users.
 */
export function createContext(
  store: NetworkStore,
  who: string | Actor | null,
  clock: () => Date = () => new Date(),
  services: RequestServices = {},
): WarmpathContext {
  const actor = typeof who === "string" ? ownerActor(who) : who;
  const ownerId = actor?.ownerId ?? "";
  return {
    store,
    actor,
    ownerId,
    loaders: createLoaders(store, ownerId),
    now: clock(),
    ...services,
  };
}
