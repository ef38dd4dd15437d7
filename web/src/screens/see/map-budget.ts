/**
 * Which part of a large network the map draws within its budget of people: the brokers first
 * (they hold groups together), then whole communities, biggest first, until the budget is
 * spent (the last one drawn may be cut); and the budget stated in words.
 */
import type { MapOutline } from "./see.documents";

/** The most people any drawing puts on screen: what a browser lays out and draws in under 3 s. */
export const DRAWING_BUDGET = 2_000;

export interface MapSelection {
  brokerIds: string[];
  /** Community ids to draw, biggest first. */
  communityIds: number[];
  /** People in the whole network (every community). */
  total: number;
  /** Whether some people are left out. */
  capped: boolean;
  /** Communities not drawn at all. */
  leftOut: number;
}

export function selectForMap(outline: MapOutline, budget: number = DRAWING_BUDGET): MapSelection {
  const brokerIds = outline.brokers.map((b) => b.person.id).slice(0, budget);
  const brokers = new Set(brokerIds);
  const total = outline.communities.reduce((sum, c) => sum + c.size, 0);
  const bySize = [...outline.communities].sort((a, b) => b.size - a.size || a.id - b.id);
  const communityIds: number[] = [];
  let used = brokerIds.length;
  for (const community of bySize) {
    if (used >= budget) break;
    communityIds.push(community.id);
    used += community.people.filter((p) => !brokers.has(p.id)).length;
  }
  return {
    brokerIds,
    communityIds,
    total,
    capped: total > budget,
    leftOut: bySize.length - communityIds.length,
  };
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "Showing 2,000 of 5,400 people: ..." or "All 12 people of your network, in 3 communities." */
export function mapCapWords(selection: MapSelection, shown: number, communities: number): string {
  if (!selection.capped && shown >= selection.total)
    return `All ${count(selection.total, "person", "people")} of your network, in ${count(communities, "community", "communities")}.`;
  return (
    `Showing ${shown.toLocaleString("en-US")} of ${count(selection.total, "person", "people")}: ` +
    `a drawing holds at most ${DRAWING_BUDGET.toLocaleString("en-US")}, so the brokers come first, ` +
    `then the biggest communities (${selection.communityIds.length} of ${communities}). ` +
    (selection.leftOut > 0
      ? `${count(selection.leftOut, "smaller community is", "smaller communities are")} left out.`
      : "The last community drawn is cut short.")
  );
}
