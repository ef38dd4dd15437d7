/**
 * The command line's composition root: the store the server would use (the
 * same settings, read once by src/config.ts), with the owner ensured, closed
 * when the command is done.
 */
import { readConfig } from "../config.js";
import { describeStore, openStore } from "../open-store.js";
import type { CliIo } from "./command.js";
import {
  saveProjectionSnapshots,
  setProjectionSnapshots,
  type SearchedStore,
} from "../graph/index.js";

/**
 * Opens the configured store, ensures the owner exists, runs the work on it (with where it
 * lives, for messages), and always closes the store.
 */
export async function withStore<T>(
  io: CliIo,
  work: (context: SearchedStore) => Promise<T>,
): Promise<T> {
  const config = readConfig(io.env, { db: io.db });
  const store = await openStore(config.store);
  setProjectionSnapshots(store, config.snapshotDir);
  try {
    await store.ensureOwner(config.owner, { name: "Me" });
    return await work({ store, ownerId: config.owner, where: describeStore(config.store) });
  } finally {
    // A projection the command built is saved for the next command's warm start.
    await saveProjectionSnapshots(store).catch(() => undefined);
    await store.close();
  }
}
