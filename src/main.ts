/**
 * `npm start`: serves the GraphQL API at http://localhost:4000/graphql and the
 * web app at http://localhost:4000/ on the configured store (the embedded SQLite
 * file by default; see src/config.ts).
 * When it cannot start it prints one line saying why and exits with 1.
 */
import "reflect-metadata";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { readConfig, type ConfigOverrides, type WarmpathConfig } from "./config.js";
import {
  saveProjectionSnapshots,
  setProjectionBudget,
  setProjectionSnapshots,
  type NetworkStore,
} from "./graph/index.js";
import { startHttpServer } from "./http-server.js";
import { describeStore, openStore } from "./open-store.js";
import { startupErrorLine, type StartupStep } from "./startup-error-line.js";

let step: StartupStep = "config";
let config: WarmpathConfig | undefined;
let store: NetworkStore | undefined;

async function main(overrides: ConfigOverrides): Promise<void> {
  config = readConfig(process.env, overrides);
  const logger = pino();
  step = "store";
  store = await openStore(config.store);
  await store.ensureOwner(config.owner, { name: "Me" });
  if (config.projectionBudgetBytes !== undefined)
    setProjectionBudget(store, config.projectionBudgetBytes);
  setProjectionSnapshots(store, config.snapshotDir);
  step = "listen";
  const server = await startHttpServer({
    store,
    ownerId: config.owner,
    port: config.port,
    host: config.host,
    allowedHosts: config.allowedHosts,
    ...(config.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: config.requestTimeoutMs }),
    production: config.production,
    setup: config.setup,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
    logger,
  });
  logger.info(
    { url: server.url, store: describeStore(config.store), owner: config.owner },
    `warmpath is serving GraphQL at ${server.url}`,
  );
  const app = server.url.replace(/graphql$/, "");
  logger.info({ url: app }, `open the web app at ${app}`);
  const open = store;
  const stop = async () => {
    await server.close();
    // The next start is warm if the snapshots are saved; a slow disk must not hold the stop long.
    await Promise.race([
      saveProjectionSnapshots(open),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
    await open.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * Starts the server (`warmpath serve` calls it with its options); from then on it owns its
 * errors and signals: a failure to start is one line on stderr and exit code 1.
 */
export function serve(overrides: ConfigOverrides = {}): Promise<void> {
  return main(overrides).catch(async (error: unknown) => {
    // One line for what the environment got wrong; a stack only for what we did not foresee (a bug).
    console.error(startupErrorLine(error, step, config) ?? error);
    // Closing is a courtesy to the database; a store that hangs on close must not keep the process alive.
    const closing = store?.close().catch(() => undefined);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    process.exit(1);
  });
}

/** Run as the entry point (`npm start`, `tsx src/main.ts`), not imported by `warmpath serve`. */
const isEntry = (): boolean => {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};

if (isEntry()) void serve();
