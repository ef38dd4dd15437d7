/**
 * `warmpath/neo4j`: the Neo4j store alone (the system of record for teams and
 * large networks). Importing it loads neo4j-driver and never better-sqlite3.
 */
export {
  Neo4jStore,
  NEO4J_TIMEOUTS,
  type Neo4jStoreOptions,
  type Neo4jTimeouts,
} from "./graph/store/neo4j/index.js";
