/**
 * `npm start` runs this first: when the web app has not been built (web/dist/index.html is
 * missing, say after `npm install --ignore-scripts`), it builds it, so the README's
 * `npm install && npm start` always serves the app. A build that is there is left alone: `npm
 * install` (its prepare script) and `npm run build:web` rebuild it. Without Vite (an install
 * without devDependencies) it says so and the server starts anyway, answering / with how to build.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const web = (file: string): string => fileURLToPath(new URL(`../web/${file}`, import.meta.url));

if (!existsSync(web("dist/index.html"))) {
  let vite: typeof import("vite") | undefined;
  try {
    vite = await import("vite");
  } catch {
    console.error(
      "warmpath: the web app is not built and Vite is not installed; run `npm install`.",
    );
  }
  if (vite) {
    console.error("warmpath: building the web app (web/dist) once...");
    await vite.build({ configFile: web("vite.config.ts"), logLevel: "warn" });
  }
}
