/**
 * A build that test files and scripts share: made when its output is missing or older than
 * its sources, else reused. Test files run in parallel, so one builds while the others wait
 * on a lock folder (mkdir is atomic), then all use the same build; nothing else ever writes
 * to the output while a test may be reading it.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

export interface FreshBuild {
  /** What is built, for error messages. */
  name: string;
  /** The file whose modification time says when the last complete build finished. */
  stamp: string;
  /** Files and folders the build reads; any newer than the stamp makes the build stale. */
  sources: readonly string[];
  /** The lock folder (beside the output, never inside a source folder). */
  lock: string;
  /** How long a build may take before its lock counts as left by a killed run. */
  staleAfterMs: number;
  /** Builds, ending with the stamp written. */
  build(): Promise<void>;
}

/**
 * The newest modification time under `path` (a file or a folder), in milliseconds. A folder's
 * own time counts: it changes when a file in it is added, removed or renamed.
 */
function newest(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function isFresh(b: FreshBuild): boolean {
  const built = statSync(b.stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return built > 0 && built >= Math.max(...b.sources.map(newest));
}

function tryLock(b: FreshBuild): boolean {
  try {
    mkdirSync(b.lock);
    return true;
  } catch {
    const age = Date.now() - (statSync(b.lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > b.staleAfterMs) rmSync(b.lock, { recursive: true, force: true });
    return false;
  }
}

/** Resolves once the output holds a complete build of the current sources. */
export async function ensureFreshBuild(b: FreshBuild): Promise<void> {
  for (let waited = 0; !isFresh(b); waited += 250) {
    if (tryLock(b)) {
      try {
        if (!isFresh(b)) await b.build();
      } finally {
        rmSync(b.lock, { recursive: true, force: true });
      }
      break;
    }
    if (waited > b.staleAfterMs + 60_000)
      throw new Error(`gave up waiting for another run's build of ${b.name}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const exec = promisify(execFile);

/**
 * Runs `node script ...args` in `cwd` for a build, with `env` over this process's environment;
 * its output becomes the error when it fails.
 */
export async function runBuildScript(
  cwd: string,
  script: string,
  args: string[],
  what: string,
  env: NodeJS.ProcessEnv = {},
) {
  const options = { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } };
  await exec(process.execPath, [script, ...args], options).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(`${what} failed:\n${error.stderr ?? ""}${error.stdout ?? String(error)}`);
    },
  );
}
