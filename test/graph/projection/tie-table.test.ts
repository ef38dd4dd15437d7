import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVENANCES, TIE_CONTEXTS } from "../../../src/graph/model/tie.js";
import { TieTable, type ProjectedTie } from "../../../src/graph/projection/tie-table.js";
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
