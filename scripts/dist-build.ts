/**
 * The compiled package (dist/) that bin/warmpath.js runs, for the tests of the command line,
 * the MCP server on stdio and the packed package: built once per change of the sources
 * (fresh-build.ts), so test files running in parallel never compile it twice, nor over one
 * another while a binary reads it. `npm run build` builds it too, but leaves no stamp.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { ensureFreshBuild } from "./fresh-build.js";

const ROOT = resolve(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");
const exec = promisify(execFile);

/** Returns dist/ once it holds a build of the current sources. */
export async function ensureDistBuild(): Promise<string> {
  await ensureFreshBuild({
    name: "dist/",
    stamp: STAMP,
    sources: ["src", "tsconfig.json", "tsconfig.build.json"].map((s) => join(ROOT, s)),
    lock: join(ROOT, ".dist-build-lock"),
    // tsc takes half a minute alone, and several times that on a busy two-core machine.
    staleAfterMs: 300_000,
    async build() {
      await exec(
        process.execPath,
        // Emit only: `npm test` type-checks first, and a checking build costs twice the time.
        [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--noCheck"],
        { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => {
        throw new Error(`the build of dist/ failed:\n${error.stdout ?? String(error)}`);
      });
      writeFileSync(STAMP, `${new Date().toISOString()}\n`);
    },
  });
  return DIST;
}
