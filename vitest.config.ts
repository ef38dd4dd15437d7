import { defineConfig } from "vitest/config";

export default defineConfig({
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
  },
});
