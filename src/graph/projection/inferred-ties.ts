/**
 * Ties inferred from shared context: two people whose time at one employer
 * overlapped, or who belong to the same group, probably know each other. They
 * take part in the search with a low strength and are labeled as inferred.
 */
import type { Employment } from "../model/employment.js";
import type { Membership } from "../model/membership.js";

/** Organizations with more people than this are too large for "probably know each other". */
export const MAX_INFERENCE_GROUP = 200;

export interface InferredTie {
  a: string;
  b: string;
  organizationId: string;
  /** Years the two stints overlapped (0 for a shared group with no dates). */
  overlapYears: number;
  /** The overlap, for the evidence line: "2018-2020". */
  from: string | null;
  to: string | null;
  via: "employment" | "membership";
}

const YEAR = 365.25 * 86_400_000;

interface Stint {
  personId: string;
  from: string | null;
  to: string | null;
}

/** The overlap of two stints (open ends mean "from the beginning" and "until now"), or null. */
function overlap(
  x: Stint,
  y: Stint,
  today: string,
): { from: string | null; to: string | null; years: number } | null {
  const from =
    [x.from, y.from]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const toX = x.to ?? today;
  const toY = y.to ?? today;
  const to = toX < toY ? toX : toY;
  if (from !== null && from > to) return null;
  const years = from === null ? 0 : Math.max(0, (Date.parse(to) - Date.parse(from)) / YEAR);
  return { from, to: to === today ? null : to, years };
}

/**
 * The order of inferences for one pair, the one an edge shows first: the longest overlap, then
 * (between equals) the latest end, the latest start and the organization id, so that the choice
 * never depends on the order the store listed the stints or organizations in.
 */
export function longerOverlap(x: InferredTie, y: InferredTie): number {
  const end = (t: InferredTie) => t.to ?? "\uffff";
  if (x.overlapYears !== y.overlapYears) return y.overlapYears - x.overlapYears;
  if (end(x) !== end(y)) return end(x) < end(y) ? 1 : -1;
  if ((x.from ?? "") !== (y.from ?? "")) return (x.from ?? "") < (y.from ?? "") ? 1 : -1;
  if (x.organizationId !== y.organizationId) return x.organizationId < y.organizationId ? -1 : 1;
  return x.via === y.via ? 0 : x.via === "employment" ? -1 : 1;
}

function pairs(
  organizationId: string,
  stints: readonly Stint[],
  via: InferredTie["via"],
  today: string,
): InferredTie[] {
  const people = new Set(stints.map((s) => s.personId));
  if (people.size < 2 || people.size > MAX_INFERENCE_GROUP) return [];
  const best = new Map<string, InferredTie>();
  for (let i = 0; i < stints.length; i++) {
    for (let j = i + 1; j < stints.length; j++) {
      const [x, y] = [stints[i]!, stints[j]!];
      if (x.personId === y.personId) continue;
      const o = overlap(x, y, today);
      if (o === null) continue;
      const [a, b] = x.personId < y.personId ? [x.personId, y.personId] : [y.personId, x.personId];
      const key = `${a}|${b}`;
      const tie = { a, b, organizationId, overlapYears: o.years, from: o.from, to: o.to, via };
      const current = best.get(key);
      if (current === undefined || longerOverlap(tie, current) < 0) best.set(key, tie);
    }
  }
  return [...best.values()];
}

/** The inferred ties among the people of one organization. */
export function inferTies(
  organizationId: string,
  employments: readonly Employment[],
  memberships: readonly Membership[],
  today: string,
): InferredTie[] {
  return [
    ...pairs(organizationId, employments, "employment", today),
    ...pairs(
      organizationId,
      memberships.map((m) => ({ personId: m.personId, from: m.since, to: m.until })),
      "membership",
      today,
    ),
  ];
}
