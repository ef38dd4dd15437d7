/** The MCP server's face for its entry points: `warmpath mcp` (stdio) and /mcp on the HTTP server. */
export { createMcpServer, type McpServerOptions } from "./create-mcp-server.js";
export type { McpContext } from "./mcp-context.js";
export { MCP_TOOLS } from "./tool-registry.js";
