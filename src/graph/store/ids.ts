import { randomFillSync } from "node:crypto";

const RANDOM_BYTES = 10;

// Random bytes are drawn a page at a time: one call per id costs more than the id is worth in bulk imports.
const pool = Buffer.alloc(4096);
let offset = pool.length;

/** The random part of the last id made, and the time given for it. */
const last = Buffer.alloc(RANDOM_BYTES);
let lastTime = -1;

function drawRandom(): void {
  if (offset + RANDOM_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  pool.copy(last, 0, offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
}

/** Adds one to the random part, as a big-endian number; false when it was all ones. */
function incrementRandom(): boolean {
  for (let i = RANDOM_BYTES - 1; i >= 0; i--) {
    if (last[i] !== 0xff) {
      last[i]! += 1;
      return true;
    }
    last[i] = 0;
  }
  return false;
}

/**
 * Opaque, stable ids: a kind prefix, the creation time and 80 bits, random at the first id of
 * each millisecond and one more for each further id in it (as ULIDs do). Time first, so ids of
 * records created later sort later (a stable tie-break for lists); monotonic within the
 * millisecond too, so a batch's ids sort in the order its records were made, and SQLite's
 * list index on (owner, id) then follows the order the rows were written in, page by page.
 * (Ids are not secrets: every read is scoped to its owner.)
 */
export function newId(prefix: string, now = Date.now()): string {
  if (now !== lastTime || !incrementRandom()) {
    drawRandom();
    lastTime = now;
  }
  return `${prefix}_${now.toString(36).padStart(9, "0")}${last.toString("hex")}`;
}
