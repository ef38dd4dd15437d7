/**
 * Vitest globalSetup: one Neo4j for the whole test run.
 *
 * - NEO4J_URI set: use that server (NEO4J_USER, default "neo4j"; NEO4J_PASSWORD, default "password").
 * - Otherwise: build the throwaway server if needed (`bash neo4j/fetch.sh`: Maven, slow only the first time),
 *   start `warmpath.EmbeddedNeo4j` (Neo4j Community 5.26, embedded, Bolt on 127.0.0.1, auth disabled) on a
 *   free port with a temp data folder, wait until the driver connects, and stop it in teardown.
 *
 * Never throws when Neo4j can't be had: it provides `neo4jUnavailable` (a message saying what is missing) so
 * the SQLite tests still run and the Neo4j tests fail with that message (see ./neo4j-connection.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { auth, driver as createDriver } from "neo4j-driver";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** Empty when Neo4j is usable; otherwise what is missing. */
    neo4jUnavailable: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const NEO4J_DIR = path.join(ROOT, "neo4j");
const READY_TIMEOUT_MS = 120_000;
const FETCH_TIMEOUT_MS = 20 * 60_000;
const STOP_GRACE_MS = 8_000;

/**
 * JVM settings for the test server (keep in sync with neo4j/start.sh): a small heap
 * and C1 only, for a fast start on a shared 2-core machine. WARMPATH_NEO4J_PROFILE=bench
 * (set by the benchmarks) trades start-up time for throughput: full JIT, a larger heap
 * and page cache.
 */
const BENCH = process.env.WARMPATH_NEO4J_PROFILE === "bench";
const PAGECACHE_MB = BENCH ? "3072" : "64";
const JVM_ARGS = [
  ...(BENCH
    ? ["-Xms2g", "-Xmx4g", "-XX:+UseParallelGC"]
    : ["-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]),
  "-XX:+ExitOnOutOfMemoryError",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

const log = (msg: string): void => {
  console.log(msg);
};

interface Server {
  child: ChildProcess;
  dataDir: string;
  onExit: () => void;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const give = (uri: string, user: string, password: string, unavailable: string): void => {
    project.provide("neo4jUri", uri);
    project.provide("neo4jUser", user);
    project.provide("neo4jPassword", password);
    project.provide("neo4jUnavailable", unavailable);
    if (unavailable)
      log(`neo4j unavailable: ${unavailable} (Neo4j tests will fail; other tests still run)`);
  };

  const externalUri = process.env.NEO4J_URI?.trim();
  if (externalUri) {
    const user = process.env.NEO4J_USER || "neo4j";
    const password = process.env.NEO4J_PASSWORD || "password";
    const started = Date.now();
    const err = await verify(externalUri, user, password, 30_000);
    if (err) {
      give(
        externalUri,
        user,
        password,
        `cannot connect to NEO4J_URI=${externalUri} as ${user}: ${err}`,
      );
    } else {
      log(`neo4j ready in ${secs(Date.now() - started)} s at ${externalUri} (NEO4J_URI)`);
      give(externalUri, user, password, "");
    }
    return async () => {};
  }

  const user = "neo4j";
  const password = "password"; // the embedded server runs with auth disabled; any credentials work
  let server: Server | undefined;
  try {
    const fetched = await fetchJars();
    if (fetched) {
      give("", user, password, fetched);
      return async () => {};
    }

    let lastError = "";
    for (let attempt = 1; attempt <= 2 && !server; attempt++) {
      const port = await freePort();
      const started = Date.now();
      const result = await startServer(port);
      if ("error" in result) {
        lastError = result.error;
        // A port taken between freePort() and bind: try once more on another one.
        if (!/address already in use|BindException/i.test(lastError)) break;
        continue;
      }
      server = result.server;
      const err = await verify(
        result.uri,
        user,
        password,
        Math.max(5_000, READY_TIMEOUT_MS - (Date.now() - started)),
      );
      if (err) {
        lastError = `the Neo4j test server started but the driver cannot connect to ${result.uri}: ${err}`;
        break;
      }
      log(`neo4j ready in ${secs(Date.now() - started)} s at ${result.uri}`);
      give(result.uri, user, password, "");
      const running = server;
      return async () => {
        await stopServer(running);
      };
    }
    if (server) await stopServer(server);
    give("", user, password, lastError || "the Neo4j test server did not start");
    return async () => {};
  } catch (e) {
    if (server) await stopServer(server);
    give("", user, password, `starting the Neo4j test server failed: ${errorText(e)}`);
    return async () => {};
  }
}

/** Runs neo4j/fetch.sh (a no-op when already built). Returns an error message, or "" when the jars are there. */
async function fetchJars(): Promise<string> {
  const java = await run("java", ["-version"], 30_000);
  if (java.spawnError) {
    return "java not found: install OpenJDK 17 and Maven (apt-get install openjdk-17-jdk-headless maven), or set NEO4J_URI";
  }
  const started = Date.now();
  const res = await run("bash", [path.join(NEO4J_DIR, "fetch.sh")], FETCH_TIMEOUT_MS, (line) =>
    log(line),
  );
  if (res.spawnError) return `cannot run bash neo4j/fetch.sh: ${res.spawnError}`;
  if (res.code !== 0) {
    const why =
      res.stderr.trim().split("\n").slice(-5).join(" | ") || `exit code ${res.code ?? res.signal}`;
    return `neo4j/fetch.sh failed: ${why}`;
  }
  if (Date.now() - started > 5_000) log(`neo4j/fetch.sh took ${secs(Date.now() - started)} s`);
  return "";
}

async function startServer(
  port: number,
): Promise<{ server: Server; uri: string } | { error: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "warmpath-neo4j-"));
  const classpath = [
    path.join(NEO4J_DIR, "target", "lib", "*"),
    path.join(NEO4J_DIR, "target", "warmpath-neo4j.jar"),
  ].join(path.delimiter);
  const child = spawn(
    "java",
    [
      ...JVM_ARGS,
      "-cp",
      classpath,
      "warmpath.EmbeddedNeo4j",
      String(port),
      dataDir,
      "--exit-on-stdin-eof",
      "--delete-data-dir-on-exit",
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_PAGECACHE_MB: PAGECACHE_MB,
        NEO4J_TX_TIMEOUT_S: BENCH ? "3600" : "120",
      },
      // stdin stays an open pipe: when this process dies, even by SIGKILL, java sees EOF, stops and removes dataDir.
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  // If vitest exits without running teardown, don't leave java or its data behind.
  const onExit = (): void => {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  };
  process.on("exit", onExit);
  const server: Server = { child, dataDir, onExit };

  const stderrTail: string[] = [];
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    for (const line of chunk.split("\n")) {
      if (line.trim()) stderrTail.push(line);
    }
    if (stderrTail.length > 40) stderrTail.splice(0, stderrTail.length - 40);
  });
  child.stdin?.on("error", () => {
    // java gone: nothing to do
  });

  const uri = await new Promise<string | { error: string }>((resolve) => {
    let buffered = "";
    const timer = setTimeout(() => {
      finish({
        error: `the Neo4j test server was not ready within ${READY_TIMEOUT_MS / 1000} s; last output: ${tail()}`,
      });
    }, READY_TIMEOUT_MS);
    const tail = (): string => stderrTail.slice(-8).join(" | ") || "(none)";
    const onData = (chunk: string): void => {
      buffered += chunk;
      const m = /NEO4J_READY (bolt:\/\/\S+)/.exec(buffered);
      if (m?.[1]) finish(m[1]);
    };
    const onChildExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish({
        error: `the Neo4j test server exited (${code ?? signal}) before it was ready: ${tail()}`,
      });
    };
    const onError = (e: Error): void => {
      finish({ error: `cannot start java: ${e.message}` });
    };
    function finish(result: string | { error: string }): void {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onChildExit);
      child.off("error", onError);
      resolve(result);
    }
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", onData);
    child.once("exit", onChildExit);
    child.once("error", onError);
  });

  if (typeof uri !== "string") {
    await stopServer(server);
    return uri;
  }
  // Keep draining stdout so java never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return { server, uri };
}

async function stopServer(server: Server): Promise<void> {
  const { child, dataDir, onExit } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = new Promise<"timeout">((resolve) =>
      setTimeout(() => resolve("timeout"), STOP_GRACE_MS).unref(),
    );
    if ((await Promise.race([exited, timer])) === "timeout") {
      log(`neo4j: pid ${child.pid} did not stop within ${STOP_GRACE_MS / 1000} s, sending SIGKILL`);
      child.kill("SIGKILL");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
    }
  }
  child.stdin?.destroy();
  process.off("exit", onExit);
  rmSync(dataDir, { recursive: true, force: true });
}

/** Connects with neo4j-driver until it succeeds or timeoutMs passes. Returns "" on success, else the last error. */
async function verify(
  uri: string,
  user: string,
  password: string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    const d = createDriver(uri, auth.basic(user, password), { connectionTimeout: 5_000 });
    try {
      await d.verifyConnectivity();
      return "";
    } catch (e) {
      last = errorText(e);
    } finally {
      await d.close().catch(() => undefined);
    }
    if (Date.now() + 500 > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  spawnError?: string;
}

/** Runs a command; forwards stdout lines to onLine; keeps stderr (also echoed, for CI logs). */
function run(
  cmd: string,
  args: string[],
  timeoutMs: number,
  onLine?: (line: string) => void,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let out = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      const lines = out.split("\n");
      out = lines.pop() ?? "";
      for (const line of lines) onLine?.(line);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (onLine) process.stderr.write(chunk);
    });
    child.once("error", (e) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stderr, spawnError: e.message });
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (out) onLine?.(out);
      resolve({ code, signal, stderr });
    });
  });
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
