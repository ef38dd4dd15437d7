/**
 * The built web app for the browser tests and bench/web: web/dist as `npm install` (prepare)
 * built it, or built now when it is missing or older than its sources. Test files run in
 * parallel, so one builds while the others wait on a lock folder (mkdir is atomic), then all
 * read the same build.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");
export const WEB_DIST = join(ROOT, "web/dist");
const LOCK = join(ROOT, "web/.dist-build-lock");
const exec = promisify(execFile);

/** The newest modification time under `path` (a file or a folder), in milliseconds. */
function newest(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const SOURCES = [
  "web/src",
  "web/index.html",
  "web/graphiql.html",
  "web/vite.config.ts",
  "package-lock.json",
];

function isFresh(): boolean {
  const built = statSync(join(WEB_DIST, "index.html"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return built > 0 && built >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a run that was killed mid-build is stale after two minutes.
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Returns web/dist once it holds a build of the current sources. */
export async function ensureWebBuild(): Promise<string> {
  for (let waited = 0; !isFresh(); waited += 250) {
    if (tryLock()) {
      try {
        if (!isFresh())
          await exec(
            process.execPath,
            [
              join(ROOT, "node_modules/vite/bin/vite.js"),
              "build",
              "--config",
              "web/vite.config.ts",
            ],
            { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
          ).catch((error: { stdout?: string; stderr?: string }) => {
            throw new Error(`vite build failed:\n${error.stderr ?? ""}${error.stdout ?? ""}`);
          });
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      break;
    }
    if (waited > 170_000) throw new Error("gave up waiting for another run's web build");
    await new Promise((r) => setTimeout(r, 250));
  }
  return WEB_DIST;
}
