import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferredWarmth, tieWarmth } from "../../../src/graph/warmth/tie-warmth.js";
import {
  NO_EVIDENCE,
  summarizeEvidence,
  type TieEvidence,
} from "../../../src/graph/warmth/tie-evidence.js";
import { warmthOptions, WARMTH_DEFAULTS } from "../../../src/graph/warmth/warmth-options.js";
import type { Tie } from "../../../src/graph/index.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const tie = (
  over: Partial<
    Pick<Tie, "strength" | "context" | "since" | "lastInteraction" | "provenance">
  > = {},
) => ({
  strength: null,
  context: null,
  since: null,
  lastInteraction: null,
  provenance: "manual" as const,
  ...over,
});
const evidence = (over: Partial<TieEvidence>): TieEvidence => ({ ...NO_EVIDENCE, ...over });
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const w = (t: ReturnType<typeof tie>, e: TieEvidence = NO_EVIDENCE, options = WARMTH_DEFAULTS) =>
  tieWarmth(t, e, NOW, options).strength;

describe("the warmth model", () => {
  it("takes a hand-set rating exactly when nothing else is known", () => {
    expect(w(tie({ strength: 0.42 }))).toBe(0.42);
    expect(w(tie({ strength: 1 }))).toBe(1);
  });

  it("lets recency decay with the configured half-life", () => {
    const at = (days: number, options = WARMTH_DEFAULTS) =>
      tieWarmth(tie(), evidence({ lastContact: daysAgo(days) }), NOW, options).factors.recency;
    expect(at(0)).toBeCloseTo(1);
    expect(at(180)).toBeCloseTo(0.5);
    expect(at(360)).toBeCloseTo(0.25);
    expect(at(90, warmthOptions({ halfLifeDays: 90 }))).toBeCloseTo(0.5);
    expect(w(tie(), evidence({ lastContact: daysAgo(7) }))).toBeGreaterThan(
      w(tie(), evidence({ lastContact: daysAgo(700) })),
    );
  });

  it("rises with the frequency of contact", () => {
    const at = (n: number) =>
      w(tie(), evidence({ lastContact: daysAgo(30), contactsLastYear: n, outbound: n }));
    expect(at(1)).toBeLessThan(at(6));
    expect(at(6)).toBeLessThan(at(24));
  });

  it("rises with two-way contact", () => {
    const oneWay = w(
      tie(),
      evidence({ lastContact: daysAgo(30), contactsLastYear: 6, outbound: 6 }),
    );
    const twoWay = w(
      tie(),
      evidence({ lastContact: daysAgo(30), contactsLastYear: 6, outbound: 3, inbound: 3 }),
    );
    expect(twoWay).toBeGreaterThan(oneWay);
  });

  it("rises with favors exchanged", () => {
    expect(w(tie(), evidence({ favors: 3 }))).toBeGreaterThan(w(tie(), evidence({ favors: 1 })));
  });

  it("rises with the tie's age", () => {
    expect(w(tie({ since: "2006-01-01" }))).toBeGreaterThan(w(tie({ since: "2025-06-01" })));
  });

  it("starts from the context: family above colleagues above people met once", () => {
    expect(w(tie({ context: "family" }))).toBeGreaterThan(w(tie({ context: "worked_together" })));
    expect(w(tie({ context: "worked_together" }))).toBeGreaterThan(w(tie({ context: "met_once" })));
  });

  it("caps a tie by where it came from: hand-confirmed > introduction > interaction log > LinkedIn > inferred", () => {
    const strong = { context: "family" as const, since: "2000-01-01" };
    const e = evidence({
      lastContact: daysAgo(1),
      contactsLastYear: 50,
      inbound: 25,
      outbound: 25,
      favors: 10,
    });
    const by = (provenance: Tie["provenance"]) => w(tie({ ...strong, strength: 1, provenance }), e);
    expect(by("manual")).toBeGreaterThan(by("introduction"));
    expect(by("introduction")).toBeGreaterThan(by("interaction"));
    expect(by("interaction")).toBeGreaterThan(by("linkedin"));
    expect(by("linkedin")).toBeGreaterThan(by("inferred"));
    expect(by("linkedin")).toBe(0.6);
  });

  it("gives inferred ties a low strength that grows with overlap, within their cap", () => {
    expect(inferredWarmth(0)).toBeCloseTo(0.1);
    expect(inferredWarmth(3)).toBeGreaterThan(inferredWarmth(1));
    expect(inferredWarmth(50)).toBe(WARMTH_DEFAULTS.provenanceCap.inferred);
  });

  it("always answers a strength in (0, 1]", () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0.001, max: 1, noNaN: true }), { nil: null }),
        fc.constantFrom(null, "family", "friend", "met_once", "client" as const),
        fc.constantFrom("manual", "introduction", "interaction", "linkedin", "inferred" as const),
        fc.nat(5000),
        fc.nat(100),
        fc.nat(100),
        fc.nat(20),
        (strength, context, provenance, days, inbound, outbound, favors) => {
          const s = w(
            tie({ strength, context, provenance, since: "2010-01-01" }),
            evidence({
              lastContact: daysAgo(days),
              contactsLastYear: inbound + outbound,
              inbound,
              outbound,
              favors,
            }),
          );
          return s > 0 && s <= 1;
        },
      ),
    );
  });

  it("summarizes an interaction log: latest contact, the last year, both directions, favors", () => {
    const base = {
      id: "i",
      ownerId: "o",
      personId: "p",
      kind: "email" as const,
      summary: null,
      needsReply: false,
      sourceKey: null,
      colleague: false,
      createdAt: "",
      updatedAt: "",
    };
    const log = [
      { ...base, at: daysAgo(10), direction: "inbound" as const },
      { ...base, at: daysAgo(400), direction: "outbound" as const },
      { ...base, at: daysAgo(40), direction: "mutual" as const },
    ];
    const summary = summarizeEvidence(log, [], NOW);
    expect(summary).toEqual({
      lastContact: daysAgo(10),
      contactsLastYear: 2,
      inbound: 2,
      outbound: 2,
      favors: 0,
    });
  });
});
