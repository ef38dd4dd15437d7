/**
 * A person's news: the habit of always asking for it and writing it down. Each
 * piece is kept as a dated `news` record; the person's `news`/`newsAt` show the
 * newest piece, and recording news answers the "ask for their news" mark that
 * a sent blanket update leaves.
 */
import { badInput, notFound } from "../../errors.js";
import * as f from "../model/fields.js";
import type { News } from "../model/news.js";
import type { Person } from "../model/person.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";

export interface RecordNewsInput {
  personId: string;
  text: string;
  /** The calendar date of the news (YYYY-MM-DD); today when omitted. */
  date?: string | null;
}

export interface NewsOptions {
  now?: Date;
}

/** Records a person's news: kept in their history; becomes their latest news when it is the newest; answers the "ask for their news" mark. date defaults to today. */
export async function recordNews(
  store: NetworkStore,
  ownerId: string,
  input: RecordNewsInput,
  options: NewsOptions = {},
): Promise<News> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const date = f.date("date", input.date) ?? today;
  if (date > today)
    throw badInput("date", `${date} is in the future; news is what has already happened`);
  const person = await personOf(store, ownerId, input.personId);
  const news = await store.create(ownerId, "news", { personId: person.id, text: input.text, date });
  // Same day counts as newer: what was recorded last is what the owner heard last.
  const isNewest = person.newsAt === null || date >= person.newsAt.slice(0, 10);
  await store.update(ownerId, "person", person.id, {
    ...(isNewest ? { news: news.text, newsAt: `${date}T00:00:00.000Z` } : {}),
    askForNews: false,
  });
  return news;
}

/** A person's news, newest first. */
export async function newsHistory(
  store: NetworkStore,
  ownerId: string,
  personId: string,
): Promise<News[]> {
  const person = await personOf(store, ownerId, personId);
  const history = await listAll(store, ownerId, "news", { personId: person.id });
  // Newest date first; within a day, the piece recorded last first.
  return history.sort((a, b) =>
    a.date === b.date ? cmp(b.createdAt, a.createdAt) || cmp(b.id, a.id) : cmp(b.date, a.date),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The person, or NOT_FOUND naming the `personId` field. */
async function personOf(store: NetworkStore, ownerId: string, personId: string): Promise<Person> {
  const [person] = await store.getMany(ownerId, "person", [f.id("personId", personId)]);
  if (!person) throw notFound("person", personId, "personId");
  return person;
}
