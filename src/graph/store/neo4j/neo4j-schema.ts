/**
 * Constraints and indexes, all created with IF NOT EXISTS so `init()` is
 * idempotent. Neo4j 5.26 Community has composite node uniqueness and
 * relationship property uniqueness (checked against 5.26.30), but not
 * existence or key constraints (Enterprise only); required properties are
 * therefore the adapter's job.
 */
import { Neo4jError } from "neo4j-driver";
import { RECORD_KINDS, SPECS } from "../../model/kinds.js";
import { LAYOUT } from "./neo4j-layout.js";
import { hasIdentityProperty } from "./neo4j-records.js";

function recordStatements(): string[] {
  const out: string[] = [];
  for (const kind of RECORD_KINDS) {
    const layout = LAYOUT[kind];
    const name = kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const target = layout.form === "node" ? `(n:${layout.label})` : `()-[n:${layout.type}]-()`;
    // Ids are random and global, so one owner's id never names another's record.
    out.push(`CREATE CONSTRAINT ${name}_id IF NOT EXISTS FOR ${target} REQUIRE n.id IS UNIQUE`);
    // Listing scans an owner's records in (sortKey, id) order.
    out.push(`CREATE INDEX ${name}_order IF NOT EXISTS FOR ${target} ON (n.owner, n.sortKey)`);
    if (hasIdentityProperty(kind)) {
      out.push(
        `CREATE CONSTRAINT ${name}_identity IF NOT EXISTS FOR ${target} REQUIRE (n.owner, n.identityKey) IS UNIQUE`,
      );
    }
    if (layout.form === "node") {
      for (const field of Object.keys(layout.links)) {
        out.push(`CREATE INDEX ${name}_${field} IF NOT EXISTS FOR ${target} ON (n.\`${field}\`)`);
      }
    }
  }
  return out;
}

/** Every schema statement, in the order `init()` runs them. */
export const SCHEMA: readonly string[] = [
  "CREATE CONSTRAINT owner_id IF NOT EXISTS FOR (o:Owner) REQUIRE o.id IS UNIQUE",
  // A person's identity keys (url:..., email:...), unique per owner even under concurrent writes.
  "CREATE CONSTRAINT identity_key IF NOT EXISTS FOR (i:Identity) REQUIRE (i.owner, i.key) IS UNIQUE",
  "CREATE INDEX change_version IF NOT EXISTS FOR (c:Change) ON (c.owner, c.version)",
  // Idempotency keys of retried requests: one per owner and key; expired ones are found by owner and expiry.
  "CREATE CONSTRAINT idempotency_key_unique IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE (k.owner, k.key) IS UNIQUE",
  "CREATE INDEX idempotency_key_expiry IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.owner, k.expiresAt)",
  // Accounts: users by id, e-mail (stored normalized) and the owner each owns; sessions and
  // API tokens by id and by the hash of their token, listed by user.
  "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
  "CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE",
  "CREATE CONSTRAINT user_owner IF NOT EXISTS FOR (u:User) REQUIRE u.ownerId IS UNIQUE",
  "CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE",
  "CREATE CONSTRAINT session_token IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE",
  "CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.userId)",
  "CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE",
  "CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.tokenHash IS UNIQUE",
  "CREATE INDEX api_token_user IF NOT EXISTS FOR (t:ApiToken) ON (t.userId)",
  // Invitations by id and by the hash of their token, listed by inviter; passkeys by credential
  // id, listed by user. The token constraint also backs the lock of a sign-up (one node per token).
  "CREATE CONSTRAINT invitation_id IF NOT EXISTS FOR (i:Invitation) REQUIRE i.id IS UNIQUE",
  "CREATE CONSTRAINT invitation_token IF NOT EXISTS FOR (i:Invitation) REQUIRE i.tokenHash IS UNIQUE",
  "CREATE INDEX invitation_inviter IF NOT EXISTS FOR (i:Invitation) ON (i.invitedBy)",
  "CREATE CONSTRAINT passkey_id IF NOT EXISTS FOR (p:Passkey) REQUIRE p.id IS UNIQUE",
  "CREATE INDEX passkey_user IF NOT EXISTS FOR (p:Passkey) ON (p.userId)",
  // Teams (issue 14) by id; one membership per (team, user), listed by team and by user;
  // invitations by id and token hash (which also backs the lock of a join), listed by team;
  // the audit log and intro requests by id, listed by team. Every node of a team carries its
  // id, so the team's delete finds them by that index.
  "CREATE CONSTRAINT team_id IF NOT EXISTS FOR (t:Team) REQUIRE t.id IS UNIQUE",
  "CREATE CONSTRAINT team_member_key IF NOT EXISTS FOR (m:TeamMember) REQUIRE (m.teamId, m.userId) IS UNIQUE",
  "CREATE INDEX team_member_team IF NOT EXISTS FOR (m:TeamMember) ON (m.teamId)",
  "CREATE INDEX team_member_user IF NOT EXISTS FOR (m:TeamMember) ON (m.userId)",
  "CREATE CONSTRAINT team_invitation_id IF NOT EXISTS FOR (i:TeamInvitation) REQUIRE i.id IS UNIQUE",
  "CREATE CONSTRAINT team_invitation_token IF NOT EXISTS FOR (i:TeamInvitation) REQUIRE i.tokenHash IS UNIQUE",
  "CREATE INDEX team_invitation_team IF NOT EXISTS FOR (i:TeamInvitation) ON (i.teamId)",
  "CREATE CONSTRAINT team_audit_id IF NOT EXISTS FOR (a:TeamAudit) REQUIRE a.id IS UNIQUE",
  "CREATE INDEX team_audit_team IF NOT EXISTS FOR (a:TeamAudit) ON (a.teamId)",
  "CREATE CONSTRAINT team_intro_request_id IF NOT EXISTS FOR (r:TeamIntroRequest) REQUIRE r.id IS UNIQUE",
  "CREATE INDEX team_intro_request_team IF NOT EXISTS FOR (r:TeamIntroRequest) ON (r.teamId)",
  // Pooling settings: one override per (owner, person), listed by owner; one settings node per owner.
  "CREATE CONSTRAINT contact_sharing_key IF NOT EXISTS FOR (c:ContactSharing) REQUIRE (c.owner, c.personId) IS UNIQUE",
  "CREATE INDEX contact_sharing_owner IF NOT EXISTS FOR (c:ContactSharing) ON (c.owner)",
  "CREATE CONSTRAINT pooling_settings_owner IF NOT EXISTS FOR (p:PoolingSettings) REQUIRE p.owner IS UNIQUE",
  ...recordStatements(),
];

/**
 * What Neo4j answers when another process (an API replica starting at the same moment) created
 * the same index or constraint between IF NOT EXISTS's check and this statement's own creation.
 */
const MADE_MEANWHILE = new Set([
  "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
  "Neo.ClientError.Schema.IndexAlreadyExists",
  "Neo.ClientError.Schema.ConstraintAlreadyExists",
]);

/** Rethrows anything but a schema rule another process made meanwhile: then what was asked for exists. */
export function unlessMadeMeanwhile(error: unknown): void {
  if (!(error instanceof Neo4jError && MADE_MEANWHILE.has(error.code))) throw error;
}

// Every kind is covered: a new kind without a layout would fail type-checking above.
void SPECS;
