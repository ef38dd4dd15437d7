/**
 * Every MCP tool called in process through the SDK's client (an in-memory transport), on the
 * demo network: arguments, paging, errors, confirmation, foreign ids. Runs on both stores
 * (mcp-tools-sqlite.test.ts, mcp-tools-neo4j.int.test.ts).
 */
import { randomUUID } from "node:crypto";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAll, loadDemoNetwork, type NetworkStore } from "../../src/graph/index.js";
import { callError, callOk, connectInProcess } from "./mcp-client.js";

export function mcpToolsSuite(name: string, open: () => Promise<NetworkStore>): void {
  describe(`the MCP tools on ${name}`, () => {
    // Fresh owners each run: a Neo4j store is shared with other suites and earlier runs.
    const OWNER = `mcp-${randomUUID()}`;
    const OTHER = `mcp-other-${randomUUID()}`;
    let store: NetworkStore;
    let client: Client;
    const errors: unknown[] = [];

    beforeAll(async () => {
      store = await open();
      await store.init();
      await store.ensureOwner(OWNER, { name: "Maya Lopez" });
      await loadDemoNetwork(store, OWNER);
      await store.ensureOwner(OTHER, { name: "Someone Else" });
      client = await connectInProcess(
        { store, ownerId: OWNER, user: null, now: () => new Date() },
        { logError: (e) => errors.push(e) },
      );
    });
    afterAll(async () => {
      await client?.close();
      await store?.close();
      // No call may have crashed: every failure below is a client's mistake, answered with its code.
      expect(errors).toEqual([]);
    });

    describe("find_intro_paths", () => {
      it("rejects a call naming both a person and an organization, on the field", async () => {
        const error = await callError(client, "find_intro_paths", { to: "Lena", org: "Fabrikam" });
        expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
      });

      it("rejects a limit over 50 as BAD_USER_INPUT on limit, not as a protocol error", async () => {
        const error = await callError(client, "find_intro_paths", {
          to: "Lena Fischer",
          limit: 51,
        });
        expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
      });

      it("rejects an unknown argument by its name", async () => {
        const error = await callError(client, "find_intro_paths", { to: "Lena Fischer", hops: 2 });
        expect(error.code).toBe("BAD_USER_INPUT");
        expect(error.message).toContain("hops");
      });

      it("answers NOT_FOUND on `to` for nobody of that name", async () => {
        const error = await callError(client, "find_intro_paths", { to: "Nobody Atall" });
        expect(error).toMatchObject({ code: "NOT_FOUND", field: "to" });
      });

      it("finds the warmest paths to a person, best first, starting with me", async () => {
        const result = await callOk(client, "find_intro_paths", { to: "Lena Fischer" });
        expect(result.target).toMatchObject({ kind: "person", name: "Lena Fischer" });
        expect(result.paths.length).toBeGreaterThan(0);
        const warmths = result.paths.map((p: any) => p.warmth);
        expect(warmths).toEqual([...warmths].sort((a, b) => b - a));
        for (const path of result.paths) {
          expect(path.people[0].name).toBe("Maya Lopez");
          expect(path.people.at(-1).name).toBe("Lena Fischer");
        }
      });

      it("pages with limit and cursor, and the pages join into the whole list", async () => {
        const whole = await callOk(client, "find_intro_paths", { org: "Fabrikam", limit: 50 });
        expect(whole.paths.length).toBeGreaterThan(1);
        expect(whole.nextCursor).toBeNull();
        const seen: unknown[] = [];
        let cursor: string | undefined;
        do {
          const page = await callOk(client, "find_intro_paths", {
            org: "Fabrikam",
            limit: 1,
            ...(cursor ? { cursor } : {}),
          });
          expect(page.paths.length).toBe(1);
          seen.push(...page.paths);
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        expect(seen).toEqual(whole.paths);
      });

      it("rejects a cursor it did not make", async () => {
        const error = await callError(client, "find_intro_paths", { org: "Fabrikam", cursor: "x" });
        expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
      });

      it("treats another owner's person id exactly like a missing one", async () => {
        const foreign = (await store.getSelf(OTHER)).id;
        const missing = foreign.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
        const a = await callError(client, "find_intro_paths", { to: foreign });
        const b = await callError(client, "find_intro_paths", { to: missing });
        expect(a.code).toBe("NOT_FOUND");
        expect(a.field).toBe("to");
        expect(a.message.replace(foreign, "ID")).toBe(b.message.replace(missing, "ID"));
      });
    });

    describe("explain_path", () => {
      it("explains each hop of a path find_intro_paths found, with the same warmth", async () => {
        const { paths } = await callOk(client, "find_intro_paths", { to: "Lena Fischer" });
        const ids = paths[0].people.map((p: any) => p.id);
        const explained = await callOk(client, "explain_path", { people: ids });
        expect(explained.warmth).toBe(paths[0].warmth);
        expect(explained.hops.length).toBe(ids.length - 1);
        expect(explained.hops.every((h: any) => h.evidence.length > 0)).toBe(true);
        expect(explained.weakestLink.strength).toBe(
          Math.min(...explained.hops.map((h: any) => h.strength)),
        );
      });

      it("refuses a chain with a missing tie, naming where", async () => {
        const error = await callError(client, "explain_path", {
          people: ["Maya Lopez", "Lena Fischer", "Grace Kim"],
        });
        expect(error.code).toBe("BAD_USER_INPUT");
        expect(error.field).toMatch(/^people\[\d\]$/);
      });
    });

    describe("who_knows", () => {
      it("lists one introducer per entry for a company, each reaching someone there", async () => {
        const result = await callOk(client, "who_knows", { company: "Fabrikam" });
        expect(result.introducers.length).toBeGreaterThan(0);
        const introducers = result.introducers.map((e: any) => e.introducer?.id ?? "me");
        expect(new Set(introducers).size).toBe(introducers.length);
        for (const e of result.introducers) expect(e.reaches.role).toContain("Fabrikam");
      });

      it("finds people by role words", async () => {
        const result = await callOk(client, "who_knows", { role: "recruiter" });
        expect(result.introducers.map((e: any) => e.reaches.name)).toContain("Grace Kim");
      });

      it("needs a company or a role", async () => {
        expect(await callError(client, "who_knows", {})).toMatchObject({ code: "BAD_USER_INPUT" });
      });
    });

    describe("the habits' lists", () => {
      it("next_contacts lists people due, each with why", async () => {
        const result = await callOk(client, "next_contacts", { withinDays: 366, limit: 50 });
        expect(result.contacts.length).toBeGreaterThan(0);
        for (const c of result.contacts) expect(c.reason).not.toBe("");
      });

      it("follow_ups lists what waits for an answer, and says when it is truncated", async () => {
        const whole = await callOk(client, "follow_ups", { limit: 50 });
        expect(whole.followUps.length).toBeGreaterThan(0);
        const first = await callOk(client, "follow_ups", { limit: 1 });
        expect(first.nextCursor === null).toBe(whole.followUps.length === 1);
      });
    });

    describe("get_person", () => {
      it("shows a contact without my private notes", async () => {
        const lena = (await store.findPeople(OWNER, { name: "Lena Fischer" }))[0]!;
        await store.update(OWNER, "person", lena.id, { notes: "SECRET-NOTE" });
        const result = await callOk(client, "get_person", {
          person: "lena.fischer@fabrikam.example",
        });
        expect(result).toMatchObject({
          kind: "own",
          name: "Lena Fischer",
          companies: ["Fabrikam"],
        });
        expect(JSON.stringify(result)).not.toContain("SECRET-NOTE");
      });

      it("refuses a team view without an account", async () => {
        const error = await callError(client, "get_person", { person: "Lena", teamId: "team_x" });
        expect(error).toMatchObject({ code: "FORBIDDEN", field: "teamId" });
      });
    });

    describe("log_interaction", () => {
      it("writes nothing without confirm: true, and says what it would log", async () => {
        const before = (await listAll(store, OWNER, "interaction")).length;
        const error = await callError(client, "log_interaction", {
          person: "Ada Park",
          kind: "coffee",
          summary: "talked about Fabrikam",
        });
        expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "confirm" });
        expect(error.message).toContain("coffee with Ada Park");
        expect((await listAll(store, OWNER, "interaction")).length).toBe(before);
      });

      it("logs with confirm: true", async () => {
        const result = await callOk(client, "log_interaction", {
          person: "Ada Park",
          kind: "coffee",
          at: "2026-11-20",
          confirm: true,
        });
        expect(result.logged).toMatchObject({ kind: "coffee", person: { name: "Ada Park" } });
        const stored = await store.get(OWNER, "interaction", result.logged.id);
        expect(stored.at).toBe("2026-11-20T00:00:00.000Z");
      });

      it("rejects an unknown kind on its field", async () => {
        const error = await callError(client, "log_interaction", {
          person: "Ada Park",
          kind: "telegram",
          confirm: true,
        });
        expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "kind" });
      });
    });

    describe("a deadline", () => {
      it("answers TIMEOUT as a tool error when the store hangs past it", async () => {
        // The same store, but reading the owner's own person never answers.
        const hung = new Proxy(store, {
          get(target, key) {
            if (key === "getSelf") return () => new Promise(() => undefined);
            const value = Reflect.get(target, key);
            return typeof value === "function" ? value.bind(target) : value;
          },
        });
        const slow = await connectInProcess(
          { store: hung, ownerId: OWNER, user: null, now: () => new Date() },
          { deadlineMs: 50, logError: (e) => errors.push(e) },
        );
        try {
          const error = await callError(slow, "get_person", { person: "Ada Park" });
          expect(error.code).toBe("TIMEOUT");
        } finally {
          await slow.close();
        }
      });
    });

    describe("draft_intro_request", () => {
      it("asks for a pitch when none is saved", async () => {
        const error = await callError(client, "draft_intro_request", { to: "Lena Fischer" });
        expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "pitch" });
      });

      it("drafts the message to the first introducer and stores nothing", async () => {
        const before = (await listAll(store, OWNER, "introRequest")).length;
        const draft = await callOk(client, "draft_intro_request", {
          to: "Lena Fischer",
          pitch: "I build data platforms; looking for a staff role.",
        });
        expect(draft.sent).toBe(false);
        expect(draft.message).toContain(draft.introducer.name.split(" ")[0]);
        expect(draft.message).toContain("I build data platforms");
        expect(draft.path.people[1]).toBe(draft.introducer.id);
        expect((await listAll(store, OWNER, "introRequest")).length).toBe(before);
      });
    });
  });
}
