/**
 * The real HTTP server (startHttpServer) over a temporary SQLite file holding the demo network,
 * on a free loopback port, serving the built web app: what `warmpath demo && npm start` gives
 * a newcomer. With `accounts`, a user exists first, so every request needs a session.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { hashPassword } from "../../src/auth/index.js";
import { loadDemoNetwork } from "../../src/graph/index.js";
import { startHttpServer } from "../../src/http-server.js";
import { SqliteStore } from "../../src/sqlite.js";

export interface DemoServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  base: string;
  store: SqliteStore;
  ownerId: string;
  close(): Promise<void>;
}

export interface DemoAccount {
  email: string;
  password: string;
}

export async function startDemoServer(
  options: { webRoot?: string | null; account?: DemoAccount } = {},
): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-web-"));
  const ownerId = "web-owner";
  const store = new SqliteStore({ path: join(dir, "demo.db") });
  await store.init();
  await store.ensureOwner(ownerId, { name: "Me" });
  await loadDemoNetwork(store, ownerId);
  if (options.account)
    await store.createUser({
      email: options.account.email,
      name: "Ada Admin",
      ownerId,
      passwordHash: await hashPassword(options.account.password),
      admin: true,
    });
  const server = await startHttpServer({
    store,
    ownerId,
    port: 0,
    host: "127.0.0.1",
    logger: pino({ level: "silent" }),
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  });
  return {
    base: server.url.replace(/\/graphql$/, ""),
    store,
    ownerId,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
