/**
 * `npm start` when it cannot start, run for real in a child process: one line
 * on stderr saying what to change, no stack trace, exit code 1. Then the HTTP
 * hardening settings, read from the environment and used end to end.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startMain } from "./support/start-main.js";
import { readConfig } from "../src/config.js";
import { send } from "./http/raw-http.js";

const dir = mkdtempSync(join(tmpdir(), "warmpath-startup-"));

/** Starts warmpath expecting it to fail, and returns its one stderr line after checking the exit code and shape. */
async function failingStart(env: Record<string, string>): Promise<string> {
  const run = startMain(env);
  const code = await run.exited;
  const lines = run
    .err()
    .split("\n")
    .filter((line) => line.trim() !== "");
  expect({ code, lines }).toEqual({ code: 1, lines: [expect.stringMatching(/^warmpath: /)] });
  expect(run.err()).not.toMatch(/^\s+at /m);
  expect(run.out()).not.toContain("serving GraphQL");
  return lines[0]!;
}

describe("npm start when it cannot start", () => {
  it("says in one line that the port is in use and to set PORT", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const line = await failingStart({
        PORT: String(port),
        HOST: "127.0.0.1",
        WARMPATH_DB: join(dir, "busy.db"),
      });
      expect(line).toBe(`warmpath: port ${port} is in use; set PORT`);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it("says in one line that WARMPATH_DB cannot be written when its folder is a file", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    for (const db of [join(file, "warmpath.db"), join(file, "deeper", "warmpath.db")]) {
      const line = await failingStart({ WARMPATH_DB: db, PORT: "0", HOST: "127.0.0.1" });
      expect(line).toContain(`cannot open WARMPATH_DB ${db}`);
      expect(line).toContain("is a file, not a folder");
      expect(line).toMatch(/set WARMPATH_DB$/);
    }
  });

  it("says in one line that a corrupt WARMPATH_DB is not a database", async () => {
    const db = join(dir, "corrupt.db");
    writeFileSync(db, randomBytes(64 * 1024));
    const line = await failingStart({ WARMPATH_DB: db, PORT: "0", HOST: "127.0.0.1" });
    expect(line).toContain(`WARMPATH_DB ${db}`);
    expect(line).toContain("file is not a database");
  });

  it("prints a WarmpathError as its code and message: an unreachable Neo4j", async () => {
    const line = await failingStart({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "x" });
    expect(line).toMatch(/^warmpath: UNAVAILABLE: /);
    expect(line).toMatch(/not reachable/);
    // It names the setting to check, never the database's host and port.
    expect(line).toContain("check NEO4J_URI");
    expect(line).not.toContain("127.0.0.1:1");
  });

  it("says in one line, within seconds, that a Neo4j which accepts connections but never answers is unavailable", async () => {
    // A listener that never answers is what a stopped (SIGSTOP) Neo4j looks like to the driver.
    const held: Socket[] = [];
    const hung = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const port = (hung.address() as { port: number }).port;
    try {
      const started = Date.now();
      const line = await failingStart({
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_PASSWORD: "x",
      });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(line).toMatch(/^warmpath: UNAVAILABLE: /);
      expect(line).not.toContain(String(port));
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });

  it("prints a WarmpathError as its code and message: a request timeout that is not a number", async () => {
    expect(await failingStart({ WARMPATH_REQUEST_TIMEOUT_MS: "soon" })).toBe(
      "warmpath: BAD_USER_INPUT: WARMPATH_REQUEST_TIMEOUT_MS: must be a whole number of milliseconds, more than 0",
    );
  });

  it("prints a WarmpathError as its code and message: an allowed host that is not a host name", async () => {
    const line = await failingStart({
      WARMPATH_DB: join(dir, "hosts.db"),
      PORT: "0",
      HOST: "127.0.0.1",
      WARMPATH_ALLOWED_HOSTS: "ok.example,not a host",
    });
    expect(line).toBe('warmpath: BAD_USER_INPUT: allowedHosts[1]: "not a host" is not a host name');
  });
});

describe("the hardening settings", () => {
  it("reads WARMPATH_ALLOWED_HOSTS as a comma-separated list and WARMPATH_REQUEST_TIMEOUT_MS as milliseconds", () => {
    const config = readConfig({
      WARMPATH_ALLOWED_HOSTS: " warmpath.example, api.example:8443 ,, ",
      WARMPATH_REQUEST_TIMEOUT_MS: "2500",
    });
    expect(config.allowedHosts).toEqual(["warmpath.example", "api.example:8443"]);
    expect(config.requestTimeoutMs).toBe(2500);
    const defaults = readConfig({});
    expect(defaults.allowedHosts).toEqual([]);
    expect(defaults.requestTimeoutMs).toBeUndefined();
  });

  it("refuses a request timeout that is not a positive whole number, naming the variable", () => {
    for (const value of ["0", "-5", "1.5", "ten"]) {
      expect(() => readConfig({ WARMPATH_REQUEST_TIMEOUT_MS: value })).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field: "WARMPATH_REQUEST_TIMEOUT_MS" }),
      );
    }
  });

  it("serves the names in WARMPATH_ALLOWED_HOSTS and refuses others", async () => {
    const server = startMain({
      WARMPATH_DB: join(dir, "allowed.db"),
      PORT: "0",
      HOST: "127.0.0.1",
      WARMPATH_ALLOWED_HOSTS: "warmpath.example",
    });
    try {
      let port: number | undefined;
      for (let i = 0; i < 100 && port === undefined; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const match = /serving GraphQL at http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.out())?.[1];
        port = match === undefined ? undefined : Number(match);
      }
      expect(port, server.err()).toBeDefined();
      const ask = (host: string) => send(port!, { path: "/healthz", headers: { host } });
      expect((await ask("warmpath.example")).status).toBe(200);
      expect((await ask(`localhost:${port}`)).status).toBe(200);
      expect((await ask("attacker.example")).status).toBe(403);
    } finally {
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  });
});
