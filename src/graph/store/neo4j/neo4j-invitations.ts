/**
 * Invitations in Neo4j: `:Invitation` nodes (constraints in neo4j-schema.ts) that carry their
 * inviter's id and are found by the SHA-256 of their token, which is stored but never read back
 * out. Every function runs in the caller's transaction.
 */
import { fromIso, toIso } from "../accounts.js";
import type { Invitation } from "../invitations.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function toInvitation(p: Row): Invitation {
  return {
    id: String(p.id),
    email: text(p.email),
    admin: p.admin === true,
    invitedBy: String(p.invitedBy),
    createdAt: fromIso(p.createdAt) as Date,
    expiresAt: fromIso(p.expiresAt) as Date,
    usedAt: fromIso(p.usedAt),
    usedBy: text(p.usedBy),
  };
}

export async function insertInvitation(
  tx: Tx,
  invitation: Invitation,
  tokenHash: string,
): Promise<void> {
  await rows(tx, "CREATE (i:Invitation) SET i = $props", {
    props: {
      ...invitation,
      tokenHash,
      createdAt: toIso(invitation.createdAt),
      expiresAt: toIso(invitation.expiresAt),
      usedAt: toIso(invitation.usedAt),
    },
  });
}

export async function invitationByHash(tx: Tx, tokenHash: string): Promise<Invitation | undefined> {
  const [row] = await rows(
    tx,
    "MATCH (i:Invitation {tokenHash: $tokenHash}) RETURN properties(i) AS i",
    { tokenHash },
  );
  return row && toInvitation(row.i as Row);
}

/**
 * The invitation with this hash, read under its write lock (held until commit): a concurrent
 * sign-up with it waits here, then reads it used. Flipping a property is the cheapest write
 * that makes Neo4j lock the node; the read is a statement of its own so it runs after the lock.
 */
export async function lockedInvitation(tx: Tx, tokenHash: string): Promise<Invitation | undefined> {
  await rows(
    tx,
    "MATCH (i:Invitation {tokenHash: $tokenHash}) SET i.lock = NOT coalesce(i.lock, false)",
    { tokenHash },
  );
  return invitationByHash(tx, tokenHash);
}

/** Marks the invitation used by the user it created. */
export async function markUsed(tx: Tx, id: string, usedAt: Date, usedBy: string): Promise<void> {
  await rows(tx, "MATCH (i:Invitation {id: $id}) SET i.usedAt = $usedAt, i.usedBy = $usedBy", {
    id,
    usedAt: toIso(usedAt),
    usedBy,
  });
}

export async function invitationsBy(tx: Tx, invitedBy: string): Promise<Invitation[]> {
  const found = await rows(
    tx,
    `MATCH (i:Invitation {invitedBy: $invitedBy}) RETURN properties(i) AS i
     ORDER BY i.createdAt, i.id`,
    { invitedBy },
  );
  return found.map((row) => toInvitation(row.i as Row));
}
