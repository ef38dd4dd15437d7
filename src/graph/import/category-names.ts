/**
 * Labels, groups and categories as contact files write them ("Former
 * colleague", "Clients", "* myContacts") mapped to the model's categories, the
 * follow-up lists, and free tags.
 */
import type { FollowUpList } from "../model/follow-up.js";
import type { Category } from "../model/person.js";

/** Spellings of each category (singular; a trailing "s" is also accepted), including our own `former_colleague` and a few German and French ones. */
const CATEGORY_ALIASES: Readonly<Record<Category, readonly string[]>> = Object.freeze({
  client: ["client", "customer", "kunde", "kunden"],
  vendor: ["vendor", "supplier", "lieferant", "lieferanten", "fournisseur"],
  friend: ["friend", "freund", "freunde", "freundin", "ami", "amie"],
  family: ["family", "families", "familie", "famille"],
  former_colleague: ["former colleague", "ex colleague", "former coworker", "former co worker", "ehemaliger kollege", "ehemalige kollegen", "ancien collègue", "anciens collègues"],
  former_employer: ["former employer", "ex employer", "ehemaliger arbeitgeber", "ancien employeur"],
  former_client: ["former client", "former customer", "past client", "ex client", "ehemaliger kunde", "ehemalige kunden", "ancien client", "anciens clients"],
  mentor: ["mentor", "mentoren"],
  recruiter: ["recruiter", "headhunter", "recruteur"],
  investor: ["investor", "investoren", "investisseur"],
  community: ["community", "communities", "gemeinschaft", "communauté"],
});

/** The two networking lists, which Outlook users keep as categories. */
const LIST_ALIASES: Readonly<Record<FollowUpList, readonly string[]>> = Object.freeze({
  next_contact: ["next contact"],
  immediate_follow_up: ["immediate follow up", "immediate followup"],
});

/** Google's system labels (written with a leading "* "): they say nothing about the person. */
const DROPPED = new Set(["mycontacts", "my contacts", "other contacts", "starred"]);

/** Comparison key: case, underscores, hyphens and spacing do not matter. */
const labelKey = (label: string): string =>
  label
    .normalize("NFC")
    .toLowerCase()
    .replace(/^\*\s*/, "")
    .replace(/[\s_-]+/g, " ")
    .trim();

function aliasTable<T extends string>(aliases: Readonly<Record<T, readonly string[]>>): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, spellings] of Object.entries(aliases) as [T, readonly string[]][]) {
    table.set(labelKey(value), value);
    for (const spelling of spellings) table.set(labelKey(spelling), value);
  }
  return table;
}

const CATEGORIES_BY_KEY = aliasTable(CATEGORY_ALIASES);
const LISTS_BY_KEY = aliasTable(LIST_ALIASES);

/** Singular or plural: "clients" finds "client", "investors" finds "investor". */
function lookUp<T>(table: ReadonlyMap<string, T>, key: string): T | undefined {
  return table.get(key) ?? (key.endsWith("s") ? table.get(key.slice(0, -1)) : undefined);
}

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
    const list = lookUp(LISTS_BY_KEY, key);
    const category = list === undefined ? lookUp(CATEGORIES_BY_KEY, key) : undefined;
    if (list !== undefined) lists.add(list);
    else if (category !== undefined) categories.add(category);
    else tags.add(label.replace(/^\*\s*/, "").trim().toLowerCase());
  }
  return { categories: [...categories], tags: [...tags], lists: [...lists] };
}
