/**
 * The double opt-in note a teammate sends one of their own contacts, from their own mailbox,
 * when they accept to introduce a colleague (issue 14): it asks the target first, and carries
 * the requester's forwardable blurb. Nothing of the target goes back to the requester.
 */
import type { Person } from "../model/person.js";

export interface TeammateIntroDraftInput {
  /** The member who introduces, and their own record of the target. */
  member: { name: string };
  target: Person;
  requester: { name: string; title: string | null };
  /** The requester's three-sentence blurb (introRequestDraft's), or their note. */
  blurb: string;
  team: string;
}

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export function teammateIntroDraft(input: TeammateIntroDraftInput): string {
  const { member, target, requester } = input;
  const who = requester.title ? `${requester.name} (${requester.title})` : requester.name;
  return [
    `Hi ${firstName(target.name)},`,
    `${who}, a colleague of mine at ${input.team}, asked whether I could introduce the two of you. Would you welcome it? If the timing is wrong, that is completely fine: just tell me, and I won't pass on your details.`,
    `In ${firstName(requester.name)}'s words:`,
    input.blurb,
    `Best,`,
    firstName(member.name),
  ].join("\n\n");
}
