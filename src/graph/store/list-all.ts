/** Every record of a kind matching a filter, read page by page through the store port. */
import type { Filters, RecordKind, Records } from "../model/kinds.js";
import type { NetworkStore } from "./network-store.js";
import { MAX_PAGE_SIZE } from "./page.js";

export async function listAll<K extends RecordKind>(
  store: NetworkStore,
  ownerId: string,
  kind: K,
  filter: Filters[K] = {} as Filters[K],
): Promise<Records[K][]> {
  const out: Records[K][] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof store.list<K>>> = await store.list(
      ownerId,
      kind,
      filter,
      { first: MAX_PAGE_SIZE, after },
    );
    out.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return out;
}
