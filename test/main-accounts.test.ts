/** `npm start` and accounts (issue 13): it will not serve other machines before an account exists. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startMain } from "./support/start-main.js";

const freshDb = () => join(mkdtempSync(join(tmpdir(), "warmpath-main-accounts-")), "main.db");

async function waitFor<T>(
  find: () => T | undefined,
  what: string,
  output: () => string,
): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${what} in:\n${output()}`);
}

const post = (port: string, query: string, variables: object = {}) =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });

describe("npm start without accounts", () => {
  it("refuses to serve HOST 0.0.0.0, exiting 1 with one line that says how to set up", async () => {
    const server = startMain({ WARMPATH_DB: freshDb(), PORT: "0", HOST: "0.0.0.0" });
    expect(await server.exited).toBe(1);
    const lines = server.err().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warmpath: FORBIDDEN: refusing to serve HOST 0\.0\.0\.0 without accounts/,
    );
    expect(lines[0]).toContain("warmpath user create --admin");
    expect(lines[0]).toContain("WARMPATH_SETUP=1");
  }, 60_000);

  it("with WARMPATH_SETUP=1 prints a one-time setup token, exchanged once for the first admin", async () => {
    const server = startMain({
      WARMPATH_DB: freshDb(),
      PORT: "0",
      HOST: "0.0.0.0",
      WARMPATH_SETUP: "1",
    });
    try {
      const token = await waitFor(
        () => /setup token:\n\s+([A-Za-z0-9_-]{43})\n/.exec(server.err())?.[1],
        "setup token",
        server.err,
      );
      const port = await waitFor(
        () => /serving GraphQL at http:\/\/[^:]+:(\d+)\//.exec(server.out())?.[1],
        "URL",
        server.out,
      );
      // Until the token is exchanged, nothing but setUp runs.
      expect((await post(port, "{ me { name } }")).status).toBe(401);
      const setUp = `mutation ($t: String!) { setUp(input: { setupToken: $t, email: "root@example.org", name: "Root", password: "correct horse battery staple" }) { email admin kind } }`;
      const wrong = await post(port, setUp, { t: "x".repeat(43) });
      expect(wrong.status).toBe(401);
      const first = await post(port, setUp, { t: token });
      expect(((await first.json()) as any).data.setUp).toEqual({
        email: "root@example.org",
        admin: true,
        kind: "session",
      });
      expect(first.headers.get("set-cookie")).toMatch(/^__Host-warmpath_session=/);
      const again = await post(port, setUp, { t: token });
      expect(again.status).toBe(401);
      expect((await post(port, "{ me { name } }")).status).toBe(401);
    } finally {
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  }, 60_000);
});
