/** Loads the people and records that results name by id, through the request's loaders, for GraphQL. */
import type DataLoader from "dataloader";
import type { Person } from "../graph/index.js";
import type { Loaders } from "./loaders.js";
import { mustExist } from "./must-exist.js";

/** The person an id names, through the request's loader; NOT_FOUND when it was deleted under this request. */
export const personOf = async (loaders: Loaders, id: string): Promise<Person> =>
  mustExist(await loaders.person.load(id), "person", id);

/** The record an optional reference names, or null. */
export const optional = async <T>(
  loader: DataLoader<string, T | null>,
  id: string | null,
): Promise<T | null> => (id === null ? null : loader.load(id));

/** Each row with its `personId` resolved to `person`. */
export const withPerson = <T extends { personId: string }>(
  loaders: Loaders,
  rows: readonly T[],
): Promise<(T & { person: Person })[]> =>
  Promise.all(rows.map(async (row) => ({ ...row, person: await personOf(loaders, row.personId) })));
