/**
 * The built web app for the browser tests and bench/web: web/dist as `npm install` (prepare)
 * built it, or built now when it is missing or older than its sources (fresh-build.ts).
 */
import { join, resolve } from "node:path";
import { ensureFreshBuild, runBuildScript } from "./fresh-build.js";

const ROOT = resolve(import.meta.dirname, "..");
export const WEB_DIST = join(ROOT, "web/dist");

/** Returns web/dist once it holds a build of the current sources. */
export async function ensureWebBuild(): Promise<string> {
  await ensureFreshBuild({
    name: "the web app",
    stamp: join(WEB_DIST, "index.html"),
    sources: [
      "web/src",
      "web/index.html",
      "web/graphiql.html",
      "web/vite.config.ts",
      "package-lock.json",
    ].map((s) => join(ROOT, s)),
    lock: join(ROOT, "web/.dist-build-lock"),
    staleAfterMs: 120_000,
    async build() {
      const vite = join(ROOT, "node_modules/vite/bin/vite.js");
      // Vitest sets NODE_ENV=test, and Vite builds whatever NODE_ENV says: development React,
      // several times slower. The tests and benches use the build `npm install` makes.
      const args = ["build", "--config", "web/vite.config.ts"];
      await runBuildScript(ROOT, vite, args, "vite build", { NODE_ENV: "production" });
    },
  });
  return WEB_DIST;
}
