/**
 * People as a snapshot keeps them: in the order of the path index's node keys, without their id
 * (the key is the id: one string, hashed once, serves the index and the people map), without
 * the fields that hold nothing (null, false, an empty list) and without the owner id (the
 * snapshot's own). A person has some twenty fields, eight of
 * them lists, and most are empty; decoding a million people is then a few objects each instead
 * of nine, the bulk of a warm start's time. `restorePeople` puts every field back, each with the
 * value it held (the literal below names them all, so a field added to Person fails to compile
 * here until it is restored too).
 */
import type { Person } from "../model/person.js";

/** A person with the fields that hold nothing, and the id, left out. */
export type SavedPerson = Partial<Person> & Pick<Person, "createdAt" | "updatedAt" | "name">;

const holdsNothing = (value: unknown) =>
  value === null || value === false || (Array.isArray(value) && value.length === 0);

/** People for a snapshot: one per non-empty key ("" marks a removed node), in key order. */
export function savePeople(
  keys: readonly string[],
  people: ReadonlyMap<string, Person>,
): SavedPerson[] {
  const saved: SavedPerson[] = [];
  for (const key of keys) {
    if (key === "") continue;
    const person = people.get(key)!;
    const kept: Record<string, unknown> = {};
    for (const field in person) {
      const value = person[field as keyof Person];
      if (field !== "ownerId" && field !== "id" && !holdsNothing(value)) kept[field] = value;
    }
    saved.push(kept as SavedPerson);
  }
  return saved;
}

/** People as they were saved, with every field; null when they do not match the keys. */
export function restorePeople(
  saved: readonly SavedPerson[],
  keys: readonly string[],
  ownerId: string,
): Person[] | null {
  const people = new Array<Person>(saved.length);
  let i = 0;
  for (const id of keys) {
    if (id === "") continue;
    const s = saved[i];
    if (s === undefined) return null;
    people[i++] = {
      id,
      ownerId,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      name: s.name,
      emails: s.emails ?? [],
      phones: s.phones ?? [],
      profileUrl: s.profileUrl ?? null,
      title: s.title ?? null,
      location: s.location ?? null,
      categories: s.categories ?? [],
      tags: s.tags ?? [],
      interests: s.interests ?? [],
      hobbies: s.hobbies ?? [],
      notes: s.notes ?? null,
      news: s.news ?? null,
      newsAt: s.newsAt ?? null,
      pressMentions: s.pressMentions ?? [],
      seeking: s.seeking ?? [],
      cadenceIdealDays: s.cadenceIdealDays ?? null,
      cadenceMaxDays: s.cadenceMaxDays ?? null,
      askForNews: s.askForNews ?? false,
      elevatorPitch: s.elevatorPitch ?? null,
      isSelf: s.isSelf ?? false,
    };
  }
  return i === saved.length ? people : null;
}
