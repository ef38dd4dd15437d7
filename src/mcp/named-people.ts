/** Ids a tool returns, with the names (and roles) an assistant shows: one store call per answer. */
import { currentEmployers, peopleById, roleLine } from "../graph/index.js";
import type { McpContext } from "./mcp-context.js";

export interface Named {
  id: string;
  name: string;
}

export interface NamedWithRole extends Named {
  /** "VP Engineering at Fabrikam"; empty when unknown. */
  role: string;
}

/** A function from id to `{ id, name }` for the ids given; a person deleted meanwhile reads as their id. */
export async function namer(
  { store, ownerId }: McpContext,
  ids: Iterable<string>,
): Promise<(id: string) => Named> {
  const people = await peopleById(store, ownerId, ids);
  return (id) => ({ id, name: people.get(id)?.name ?? id });
}

/** As namer, with each person's title and current employers. */
export async function namerWithRole(
  context: McpContext,
  ids: Iterable<string>,
): Promise<(id: string) => NamedWithRole> {
  const unique = [...new Set(ids)];
  const [people, employers] = await Promise.all([
    peopleById(context.store, context.ownerId, unique),
    currentEmployers(context.store, context.ownerId, unique),
  ]);
  return (id) => {
    const person = people.get(id);
    return {
      id,
      name: person?.name ?? id,
      role: roleLine(person?.title ?? null, employers.get(id) ?? []),
    };
  };
}

/** A warmth or strength to three places: what a person reads, and shorter for a model. */
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;
