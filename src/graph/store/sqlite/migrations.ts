/**
 * Versioned schema migrations, applied in order and recorded in
 * `PRAGMA user_version`. Never edit a released migration: add the next one.
 *
 * Every row carries its owner, and every reference is a composite foreign key
 * (owner, id), so a record can only point at records of the same owner and the
 * database itself cascades deletes.
 */
const common = `
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL REFERENCES owner(id) ON DELETE CASCADE,
  sort_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL`;

const personRef = (column: string) =>
  `FOREIGN KEY (owner, ${column}) REFERENCES person(owner, id) ON DELETE CASCADE`;
const orgRef = (column: string) =>
  `FOREIGN KEY (owner, ${column}) REFERENCES organization(owner, id) ON DELETE CASCADE`;

export const MIGRATIONS: readonly string[] = [
  // 1: the network
  `
  CREATE TABLE owner (
    id TEXT PRIMARY KEY,
    self_id TEXT,
    version INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE change (
    owner TEXT NOT NULL REFERENCES owner(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    op TEXT NOT NULL,
    ids TEXT NOT NULL
  );
  CREATE INDEX change_by_version ON change(owner, version);

  CREATE TABLE person (${common},
    name TEXT NOT NULL, emails TEXT NOT NULL, phones TEXT NOT NULL, profile_url TEXT,
    title TEXT, location TEXT, categories TEXT NOT NULL, tags TEXT NOT NULL,
    interests TEXT NOT NULL, hobbies TEXT NOT NULL, notes TEXT, news TEXT, news_at TEXT,
    is_self INTEGER NOT NULL,
    UNIQUE (owner, id)
  );
  CREATE INDEX person_order ON person(owner, sort_key, id);
  -- A person's identity keys (url:..., email:...), unique per owner.
  CREATE TABLE person_identity (
    owner TEXT NOT NULL,
    key TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (owner, key),
    ${personRef("person_id")}
  ) WITHOUT ROWID;
  CREATE INDEX person_identity_by_person ON person_identity(owner, person_id);

  CREATE TABLE organization (${common},
    identity_key TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT NOT NULL, domain TEXT, location TEXT, notes TEXT,
    UNIQUE (owner, id),
    UNIQUE (owner, identity_key)
  );
  CREATE INDEX organization_order ON organization(owner, sort_key, id);

  -- A tie's identity is its pair of ends (stored in id order), so the unique
  -- index on the pair also serves look-ups by person_a.
  CREATE TABLE tie (${common},
    person_a TEXT NOT NULL, person_b TEXT NOT NULL, strength REAL, context TEXT,
    since TEXT, last_interaction TEXT, provenance TEXT NOT NULL, notes TEXT,
    UNIQUE (owner, person_a, person_b),
    ${personRef("person_a")},
    ${personRef("person_b")}
  );
  CREATE INDEX tie_order ON tie(owner, sort_key, id);
  CREATE INDEX tie_by_b ON tie(owner, person_b);

  CREATE TABLE employment (${common},
    identity_key TEXT NOT NULL,
    person_id TEXT NOT NULL, organization_id TEXT NOT NULL, title TEXT, "from" TEXT, "to" TEXT,
    UNIQUE (owner, identity_key),
    ${personRef("person_id")},
    ${orgRef("organization_id")}
  );
  CREATE INDEX employment_order ON employment(owner, sort_key, id);
  CREATE INDEX employment_by_person ON employment(owner, person_id);
  CREATE INDEX employment_by_org ON employment(owner, organization_id);

  CREATE TABLE membership (${common},
    identity_key TEXT NOT NULL,
    person_id TEXT NOT NULL, organization_id TEXT NOT NULL, role TEXT, since TEXT, until TEXT,
    UNIQUE (owner, identity_key),
    ${personRef("person_id")},
    ${orgRef("organization_id")}
  );
  CREATE INDEX membership_order ON membership(owner, sort_key, id);
  CREATE INDEX membership_by_person ON membership(owner, person_id);
  CREATE INDEX membership_by_org ON membership(owner, organization_id);

  CREATE TABLE interaction (${common},
    person_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL, direction TEXT NOT NULL,
    summary TEXT, needs_reply INTEGER NOT NULL,
    ${personRef("person_id")}
  );
  CREATE INDEX interaction_order ON interaction(owner, sort_key, id);
  CREATE INDEX interaction_by_person ON interaction(owner, person_id);

  CREATE TABLE follow_up (${common},
    person_id TEXT NOT NULL, due TEXT NOT NULL, reason TEXT, list TEXT NOT NULL, status TEXT NOT NULL,
    snoozed_until TEXT,
    ${personRef("person_id")}
  );
  CREATE INDEX follow_up_order ON follow_up(owner, sort_key, id);
  CREATE INDEX follow_up_by_person ON follow_up(owner, person_id);

  CREATE TABLE favor (${common},
    person_id TEXT NOT NULL, direction TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, summary TEXT,
    ${personRef("person_id")}
  );
  CREATE INDEX favor_order ON favor(owner, sort_key, id);
  CREATE INDEX favor_by_person ON favor(owner, person_id);

  CREATE TABLE intro_request (${common},
    target_id TEXT NOT NULL, introducer_id TEXT NOT NULL, path TEXT NOT NULL, status TEXT NOT NULL,
    message TEXT, outcome TEXT, status_changed_at TEXT,
    ${personRef("target_id")},
    ${personRef("introducer_id")}
  );
  CREATE INDEX intro_request_order ON intro_request(owner, sort_key, id);
  CREATE INDEX intro_request_by_target ON intro_request(owner, target_id);
  CREATE INDEX intro_request_by_introducer ON intro_request(owner, introducer_id);
  `,
  // 2: the networking habits: research and cadence on people, news history, category cadences, update drafts
  `
  ALTER TABLE person ADD COLUMN press_mentions TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE person ADD COLUMN seeking TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE person ADD COLUMN cadence_ideal_days INTEGER;
  ALTER TABLE person ADD COLUMN cadence_max_days INTEGER;
  ALTER TABLE person ADD COLUMN ask_for_news INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE person ADD COLUMN elevator_pitch TEXT;

  CREATE TABLE news (${common},
    person_id TEXT NOT NULL, text TEXT NOT NULL, date TEXT NOT NULL,
    ${personRef("person_id")}
  );
  CREATE INDEX news_order ON news(owner, sort_key, id);
  CREATE INDEX news_by_person ON news(owner, person_id);

  CREATE TABLE cadence (${common},
    identity_key TEXT NOT NULL,
    category TEXT NOT NULL, ideal_days INTEGER NOT NULL, max_days INTEGER NOT NULL,
    UNIQUE (owner, identity_key)
  );
  CREATE INDEX cadence_order ON cadence(owner, sort_key, id);

  CREATE TABLE draft (${common},
    batch TEXT NOT NULL, person_id TEXT NOT NULL, "to" TEXT, subject TEXT NOT NULL, body TEXT NOT NULL,
    status TEXT NOT NULL, sent_at TEXT,
    ${personRef("person_id")}
  );
  CREATE INDEX draft_order ON draft(owner, sort_key, id);
  CREATE INDEX draft_by_batch ON draft(owner, batch);
  CREATE INDEX draft_by_person ON draft(owner, person_id);
  `,
  // 3: idempotency keys of retried requests, per owner, purged lazily once expired (times in epoch milliseconds)
  `
  CREATE TABLE idempotency_key (
    owner TEXT NOT NULL REFERENCES owner(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    result TEXT,
    lease_until INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (owner, key)
  );
  CREATE INDEX idempotency_key_expiry ON idempotency_key(owner, expires_at);
  `,
  // 4: accounts. Users own owners (one each), so they are not owner-scoped rows; sessions and
  // API tokens are stored by the SHA-256 of their token only, and go with their user. Times are
  // ISO-8601 text; scopes a JSON list.
  `
  CREATE TABLE app_user (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    owner TEXT NOT NULL UNIQUE REFERENCES owner(id),
    password_hash TEXT,
    created_at TEXT NOT NULL,
    disabled_at TEXT
  );
  CREATE UNIQUE INDEX app_user_email ON app_user(lower(email));

  CREATE TABLE session (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    user_agent TEXT
  );
  CREATE UNIQUE INDEX session_token ON session(token_hash);
  CREATE INDEX session_by_user ON session(user_id);

  CREATE TABLE api_token (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    last_four TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE UNIQUE INDEX api_token_hash ON api_token(token_hash);
  CREATE INDEX api_token_by_user ON api_token(user_id);
  `,
  // 5: administrators, invitations (stored by the SHA-256 of their token only) and passkeys
  // (WebAuthn credentials: public material only; transports a JSON list). Both go with the user
  // who made or registered them, as sessions do; an invitation outlives the user it created.
  `
  ALTER TABLE app_user ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;

  CREATE TABLE invitation (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    email TEXT,
    admin INTEGER NOT NULL,
    invited_by TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT REFERENCES app_user(id) ON DELETE SET NULL
  );
  CREATE UNIQUE INDEX invitation_token ON invitation(token_hash);
  CREATE INDEX invitation_by_inviter ON invitation(invited_by);
  -- Foreign keys are checked from the child side on a user's delete: index them all.
  CREATE INDEX invitation_used_by ON invitation(used_by);

  CREATE TABLE passkey (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    counter INTEGER NOT NULL,
    transports TEXT NOT NULL,
    device_type TEXT NOT NULL,
    backed_up INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT
  );
  CREATE INDEX passkey_by_user ON passkey(user_id);
  `,
  // 6: teams (issue 14). Teams, their members (a user with a role and a sharing level; the name
  // and owner come from app_user), invitations to join (by the SHA-256 of their token only),
  // the audit log of pooled use and introductions asked through a teammate all go with their
  // team; memberships and requests also go with their users. Each owner's pooling settings:
  // per-contact overrides, which go with the person (a composite key, as every owner-scoped
  // reference), and blocked labels. The audit log keeps user ids as history, without keys
  // (the members it used are a JSON list); a request's target, a person in the member's own
  // network, is history too and may outlive the person.
  `
  CREATE TABLE team (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reciprocity INTEGER NOT NULL,
    approval INTEGER NOT NULL
  );

  CREATE TABLE team_member (
    team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    sharing TEXT NOT NULL,
    sharing_cap TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX team_member_by_user ON team_member(user_id);

  CREATE TABLE team_invitation (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT REFERENCES app_user(id) ON DELETE SET NULL
  );
  CREATE UNIQUE INDEX team_invitation_token ON team_invitation(token_hash);
  CREATE INDEX team_invitation_by_team ON team_invitation(team_id, created_at);
  CREATE INDEX team_invitation_by_inviter ON team_invitation(invited_by);
  CREATE INDEX team_invitation_used_by ON team_invitation(used_by);

  CREATE TABLE contact_sharing (
    owner TEXT NOT NULL,
    person_id TEXT NOT NULL,
    sharing TEXT NOT NULL,
    PRIMARY KEY (owner, person_id),
    ${personRef("person_id")}
  ) WITHOUT ROWID;

  CREATE TABLE blocked_label (
    owner TEXT NOT NULL REFERENCES owner(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    PRIMARY KEY (owner, label)
  ) WITHOUT ROWID;

  CREATE TABLE team_audit (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_user_id TEXT NOT NULL,
    member_user_ids TEXT NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE INDEX team_audit_by_team ON team_audit(team_id, at, id);

  CREATE TABLE team_intro_request (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    requester_user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    member_user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    member_person_id TEXT NOT NULL,
    note TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    approved_by TEXT REFERENCES app_user(id) ON DELETE SET NULL,
    draft TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- By user first: they serve both a user's requests in a team and the keys' checks on a user's delete.
  CREATE INDEX team_intro_request_by_requester ON team_intro_request(requester_user_id, team_id);
  CREATE INDEX team_intro_request_by_member ON team_intro_request(member_user_id, team_id);
  CREATE INDEX team_intro_request_by_team ON team_intro_request(team_id);
  CREATE INDEX team_intro_request_approved_by ON team_intro_request(approved_by);
  `,
  // 7: integer surrogate keys on the network's hot path (issue 16). A person's rowid becomes
  // `pk`, an INTEGER PRIMARY KEY (an alias VACUUM keeps), so every index on a person ends in
  // its key and a look-up by id needs no row. A tie is keyed on its ends' `pk`s. The old tie
  // table had four indexes keyed on text (the id; the owner and id, for its list order; the
  // owner and both ends; the owner and one end), and building them was most of the cost of
  // writing a tie. Now it has three: (owner, id), which serves both a look-up by id and the
  // list order (a tie's sort key is always empty, so ties are listed by id), and two on the
  // ends' integer keys. The text ends stay in the row, for reads. Both tables are rebuilt (a
  // primary key or a UNIQUE constraint cannot be changed in place), with the foreign keys off
  // and checked before the migration commits (`migrate`).
  `
  CREATE TABLE person_by_pk (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    owner TEXT NOT NULL REFERENCES owner(id) ON DELETE CASCADE,
    sort_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL, emails TEXT NOT NULL, phones TEXT NOT NULL, profile_url TEXT,
    title TEXT, location TEXT, categories TEXT NOT NULL, tags TEXT NOT NULL,
    interests TEXT NOT NULL, hobbies TEXT NOT NULL, notes TEXT, news TEXT, news_at TEXT,
    is_self INTEGER NOT NULL, press_mentions TEXT NOT NULL DEFAULT '[]',
    seeking TEXT NOT NULL DEFAULT '[]', cadence_ideal_days INTEGER, cadence_max_days INTEGER,
    ask_for_news INTEGER NOT NULL DEFAULT 0, elevator_pitch TEXT,
    UNIQUE (owner, id)
  );
  INSERT INTO person_by_pk (pk, id, owner, sort_key, created_at, updated_at, name, emails,
      phones, profile_url, title, location, categories, tags, interests, hobbies, notes, news,
      news_at, is_self, press_mentions, seeking, cadence_ideal_days, cadence_max_days,
      ask_for_news, elevator_pitch)
    SELECT rowid, id, owner, sort_key, created_at, updated_at, name, emails,
      phones, profile_url, title, location, categories, tags, interests, hobbies, notes, news,
      news_at, is_self, press_mentions, seeking, cadence_ideal_days, cadence_max_days,
      ask_for_news, elevator_pitch
    FROM person ORDER BY rowid;
  DROP TABLE person;
  ALTER TABLE person_by_pk RENAME TO person;
  CREATE INDEX person_order ON person(owner, sort_key, id);

  CREATE TABLE tie_by_pk (
    id TEXT NOT NULL,
    owner TEXT NOT NULL REFERENCES owner(id) ON DELETE CASCADE,
    sort_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_a TEXT NOT NULL, person_b TEXT NOT NULL, strength REAL, context TEXT,
    since TEXT, last_interaction TEXT, provenance TEXT NOT NULL, notes TEXT,
    a_pk INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
    b_pk INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
    UNIQUE (owner, id),
    UNIQUE (a_pk, b_pk)
  );
  INSERT INTO tie_by_pk (id, owner, sort_key, created_at, updated_at, person_a, person_b,
      strength, context, since, last_interaction, provenance, notes, a_pk, b_pk)
    SELECT t.id, t.owner, t.sort_key, t.created_at, t.updated_at, t.person_a, t.person_b,
      t.strength, t.context, t.since, t.last_interaction, t.provenance, t.notes, a.pk, b.pk
    FROM tie t JOIN person a ON a.id = t.person_a JOIN person b ON b.id = t.person_b
    ORDER BY t.owner, t.id;
  DROP TABLE tie;
  ALTER TABLE tie_by_pk RENAME TO tie;
  CREATE INDEX tie_by_b ON tie(b_pk);
  `,
  // 8: imported mail and meetings (issue 17). An interaction may carry the key of what it was
  // imported from (a message's Message-ID and correspondent, an event's UID, occurrence and
  // attendee), unique per owner so that a re-import finds it; hand-logged ones have none, and
  // the partial index leaves them out. `colleague` marks mail within the owner's own domain.
  `
  ALTER TABLE interaction ADD COLUMN source_key TEXT;
  ALTER TABLE interaction ADD COLUMN colleague INTEGER NOT NULL DEFAULT 0;
  CREATE UNIQUE INDEX interaction_source ON interaction(owner, source_key)
    WHERE source_key IS NOT NULL;
  `,
];
