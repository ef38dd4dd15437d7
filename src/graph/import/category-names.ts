/**
 * Labels, groups and categories as contact files write them ("Former
 * colleague", "Clients", "Ehemalige Kolleginnen", "* myContacts") mapped to
 * the model's categories, the follow-up lists, and free tags.
 *
 * A label is compared by a key that ignores case, accents, punctuation and
 * the gender and number endings of the languages people label in, so each
 * category is listed once per language and "Ehemalige Kollegin", "Ehemaliger
 * Kollege" and "ehemalige Kollegen" all find it. The endings are stripped from
 * each word (a light suffix stemmer in the manner of Porter's and the Snowball
 * stemmers' first step, not a full one): German -in/-innen, -e/-en/-er/-es;
 * French -e/-s, -enne/-ennes, -euse/-eur; Spanish and Italian -o/-a/-i/-e and
 * -os/-as, -he/-hi; English and Dutch -s/-es and -'s. A stem keeps at least
 * three letters. Keys of two categories never coincide (checked when the
 * module loads), and a label that matches none stays a tag, written as it was.
 */
import { invariant } from "../../errors.js";
import type { FollowUpList } from "../model/follow-up.js";
import type { Category } from "../model/person.js";

/** One spelling per language; the stemmer finds the other genders and the plurals. */
const CATEGORY_ALIASES: Readonly<Record<Category, readonly string[]>> = Object.freeze({
  client: ["client", "customer", "kunde", "klant", "cliente"],
  vendor: [
    "vendor",
    "supplier",
    "lieferant",
    "fournisseur",
    "proveedor",
    "fornitore",
    "leverancier",
  ],
  friend: ["friend", "freund", "ami", "amigo", "amico", "amiche", "vriend"],
  family: ["family", "familie", "famille", "familia", "famiglia"],
  former_colleague: [
    "former colleague",
    "ex colleague",
    "former coworker",
    "former co worker",
    "ehemaliger kollege",
    "ex kollege",
    "ancien collegue",
    "ex collegue",
    "antiguo colega",
    "ex colega",
    "antiguo companero",
    "ex collega",
    "ex colleghi",
    "oud collega",
    "voormalige collega",
  ],
  former_employer: [
    "former employer",
    "ex employer",
    "ehemaliger arbeitgeber",
    "ancien employeur",
    "antiguo empleador",
    "ex datore di lavoro",
    "voormalige werkgever",
  ],
  former_client: [
    "former client",
    "former customer",
    "past client",
    "ex client",
    "ehemaliger kunde",
    "ancien client",
    "antiguo cliente",
    "ex cliente",
    "voormalige klant",
  ],
  mentor: ["mentor"],
  recruiter: [
    "recruiter",
    "headhunter",
    "personalvermittler",
    "recruteur",
    "reclutador",
    "selezionatore",
  ],
  investor: ["investor", "investisseur", "inversor", "investitore", "investeerder"],
  community: ["community", "gemeinschaft", "communaute", "comunidad", "comunita", "gemeenschap"],
});

/** The two networking lists, which Outlook users keep as categories. */
const LIST_ALIASES: Readonly<Record<FollowUpList, readonly string[]>> = Object.freeze({
  next_contact: ["next contact"],
  immediate_follow_up: ["immediate follow up", "immediate followup"],
});

/** Google's system labels (written with a leading "* "): they say nothing about the person. */
const DROPPED = new Set(["mycontacts", "my contacts", "other contacts", "starred"]);

/** Endings stripped from a word, longest first, with what replaces them (French -euse is the feminine of -eur). */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ["innen", ""],
  ["ennes", "en"],
  ["euses", "eur"],
  ["enne", "en"],
  ["euse", "eur"],
  ["he", ""],
  ["hi", ""],
  ["in", ""],
  ["es", ""],
  ["en", ""],
  ["er", ""],
  ["os", ""],
  ["as", ""],
  ["e", ""],
  ["s", ""],
  ["a", ""],
  ["o", ""],
  ["i", ""],
];
const MIN_STEM = 3;

/** A word without its gender and number endings. */
function stem(word: string): string {
  let w = word;
  for (;;) {
    const suffix = SUFFIXES.find(([end]) => w.endsWith(end) && w.length - end.length >= MIN_STEM);
    if (suffix === undefined) return w;
    w = w.slice(0, -suffix[0].length) + suffix[1];
  }
}

/** Case, accents, apostrophes, underscores, hyphens and spacing do not matter: "Oud-collega's" is "oud collegas". */
const labelKey = (label: string): string =>
  label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^\*\s*/, "")
    .replace(/['\u2019]/g, "")
    .replace(/[\s_\-.,/()]+/g, " ")
    .trim();

/** The comparison key of a label: each word of `labelKey` stemmed. */
const stemKey = (label: string): string => labelKey(label).split(" ").map(stem).join(" ");

function aliasTable<T extends string>(
  aliases: Readonly<Record<T, readonly string[]>>,
): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, spellings] of Object.entries(aliases) as [T, readonly string[]][]) {
    for (const spelling of [value, ...spellings]) {
      const key = stemKey(spelling);
      invariant(
        table.get(key) === undefined || table.get(key) === value,
        `label "${spelling}" would mean both ${table.get(key)} and ${value}`,
      );
      table.set(key, value);
    }
  }
  return table;
}

const CATEGORIES_BY_KEY = aliasTable(CATEGORY_ALIASES);
const LISTS_BY_KEY = aliasTable(LIST_ALIASES);

/** Looks a label up by its stemmed key, then without a final "s" (a plural on a word too short to stem: "follow-ups"). */
const lookUp = <T>(table: ReadonlyMap<string, T>, label: string): T | undefined =>
  table.get(stemKey(label)) ??
  (/s$/i.test(label) ? table.get(stemKey(label.slice(0, -1))) : undefined);

/** The category a label names, in any gender, number, case or accents; undefined when none. */
export const categoryOf = (label: string): Category | undefined => lookUp(CATEGORIES_BY_KEY, label);

/** What the labels of one contact say: categories and lists recognized, the rest as lower-case tags, system labels dropped. */
export interface CategoryNames {
  categories: Category[];
  tags: string[];
  lists: FollowUpList[];
}

/** Maps a contact's labels; order is kept and duplicates are dropped. */
export function categoryNames(labels: Iterable<string>): CategoryNames {
  const categories = new Set<Category>();
  const tags = new Set<string>();
  const lists = new Set<FollowUpList>();
  for (const label of labels) {
    const key = labelKey(label);
    if (key === "" || DROPPED.has(key)) continue;
    const list = lookUp(LISTS_BY_KEY, label.trim());
    const category = list === undefined ? lookUp(CATEGORIES_BY_KEY, label.trim()) : undefined;
    if (list !== undefined) lists.add(list);
    else if (category !== undefined) categories.add(category);
    else
      tags.add(
        label
          .replace(/^\*\s*/, "")
          .trim()
          .toLowerCase(),
      );
  }
  return { categories: [...categories], tags: [...tags], lists: [...lists] };
}
