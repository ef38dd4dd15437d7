/**
 * The package as a user gets it: built and packed (`npm pack`) from a copy of
 * the sources, installed from the tarball into an empty folder with npm, then
 * used there: the `warmpath` command, an embedding script, and the entry
 * points' promise that `warmpath/sqlite` never loads the Neo4j driver.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDistBuild } from "../scripts/dist-build.js";

const ROOT = resolve(import.meta.dirname, "..");
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }
).version;
const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "warmpath-pack-"));
const app = join(dir, "app");

async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return exec(command, args, {
    cwd,
    env: { ...process.env, NEO4J_URI: "", ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 360_000,
  });
}

beforeAll(async () => {
  // Packed from a copy holding the files the package lists, with dist/ as the tests build it.
  const pkg = join(dir, "pkg");
  for (const entry of ["package.json", "README.md", "bin"])
    cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
  cpSync(await ensureDistBuild(), join(pkg, "dist"), { recursive: true });
  const { stdout } = await run(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", dir],
    pkg,
  );
  const tarball = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "an-app", version: "1.0.0", type: "module", private: true }),
  );
  // Without install scripts, then better-sqlite3's addon copied from the checkout (built by npm ci
  // for this very Node): with no prebuilt binary to download here, its install script compiles
  // SQLite from source, minutes of the suite spent on a dependency's build, not on this package.
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", tarball],
    app,
  );
  cpSync(
    join(ROOT, "node_modules/better-sqlite3/build/Release/better_sqlite3.node"),
    join(app, "node_modules/better-sqlite3/build/Release/better_sqlite3.node"),
  );
}, 420_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warmpath = (args: string[], env: Record<string, string> = {}) =>
  run(join(app, "node_modules/.bin/warmpath"), args, app, env);

describe("the packed package, installed from its tarball", () => {
  it("runs `warmpath --version` and `warmpath demo`", async () => {
    expect((await warmpath(["--version"])).stdout.trim()).toBe(VERSION);
    const demo = await warmpath(["demo", "--json"], { WARMPATH_DB: join(dir, "demo.db") });
    const loaded = JSON.parse(demo.stdout) as { people: number; ties: number };
    expect(loaded.people).toBeGreaterThan(10);
    expect(loaded.ties).toBeGreaterThan(10);
  });

  it("serves an app that embeds it in ten lines", async () => {
    writeFileSync(
      join(app, "embed.js"),
      [
        'import "reflect-metadata";',
        'import { createWarmpathServer, contextFor } from "warmpath";',
        'import { SqliteStore } from "warmpath/sqlite";',
        'const store = new SqliteStore({ path: ":memory:" });',
        "await store.init();",
        'await store.ensureOwner("alice", { name: "Alice" });',
        "const apollo = createWarmpathServer();",
        "await apollo.start();",
        'const result = await apollo.executeOperation({ query: "{ me { name } }" }, { contextValue: contextFor(store, "alice") });',
        "console.log(JSON.stringify(result.body.singleResult.data));",
      ].join("\n"),
    );
    expect(JSON.parse((await run(process.execPath, ["embed.js"], app)).stdout)).toEqual({
      me: { name: "Alice" },
    });
  });

  it("loads the Neo4j driver for warmpath/neo4j and never for warmpath or warmpath/sqlite", async () => {
    const driverFilesAfter = async (entry: string) => {
      const script = `import { createRequire } from "node:module"; await import(${JSON.stringify(entry)}); console.log(Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes("/neo4j-driver")).length);`;
      return Number(
        (await run(process.execPath, ["--input-type=module", "-e", script], app)).stdout.trim(),
      );
    };
    expect(await driverFilesAfter("warmpath/sqlite")).toBe(0);
    expect(await driverFilesAfter("warmpath")).toBe(0);
    expect(await driverFilesAfter("warmpath/neo4j")).toBeGreaterThan(0);
  });
});
