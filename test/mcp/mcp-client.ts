/** Test helpers: an SDK client over any transport or in process, and tool results read as JSON. */
import { Client } from "@modelcontextprotocol/client";
import type { Transport } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { expect } from "vitest";
import { createMcpServer, type McpContext, type McpServerOptions } from "../../src/mcp/index.js";

/** The protocol revisions the SDK serves: 2025's (the client's default) and 2026-07-28's per-request envelope. */
export type Era = "legacy" | "modern";

export async function connectClient(transport: Transport, era: Era = "legacy"): Promise<Client> {
  const client = new Client(
    { name: "warmpath-test", version: "1.0.0" },
    era === "modern" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {},
  );
  await client.connect(transport);
  expect(client.getProtocolEra()).toBe(era);
  return client;
}

/** A client of a fresh MCP server for `context`, connected in process (the SDK's in-memory transport). */
export async function connectInProcess(
  context: McpContext,
  options?: McpServerOptions,
): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(context, options).connect(serverSide);
  return connectClient(clientSide);
}

/** Calls a tool that must succeed and returns its JSON result (from the text content). */
export async function callOk(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text: string }[])[0]!.text;
  expect(result.isError, `${name} failed: ${text}`).toBeFalsy();
  return JSON.parse(text);
}

/** Calls a tool that must fail and returns its error: `{ code, message, field? }`. */
export async function callError(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text: string }[])[0]!.text;
  expect(result.isError, `${name} should have failed: ${text}`).toBe(true);
  return JSON.parse(text).error as { code: string; message: string; field?: string };
}
