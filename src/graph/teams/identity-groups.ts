/**
 * One node per person across teammates' networks: records of several owners are the same
 * person when they share a normalized profile URL or an e-mail address, never by name alone
 * (two "Ada Lovelace"s are two people until an address says otherwise). The groups are the
 * connected components of "shares a key" (union-find with path halving, Tarjan 1975), so
 * the answer does not depend on the order of the records.
 */
import { profileUrl } from "../model/fields.js";
import type { Person } from "../model/person.js";

/** The keys that make two records one person: `url:` the profile, `email:` each address. */
export function identityKeys(person: Pick<Person, "emails" | "profileUrl">): string[] {
  const keys = person.emails.map((e) => `email:${e.trim().toLowerCase()}`);
  if (person.profileUrl !== null) keys.push(`url:${normalizedUrl(person.profileUrl)}`);
  return keys;
}

/** Stored URLs are normalized already; this keeps records from an older version comparable. */
function normalizedUrl(url: string): string {
  try {
    return profileUrl("profileUrl", url) ?? url;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** For records 0..n-1, each record's group: the smallest record number in its group. */
export function identityGroups(people: readonly Pick<Person, "emails" | "profileUrl">[]): number[] {
  const parent = people.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const firstWithKey = new Map<string, number>();
  people.forEach((person, i) => {
    for (const key of identityKeys(person)) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else {
        const [a, b] = [find(first), find(i)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  return people.map((_, i) => find(i));
}
