/**
 * People as a snapshot keeps them: as columns in the order of the path index's node keys, not an
 * object a person. The id is the key (one string, hashed once, serves the index and the people
 * map); the owner id is the snapshot's own; the name is a column; `createdAt` and `updatedAt` are
 * codes into a pool of distinct timestamps (people written in one batch share them); and the
 * other fields are kept only for the people that have one that holds something (not null,
 * false or an empty list). A person has some twenty fields, eight of them lists, and most are
 * empty: decoding a million people is then two strings each (key and name) instead of an object
 * and its strings, the bulk of a warm start's time. `restorePeople` puts every field back, each
 * with the value it held (the literal below names them all, so a field added to Person fails to
 * compile here until it is restored too).
 */
import type { Person } from "../model/person.js";

/** A person's fields besides the id, owner, name and timestamps, those that hold something. */
type OtherFields = Partial<Omit<Person, "id" | "ownerId" | "name" | "createdAt" | "updatedAt">>;

/** The people of a snapshot, one per non-empty key, in key order. */
export interface SavedPeople {
  names: string[];
  /** createdAt and updatedAt of each person, two codes into `times`. */
  stamps: Int32Array;
  times: string[];
  /** The other fields of the people that have any, as [position, fields] pairs in order. */
  others: [number, OtherFields][];
}

/**
 * The empty list every restored person's empty list fields share: a million people hold some
 * eight million of them, and one frozen array instead spares the collector that many objects.
 * Nothing writes into a person's lists (they are replaced on update); a write would throw.
 */
const EMPTY = Object.freeze([]) as unknown as never[];

const holdsNothing = (value: unknown) =>
  value === null || value === false || (Array.isArray(value) && value.length === 0);

const SET_APART = new Set(["id", "ownerId", "name", "createdAt", "updatedAt"]);

/** People for a snapshot: one per non-empty key ("" marks a removed node), in key order. */
export function savePeople(
  keys: readonly string[],
  people: ReadonlyMap<string, Person>,
): SavedPeople {
  const names: string[] = [];
  const stamps: number[] = [];
  const times: string[] = [];
  const timeCodes = new Map<string, number>();
  const code = (time: string) => {
    let c = timeCodes.get(time);
    if (c === undefined) timeCodes.set(time, (c = times.push(time) - 1));
    return c;
  };
  const others: [number, OtherFields][] = [];
  for (const key of keys) {
    if (key === "") continue;
    const person = people.get(key)!;
    const kept: Record<string, unknown> = {};
    let any = false;
    for (const field in person) {
      const value = person[field as keyof Person];
      if (!SET_APART.has(field) && !holdsNothing(value)) [kept[field], any] = [value, true];
    }
    if (any) others.push([names.length, kept as OtherFields]);
    names.push(person.name);
    stamps.push(code(person.createdAt), code(person.updatedAt));
  }
  return { names, stamps: Int32Array.from(stamps), times, others };
}

/** People as they were saved, with every field; null when they do not match the keys. */
export function restorePeople(
  saved: SavedPeople,
  keys: readonly string[],
  ownerId: string,
): Person[] | null {
  const { names, stamps, times, others } = saved;
  if (!(Array.isArray(names) && stamps instanceof Int32Array && Array.isArray(others))) return null;
  const count = names.length;
  if (!Array.isArray(times) || stamps.length !== 2 * count) return null;
  for (let i = 0; i < stamps.length; i++)
    if (!(stamps[i]! >= 0 && stamps[i]! < times.length)) return null;
  const people = new Array<Person>(count);
  let [i, next] = [0, 0];
  const none: OtherFields = {};
  for (const id of keys) {
    if (id === "") continue;
    if (i === count) return null;
    let s = none;
    if (next < others.length && others[next]![0] === i) s = others[next++]![1];
    people[i] = {
      id,
      ownerId,
      createdAt: times[stamps[2 * i]!]!,
      updatedAt: times[stamps[2 * i + 1]!]!,
      name: names[i]!,
      emails: s.emails ?? EMPTY,
      phones: s.phones ?? EMPTY,
      profileUrl: s.profileUrl ?? null,
      title: s.title ?? null,
      location: s.location ?? null,
      categories: s.categories ?? EMPTY,
      tags: s.tags ?? EMPTY,
      interests: s.interests ?? EMPTY,
      hobbies: s.hobbies ?? EMPTY,
      notes: s.notes ?? null,
      news: s.news ?? null,
      newsAt: s.newsAt ?? null,
      pressMentions: s.pressMentions ?? EMPTY,
      seeking: s.seeking ?? EMPTY,
      cadenceIdealDays: s.cadenceIdealDays ?? null,
      cadenceMaxDays: s.cadenceMaxDays ?? null,
      askForNews: s.askForNews ?? false,
      elevatorPitch: s.elevatorPitch ?? null,
      isSelf: s.isSelf ?? false,
    };
    i++;
  }
  return i === count && next === others.length ? people : null;
}
