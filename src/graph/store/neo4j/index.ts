/** The Neo4j storage adapter. */
export { Neo4jStore, type Neo4jStoreOptions } from "./neo4j-store.js";
export { SCHEMA as NEO4J_SCHEMA } from "./neo4j-schema.js";
export { NEO4J_TIMEOUTS, type Neo4jTimeouts } from "./neo4j-timeouts.js";
