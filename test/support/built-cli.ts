/**
 * The `warmpath` binary as users run it (bin/warmpath.js over the tsc build of src/ that
 * scripts/dist-build.ts keeps fresh), run in a folder of its own, so a command that falls back
 * to ./data writes there and never into the checkout.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDistBuild } from "../../scripts/dist-build.js";

const ROOT = resolve(import.meta.dirname, "../..");

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface BuiltCli {
  /** Runs `warmpath ...args` with exactly `env` (plus PATH), writing `input` to its stdin. */
  run(args: readonly string[], env: Record<string, string>, input?: string): Promise<CliOutcome>;
}

/** Makes sure dist/ is built, and returns a runner for the binary in a fresh working folder. */
export async function buildCli(): Promise<BuiltCli> {
  await ensureDistBuild();
  const cwd = mkdtempSync(join(tmpdir(), "warmpath-cli-run-"));
  const bin = join(ROOT, "bin/warmpath.js");
  return {
    run: (args, env, input) =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd,
          env: { PATH: process.env.PATH ?? "", ...env },
          stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += String(chunk)));
        child.stderr.on("data", (chunk) => (stderr += String(chunk)));
        child.on("error", fail);
        child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(input ?? "");
      }),
  };
}
