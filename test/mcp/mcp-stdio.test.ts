/**
 * `warmpath mcp` for real: the compiled binary in a child process, started by the SDK
 * client's stdio transport on a throwaway SQLite file holding the demo network. A `tee`
 * between the binary and the client keeps a copy of everything the binary writes to
 * standard output, so the test can check that it is JSON-RPC and nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAll } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/sqlite.js";
import { buildDist, ROOT, scratchDir, warmpath } from "../cli/warmpath-binary.js";
import { callError, callOk, connectClient } from "./mcp-client.js";

const dir = scratchDir();
const db = join(dir, "demo.db");
const stdoutCopy = join(dir, "stdout.jsonl");
const PITCH = "I build data platforms that stay up; looking for a staff role in fintech.";

const { NEO4J_URI: _uri, WARMPATH_OWNER: _owner, WARMPATH_DB: _db, ...baseEnv } = process.env;
const env = { ...baseEnv, WARMPATH_SNAPSHOT_DIR: "off" } as Record<string, string>;

let client: Client;
let stderr = "";

beforeAll(async () => {
  await buildDist();
  const demo = await warmpath(db, ["demo"], { WARMPATH_SNAPSHOT_DIR: "off" });
  if (demo.code !== 0) throw new Error(`warmpath demo failed:\n${demo.stderr}`);
  const transport = new StdioClientTransport({
    command: "sh",
    args: ["-c", 'node bin/warmpath.js mcp --db "$1" | tee "$2"', "sh", db, stdoutCopy],
    cwd: ROOT,
    env,
    stderr: "pipe",
  });
  transport.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  client = await connectClient(transport);
}, 240_000);

afterAll(async () => {
  await client?.close();
});

describe("warmpath mcp over stdio", () => {
  it("lists the eight tools", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      "find_intro_paths",
      "explain_path",
      "who_knows",
      "get_person",
      "next_contacts",
      "follow_ups",
      "log_interaction",
      "draft_intro_request",
    ]);
  });

  it("calls every tool and gets sensible answers", async () => {
    const paths = await callOk(client, "find_intro_paths", { to: "Lena Fischer", limit: 2 });
    expect(paths.paths.length).toBeGreaterThan(0);
    expect(paths.paths[0].people.at(-1).name).toBe("Lena Fischer");

    const explained = await callOk(client, "explain_path", {
      people: paths.paths[0].people.map((p: any) => p.id),
    });
    expect(explained.hops.length).toBe(paths.paths[0].people.length - 1);

    const who = await callOk(client, "who_knows", { company: "Fabrikam" });
    expect(who.introducers.every((e: any) => e.reaches.role.includes("Fabrikam"))).toBe(true);

    const lena = await callOk(client, "get_person", { person: "Lena Fischer" });
    expect(lena).toMatchObject({ name: "Lena Fischer", title: "CEO", companies: ["Fabrikam"] });

    const next = await callOk(client, "next_contacts", { withinDays: 366 });
    expect(next.contacts.length).toBeGreaterThan(0);

    const followUps = await callOk(client, "follow_ups", {});
    expect(followUps.followUps.length).toBeGreaterThan(0);

    const unconfirmed = await callError(client, "log_interaction", {
      person: "Ada Park",
      kind: "call",
    });
    expect(unconfirmed).toMatchObject({ code: "BAD_USER_INPUT", field: "confirm" });
    const logged = await callOk(client, "log_interaction", {
      person: "Ada Park",
      kind: "call",
      summary: "caught up on Fabrikam",
      confirm: true,
    });
    expect(logged.logged.person.name).toBe("Ada Park");

    const draft = await callOk(client, "draft_intro_request", { to: "Lena Fischer", pitch: PITCH });
    expect(draft.message).toContain(PITCH);
    expect(draft.sent).toBe(false);
  });

  it("answers a bad call with its code and keeps serving", async () => {
    const error = await callError(client, "get_person", { person: "Nobody Atall" });
    expect(error).toMatchObject({ code: "NOT_FOUND", field: "person" });
    const again = await callOk(client, "get_person", { person: "Ada Park" });
    expect(again.name).toBe("Ada Park");
  });

  it("wrote the confirmed interaction to the file, and only that one", async () => {
    const store = new SqliteStore({ path: db });
    await store.init();
    try {
      const ada = (await store.findPeople("me", { name: "Ada Park" }))[0]!;
      const calls = (await listAll(store, "me", "interaction", { personId: ada.id })).filter(
        (i) => i.summary === "caught up on Fabrikam",
      );
      expect(calls).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

describe("an assistant's walk-through: find a way into Fabrikam, explain it, draft the ask", () => {
  it("goes from a company name to a draft addressed to the path's first introducer", async () => {
    // 1. "Who can get me into Fabrikam?"
    const found = await callOk(client, "find_intro_paths", { org: "Fabrikam", limit: 3 });
    expect(found.noPathReason).toBeNull();
    const best = found.paths[0];
    expect(best.reaches.role).toContain("Fabrikam");

    // 2. "Why is that the best way?"
    const explained = await callOk(client, "explain_path", {
      people: best.people.map((p: any) => p.id),
    });
    expect(explained.warmth).toBe(best.warmth);
    expect(explained.weakestLink).toMatchObject({
      from: best.weakestLink.from,
      to: best.weakestLink.to,
    });
    for (const hop of explained.hops) expect(hop.evidence.length).toBeGreaterThan(0);

    // 3. "Draft the request to the person who would introduce me."
    const target = best.people.at(-1);
    const introducer = best.people[1];
    const draft = await callOk(client, "draft_intro_request", {
      to: target.id,
      introducer: introducer.id,
      note: "I would love to hear how Fabrikam thinks about data platforms.",
      pitch: PITCH,
    });
    expect(draft.introducer).toEqual(introducer);
    expect(draft.to).toEqual(target);
    expect(draft.message.startsWith(`Hi ${introducer.name.split(" ")[0]},`)).toBe(true);
    expect(draft.message).toContain(target.name);
    expect(draft.blurb.length).toBeGreaterThan(0);
    expect(draft.sent).toBe(false);
  });
});

describe("the 2026-07-28 protocol over stdio", () => {
  it("serves a client that pins the modern revision", async () => {
    const modern = await connectClient(
      new StdioClientTransport({
        command: process.execPath,
        args: ["bin/warmpath.js", "mcp", "--db", db],
        cwd: ROOT,
        env,
        stderr: "pipe",
      }),
      "modern",
    );
    try {
      expect((await modern.listTools()).tools).toHaveLength(8);
      const lena = await callOk(modern, "get_person", { person: "Lena Fischer" });
      expect(lena.title).toBe("CEO");
    } finally {
      await modern.close();
    }
  });
});

describe("standard output", () => {
  it("carries JSON-RPC 2.0 and nothing else, while messages went to standard error", async () => {
    await client.close();
    const lines = readFileSync(stdoutCopy, "utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    const messages = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(message.jsonrpc).toBe("2.0");
    expect(stderr).toContain("warmpath mcp: serving");
  });
});
