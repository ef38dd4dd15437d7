/**
 * A network whose every exported text field is hostile: line breaks of each
 * kind, NUL, ESC, DEL, C1 controls, bidi overrides, a lone surrogate, a forged
 * vCard and a formula, beside text that must pass unchanged (markup
 * characters, accents, an emoji, Arabic with a right-to-left mark). It is a
 * snapshot rather than a store, because the exports must hold whatever a
 * store holds, including data written before imports cleaned their input.
 */
import type { Person } from "../../src/graph/model/person.js";
import type { Tie } from "../../src/graph/model/tie.js";
import type { NetworkSnapshot } from "../../src/graph/store/network-snapshot.js";

/** Each hostile value and, written by hand, the one line an export must write for it. */
export const HOSTILE: readonly { raw: string; clean: string }[] = [
  { raw: "Eve\r\nBcc: evil@example.com", clean: "Eve Bcc: evil@example.com" },
  { raw: "Nul\u0000Byte Esc\u001b[31mRed", clean: "NulByte Esc[31mRed" },
  { raw: "Line\u2028Sep\u2029Para\u0085Nel", clean: "Line Sep Para Nel" },
  { raw: "Lone\rCR and\nLF", clean: "Lone CR and LF" },
  {
    raw: "Rlo \u202Emoc.elpmaxe@live\u202C and \u2066isolate\u2069",
    clean: "Rlo moc.elpmaxe@live and isolate",
  },
  { raw: "Tab\tVT\vFF\fDEL\u007fCSI\u009b[0m", clean: "Tab VT FF DELCSI[0m" },
  { raw: "Lone \uD800surrogate", clean: "Lone surrogate" },
  {
    raw: "Card\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Forged",
    clean: "Card END:VCARD BEGIN:VCARD FN:Forged",
  },
  { raw: '\t=HYPERLINK("http://evil.example")', clean: ' =HYPERLINK("http://evil.example")' },
  { raw: `<&>"' x;y,z\\`, clean: `<&>"' x;y,z\\` },
  { raw: "Zoë 🚀 محمد\u200F", clean: "Zoë 🚀 محمد\u200F" },
];

/** Every character no export may write raw: C0 and C1 controls, DEL, the Unicode line separators, bidi embeddings and overrides, lone surrogates. */
export const UNPRINTABLE = /[\0-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

const AT = "2026-11-22T12:00:00.000Z";
const base = (id: string) => ({ id, ownerId: "owner", createdAt: AT, updatedAt: AT });
const pick = (i: number) => HOSTILE[i % HOSTILE.length]!;

function person(id: string, name: string, fields: Partial<Person> = {}): Person {
  return {
    ...base(id),
    name,
    emails: [],
    phones: [],
    profileUrl: null,
    title: null,
    location: null,
    categories: [],
    tags: [],
    interests: [],
    hobbies: [],
    notes: "SECRET-NOTE\u0000",
    news: null,
    newsAt: null,
    pressMentions: [],
    seeking: [],
    cadenceIdealDays: null,
    cadenceMaxDays: null,
    askForNews: false,
    elevatorPitch: null,
    isSelf: false,
    ...fields,
  };
}

function tie(id: string, personA: string, personB: string, fields: Partial<Tie> = {}): Tie {
  return {
    ...base(id),
    personA,
    personB,
    strength: null,
    context: null,
    since: null,
    lastInteraction: null,
    provenance: "manual",
    notes: null,
    ...fields,
  };
}

/** The person at HOSTILE index `i`: its id carries XML markup characters, which ids must survive. */
export const personId = (i: number): string => `per <${i}> & "q'`;
export const SELF_ID = "per_self";
const orgId = (i: number): string => `org_${i}`;

/**
 * The owner, and one contact per HOSTILE value: named by it, titled, tagged,
 * located and employed by the next ones; tied to the owner (rated) and to the
 * next contact (unrated, with a context).
 */
export function hostileNetwork(): NetworkSnapshot {
  const people = [person(SELF_ID, "Me\u0000 Myself", { isSelf: true })];
  const ties: Tie[] = [];
  HOSTILE.forEach((h, i) => {
    people.push(
      person(personId(i), h.raw, {
        title: pick(i + 1).raw,
        tags: [pick(i + 2).raw],
        location: pick(i + 3).raw,
        emails: [`p${i}@example.com`],
        categories: i % 2 === 0 ? ["friend", "mentor"] : [],
      }),
    );
    ties.push(
      tie(`tie_self_${i}`, SELF_ID, personId(i), { strength: 0.5 + i / 100, since: "2015-01-01" }),
    );
    if (i > 0)
      ties.push(
        tie(`tie <${i}>`, personId(i - 1), personId(i), {
          context: "friend",
          provenance: "linkedin",
        }),
      );
  });
  return {
    version: 1,
    selfId: SELF_ID,
    people,
    organizations: HOSTILE.map((_, i) => ({
      ...base(orgId(i)),
      name: pick(i + 4).raw,
      kind: "company",
      domain: null,
      location: null,
      notes: null,
    })),
    ties,
    employments: HOSTILE.map((_, i) => ({
      ...base(`emp_${i}`),
      personId: personId(i),
      organizationId: orgId(i),
      title: null,
      from: "2020-01-01",
      to: null,
    })),
    memberships: [],
  };
}

/** What the exports must write for the contact at HOSTILE index `i`, field by field. */
export function expectedContact(i: number) {
  return {
    name: pick(i).clean,
    title: pick(i + 1).clean,
    tag: pick(i + 2).clean,
    location: pick(i + 3).clean,
    company: pick(i + 4).clean,
    email: `p${i}@example.com`,
    categories: i % 2 === 0 ? ["friend", "mentor"] : [],
  };
}

/** Distinct, arbitrary but fixed warmth per tie, with more digits than the exports write. */
export function hostileWeights(snapshot: NetworkSnapshot): Map<string, number> {
  return new Map(snapshot.ties.map((t, i) => [t.id, 0.1 + i / 97 + 1e-9]));
}
