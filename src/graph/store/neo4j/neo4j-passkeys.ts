/**
 * Passkeys in Neo4j: `:Passkey` nodes (constraints in neo4j-schema.ts) keyed by the credential
 * id, carrying their user's id; transports are a list property. The counter is stored as the
 * driver sends a JavaScript number (a float), exact far beyond WebAuthn's 32-bit counter. Every
 * function runs in the caller's transaction.
 */
import { isInt } from "neo4j-driver";
import { fromIso, toIso } from "../accounts.js";
import type { Passkey, PasskeyWithUser } from "../passkeys.js";
import { toUser } from "./neo4j-accounts.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

/** A borrowed driver returns integers as Integer objects (see neo4j-run.ts). */
const count = (value: unknown): number =>
  isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value);

function toPasskey(p: Row): Passkey {
  return {
    id: String(p.id),
    userId: String(p.userId),
    name: String(p.name),
    publicKey: String(p.publicKey),
    counter: count(p.counter),
    transports: ((p.transports ?? []) as unknown[]).map(String),
    deviceType: p.deviceType === "multiDevice" ? "multiDevice" : "singleDevice",
    backedUp: p.backedUp === true,
    createdAt: fromIso(p.createdAt) as Date,
    lastUsedAt: fromIso(p.lastUsedAt),
  };
}

export async function insertPasskey(tx: Tx, passkey: Passkey): Promise<void> {
  await rows(tx, "CREATE (p:Passkey) SET p = $props", {
    props: {
      ...passkey,
      createdAt: toIso(passkey.createdAt),
      lastUsedAt: toIso(passkey.lastUsedAt),
    },
  });
}

export async function passkeyById(tx: Tx, id: string): Promise<PasskeyWithUser | null> {
  const [row] = await rows(
    tx,
    `MATCH (p:Passkey {id: $id}) MATCH (u:User {id: p.userId})
     RETURN properties(p) AS p, properties(u) AS u`,
    { id },
  );
  return row ? { passkey: toPasskey(row.p as Row), user: toUser(row.u as Row) } : null;
}

export async function passkeysOf(tx: Tx, userId: string): Promise<Passkey[]> {
  const found = await rows(
    tx,
    `MATCH (p:Passkey {userId: $userId}) RETURN properties(p) AS p ORDER BY p.createdAt, p.id`,
    { userId },
  );
  return found.map((row) => toPasskey(row.p as Row));
}

/** False when there is no such passkey. */
export async function usePasskey(tx: Tx, id: string, counter: number, at: Date): Promise<boolean> {
  const found = await rows(
    tx,
    "MATCH (p:Passkey {id: $id}) SET p.counter = $counter, p.lastUsedAt = $at RETURN p.id",
    { id, counter, at: toIso(at) },
  );
  return found.length > 0;
}

/** Removes the user's passkey with this id; false for a missing one and for another user's alike. */
export async function deletePasskey(tx: Tx, userId: string, id: string): Promise<boolean> {
  const [row] = await rows(
    tx,
    "MATCH (p:Passkey {id: $id}) WHERE p.userId = $userId DELETE p RETURN count(*) AS n",
    { id, userId },
  );
  return Number(row?.n ?? 0) > 0;
}
