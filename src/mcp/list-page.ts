/**
 * Paging for every list a tool returns: `limit` (default 10, at most 50) and an opaque
 * `cursor` from the previous page's `nextCursor`, which is null on the last page. A cursor
 * is the offset into the list as the tool orders it, so a list that changed between two
 * calls may repeat or skip an entry; it never fails for that.
 */
import { z } from "zod";
import { badInput } from "../errors.js";

export const PAGE_DEFAULTS = Object.freeze({ limit: 10, maxLimit: 50 });

/** The two paging arguments, as every list tool declares them. */
export const pageArgs = {
  limit: z.number().int().min(1).max(PAGE_DEFAULTS.maxLimit).optional(),
  cursor: z.string().max(100).optional(),
};

export interface PageRequest {
  offset: number;
  limit: number;
}

const CURSOR = /^o(\d{1,9})$/;

/** Where a page starts and how long it is; BAD_USER_INPUT on `cursor` for one this server did not make. */
export function pageRequest(args: { limit?: number | undefined; cursor?: string | undefined }) {
  const limit = args.limit ?? PAGE_DEFAULTS.limit;
  if (args.cursor === undefined) return { offset: 0, limit };
  const decoded = Buffer.from(args.cursor, "base64url").toString("utf8");
  const match = CURSOR.exec(decoded);
  // Node's base64 decoder skips what it cannot read, so only a cursor it would write itself passes.
  if (match === null || cursorAt(Number(match[1])) !== args.cursor)
    throw badInput("cursor", "is not a cursor from this server: pass nextCursor");
  return { offset: Number(match[1]), limit };
}

export const cursorAt = (offset: number): string => Buffer.from(`o${offset}`).toString("base64url");

export interface Page<T> {
  items: T[];
  /** Pass this as `cursor` for the next page; null when this page is the last. */
  nextCursor: string | null;
}

/** One page of a list computed whole (or of its first offset+limit+1 entries). */
export function pageOf<T>(all: readonly T[], page: PageRequest): Page<T> {
  const end = page.offset + page.limit;
  return {
    items: all.slice(page.offset, end),
    nextCursor: all.length > end ? cursorAt(end) : null,
  };
}
