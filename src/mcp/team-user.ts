/** The account a team tool acts for: teams need one, and stdio serves a bare owner. */
import { ErrorCode, WarmpathError } from "../errors.js";
import type { User } from "../graph/index.js";
import type { McpContext } from "./mcp-context.js";

/** The signed-in account; FORBIDDEN on `teamId` without one (stdio, or no accounts). */
export function teamUser(context: McpContext): User {
  if (context.user === null)
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      "teamId: teams need an account: connect to the server's /mcp with an API token",
      { field: "teamId" },
    );
  return context.user;
}
