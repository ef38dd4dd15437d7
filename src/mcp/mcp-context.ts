/**
 * What every MCP tool works on: the store, whose network, the account behind the
 * request when there is one (teams need it), and the clock. stdio serves the
 * configured owner; HTTP serves the owner of the request's API token.
 */
import type { NetworkStore, User } from "../graph/index.js";

export interface McpContext {
  store: NetworkStore;
  ownerId: string;
  /** The signed-in account (HTTP with a token); null for the single owner of stdio. */
  user: User | null;
  /** The time a tool call uses, read at each call. */
  now: () => Date;
}
