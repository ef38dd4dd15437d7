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
  type NetworkStore,
} from "../graph/index.js";

/** What a command works on: the open store, whose network, and where it lives (for messages). */
export interface CliStore {
  store: NetworkStore;
  ownerId: string;
  where: string;
}

/** Opens the configured store, ensures the owner exists, runs the work, and always closes the store. */
export async function withStore<T>(io: CliIo, work: (context: CliStore) => Promise<T>): Promise<T> {
  const config = readConfig(io.env, io.db === undefined ? {} : { db: io.db });
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
