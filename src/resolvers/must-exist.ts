import { notFound } from "../errors.js";

/** A loaded record a parent points at; its absence means the parent was deleted under this request. */
export function mustExist<T>(record: T | null | undefined, kind: string, id: string): T {
  if (record === null || record === undefined) throw notFound(kind, id);
  return record;
}
