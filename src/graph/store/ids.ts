import { randomBytes } from "node:crypto";

/**
 * Opaque, stable ids: a kind prefix, the creation time and 80 random bits.
 * Time first, so ids of records created later sort later (a stable tie-break for lists).
 */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, "0")}${randomBytes(10).toString("hex")}`;
}
