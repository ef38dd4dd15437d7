/**
 * The warmpath MCP server for one context (one owner): every tool of the registry,
 * listed with its JSON Schema and called through defineTool's own argument check.
 * stdio builds one for the connection; HTTP builds one per request (stateless).
 */
import { createRequire } from "node:module";
import { McpServer, type StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { withDeadline } from "../graph/index.js";
import type { McpContext } from "./mcp-context.js";
import { MCP_TOOLS } from "./tool-registry.js";
import { toolError, toolResult } from "./tool-result.js";

export interface McpServerOptions {
  /** Where an unexpected error goes; its details never reach the client. Default: stderr. */
  logError?: (error: unknown) => void;
  /** Each tool call's deadline in milliseconds (TIMEOUT past it), as /graphql has; default none. */
  deadlineMs?: number;
}

const INSTRUCTIONS =
  "warmpath finds warm introductions in my network. Find paths, explain them, then draft the request; warmpath never sends anything. Writes need confirm: true after the user agrees.";

// dist/mcp/ and src/mcp/ both sit two levels below the package root.
const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string })
  .version;

/**
 * The schema the SDK lists (zod's JSON Schema, without its `$schema` line) and a
 * validation that lets every value through: the tool checks its arguments itself, so a
 * bad one is BAD_USER_INPUT on its field rather than the SDK's protocol error.
 */
function listedSchema(input: z.ZodObject): StandardSchemaWithJSON<unknown, unknown> {
  const json = input["~standard"].jsonSchema;
  const strip = (schema: Record<string, unknown>) => {
    const { $schema: _drop, ...rest } = schema;
    return rest;
  };
  return {
    "~standard": {
      version: 1,
      vendor: "warmpath",
      validate: (value: unknown) => ({ value }),
      jsonSchema: {
        input: (options) => strip(json.input(options)),
        output: (options) => strip(json.output(options)),
      },
    },
  };
}

const logToStderr = (error: unknown): void => {
  process.stderr.write(
    `warmpath mcp: unexpected error: ${String((error as Error)?.stack ?? error)}\n`,
  );
};

/** A fresh MCP server with every tool of the registry, working on one owner's context. */
export function createMcpServer(context: McpContext, options: McpServerOptions = {}): McpServer {
  const logError = options.logError ?? logToStderr;
  const server = new McpServer(
    { name: "warmpath", version: VERSION },
    { instructions: INSTRUCTIONS },
  );
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      {
        description: tool.description,
        inputSchema: listedSchema(tool.input),
        annotations: { readOnlyHint: !tool.writes, openWorldHint: false },
      },
      async (args: unknown) => {
        try {
          const work = () => tool.call(args, context);
          const { deadlineMs } = options;
          return toolResult(
            await (deadlineMs === undefined ? work() : withDeadline(deadlineMs, work)),
          );
        } catch (error) {
          return toolError(error, logError);
        }
      },
    );
  }
  return server;
}
