/**
 * `npm start`: serves the GraphQL API at http://localhost:4000/graphql on the
 * configured store (the embedded SQLite file by default; see src/config.ts).
 */
import "reflect-metadata";
import { pino } from "pino";
import { readConfig } from "./config.js";
import { isWarmpathError } from "./errors.js";
import { startHttpServer } from "./http-server.js";
import { describeStore, openStore } from "./open-store.js";

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino();
  const store = await openStore(config.store);
  await store.ensureOwner(config.owner, { name: "Me" });
  const server = await startHttpServer({ store, ownerId: config.owner, port: config.port, host: config.host, production: config.production, logger });
  logger.info({ url: server.url, store: describeStore(config.store), owner: config.owner }, `warmpath is serving GraphQL at ${server.url}`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  // A clear line for the errors we expect (an unreachable Neo4j, a bad setting), a stack only for bugs.
  console.error(isWarmpathError(error) ? `warmpath: ${error.code}: ${error.message}` : error);
  process.exit(1);
});
