import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIRECTIONS, type Interaction } from "../../../src/graph/model/interaction.js";
import { summarizeEvidence } from "../../../src/graph/warmth/tie-evidence.js";
import { tieWarmth } from "../../../src/graph/warmth/tie-warmth.js";
import { WARMTH_DEFAULTS } from "../../../src/graph/warmth/warmth-options.js";
import { tieFields, type TieFields } from "../../support/warmth-ties.js";

const NOW = new Date("2026-11-30T00:00:00Z");
const DAY = 86_400_000;
const dayOf = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString();

const ties = tieFields(dayOf);

let serial = 0;
const mail = (
  offset: number,
  direction: Interaction["direction"],
  kind: Interaction["kind"] = "email",
): Interaction => ({
  id: `int_${serial++}`,
  ownerId: "o",
  personId: "p",
  kind,
  at: dayOf(offset),
  direction,
  summary: null,
  needsReply: false,
  sourceKey: `mail:<${serial}@x>>p@x`,
  colleague: false,
  createdAt: "",
  updatedAt: "",
});
// What a mail and calendar import writes: e-mails either way and mutual meetings, up to ten years back.
const imported = fc
  .record({
    offset: fc.integer({ min: -10 * 365, max: 0 }),
    direction: fc.constantFrom(...DIRECTIONS),
    meeting: fc.boolean(),
  })
  .map(({ offset, direction, meeting }) =>
    meeting
      ? mail(offset, "mutual", "meeting")
      : mail(offset, direction === "mutual" ? "inbound" : direction),
  );
// One more exchange both ways: a message out and the answer back, some days apart.
const exchange = fc
  .record({ offset: fc.integer({ min: -10 * 365, max: 0 }), gap: fc.integer({ min: 0, max: 14 }) })
  .map(({ offset, gap }) => [mail(offset, "outbound"), mail(Math.min(0, offset + gap), "inbound")]);

const strength = (tie: TieFields, log: Interaction[]) =>
  tieWarmth(tie, summarizeEvidence(log, [], NOW), NOW, WARMTH_DEFAULTS).strength;

describe("imported mail and the warmth model", () => {
  it("never lowers a tie's strength when more two-way contact is imported (property)", () => {
    fc.assert(
      fc.property(
        ties,
        fc.array(imported, { maxLength: 30 }),
        fc.array(exchange, { minLength: 1, maxLength: 5 }),
        (tie, log, more) => {
          const before = strength(tie, log);
          const after = strength(tie, [...log, ...more.flat()]);
          expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("makes a tie with recent mail both ways warmer than one with the same mail one way", () => {
    const tie: TieFields = {
      strength: null,
      context: null,
      since: null,
      lastInteraction: null,
      provenance: "interaction",
    };
    const oneWay = [-3, -10, -20, -40].map((d) => mail(d, "inbound"));
    const twoWay = [-3, -10, -20, -40].map((d, i) => mail(d, i % 2 ? "inbound" : "outbound"));
    expect(strength(tie, twoWay)).toBeGreaterThan(strength(tie, oneWay));
  });
});
