/**
 * Runs the compiled `warmpath` binary in a child process, for the command tests: always on a
 * throwaway SQLite file given with `--db` (never ./data, never Neo4j), with a store opened in
 * the test to lay out a network first and to check what a command wrote.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect } from "vitest";
import { ensureDistBuild } from "../../scripts/dist-build.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** A fresh folder for a test file's databases and exports. */
export const scratchDir = (): string => mkdtempSync(join(tmpdir(), "warmpath-cli-"));

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Makes sure dist/ is compiled from the current sources (the binary runs dist/). */
export async function buildDist(): Promise<void> {
  await ensureDistBuild();
}

/** Runs `warmpath ...args --db <db>` with `env` added; the store variables are cleared. */
export async function warmpath(
  db: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Outcome> {
  const {
    NEO4J_URI: _uri,
    WARMPATH_OWNER: _owner,
    WARMPATH_DB: _db,
    NO_COLOR: _noColor,
    FORCE_COLOR: _force,
    ...rest
  } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["bin/warmpath.js", ...args, "--db", db],
      { cwd: ROOT, env: { ...rest, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** A `--json` run that must succeed, parsed. */
export async function json<T = any>(db: string, args: readonly string[]): Promise<T> {
  const out = await warmpath(db, [...args, "--json"]);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as T;
}

/** Opens the file as the command line does (owner "me", with its self), runs `work`, closes it. */
export async function withFile<T>(
  db: string,
  work: (store: SqliteStore, self: { id: string }) => Promise<T>,
): Promise<T> {
  const store = new SqliteStore({ path: db });
  await store.init();
  try {
    const self = await store.ensureOwner("me", { name: "Me" });
    return await work(store, self);
  } finally {
    await store.close();
  }
}
