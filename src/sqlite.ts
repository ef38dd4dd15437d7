/**
 * `warmpath/sqlite`: the embedded SQLite store alone. Importing it loads
 * better-sqlite3 and never the Neo4j driver.
 */
export { SqliteStore, type SqliteStoreOptions } from "./graph/store/sqlite/sqlite-store.js";
export {
  PARALLEL_READ_DEFAULTS,
  type ParallelReadOptions,
} from "./graph/store/sqlite/sqlite-parallel-ties.js";
