import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FAVOR_DIRECTIONS, FAVOR_KINDS, type Favor } from "../../../src/graph/model/favor.js";
import {
  DIRECTIONS,
  INTERACTION_KINDS,
  type Interaction,
} from "../../../src/graph/model/interaction.js";
import { MIN_RATING, TIE_CONTEXTS } from "../../../src/graph/model/tie.js";
import { summarizeEvidence } from "../../../src/graph/warmth/tie-evidence.js";
import { tieWarmth } from "../../../src/graph/warmth/tie-warmth.js";
import { WARMTH_DEFAULTS } from "../../../src/graph/warmth/warmth-options.js";
import { tieFields, type TieFields } from "../../support/warmth-ties.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const DAY = 86_400_000;
const dayOf = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString();

// Any tie: rated from the floor to 1 or not, any context, provenance, age and stored last contact.
const ties = tieFields(dayOf);

const record = { ownerId: "o", personId: "p", summary: null, createdAt: "", updatedAt: "" };
// Any interaction: any kind, any direction, dated from ten years ago to a year ahead (a planned meeting).
const interactions: fc.Arbitrary<Interaction> = fc
  .record({
    kind: fc.constantFrom(...INTERACTION_KINDS),
    direction: fc.constantFrom(...DIRECTIONS),
    offset: fc.integer({ min: -10 * 365, max: 365 }),
    id: fc.uuid(),
  })
  .map(({ offset, ...i }) => ({
    ...record,
    ...i,
    at: dayOf(offset),
    needsReply: false,
    sourceKey: null,
    colleague: false,
  }));
const favors: fc.Arbitrary<Favor> = fc
  .record({
    direction: fc.constantFrom(...FAVOR_DIRECTIONS),
    kind: fc.constantFrom(...FAVOR_KINDS),
    offset: fc.integer({ min: -10 * 365, max: 0 }),
    id: fc.uuid(),
  })
  .map(({ offset, ...f }) => ({ ...record, ...f, date: dayOf(offset).slice(0, 10) }));

/** One more piece of positive evidence: an interaction, a two-way contact, or a favor. */
const added = fc.oneof(
  interactions.map((i) => ({ interaction: i })),
  interactions.map((i) => ({ interaction: { ...i, direction: "mutual" as const } })),
  favors.map((f) => ({ favor: f })),
);

const strength = (tie: TieFields, log: Interaction[], given: Favor[], now = NOW) =>
  tieWarmth(tie, summarizeEvidence(log, given, now), now, WARMTH_DEFAULTS).strength;

describe("the warmth model's guarantees", () => {
  it("warms a tie rated 0.9 when coffee yesterday is logged (it used to fall to about 0.76-0.82)", () => {
    const tie = {
      strength: 0.9,
      context: null,
      since: null,
      lastInteraction: null,
      provenance: "manual" as const,
    };
    const coffee = (direction: Interaction["direction"]) => ({
      ...record,
      id: "c",
      kind: "coffee" as const,
      direction,
      at: dayOf(-1),
      needsReply: false,
      sourceKey: null,
      colleague: false,
    });
    for (const direction of DIRECTIONS)
      expect(strength(tie, [coffee(direction)], [])).toBeGreaterThan(0.9);
  });

  it("never cools a tie when an interaction, a two-way contact or a favor is added (property)", () => {
    fc.assert(
      fc.property(
        ties,
        fc.array(interactions, { maxLength: 12 }),
        fc.array(favors, { maxLength: 4 }),
        added,
        (tie, log, given, more) => {
          const before = strength(tie, log, given);
          const after =
            "interaction" in more
              ? strength(tie, [...log, more.interaction], given)
              : strength(tie, log, [...given, more.favor]);
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("takes a rating exactly when nothing else is known, from the floor to 1 (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: MIN_RATING, max: 1, noNaN: true }),
        fc.option(fc.constantFrom(...TIE_CONTEXTS), { nil: null }),
        fc.option(fc.constant(dayOf(-3000)), { nil: null }),
        (rating, context, since) => {
          expect(
            strength(
              { strength: rating, context, since, lastInteraction: null, provenance: "manual" },
              [],
              [],
            ),
          ).toBe(rating);
        },
      ),
    );
    expect(
      strength(
        {
          strength: MIN_RATING,
          context: "met_once",
          since: null,
          lastInteraction: null,
          provenance: "inferred",
        },
        [],
        [],
      ),
    ).toBe(MIN_RATING);
  });

  it("lets the warmth of past contact decay as time passes with nothing new (property)", () => {
    fc.assert(
      fc.property(
        ties,
        fc.array(interactions, { maxLength: 12 }),
        fc.array(favors, { maxLength: 4 }),
        fc.integer({ min: 1, max: 3000 }),
        (tie, log, given, days) => {
          // Without `since`, so the tie's age (which only grows) is held still.
          const ageless = { ...tie, since: null };
          const later = new Date(NOW.getTime() + days * DAY);
          expect(strength(ageless, log, given, later)).toBeLessThanOrEqual(
            strength(ageless, log, given),
          );
        },
      ),
      { numRuns: 1000 },
    );
    const tie = {
      strength: 0.5,
      context: null,
      since: null,
      lastInteraction: null,
      provenance: "manual" as const,
    };
    const call = [
      {
        ...record,
        id: "c",
        kind: "call" as const,
        direction: "mutual" as const,
        at: dayOf(0),
        needsReply: false,
        sourceKey: null,
        colleague: false,
      },
    ];
    expect(strength(tie, call, [], new Date(NOW.getTime() + 30 * DAY))).toBeGreaterThan(
      strength(tie, call, [], new Date(NOW.getTime() + 400 * DAY)),
    );
  });

  it("never rises above the cap of the tie's provenance, nor below its rating (property)", () => {
    fc.assert(
      fc.property(
        ties,
        fc.array(interactions, { maxLength: 12 }),
        fc.array(favors, { maxLength: 4 }),
        (tie, log, given) => {
          const s = strength(tie, log, given);
          expect(s).toBeLessThanOrEqual(WARMTH_DEFAULTS.provenanceCap[tie.provenance]);
          expect(s).toBeGreaterThan(0);
          if (tie.strength !== null)
            expect(s).toBeGreaterThanOrEqual(
              Math.min(tie.strength, WARMTH_DEFAULTS.provenanceCap[tie.provenance]),
            );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
