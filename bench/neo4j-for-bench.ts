/**
 * Gives a benchmark the same Neo4j the tests get: NEO4J_URI when set, otherwise
 * the throwaway server from neo4j/, started and stopped by the tests' global setup.
 */
import type { TestProject } from "vitest/node";

export interface Neo4jConnectionInfo {
  uri: string;
  user: string;
  password: string;
}

export async function withNeo4j<T>(
  work: (connection: Neo4jConnectionInfo) => Promise<T>,
): Promise<T> {
  process.env.WARMPATH_NEO4J_PROFILE ??= "bench";
  const { default: setup } = await import("../test/setup/neo4j.global.js");
  const provided = new Map<string, string>();
  const project = {
    provide: (key: string, value: string) => provided.set(key, value),
  } as unknown as TestProject;
  const teardown = await setup(project);
  try {
    const unavailable = provided.get("neo4jUnavailable");
    if (unavailable) throw new Error(`Neo4j unavailable: ${unavailable}`);
    return await work({
      uri: provided.get("neo4jUri") ?? "",
      user: provided.get("neo4jUser") ?? "",
      password: provided.get("neo4jPassword") ?? "",
    });
  } finally {
    await teardown();
  }
}
