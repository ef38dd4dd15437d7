/**
 * The tools warmpath offers assistants, in the order they are listed. Few on purpose
 * (at most 10, the whole list under about 2,000 tokens: test/mcp/tool-list.test.ts):
 * every tool's description and schema is read by the model on every turn.
 */
import type { McpTool } from "./mcp-tool.js";
import { draftIntroRequestTool } from "./tools/draft-intro-request.tool.js";
import { explainPathTool } from "./tools/explain-path.tool.js";
import { findIntroPathsTool } from "./tools/find-intro-paths.tool.js";
import { followUpsTool } from "./tools/follow-ups.tool.js";
import { getPersonTool } from "./tools/get-person.tool.js";
import { logInteractionTool } from "./tools/log-interaction.tool.js";
import { nextContactsTool } from "./tools/next-contacts.tool.js";
import { whoKnowsTool } from "./tools/who-knows.tool.js";

export const MCP_TOOLS: readonly McpTool[] = Object.freeze([
  findIntroPathsTool,
  explainPathTool,
  whoKnowsTool,
  getPersonTool,
  nextContactsTool,
  followUpsTool,
  logInteractionTool,
  draftIntroRequestTool,
]);
