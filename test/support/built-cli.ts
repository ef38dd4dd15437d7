/**
 * The `warmpath` binary as users run it (bin/warmpath.js over a tsc build of src/), built in a
 * copy of the checkout: never into the checkout's own dist/, which another test file may be
 * rebuilding at the same moment (a half-written module there would fail a run at random).
 */
import { execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(import.meta.dirname, "../..");
const exec = promisify(execFile);

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface BuiltCli {
  /** Runs `warmpath ...args` with exactly `env` (plus PATH), writing `input` to its stdin. */
  run(args: readonly string[], env: Record<string, string>, input?: string): Promise<CliOutcome>;
}

/** Copies the sources, builds them, and returns a runner for the built binary. */
export async function buildCli(): Promise<BuiltCli> {
  const copy = mkdtempSync(join(tmpdir(), "warmpath-cli-build-"));
  for (const entry of ["package.json", "bin", "src", "tsconfig.json", "tsconfig.build.json"])
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  await exec(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: copy },
  ).catch((error: { stdout?: string }) => {
    throw new Error(`the build failed:\n${error.stdout ?? String(error)}`);
  });
  const bin = join(copy, "bin/warmpath.js");
  return {
    run: (args, env, input) =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd: copy,
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
