import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVENANCES, TIE_CONTEXTS } from "../../../src/graph/model/tie.js";
import { tieStrengths } from "../../../src/graph/projection/tie-strengths.js";
import { TieTable } from "../../../src/graph/projection/tie-table.js";
import { NO_EVIDENCE } from "../../../src/graph/warmth/tie-evidence.js";
import { tieWarmth } from "../../../src/graph/warmth/tie-warmth.js";
import { WARMTH_DEFAULTS } from "../../../src/graph/warmth/warmth-options.js";

const NOW = new Date("2026-11-30T12:00:00Z");
const DATES = ["2012-03-01", "2015-01-01", "2019-09-09", "2020-06-30", "2026-06-01", "2026-11-01"];

const tie = fc.record({
  strength: fc.option(fc.constantFrom(0.2, 0.5, 1), { nil: null }),
  context: fc.option(fc.constantFrom(...TIE_CONTEXTS), { nil: null }),
  since: fc.option(fc.constantFrom(...DATES), { nil: null }),
  lastInteraction: fc.option(fc.constantFrom(...DATES), { nil: null }),
  provenance: fc.constantFrom(...PROVENANCES),
});

describe("tieStrengths", () => {
  it("gives every slot exactly the warmth model's strength, however many ties share inputs (property)", () => {
    fc.assert(
      fc.property(fc.array(tie, { minLength: 1, maxLength: 200 }), (ties) => {
        const table = new TieTable();
        ties.forEach((t, i) => table.add({ ...t, id: `tie_${i}` }, 0, 1));
        const strengthOf = tieStrengths(table, NOW, WARMTH_DEFAULTS);
        ties.forEach((t, slot) =>
          expect(strengthOf(slot)).toBe(tieWarmth(t, NO_EVIDENCE, NOW, WARMTH_DEFAULTS).strength),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a met-once tie apart from a tie with no context whose last contact is the next date", () => {
    const ties = [
      {
        strength: null,
        context: "met_once" as const,
        since: "2015-01-01",
        lastInteraction: "2020-06-30",
        provenance: "manual" as const,
      },
      {
        strength: null,
        context: null,
        since: "2015-01-01",
        lastInteraction: "2026-11-01",
        provenance: "manual" as const,
      },
    ];
    const table = new TieTable();
    ties.forEach((t, i) => table.add({ ...t, id: `tie_${i}` }, 0, 1));
    const strengthOf = tieStrengths(table, NOW, WARMTH_DEFAULTS);
    expect(strengthOf(0)).toBe(tieWarmth(ties[0]!, NO_EVIDENCE, NOW, WARMTH_DEFAULTS).strength);
    expect(strengthOf(1)).toBe(tieWarmth(ties[1]!, NO_EVIDENCE, NOW, WARMTH_DEFAULTS).strength);
  });
});
