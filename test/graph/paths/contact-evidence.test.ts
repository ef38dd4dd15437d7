import { describe, expect, it } from "vitest";
import type { Interaction } from "../../../src/graph/model/interaction.js";
import { contactEvidence } from "../../../src/graph/paths/contact-evidence.js";

const NOW = new Date("2026-11-30T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
let n = 0;
const contact = (
  kind: Interaction["kind"],
  days: number,
  direction: Interaction["direction"] = "outbound",
): Interaction => ({
  id: `int_${n++}`,
  ownerId: "o",
  personId: "p",
  kind,
  at: daysAgo(days),
  direction,
  summary: null,
  needsReply: false,
  sourceKey: null,
  colleague: false,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});
const newestFirst = (list: Interaction[]) => [...list].sort((a, b) => (a.at < b.at ? 1 : -1));

describe("contactEvidence", () => {
  it('reads "12 e-mails both ways in the last 90 days, last 3 weeks ago; 4 meetings in the last year"', () => {
    const mail = Array.from({ length: 12 }, (_, i) =>
      contact("email", 21 + i * 5, i % 2 ? "inbound" : "outbound"),
    );
    const old = contact("email", 200, "inbound");
    const meetings = [30, 60, 100, 300].map((d) => contact("meeting", d, "mutual"));
    expect(
      contactEvidence(
        newestFirst([...mail, old, ...meetings, contact("meeting", 400, "mutual")]),
        NOW,
      ),
    ).toEqual([
      "12 e-mails both ways in the last 90 days, last 3 weeks ago; 4 meetings in the last year, last 4 weeks ago",
    ]);
  });

  it("says which way one-way mail went, and keeps the latest hand-logged contact", () => {
    expect(
      contactEvidence(newestFirst([contact("email", 3, "inbound"), contact("coffee", 10)]), NOW),
    ).toEqual([
      "1 e-mail from them in the last 90 days, last 3 days ago",
      "had coffee 10 days ago",
    ]);
    expect(contactEvidence([contact("email", 5)], NOW)).toEqual([
      "1 e-mail to them in the last 90 days, last 5 days ago",
    ]);
    expect(contactEvidence([contact("meeting", 0, "mutual")], NOW)).toEqual(["met today"]);
  });

  it("reads old contact as its latest, and nothing at all as no line", () => {
    expect(contactEvidence([contact("email", 150)], NOW)).toEqual(["e-mailed 5 months ago"]);
    expect(contactEvidence([], NOW)).toEqual([]);
  });
});
