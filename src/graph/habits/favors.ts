/**
 * The net goes both ways: favors the owner gave and received, and the balance
 * with one person, so the owner sees whom they owe and who owes them.
 */
import { badInput } from "../../errors.js";
import type { Favor, FavorDirection, FavorKind } from "../model/favor.js";
import * as f from "../model/fields.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";

export interface RecordFavorInput {
  personId: string;
  direction: FavorDirection;
  kind: FavorKind;
  /** A calendar date, YYYY-MM-DD; default: today. */
  date?: string | null;
  summary?: string | null;
}

/** Records a favor given to or received from a person (date defaults to today; a future date -> badInput("date", ...)). */
export async function recordFavor(
  store: NetworkStore,
  ownerId: string,
  input: RecordFavorInput,
  options: { now?: Date } = {},
): Promise<Favor> {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const date = f.date("date", input.date) ?? today;
  if (date > today) throw badInput("date", "a favor cannot be dated in the future");
  const [person, self] = await Promise.all([
    store.get(ownerId, "person", input.personId),
    store.getSelf(ownerId),
  ]);
  if (person.id === self.id)
    throw badInput("personId", "a favor is given to or received from someone else");
  return store.create(ownerId, "favor", {
    personId: person.id,
    direction: input.direction,
    kind: input.kind,
    date,
    summary: input.summary ?? null,
  });
}

export interface FavorBalance {
  personId: string;
  given: number;
  received: number;
  /** given - received: positive when the owner has helped more. */
  balance: number;
  /** Newest first. */
  favors: Favor[];
}

/** How the favors with one person stand: people help those who have helped them. */
export async function favorBalance(
  store: NetworkStore,
  ownerId: string,
  personId: string,
): Promise<FavorBalance> {
  await store.get(ownerId, "person", personId);
  const favors = await listAll(store, ownerId, "favor", { personId });
  const given = favors.filter((x) => x.direction === "given").length;
  const received = favors.length - given;
  return { personId, given, received, balance: given - received, favors };
}
