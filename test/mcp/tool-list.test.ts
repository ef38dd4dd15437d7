import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MCP_TOOLS } from "../../src/mcp/index.js";
import { SqliteStore } from "../../src/sqlite.js";
import { connectInProcess } from "./mcp-client.js";
import type { Client } from "@modelcontextprotocol/client";

/**
 * A model reads the whole tool list on every turn, so it is kept small. Tokens are
 * estimated as the list's JSON characters / 4 (the usual figure for English and JSON
 * with OpenAI's and Anthropic's tokenizers; JSON punctuation makes it, if anything, high).
 */
const TOKEN_BUDGET = 2_000;
const CHARS_PER_TOKEN = 4;

let store: SqliteStore;
let client: Client;
beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
  client = await connectInProcess({ store, ownerId: "me", user: null, now: () => new Date() });
});
afterAll(async () => {
  await client?.close();
  await store?.close();
});

describe("the tool list", () => {
  it("offers at most 10 tools, the eight of issue 17", async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBeLessThanOrEqual(10);
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        "draft_intro_request",
        "explain_path",
        "find_intro_paths",
        "follow_ups",
        "get_person",
        "log_interaction",
        "next_contacts",
        "who_knows",
      ].sort(),
    );
  });

  it(`stays under ${TOKEN_BUDGET} tokens (JSON characters / ${CHARS_PER_TOKEN}) with names, descriptions and schemas`, async () => {
    const { tools } = await client.listTools();
    const listed = tools.map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: t.inputSchema,
      annotations: t.annotations,
    }));
    const tokens = JSON.stringify(listed).length / CHARS_PER_TOKEN;
    console.log(
      `tool list: ${JSON.stringify(listed).length} characters, about ${Math.round(tokens)} tokens`,
    );
    expect(tokens).toBeLessThan(TOKEN_BUDGET);
  });

  it("gives every tool a short description and an object schema", async () => {
    const { tools } = await client.listTools();
    for (const tool of tools) {
      expect(tool.description!.length).toBeLessThanOrEqual(200);
      expect(tool.inputSchema.type).toBe("object");
    }
  });

  it("gives every list tool limit (at most 50) and cursor", async () => {
    const { tools } = await client.listTools();
    const lists = ["find_intro_paths", "who_knows", "next_contacts", "follow_ups"];
    for (const name of lists) {
      const props = tools.find((t) => t.name === name)!.inputSchema.properties as any;
      expect(props.limit).toMatchObject({ type: "integer", maximum: 50 });
      expect(props.cursor).toMatchObject({ type: "string" });
    }
  });

  it("marks exactly the writing tools as not read-only", async () => {
    const { tools } = await client.listTools();
    const writes = tools.filter((t) => t.annotations?.readOnlyHint === false).map((t) => t.name);
    expect(writes).toEqual(MCP_TOOLS.filter((t) => t.writes).map((t) => t.name));
    expect(writes).toEqual(["log_interaction"]);
  });
});
