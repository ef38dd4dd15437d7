/**
 * The team-privacy suite's random plans, drawn by fast-check: a team of two to four members
 * (member 0 is A, the one who searches; member 1 is B, whose data change), each with a network
 * of 5 to 20 people drawn from one pool of personas, so networks overlap: every record of a
 * persona carries the persona's profile URL or work address, which merge it across members.
 * Each contact has a kind that decides whether the pooling rules share it.
 */
import fc from "fast-check";

export const PERSONAS = 48;
export const ORGS = ["Acme", "Contoso", "Fabrikam", "Globex", "Initech"] as const;
export const TITLES = ["Engineer", "CTO", "Designer", "Partner", "Recruiter"] as const;
export const MEMBER_NAMES = ["Ann", "Bo", "Cat", "Dan"] as const;
const FIRST = ["Olga", "Lena", "Hugo", "Ravi", "Mei", "Tom", "Ines", "Kofi"] as const;
const LAST = ["Petrova", "Fischer", "Silva", "Rao", "Chen"] as const;

/** A persona's name: the same on every member's record of them. */
export const personaName = (p: number) =>
  `${FIRST[p % FIRST.length]} ${LAST[Math.floor(p / FIRST.length) % LAST.length]}`;
/** The persona's profile URL (for URL-style personas) and addresses; `zqp<p>x` never prefixes another. */
export const profileOf = (p: number) => `https://linkedin.com/in/zqp${p}x`;
export const workEmailOf = (p: number) => `zqp${p}x@corp.example`;
export const gmailOf = (p: number) => `zqp${p}x@gmail.com`;

/** What a member may block, and how the member spells it: case, spaces and hyphens do not matter. */
export const LABELS = [
  { on: { categories: ["FAMILY"] }, blocked: "Family" },
  { on: { tags: ["doctor"] }, blocked: "DOCTOR" },
  { on: { tags: ["golf buddies"] }, blocked: "golf-buddies" },
] as const;

/**
 * - work: a title and a current employer (shared);
 * - gmail: only a gmail address (hidden by default);
 * - untitled: only the persona's key (shared with a profile URL, hidden with an address only);
 * - blocked: like work, with a label that the member may block;
 * - hidden: like work, hidden by the member;
 * - shared: a gmail address only, shared by the member over the default.
 */
export const KINDS = ["work", "gmail", "untitled", "blocked", "hidden", "shared"] as const;
export type Kind = (typeof KINDS)[number];
export const LEVELS = ["OFF", "COMPANY", "FULL"] as const;
export type Level = (typeof LEVELS)[number];
export const ROLES = ["MEMBER", "ADMIN", "GUEST"] as const;
export const CONTEXTS = ["WORKED_TOGETHER", "FRIEND", "SCHOOL", "CLIENT", "MET_ONCE"] as const;
export const STRENGTHS = [0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1] as const;

const contactPlan = fc.record({
  persona: fc.nat({ max: PERSONAS - 1 }),
  kind: fc.constantFrom(...KINDS),
  org: fc.nat({ max: ORGS.length - 1 }),
  title: fc.nat({ max: TITLES.length - 1 }),
  label: fc.nat({ max: LABELS.length - 1 }),
  /** The owner's tie to them; a contact without one gets the interactions and favors. */
  selfTie: fc.option(fc.constantFrom(...STRENGTHS), { freq: 3 }),
  context: fc.constantFrom(...CONTEXTS),
});
export type ContactPlan = typeof contactPlan extends fc.Arbitrary<infer T> ? T : never;

const memberPlan = fc.record({
  level: fc.constantFrom<Level>("OFF", "COMPANY", "FULL", "FULL"),
  role: fc.constantFrom(...ROLES),
  blocked: fc.array(fc.boolean(), { minLength: LABELS.length, maxLength: LABELS.length }),
  contacts: fc.uniqueArray(contactPlan, {
    minLength: 5,
    maxLength: 20,
    selector: (c) => c.persona,
  }),
  /** Ties between contacts, by their places in the list. */
  ties: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), strength: fc.constantFrom(...STRENGTHS) }), {
    maxLength: 15,
  }),
});
export type MemberPlan = typeof memberPlan extends fc.Arbitrary<infer T> ? T : never;

export const worldPlan = fc.record({
  /** Per persona: known by a profile URL (true) or a work address. */
  urlStyle: fc.array(fc.boolean(), { minLength: PERSONAS, maxLength: PERSONAS }),
  members: fc.array(memberPlan, { minLength: 2, maxLength: 4 }),
  /** Who creates the team (its owner); the others join by invitation with their roles. */
  creator: fc.nat(),
  reciprocity: fc.boolean(),
  approval: fc.boolean(),
  /** Requests made before the reads: A asks for a pooled person, and a teammate asks A. */
  asks: fc.array(fc.nat(), { maxLength: 2 }),
});
export type WorldPlan = typeof worldPlan extends fc.Arbitrary<infer T> ? T : never;

/**
 * Texts A searches for: titles, a name, a company, a letter that matches many, and what only
 * B's changed names and titles hold ("Zed zq-secret-..."), so a change that shows answers them.
 */
export const TEXTS = ["engineer", "Olga", "acme", "cto", "e", "zed", "zq"] as const;

/** One of A's reads: a team search, the requests, or the audit log. */
export const readOp = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("paths" as const),
      /** A person seen earlier in this round's answers, one of A's own, a company, or a text. */
      target: fc.oneof(
        fc.record({ seen: fc.nat() }),
        fc.record({ own: fc.nat() }),
        fc.record({ org: fc.nat({ max: ORGS.length - 1 }) }),
        fc.record({ text: fc.nat({ max: TEXTS.length - 1 }) }),
      ),
      maxHops: fc.option(fc.integer({ min: 1, max: 4 })),
      k: fc.option(fc.integer({ min: 1, max: 5 })),
      exclude: fc.option(fc.nat()),
      minWarmth: fc.option(fc.constantFrom(0.05, 0.3)),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant("requests" as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("audit" as const) }), weight: 1 },
);
export type ReadOp = typeof readOp extends fc.Arbitrary<infer T> ? T : never;
export const readPlan = fc.array(readOp, { minLength: 6, maxLength: 12 });

/** What B changes of data A must not see: private fields, hidden contacts and unshared ties. */
export const CHANGES = [
  "notes",
  "phones",
  "location",
  "lists",
  "news",
  "tag",
  "email",
  "tieNotes",
  "interaction",
  "favor",
  "recordNews",
  "hiddenTie",
  "rename",
  "employer",
  "selfName",
] as const;
/** The changes that would show most plainly if they leaked (names, employers, ties) come more often. */
const changeOp = fc.oneof(
  { arbitrary: fc.constantFrom(...CHANGES), weight: 3 },
  { arbitrary: fc.constantFrom("rename", "employer", "hiddenTie"), weight: 1 },
);
export const changePlan = fc.array(fc.record({ op: changeOp, which: fc.nat(), other: fc.nat() }), {
  minLength: 4,
  maxLength: 16,
});
export type ChangePlan = typeof changePlan extends fc.Arbitrary<infer T> ? T : never;
