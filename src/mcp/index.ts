/** The MCP server's face for its entry points: `warmpath mcp` (stdio) and /mcp on the HTTP server. */
export { createMcpServer, type McpServerOptions } from "./create-mcp-server.js";
export type { McpContext } from "./mcp-context.js";
export { MCP_TOOLS } from "./tool-registry.js";
export { defineTool, type McpTool, type McpToolSpec } from "./mcp-tool.js";
export { PAGE_DEFAULTS } from "./list-page.js";
export type { ToolErrorBody } from "./tool-result.js";
