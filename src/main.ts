/**
 * `npm start`: opens the configured store (the embedded SQLite file by default),
 * makes sure the owner's network exists, and reports what it holds.
 * The GraphQL server is added on top of this entry point.
 */
import "reflect-metadata";
import { readConfig } from "./config.js";
import { isWarmpathError } from "./errors.js";
import { describeStore, openStore } from "./open-store.js";

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config.store);
  try {
    const self = await store.ensureOwner(config.owner, { name: "Me" });
    const network = await store.loadNetwork(config.owner);
    console.log(
      `warmpath: ${describeStore(config.store)} is ready. Owner "${config.owner}" (self: ${self.name}) has ` +
        `${count(network.people.length, "person", "people")}, ${count(network.organizations.length, "organization", "organizations")} ` +
        `and ${count(network.ties.length, "tie", "ties")}, at version ${network.version}.`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  // A clear line for the errors we expect (an unreachable Neo4j, a bad setting), a stack only for bugs.
  console.error(isWarmpathError(error) ? `warmpath: ${error.code}: ${error.message}` : error);
  process.exit(1);
});
