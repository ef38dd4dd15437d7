/** Children for the kill -9 tests: started with tsx, read line by line, killed with SIGKILL; and the seeded random moments. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A running child: its complete stdout lines so far, its stderr, and how it ended. */
export interface CrashChild {
  process: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line matching `test`; rejects when the child ends or `ms` pass first. */
  waitForLine(test: (line: string) => boolean, ms: number): Promise<string>;
  /** SIGKILL, then its end; throws (with its stderr) when it had already ended by itself. */
  kill(): Promise<void>;
}

/** Starts `node --import tsx test/support/<script> ...args` in the checkout, on the given environment. */
export function startChild(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): CrashChild {
  const child = spawn(process.execPath, ["--import", "tsx", `test/support/${script}`, ...args], {
    cwd: ROOT,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = "";
  let stderr = "";
  let ended = false;
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    // A line cut by the kill has no newline yet: it is never acknowledged.
    partial = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      ended = true;
      for (const wake of waiters) wake();
      resolve({ code, signal });
    }),
  );
  return {
    process: child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine(test, ms) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            done(() =>
              reject(new Error(`no such line from ${script} within ${ms} ms; stderr:\n${stderr}`)),
            ),
          ms,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        const check = () => {
          const line = lines.find(test);
          if (line !== undefined) done(() => resolve(line));
          else if (ended)
            done(() =>
              reject(new Error(`${script} ended before the line came; stderr:\n${stderr}`)),
            );
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      child.kill("SIGKILL");
      const { code, signal } = await exited;
      if (signal !== "SIGKILL")
        throw new Error(
          `${script} ended by itself (code ${code}, signal ${signal}) before the kill; stderr:\n${stderr}`,
        );
    },
  };
}

/** mulberry32: a small seeded PRNG, so a failing run's kill moments can be replayed with its seed. */
export function seededRandom(seed: number): {
  between(min: number, max: number): number;
  chance(p: number): boolean;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    between: (min, max) => Math.floor(min + next() * (max - min + 1)),
    chance: (p) => next() < p,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The parent's environment for a child on SQLite: never the shared Neo4j. */
export function sqliteEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NEO4J_URI: _uri, WARMPATH_OWNER: _owner, WARMPATH_DB: _db, ...env } = process.env;
  return { ...env, ...extra };
}
