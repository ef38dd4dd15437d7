/**
 * A run of stored ties as columns (`loadNetwork` with `onTiePage`): what a store that reads its
 * ties on other threads hands over, so the thread that builds the projection takes each column
 * whole instead of one object per tie. `eachTieRow` turns a page back into the rows `onTie`
 * takes, for a reader that wants rows.
 */
import type { TieRow } from "./tie-row.js";

/** A text field as codes into `words` (-1: null); a page's words are its own. */
export interface TextCodes {
  readonly codes: Int32Array;
  readonly words: readonly string[];
}

/** `rows` ties in list order, each column one value a tie. The arrays are the reader's to keep. */
export interface TiePage {
  readonly rows: number;
  /** Each tie's id as UTF-8: the i-th is `idBytes[idEnds[i]]` up to `idBytes[idEnds[i + 1]]`. */
  readonly idBytes: Uint8Array;
  readonly idEnds: Uint32Array;
  /** The ends as the store's keys of people, the same key for the same person in one read. */
  readonly personA: Float64Array;
  readonly personB: Float64Array;
  /** A key's person id. */
  readonly personOf: (key: number) => string;
  /** The user's rating, NaN for none. */
  readonly strength: Float64Array;
  readonly context: TextCodes;
  readonly since: TextCodes;
  readonly lastInteraction: TextCodes;
  readonly provenance: TextCodes;
}

const word = (column: TextCodes, i: number): string | null => {
  const code = column.codes[i]!;
  return code < 0 ? null : column.words[code]!;
};

/** Hands each tie of `page` to `onTie` as a row, one object rewritten per tie as a store does. */
export function eachTieRow(page: TiePage, onTie: (row: TieRow) => void): void {
  const row: { -readonly [F in keyof TieRow]: TieRow[F] } = {
    id: "",
    personA: "",
    personB: "",
    strength: null,
    context: null,
    since: null,
    lastInteraction: null,
    provenance: "manual",
  };
  const { idBytes, idEnds, personA, personB, personOf, strength } = page;
  const ids = Buffer.from(idBytes.buffer, idBytes.byteOffset, idBytes.byteLength);
  for (let i = 0; i < page.rows; i++) {
    row.id = ids.toString("utf8", idEnds[i], idEnds[i + 1]);
    row.personA = personOf(personA[i]!);
    row.personB = personOf(personB[i]!);
    row.strength = Number.isNaN(strength[i]) ? null : strength[i]!;
    row.context = word(page.context, i) as TieRow["context"];
    row.since = word(page.since, i);
    row.lastInteraction = word(page.lastInteraction, i);
    row.provenance = word(page.provenance, i) as TieRow["provenance"];
    onTie(row);
  }
}
