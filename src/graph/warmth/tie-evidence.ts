/** The interaction log and favors between the owner and a person, summarized for the warmth model. */
import type { Favor } from "../model/favor.js";
import type { Interaction } from "../model/interaction.js";

export interface TieEvidence {
  /** The latest contact, as a date or instant (ISO), or null when there was none. */
  lastContact: string | null;
  /** Contacts in the 365 days before `now`. */
  contactsLastYear: number;
  /** Contacts they started, and contacts the owner started (mutual ones count for both). */
  inbound: number;
  outbound: number;
  /** Favors given plus favors received. */
  favors: number;
}

export const NO_EVIDENCE: Readonly<TieEvidence> = Object.freeze({
  lastContact: null,
  contactsLastYear: 0,
  inbound: 0,
  outbound: 0,
  favors: 0,
});

const DAY = 86_400_000;

export function summarizeEvidence(
  interactions: readonly Interaction[],
  favors: readonly Favor[],
  now: Date,
): TieEvidence {
  let lastContact: string | null = null;
  let contactsLastYear = 0;
  let inbound = 0;
  let outbound = 0;
  for (const i of interactions) {
    if (lastContact === null || i.at > lastContact) lastContact = i.at;
    if (now.getTime() - Date.parse(i.at) <= 365 * DAY) contactsLastYear++;
    if (i.direction !== "outbound") inbound++;
    if (i.direction !== "inbound") outbound++;
  }
  return { lastContact, contactsLastYear, inbound, outbound, favors: favors.length };
}

/** Whether anything beyond the tie record itself speaks for or against it. */
export const hasEvidence = (e: TieEvidence): boolean => e.lastContact !== null || e.favors > 0;
