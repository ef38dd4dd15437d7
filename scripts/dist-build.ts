/**
 * The compiled package (dist/) that bin/warmpath.js runs, for the tests of the command line,
 * the MCP server on stdio and the packed package: built once per change of the sources
 * (fresh-build.ts), so test files running in parallel never compile it twice, nor over one
 * another while a binary reads it. `npm run build` builds it too, but leaves no stamp.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureFreshBuild, runBuildScript } from "./fresh-build.js";

const ROOT = resolve(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");

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
      // Emit only: `npm test` type-checks first, and a checking build costs twice the time.
      const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
      await runBuildScript(
        ROOT,
        tsc,
        ["-p", "tsconfig.build.json", "--noCheck"],
        "the build of dist/",
      );
      writeFileSync(STAMP, `${new Date().toISOString()}\n`);
    },
  });
  return DIST;
}
