/** What the kill -9 test's writer child (crash-writer.ts) acknowledges, shared with the parent test. */

/** One acknowledgement line on the child's stdout, printed after the write it names resolved. */
export type CrashAck =
  | { kind: "loaded" }
  | { kind: "ready" }
  | { kind: "person"; via: "store" | "graphql"; id: string; name: string }
  | { kind: "batch"; batch: string; ids: string[]; names: string[] }
  | {
      kind: "tie";
      via: "store" | "graphql";
      id: string;
      ends: [string, string];
      strength: number;
      context: string;
      notes: string;
    }
  | { kind: "interaction"; id: string; personId: string; summary: string }
  | { kind: "favor"; id: string; personId: string; summary: string };

/** How many people one bulkUpsert batch writes; the parent finds each batch whole or absent. */
export const CRASH_BATCH_SIZE = 5;

/** Whose network the writer writes. */
export const CRASH_OWNER = "crash-owner";
