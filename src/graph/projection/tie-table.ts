/**
 * The projection's explicit ties as columns, one slot a tie: its two ends (path index nodes), the
 * user's rating, context, provenance, `since` and last contact, the strength the warmth model
 * gave it, and its id. No object per tie, so ten million ties cost about 80 bytes each here
 * (ids included) and a snapshot writes and reads the columns as they are. The `Tie` a caller
 * sees (`tieAt`) is made on demand, without the owner's notes (private, never on a path) nor
 * the record's timestamps.
 *
 * - The rating and strength are Float64 (exact: a shown warmth is the product of shown
 *   strengths); a null rating is NaN.
 * - Context and provenance are codes: 1 + the index in TIE_CONTEXTS (0: null), and the index in
 *   PROVENANCES.
 * - `since` and the last contact (YYYY-MM-DD) are codes into a pool of distinct dates (-1: null).
 * - Ids are UTF-8 bytes in one pool, each slot's at `idStart..idEnd`; a slot whose tie left
 *   keeps its bytes as garbage until the pool is compacted (when garbage is half of it).
 * - Finding a slot by id (a deleted tie: the change feed names only its id) uses a map built on
 *   the first such look-up and kept in step after; until then it costs nothing.
 * - A free slot has `a = -1` and is reused by the next tie added.
 */
import { badInput } from "../../errors.js";
import { PROVENANCES, TIE_CONTEXTS, type Tie } from "../model/tie.js";
import type { TextCodes, TiePage } from "../store/tie-page.js";
import type { TieRow } from "../store/tie-row.js";
import { grown } from "../path-index/grown-array.js";

/** What the projection keeps of a stored tie, and shows on an edge. */
export type ProjectedTie = { -readonly [K in keyof TieRow]: TieRow[K] };

/** The fields the warmth model reads (tie-warmth.ts). */
export type WarmthInput = Pick<
  Tie,
  "strength" | "context" | "since" | "lastInteraction" | "provenance"
>;

/** A tie table's arrays, as saved in a snapshot (each exactly `size` long, ids `idUsed` bytes). */
export interface TieColumns {
  a: Int32Array;
  b: Int32Array;
  rating: Float64Array;
  strength: Float64Array;
  context: Uint8Array;
  provenance: Uint8Array;
  since: Int32Array;
  last: Int32Array;
  idStart: Uint32Array;
  idEnd: Uint32Array;
  idBytes: Uint8Array;
  dates: string[];
}

type Column = Int32Array | Uint32Array | Float64Array | Uint8Array;

const CONTEXT_CODE: ReadonlyMap<string, number> = new Map(TIE_CONTEXTS.map((c, i) => [c, i + 1]));
const PROVENANCE_CODE: ReadonlyMap<string, number> = new Map(PROVENANCES.map((p, i) => [p, i]));

export class TieTable {
  /** Slots handed out, live or free. */
  size = 0;
  a: Int32Array = new Int32Array(0);
  b: Int32Array = new Int32Array(0);
  rating: Float64Array = new Float64Array(0);
  strength: Float64Array = new Float64Array(0);
  context: Uint8Array = new Uint8Array(0);
  provenance: Uint8Array = new Uint8Array(0);
  since: Int32Array = new Int32Array(0);
  last: Int32Array = new Int32Array(0);
  private idStart: Uint32Array = new Uint32Array(0);
  private idEnd: Uint32Array = new Uint32Array(0);
  private idBytes: Buffer = Buffer.alloc(0);
  private idUsed = 0;
  private idGarbage = 0;
  private readonly dates: string[] = [];
  private readonly dateCodes = new Map<string, number>();
  private readonly free: number[] = [];
  private live = 0;
  /** Slot by tie id, built on the first look-up by id. */
  private bySlotId: Map<string, number> | null = null;
  /** Reused by `warmthInput`, so recomputing strengths allocates no tie. */
  private readonly scratch: {
    -readonly [K in keyof WarmthInput]: WarmthInput[K];
  } = { strength: null, context: null, since: null, lastInteraction: null, provenance: "manual" };

  /**
   * Room for `count` ties and `idBytes` of ids, for a bulk load; ids are compacted once ties that
   * left hold `compactIdsAbove` bytes and half of the pool.
   */
  constructor(
    count = 0,
    idBytes = 0,
    private readonly compactIdsAbove = 1 << 20,
  ) {
    this.reserve(count);
    this.idBytes = Buffer.allocUnsafe(idBytes);
  }

  /**
   * A table of columns a snapshot saved (taken, not copied); throws BAD_USER_INPUT when a live
   * tie holds a code out of range, or (checked in the same pass) an end that is not a node of
   * `keys` (the path index's node keys, "" for a removed node).
   */
  static fromColumns(columns: TieColumns, keys: readonly string[]): TieTable {
    const [c, table] = [columns, new TieTable()];
    const size = columns.a.length;
    const ok =
      [columns.b, columns.rating, columns.strength, columns.context, columns.provenance].every(
        (c) => c.length === size,
      ) &&
      [columns.since, columns.last, columns.idStart, columns.idEnd].every((c) => c.length === size);
    const fail = (what: string) => badInput("columns", what);
    if (!ok) throw fail("has tie columns of different lengths");
    const { idBytes } = columns;
    [table.a, table.b, table.rating, table.strength] = [c.a, c.b, c.rating, c.strength];
    [table.context, table.provenance, table.since, table.last] = [
      c.context,
      c.provenance,
      c.since,
      c.last,
    ];
    [table.idStart, table.idEnd, table.size, table.idUsed] = [
      c.idStart,
      c.idEnd,
      size,
      idBytes.length,
    ];
    table.idBytes = Buffer.from(idBytes.buffer, idBytes.byteOffset, idBytes.byteLength);
    const n = columns.dates.length;
    for (const date of columns.dates) table.dateCodes.set(date, table.dates.push(date) - 1);
    const nodes = keys.length;
    let liveBytes = 0;
    for (let slot = size - 1; slot >= 0; slot--) {
      const a = table.a[slot]!;
      if (a < 0) {
        table.free.push(slot);
        continue;
      }
      const [from, to] = [table.idStart[slot]!, table.idEnd[slot]!];
      const b = table.b[slot]!;
      if (
        !(a < nodes && keys[a] !== "" && b < nodes && keys[b] !== "") ||
        table.since[slot]! >= n ||
        table.last[slot]! >= n ||
        table.context[slot]! > TIE_CONTEXTS.length ||
        table.provenance[slot]! >= PROVENANCES.length ||
        !(from <= to && to <= table.idUsed)
      )
        throw fail(`has tie ${slot} out of range`);
      liveBytes += to - from;
      table.live++;
    }
    table.idGarbage = table.idUsed - liveBytes;
    return table;
  }

  /** The columns as they are (views, not copies: save them before the next edit). */
  columns(): TieColumns {
    const n = this.size;
    return {
      a: this.a.subarray(0, n),
      b: this.b.subarray(0, n),
      rating: this.rating.subarray(0, n),
      strength: this.strength.subarray(0, n),
      context: this.context.subarray(0, n),
      provenance: this.provenance.subarray(0, n),
      since: this.since.subarray(0, n),
      last: this.last.subarray(0, n),
      idStart: this.idStart.subarray(0, n),
      idEnd: this.idEnd.subarray(0, n),
      idBytes: this.idBytes.subarray(0, this.idUsed),
      dates: this.dates,
    };
  }

  /** Ties held. */
  get count(): number {
    return this.live;
  }

  /** Bytes held by the columns. */
  get byteLength(): number {
    const columns = [this.a, this.b, this.rating, this.strength, this.context, this.provenance];
    const more = [this.since, this.last, this.idStart, this.idEnd, this.idBytes];
    return [...columns, ...more].reduce((sum, c) => sum + c.byteLength, 0);
  }

  /** Stores a tie between nodes a and b (its personA and personB); returns its slot. */
  add(tie: WarmthInput & { id: string }, a: number, b: number, strength = 1): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.size++;
      if (this.size > this.a.length) this.reserve(this.size);
    }
    this.a[slot] = a;
    this.b[slot] = b;
    this.strength[slot] = strength;
    this.setFields(slot, tie);
    this.setId(slot, tie.id);
    this.bySlotId?.set(tie.id, slot);
    this.live++;
    return slot;
  }

  /**
   * Stores a tie a whole-network read streamed (`loadNetwork` with `onTie`), its ends numbered by
   * `nodeOf`, its strength left for the caller; returns its slot. The row is copied, so the store
   * may reuse it.
   */
  addRow(row: TieRow, nodeOf: (id: string) => number): number {
    return this.add(row, nodeOf(row.personA), nodeOf(row.personB), 0);
  }

  /**
   * Appends a page of streamed ties (`loadNetwork` with `onTiePage`), their ends numbered in
   * `a` and `b`, their strengths left for the caller: each column is copied whole, and a page's
   * words are coded once each.
   */
  addPage(page: TiePage, a: Int32Array, b: Int32Array): void {
    const [from, n] = [this.size, page.rows];
    this.size += n;
    if (this.size > this.a.length) this.reserve(this.size);
    this.a.set(a, from);
    this.b.set(b, from);
    this.rating.set(page.strength, from);
    this.strength.fill(0, from, this.size);
    const recode = (
      target: Uint8Array | Int32Array,
      { codes, words }: TextCodes,
      codeOf: (word: string | null) => number,
    ) => {
      const code = words.map(codeOf);
      const none = codeOf(null);
      for (let i = 0; i < n; i++) target[from + i] = codes[i]! < 0 ? none : code[codes[i]!]!;
    };
    recode(this.context, page.context, (c) => (c === null ? 0 : CONTEXT_CODE.get(c)!));
    recode(this.provenance, page.provenance, (p) =>
      p === null ? 0 : (PROVENANCE_CODE.get(p) ?? 0),
    );
    recode(this.since, page.since, (date) => this.dateCode(date));
    recode(this.last, page.lastInteraction, (date) => this.dateCode(date));
    const { idBytes, idEnds } = page;
    const [start, end] = [idEnds[0]!, idEnds[n]!];
    this.ensureIdRoom(end - start);
    this.idBytes.set(idBytes.subarray(start, end), this.idUsed);
    const shift = this.idUsed - start;
    for (let i = 0; i < n; i++) {
      this.idStart[from + i] = idEnds[i]! + shift;
      this.idEnd[from + i] = idEnds[i + 1]! + shift;
    }
    this.idUsed += end - start;
    if (this.bySlotId)
      for (let slot = from; slot < this.size; slot++) this.bySlotId.set(this.idAt(slot), slot);
    this.live += n;
  }

  /**
   * Gives back the room the columns and the id pool grew past the ties they hold: a load of
   * unknown size grows them by half at a time, up to a third of them unused.
   */
  fit(): void {
    const n = this.size;
    this.eachColumn((array) => (array.length === n ? array : (array.slice(0, n) as typeof array)));
    if (this.idBytes.length === this.idUsed) return;
    const bytes = Buffer.allocUnsafeSlow(this.idUsed);
    this.idBytes.copy(bytes, 0, 0, this.idUsed);
    this.idBytes = bytes;
  }

  /** Rewrites the fields of a tie kept in `slot` (same id, same ends). */
  update(slot: number, tie: WarmthInput): void {
    this.setFields(slot, tie);
  }

  /** Frees a slot. */
  remove(slot: number): void {
    if (this.a[slot]! < 0) return;
    if (this.bySlotId) this.bySlotId.delete(this.idAt(slot));
    this.idGarbage += this.idEnd[slot]! - this.idStart[slot]!;
    this.a[slot] = this.b[slot] = -1;
    this.idStart[slot] = this.idEnd[slot] = 0;
    this.free.push(slot);
    this.live--;
  }

  /** Whether a slot holds a tie. */
  has(slot: number): boolean {
    return slot >= 0 && slot < this.size && this.a[slot]! >= 0;
  }

  /** The slot of a tie by id, or -1 (builds the id map on first use). */
  slotOfId(id: string): number {
    if (this.bySlotId === null) {
      const map = new Map<string, number>();
      for (let slot = 0; slot < this.size; slot++)
        if (this.a[slot]! >= 0) map.set(this.idAt(slot), slot);
      this.bySlotId = map;
    }
    return this.bySlotId.get(id) ?? -1;
  }

  idAt(slot: number): string {
    return this.idBytes.toString("utf8", this.idStart[slot]!, this.idEnd[slot]!);
  }

  /** The tie in `slot` as a record, its ends named by `keys` (the path index's node keys). */
  tieAt(slot: number, keys: readonly string[]): ProjectedTie {
    const [personA, personB] = [keys[this.a[slot]!]!, keys[this.b[slot]!]!];
    return { id: this.idAt(slot), personA, personB, ...this.warmthInput(slot) };
  }

  /** The warmth model's input for a slot, in an object reused by the next call. */
  warmthInput(slot: number): WarmthInput {
    const s = this.scratch;
    const [rating, context] = [this.rating[slot]!, this.context[slot]!];
    s.strength = Number.isNaN(rating) ? null : rating;
    s.context = context === 0 ? null : TIE_CONTEXTS[context - 1]!;
    s.since = this.dateAt(this.since[slot]!);
    s.lastInteraction = this.dateAt(this.last[slot]!);
    s.provenance = PROVENANCES[this.provenance[slot]!]!;
    return s;
  }

  /** Whether a slot's warmth changes with the clock by itself (it has a `since` or a last contact). */
  datesOf(slot: number): boolean {
    return this.since[slot]! >= 0 || this.last[slot]! >= 0;
  }

  private dateAt(code: number): string | null {
    return code < 0 ? null : this.dates[code]!;
  }

  private dateCode(date: string | null): number {
    if (date === null) return -1;
    let code = this.dateCodes.get(date);
    if (code === undefined) this.dateCodes.set(date, (code = this.dates.push(date) - 1));
    return code;
  }

  private setFields(slot: number, tie: WarmthInput): void {
    this.rating[slot] = tie.strength ?? NaN;
    this.context[slot] = tie.context === null ? 0 : CONTEXT_CODE.get(tie.context)!;
    this.provenance[slot] = PROVENANCE_CODE.get(tie.provenance) ?? 0;
    this.since[slot] = this.dateCode(tie.since);
    this.last[slot] = this.dateCode(tie.lastInteraction);
  }

  private setId(slot: number, id: string): void {
    if (this.idGarbage > this.compactIdsAbove && this.idGarbage * 2 > this.idUsed)
      this.compactIds();
    this.ensureIdRoom(id.length);
    const bytes = this.idBytes;
    let written = 0;
    // Ids are ASCII in practice: copied by hand, which beats a native call for 30 bytes.
    for (; written < id.length; written++) {
      const code = id.charCodeAt(written);
      if (code >= 0x80) break;
      bytes[this.idUsed + written] = code;
    }
    if (written < id.length) {
      this.ensureIdRoom(Buffer.byteLength(id));
      written = this.idBytes.write(id, this.idUsed, "utf8");
    }
    this.idStart[slot] = this.idUsed;
    this.idEnd[slot] = this.idUsed += written;
  }

  private ensureIdRoom(bytes: number): void {
    const need = this.idUsed + bytes;
    if (need <= this.idBytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(need, Math.ceil(this.idBytes.length * 1.5), 1024));
    this.idBytes.copy(next, 0, 0, this.idUsed);
    this.idBytes = next;
  }

  /** Moves the live ids together, dropping the bytes of ties that left. */
  private compactIds(): void {
    const bytes = Buffer.allocUnsafe(this.idUsed - this.idGarbage + 1024);
    let used = 0;
    for (let slot = 0; slot < this.size; slot++) {
      if (this.a[slot]! < 0) continue;
      const [start, end] = [this.idStart[slot]!, this.idEnd[slot]!];
      this.idBytes.copy(bytes, used, start, end);
      this.idStart[slot] = used;
      this.idEnd[slot] = used += end - start;
    }
    [this.idBytes, this.idUsed, this.idGarbage] = [bytes, used, 0];
  }

  private reserve(size: number): void {
    this.eachColumn((array) => grown(array, size, 64));
  }

  /** Replaces each per-slot column by what `change` makes of it (same type, same contents). */
  private eachColumn(change: <T extends Column>(array: T) => T): void {
    this.a = change(this.a);
    this.b = change(this.b);
    this.rating = change(this.rating);
    this.strength = change(this.strength);
    this.context = change(this.context);
    this.provenance = change(this.provenance);
    this.since = change(this.since);
    this.last = change(this.last);
    this.idStart = change(this.idStart);
    this.idEnd = change(this.idEnd);
  }
}
