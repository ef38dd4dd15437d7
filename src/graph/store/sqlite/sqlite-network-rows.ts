/**
 * Fixed-shape readers of the five kinds a whole-network read returns. The
 * generic row conversion (`fromOwnedRaw` in sqlite-tables.ts) adds fields one
 * by one through their names; these build each record as one object literal,
 * which V8 lays out once, and they keep repeated strings down: a whole-network
 * read of ten million ties is mostly the garbage collector copying what it
 * keeps. The records equal what `store.get` returns (test/graph/store/sqlite-network-rows.test.ts
 * checks every field of every kind).
 */
import type { Employment } from "../../model/employment.js";
import type { Membership } from "../../model/membership.js";
import type { Organization } from "../../model/organization.js";
import type { Person } from "../../model/person.js";
import type { Tie } from "../../model/tie.js";
import { TIE_ROW_FIELDS } from "../tie-row.js";
import { column } from "./sqlite-tables.js";

type RawRow = readonly unknown[];

/** How one kind is read: its SELECT list (table alias `t`, no owner column) and its rows' reader. */
export interface NetworkRows<R> {
  readonly columns: string;
  /** A reader for one scan of `ownerId`'s rows: a record from each row, in the SELECT order. */
  scan(ownerId: string): (row: RawRow) => R;
}

/**
 * One text column across consecutive rows: a value equal to the previous row's
 * is returned as that row's string, so the fresh copy dies young. One bulk call
 * stamps every row with one time, and many ties share a date or a provenance.
 */
class Repeats {
  private last: unknown = null;

  of(value: unknown): unknown {
    if (value === this.last) return this.last;
    this.last = value;
    return value;
  }
}

/** A stored list (JSON text): most are empty, and a person row holds eight. */
const list = (value: unknown): unknown =>
  value === "[]" || value === null || value === undefined ? [] : JSON.parse(String(value));

/** `updated_at` read as NULL when it equals `created_at` (it is NOT NULL), to share that string. */
const TIMES = "t.created_at, NULLIF(t.updated_at, t.created_at)";

export const PERSON_ROWS: NetworkRows<Person> = {
  columns: `t.id, ${TIMES}, t.name, t.emails, t.phones, t.profile_url, t.title, t.location,
    t.categories, t.tags, t.interests, t.hobbies, t.notes, t.news, t.news_at, t.is_self,
    t.press_mentions, t.seeking, t.cadence_ideal_days, t.cadence_max_days, t.ask_for_news,
    t.elevator_pitch`,
  scan(ownerId) {
    const created = new Repeats();
    const updated = new Repeats();
    return (r) => {
      const createdAt = created.of(r[1]);
      return {
        id: r[0],
        ownerId,
        createdAt,
        updatedAt: updated.of(r[2]) ?? createdAt,
        name: r[3],
        emails: list(r[4]),
        phones: list(r[5]),
        profileUrl: r[6],
        title: r[7],
        location: r[8],
        categories: list(r[9]),
        tags: list(r[10]),
        interests: list(r[11]),
        hobbies: list(r[12]),
        notes: r[13],
        news: r[14],
        newsAt: r[15],
        isSelf: r[16] === 1,
        pressMentions: list(r[17]),
        seeking: list(r[18]),
        cadenceIdealDays: r[19],
        cadenceMaxDays: r[20],
        askForNews: r[21] === 1,
        elevatorPitch: r[22],
      } as Person;
    };
  },
};

export const ORGANIZATION_ROWS: NetworkRows<Organization> = {
  columns: `t.id, ${TIMES}, t.name, t.kind, t.domain, t.location, t.notes`,
  scan(ownerId) {
    const created = new Repeats();
    const updated = new Repeats();
    const kind = new Repeats();
    return (r) => {
      const createdAt = created.of(r[1]);
      return {
        id: r[0],
        ownerId,
        createdAt,
        updatedAt: updated.of(r[2]) ?? createdAt,
        name: r[3],
        kind: kind.of(r[4]),
        domain: r[5],
        location: r[6],
        notes: r[7],
      } as Organization;
    };
  },
};

export const TIE_ROWS: NetworkRows<Tie> = {
  columns: `t.id, ${TIMES}, t.person_a, t.person_b, t.strength, t.context, t.since,
    t.last_interaction, t.provenance, t.notes`,
  scan(ownerId) {
    const created = new Repeats();
    const updated = new Repeats();
    const personA = new Repeats();
    const personB = new Repeats();
    const context = new Repeats();
    const since = new Repeats();
    const lastInteraction = new Repeats();
    const provenance = new Repeats();
    return (r) => {
      const createdAt = created.of(r[1]);
      return {
        id: r[0],
        ownerId,
        createdAt,
        updatedAt: updated.of(r[2]) ?? createdAt,
        personA: personA.of(r[3]),
        personB: personB.of(r[4]),
        strength: r[5],
        context: context.of(r[6]),
        since: since.of(r[7]),
        lastInteraction: lastInteraction.of(r[8]),
        provenance: provenance.of(r[9]),
        notes: r[10],
      } as Tie;
    };
  },
};

/**
 * The ties streamed as rows (`loadNetwork` with `onTie`, read by tie-row.ts `tieRowReader`):
 * only the columns a row carries, in its order, so nothing per tie outlives its row. The ends
 * are read as their people's integer keys (`a_pk`, `b_pk`), which the reader names by id.
 */
export const TIE_ROW_COLUMNS = TIE_ROW_FIELDS.map((f) =>
  f === "personA" ? "t.a_pk" : f === "personB" ? "t.b_pk" : `t.${column(f)}`,
).join(", ");

export const EMPLOYMENT_ROWS: NetworkRows<Employment> = {
  columns: `t.id, ${TIMES}, t.person_id, t.organization_id, t.title, t."from", t."to"`,
  scan(ownerId) {
    const created = new Repeats();
    const updated = new Repeats();
    return (r) => {
      const createdAt = created.of(r[1]);
      return {
        id: r[0],
        ownerId,
        createdAt,
        updatedAt: updated.of(r[2]) ?? createdAt,
        personId: r[3],
        organizationId: r[4],
        title: r[5],
        from: r[6],
        to: r[7],
      } as Employment;
    };
  },
};

export const MEMBERSHIP_ROWS: NetworkRows<Membership> = {
  columns: `t.id, ${TIMES}, t.person_id, t.organization_id, t.role, t.since, t.until`,
  scan(ownerId) {
    const created = new Repeats();
    const updated = new Repeats();
    return (r) => {
      const createdAt = created.of(r[1]);
      return {
        id: r[0],
        ownerId,
        createdAt,
        updatedAt: updated.of(r[2]) ?? createdAt,
        personId: r[3],
        organizationId: r[4],
        role: r[5],
        since: r[6],
        until: r[7],
      } as Membership;
    };
  },
};
