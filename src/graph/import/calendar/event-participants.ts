/**
 * The people of one event (or one occurrence's override): its organizer and
 * attendees, by address. Group, resource and room addresses (CUTYPE GROUP,
 * RESOURCE, ROOM) are not people and are left out; so are attendees who
 * declined. Whether the user declined is reported, since a declined meeting
 * counts nothing.
 */
import type ICAL from "ical.js";
import { normalizeAddress, type MailAddress } from "../mail/mail-address.js";
import { oneLine } from "../mail/mail-text.js";
import type { OwnAddresses } from "../mail/own-addresses.js";

export interface EventParticipants {
  /** The others who take part (not the user, not declined), each once. */
  others: MailAddress[];
  /** People invited, the user included (groups and rooms not). */
  invited: number;
  userDeclined: boolean;
}

const NOT_PEOPLE = new Set(["GROUP", "RESOURCE", "ROOM"]);

function addressOf(property: ICAL.Property): string | null {
  const value = property.getFirstValue();
  return typeof value === "string" ? normalizeAddress(value.replace(/^mailto:/i, "")) : null;
}

const param = (property: ICAL.Property, name: string): string | null => {
  const value = property.getParameter(name);
  return typeof value === "string" ? value.toUpperCase() : null;
};

export function eventParticipants(event: ICAL.Component, own: OwnAddresses): EventParticipants {
  const seen = new Set<string>();
  const others: MailAddress[] = [];
  let invited = 0;
  let userDeclined = false;
  const people = [...event.getAllProperties("organizer"), ...event.getAllProperties("attendee")];
  for (const property of people) {
    const address = addressOf(property);
    if (address === null || NOT_PEOPLE.has(param(property, "cutype") ?? "INDIVIDUAL")) continue;
    if (seen.has(address)) continue;
    seen.add(address);
    invited++;
    const declined = param(property, "partstat") === "DECLINED";
    if (own.addresses.has(address)) {
      if (declined) userDeclined = true;
      continue;
    }
    if (declined) continue;
    const cn = property.getParameter("cn");
    others.push({ address, name: oneLine(typeof cn === "string" ? cn : null, 200) });
  }
  return { others, invited, userDeclined };
}
