#!/usr/bin/env node
// The `warmpath` command. Until the command line lands it runs the same entry point as `npm start`,
// from the compiled package (`npm run build` makes dist/ in a checkout).
import { existsSync } from "node:fs";

const entry = new URL("../dist/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("warmpath: dist/ is missing; run `npm run build` first");
  process.exit(1);
}
await import(entry.href);
