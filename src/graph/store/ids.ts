import { randomFillSync } from "node:crypto";

// Random bytes are drawn a page at a time: one call per id costs more than the id is worth in bulk imports.
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += bytes;
  return pool.toString("hex", offset - bytes, offset);
}

/**
 * Opaque, stable ids: a kind prefix, the creation time and 80 random bits.
 * Time first, so ids of records created later sort later (a stable tie-break for lists).
 */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, "0")}${randomHex(10)}`;
}
