#!/usr/bin/env node
// The `warmpath` command line, from the compiled package (`npm run build` makes dist/ in a checkout).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("warmpath: dist/ is missing; run `npm run build` first");
  process.exit(1);
}
// A reader that stops early (`warmpath export csv | head`) is not an error. Set here, not in the
// library, so an app that embeds warmpath keeps its own stdout handling.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runCli } = await import(entry.href);
// exitCode, not exit(): `serve` keeps running after runCli returns, and pending output is flushed.
process.exitCode = await runCli(process.argv.slice(2));
