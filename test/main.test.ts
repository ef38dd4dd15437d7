/** The `npm start` entry point, run for real in a child process. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startMain } from "./support/start-main.js";

describe("npm start", () => {
  it("serves GraphQL on the embedded SQLite file named by WARMPATH_DB", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "warmpath-main-")), "main.db");
    const server = startMain({ WARMPATH_DB: db, PORT: "0", HOST: "127.0.0.1" });
    try {
      let url: string | undefined;
      for (let i = 0; i < 100 && !url; i++) {
        await new Promise((r) => setTimeout(r, 200));
        url = /serving GraphQL at (http:\/\/\S+)"/.exec(server.out())?.[1];
      }
      expect(url, server.err()).toBeDefined();
      const response = await fetch(url!, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ me { isSelf } }" }),
      });
      expect(await response.json()).toEqual({ data: { me: { isSelf: true } } });
      // The request's log line is written when its response finishes.
      for (let i = 0; i < 50 && !server.out().includes('"path":"/graphql"'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(server.out()).toContain('"path":"/graphql"');
    } finally {
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  });

  it("stops at once with one clear line when Neo4j cannot be reached", async () => {
    const started = Date.now();
    const server = startMain({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "x" });
    expect(await server.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(server.err()).toMatch(/^warmpath: UNAVAILABLE: Neo4j is not reachable/);
    expect(server.err()).not.toContain("127.0.0.1:1");
    expect(server.err()).not.toMatch(/\n\s+at /);
  });
});
