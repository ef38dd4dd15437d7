/**
 * The contact between the owner and a person, in words: "12 e-mails both ways
 * in the last 90 days, last 3 weeks ago; 4 meetings in the last year", and the
 * latest call, coffee or other logged contact ("had coffee 3 weeks ago").
 * Mail counts over 90 days and meetings over a year, the windows in which
 * they say a tie is warm; older contact reads as its latest ("e-mailed 5
 * months ago").
 */
import type { Interaction } from "../model/interaction.js";

const DAY = 86_400_000;
/** Mail is counted over this many days, meetings over `MEETING_DAYS`. */
export const MAIL_DAYS = 90;
export const MEETING_DAYS = 365;

const DID: Record<Interaction["kind"], string> = {
  email: "e-mailed",
  call: "talked on the phone",
  coffee: "had coffee",
  meeting: "met",
  event: "saw each other at an event",
  message: "messaged",
};

/** "today", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago". */
export function ago(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (days <= 0) return "today";
  if (days < 14) return plural(days, "day");
  if (days < 60) return plural(Math.round(days / 7), "week");
  if (days < 730) return plural(Math.round(days / 30.44), "month");
  return plural(Math.floor(days / 365.25), "year");
}

/** Lines of evidence from a person's interactions with the owner, newest first. */
export function contactEvidence(interactions: readonly Interaction[], now: Date): string[] {
  const within = (i: Interaction, days: number) => now.getTime() - Date.parse(i.at) <= days * DAY;
  const mail = interactions.filter((i) => i.kind === "email" && within(i, MAIL_DAYS));
  const meetings = interactions.filter((i) => i.kind === "meeting" && within(i, MEETING_DAYS));
  const parts: string[] = [];
  if (mail.length > 0) {
    const inbound = mail.some((i) => i.direction !== "outbound");
    const outbound = mail.some((i) => i.direction !== "inbound");
    const way = inbound && outbound ? "both ways" : inbound ? "from them" : "to them";
    const count = mail.length === 1 ? "1 e-mail" : `${mail.length} e-mails`;
    parts.push(`${count} ${way} in the last ${MAIL_DAYS} days, last ${ago(mail[0]!.at, now)}`);
  }
  if (meetings.length > 1)
    parts.push(`${meetings.length} meetings in the last year, last ${ago(meetings[0]!.at, now)}`);
  else if (meetings.length === 1) parts.push(`met ${ago(meetings[0]!.at, now)}`);
  const lines = parts.length > 0 ? [parts.join("; ")] : [];
  const other = interactions.find((i) => i.kind !== "email" && i.kind !== "meeting");
  if (other !== undefined) lines.push(`${DID[other.kind]} ${ago(other.at, now)}`);
  const latest = interactions[0];
  if (lines.length === 0 && latest !== undefined)
    lines.push(`${DID[latest.kind]} ${ago(latest.at, now)}`);
  return lines;
}
