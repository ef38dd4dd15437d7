/** Losing touch (after Dex): people whose silence has passed their maximum gap. */
import type { NetworkStore } from "../store/network-store.js";
import { schedule } from "./keep-in-touch.js";

/** One person past their maximum gap. */
export interface LosingTouch {
  personId: string;
  lastContact: string | null;
  maxDays: number;
  /** Days since the last contact, or since the person was added when never contacted. */
  daysSince: number;
}

/** People past their maximum gap, longest silence first. */
export async function losingTouch(
  store: NetworkStore,
  ownerId: string,
  options: { now?: Date } = {},
): Promise<LosingTouch[]> {
  return (await schedule(store, ownerId, options))
    .filter((s) => s.pastMaxGap)
    .sort((a, b) => b.daysSince - a.daysSince)
    .map((s) => ({
      personId: s.personId,
      lastContact: s.lastContact,
      maxDays: s.cadence.maxDays,
      daysSince: s.daysSince,
    }));
}
