/**
 * A throwaway Neo4j of one test file, which the file may stop, freeze (SIGSTOP)
 * and restart on the same port and data folder; never the shared server of
 * test/setup/neo4j.global.ts. Built by `bash neo4j/fetch.sh` (the global setup runs it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const NEO4J_DIR = path.join(ROOT, "neo4j");
const READY_TIMEOUT_MS = 90_000;

/** The test profile of test/setup/neo4j.global.ts (keep in sync): small heap, C1 only, for a fast start on 2 cores. */
const JVM_ARGS = [
  "-Xms256m",
  "-Xmx1g",
  "-XX:+UseSerialGC",
  "-XX:TieredStopAtLevel=1",
  "-XX:+ExitOnOutOfMemoryError",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

export interface Neo4jProcess {
  uri: string;
  pid: number;
  /** Sends a signal: SIGSTOP freezes it (sockets stay open, nothing answers), SIGCONT resumes it. */
  signal(name: NodeJS.Signals): void;
  /** SIGTERM (after SIGCONT, in case it is frozen), then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

export interface Neo4jProcessOptions {
  port: number;
  /** Kept across stops, so a restart finds the same data. */
  dataDir: string;
  /** Runs with auth enabled, user "neo4j" holding this password (8 characters or more). */
  password?: string;
}

/** Starts EmbeddedNeo4j and resolves once it prints its ready line. */
export async function startNeo4jProcess(o: Neo4jProcessOptions): Promise<Neo4jProcess> {
  const classpath = [
    path.join(NEO4J_DIR, "target", "lib", "*"),
    path.join(NEO4J_DIR, "target", "warmpath-neo4j.jar"),
  ].join(path.delimiter);
  const args = [
    ...JVM_ARGS,
    "-cp",
    classpath,
    "warmpath.EmbeddedNeo4j",
    String(o.port),
    o.dataDir,
    "--exit-on-stdin-eof",
  ];
  if (o.password !== undefined) args.push("--auth", o.password);
  // stdin stays an open pipe: if this process dies, java reads EOF and stops (the data folder is ours to remove).
  const child = spawn("java", args, {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, NEO4J_PAGECACHE_MB: "64" },
  });
  const kill = (): void => void child.kill("SIGKILL");
  process.on("exit", kill);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => process.off("exit", kill));
  child.stdin?.on("error", () => undefined);
  const tail: string[] = [];
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    tail.push(...chunk.split("\n").filter((line) => line.trim() && !/^\s+at /.test(line)));
    tail.splice(0, Math.max(0, tail.length - 20));
  });
  const uri = await readyLine(child, () => tail.slice(-6).join(" | "));
  const handle: Neo4jProcess = {
    uri,
    pid: child.pid ?? 0,
    signal: (name) => void child.kill(name),
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      const late = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(late);
    },
  };
  return handle;
}

function readyLine(child: ChildProcess, tail: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Neo4j was not ready within ${READY_TIMEOUT_MS / 1000} s: ${tail()}`));
    }, READY_TIMEOUT_MS);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      out += chunk;
      const m = /NEO4J_READY (bolt:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited (${code ?? signal}) before it was ready: ${tail()}`));
    });
  });
}

/** A port nobody listens on now; the file keeps it for its restarts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}
