import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVENANCES, TIE_CONTEXTS } from "../../../src/graph/model/tie.js";
import { TieTable, type ProjectedTie } from "../../../src/graph/projection/tie-table.js";
import { eachTieRow, type TextCodes, type TiePage } from "../../../src/graph/store/tie-page.js";
import { isWarmpathError } from "../../../src/errors.js";

const KEYS = Array.from({ length: 12 }, (_, i) => `per_${i}`);

const tie = fc.record({
  a: fc.nat(5),
  b: fc.integer({ min: 6, max: 11 }),
  strength: fc.option(fc.double({ min: 1e-6, max: 1, noNaN: true }), { nil: null }),
  context: fc.option(fc.constantFrom(...TIE_CONTEXTS), { nil: null }),
  since: fc.option(fc.constantFrom("2015-01-01", "2020-06-30"), { nil: null }),
  lastInteraction: fc.option(fc.constantFrom("2026-11-01", "2015-01-01"), { nil: null }),
  provenance: fc.constantFrom(...PROVENANCES),
  // Ids are ASCII in practice; a few are not, and take the UTF-8 path.
  id: fc.oneof(fc.stringMatching(/^tie_[a-z0-9]{4,30}$/), fc.constant("tie_é✓")),
});

describe("the tie table", () => {
  it("holds what was added, updated and removed, finds ties by id, and reads back from its columns (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("add", "update", "remove"), tie, fc.nat()), {
          maxLength: 300,
        }),
        (steps) => {
          // A low threshold, so that long sequences compact the ids several times.
          const table = new TieTable(0, 0, 64);
          const expected = new Map<string, ProjectedTie & { slot: number }>();
          let n = 0;
          for (const [op, t, pick] of steps) {
            const held = [...expected.values()];
            const target = held[pick % Math.max(1, held.length)];
            const record = {
              id: `${t.id}-${n++}`,
              personA: KEYS[t.a]!,
              personB: KEYS[t.b]!,
              strength: t.strength,
              context: t.context,
              since: t.since,
              lastInteraction: t.lastInteraction,
              provenance: t.provenance,
            };
            if (op === "add" || target === undefined) {
              const slot = table.add(record, t.a, t.b, 0.5);
              expected.set(record.id, { ...record, slot });
            } else if (op === "update") {
              const next = { ...record, id: target.id, personA: target.personA };
              table.update(target.slot, next);
              expected.set(target.id, { ...next, personB: target.personB, slot: target.slot });
            } else {
              expect(table.slotOfId(target.id)).toBe(target.slot);
              table.remove(target.slot);
              expected.delete(target.id);
              expect(table.slotOfId(target.id)).toBe(-1);
            }
          }
          const copy = TieTable.fromColumns(
            Object.fromEntries(
              Object.entries(table.columns()).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
            ) as ReturnType<TieTable["columns"]>,
            KEYS,
          );
          for (const t of [table, copy]) {
            expect(t.count).toBe(expected.size);
            for (const { slot, ...record } of expected.values()) {
              expect(t.tieAt(slot, KEYS)).toEqual(record);
              expect(t.slotOfId(record.id)).toBe(slot);
              expect(t.warmthInput(slot)).toMatchObject({ since: record.since });
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("takes a page of columns as it takes the same ties one by one, and turns a page back into its rows (property)", () => {
    fc.assert(
      fc.property(
        fc.array(tie, { maxLength: 40 }),
        fc.array(fc.array(tie, { maxLength: 60 }), { maxLength: 4 }),
        fc.boolean(),
        (before, pages, lookUpFirst) => {
          const [byPage, byRow] = [new TieTable(0, 0, 64), new TieTable(0, 0, 64)];
          const held: ProjectedTie[] = [];
          const record = ({ a, b, ...t }: (typeof before)[number], n: number): ProjectedTie => ({
            ...t,
            id: `${t.id}-${n}`,
            personA: KEYS[a]!,
            personB: KEYS[b]!,
          });
          for (const t of before) {
            const r = record(t, held.length);
            held.push(r);
            for (const table of [byPage, byRow]) table.add(r, t.a, t.b, 0);
          }
          // A table whose id map is built keeps it in step with a page too.
          if (lookUpFirst) for (const table of [byPage, byRow]) table.slotOfId("none");
          for (const ties of pages) {
            const records = ties.map((t, i) => record(t, held.length + i));
            const page = pageOf(records);
            const rows: ProjectedTie[] = [];
            eachTieRow(page, (row) => rows.push({ ...row }));
            expect(rows).toEqual(records);
            byPage.addPage(
              page,
              Int32Array.from(ties, (t) => t.a),
              Int32Array.from(ties, (t) => t.b),
            );
            ties.forEach((t, i) => byRow.add(records[i]!, t.a, t.b, 0));
            held.push(...records);
          }
          for (const table of [byPage, byRow]) expect(table.count).toBe(held.length);
          held.forEach((r, slot) => {
            expect(byPage.tieAt(slot, KEYS)).toEqual(r);
            expect(byPage.strength[slot]).toBe(byRow.strength[slot]);
            expect(byPage.slotOfId(r.id)).toBe(slot);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("refuses columns that do not make a table", () => {
    const table = new TieTable();
    table.add(
      {
        id: "tie_1",
        strength: 0.5,
        context: null,
        since: null,
        lastInteraction: null,
        provenance: "manual",
      },
      0,
      1,
    );
    const columns = table.columns();
    const broken = [
      { ...columns, b: new Int32Array(0) },
      { ...columns, provenance: Uint8Array.of(PROVENANCES.length) },
      { ...columns, since: Int32Array.of(3) },
      { ...columns, idEnd: Uint32Array.of(99) },
    ];
    const keys = ["a", "b"];
    const ends: [ReturnType<TieTable["columns"]>, string[]][] = [
      ...broken.map((c): [ReturnType<TieTable["columns"]>, string[]] => [c, keys]),
      // An end past the keys, or a removed node.
      [{ ...columns, b: Int32Array.of(2) }, keys],
      [columns, ["a", ""]],
    ];
    expect(TieTable.fromColumns(columns, keys).count).toBe(1);
    for (const [c, k] of ends) {
      let error: unknown;
      try {
        TieTable.fromColumns(c, k);
      } catch (e) {
        error = e;
      }
      expect(isWarmpathError(error, "BAD_USER_INPUT")).toBe(true);
    }
  });
});

/** The page a store would send for `ties`, its ids after a few bytes of another page's. */
function pageOf(ties: readonly ProjectedTie[]): TiePage {
  const text = (values: readonly (string | null)[]): TextCodes => {
    const words: string[] = [];
    const codes = Int32Array.from(values, (v) => {
      if (v === null) return -1;
      const at = words.indexOf(v);
      return at >= 0 ? at : words.push(v) - 1;
    });
    return { codes, words };
  };
  const ids = ties.map((t) => Buffer.from(t.id));
  const idEnds = new Uint32Array(ties.length + 1);
  idEnds[0] = 3;
  ids.forEach((id, i) => (idEnds[i + 1] = idEnds[i]! + id.length));
  const keyOf = (person: string) => KEYS.indexOf(person);
  return {
    rows: ties.length,
    idBytes: Buffer.concat([Buffer.from("xyz"), ...ids]),
    idEnds,
    personA: Float64Array.from(ties, (t) => keyOf(t.personA)),
    personB: Float64Array.from(ties, (t) => keyOf(t.personB)),
    personOf: (key) => KEYS[key]!,
    strength: Float64Array.from(ties, (t) => t.strength ?? NaN),
    context: text(ties.map((t) => t.context)),
    since: text(ties.map((t) => t.since)),
    lastInteraction: text(ties.map((t) => t.lastInteraction)),
    provenance: text(ties.map((t) => t.provenance)),
  };
}
