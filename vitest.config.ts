import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Resolve graphql as Node does (its CommonJS main), so test code and the libraries
    // Node loads (type-graphql, Apollo) share one graphql module, never two.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Starts a throwaway Neo4j (or checks NEO4J_URI) once for the whole run.
    globalSetup: ["test/setup/neo4j.global.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Stopping Neo4j may take a grace period plus a SIGKILL wait (see neo4j.global.ts).
    teardownTimeout: 15_000,
    // Test files share one Neo4j; each uses its own owners, so files may run in parallel.
    pool: "forks",
    // Vitest's default is one fewer than the cores: a single worker on CI's two, where much of
    // a file's time is spent waiting on Neo4j, a child process or Chromium. Two overlap those
    // waits (the suite took 18.6 min instead of over 25 on such a machine) and still leave
    // each file the CPU its deadlines assume.
    maxWorkers: 2,
    // Memory tests collect garbage before they measure what is retained.
    execArgv: ["--expose-gc"],
  },
});
