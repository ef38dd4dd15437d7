/**
 * The Neo4j server that test/setup/neo4j.global.ts provided for this run.
 * Throws "Neo4j unavailable: <what is missing>" when there is none, so Neo4j tests fail with the reason.
 */
import { inject } from "vitest";
import type {} from "./neo4j.global.js"; // the ProvidedContext keys (type-only: erased at run time)

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export function neo4jConnection(): Neo4jConnection {
  const unavailable = inject("neo4jUnavailable");
  if (unavailable) throw new Error("Neo4j unavailable: " + unavailable);
  const uri = inject("neo4jUri");
  if (!uri)
    throw new Error(
      "Neo4j unavailable: no neo4jUri was provided (is test/setup/neo4j.global.ts in globalSetup?)",
    );
  return { uri, user: inject("neo4jUser"), password: inject("neo4jPassword") };
}
