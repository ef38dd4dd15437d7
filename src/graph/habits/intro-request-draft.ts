/**
 * The text of a double opt-in introduction request: the owner asks the
 * introducer to check with the target before connecting them, and gives a
 * short blurb the introducer can forward as it is (who the owner is, what they
 * ask of the target, why this target), plus the owner's elevator pitch.
 */
import type { Person } from "../model/person.js";

export interface IntroRequestDraftInput {
  owner: Person;
  introducer: Person;
  target: Person;
  /** The target's current employer, when known. */
  targetCompany: string | null;
  /** The owner's own words on why they ask; the blurb's last sentence when it is one sentence. */
  note?: string | null;
}

/** Ends of sentences: a run of . ! or ? (and closing quotes or brackets) before a space or the end. */
const SENTENCE_END = /[.!?]+["'\u201d\u2019)\]]*(?:\s+|$)/;

/** How many sentences a text has, counted by their ends (a last one without a full stop counts too); exported so tests can hold the blurb to three. */
export function sentenceCount(text: string): number {
  return text.split(SENTENCE_END).filter((part) => part.trim() !== "").length;
}

/** A sentence end inside a fragment: terminators followed (after closing quotes) by a space or the end. */
const INNER_END = /[.!?]+(?=["'\u201d\u2019)\]]*(?:\s|$))/g;

/** A fragment to put inside a sentence: one line, with no sentence end of its own ("Sr. Engineer" -> "Sr Engineer"). */
function fragment(text: string): string {
  let out = text.replace(/\s+/g, " ").trim();
  // Removing one end can expose another (`a.". b`), so repeat until none is left.
  for (let before = ""; before !== out;) [before, out] = [out, out.replace(INNER_END, "")];
  return out;
}

const firstName = (person: Person): string => fragment(person.name).split(" ")[0] ?? person.name;

/** A double opt-in request to the introducer: asks whether they would check with the target first, includes the owner's elevator pitch, and a forwardable blurb of at most three sentences (who the owner is, what they ask of the target, why this target). */
export function introRequestDraft(input: IntroRequestDraftInput): {
  message: string;
  blurb: string;
} {
  const { owner, introducer, target } = input;
  const company = input.targetCompany === null ? null : fragment(input.targetCompany) || null;
  const targetTitle = target.title === null ? null : fragment(target.title) || null;
  const ownerTitle = owner.title === null ? "" : fragment(owner.title);
  const note = input.note?.trim() || null;

  const who = `I'm ${fragment(owner.name)}${ownerTitle ? `, ${ownerTitle}` : ""}.`;
  const ask = `I would be grateful for twenty minutes of your time to hear about your work${company ? ` at ${company}` : ""}.`;
  const role =
    targetTitle && company
      ? `your role as ${targetTitle} at ${company}`
      : targetTitle
        ? `your role as ${targetTitle}`
        : company
          ? `your experience at ${company}`
          : "your experience";
  const why =
    note !== null && sentenceCount(note) === 1
      ? `${fragment(note)}.`
      : `I am reaching out because of ${role}.`;
  const blurb = [who, ask, why].join(" ");

  const described = [targetTitle, company && `at ${company}`].filter(Boolean).join(" ");
  const paragraphs = [
    `Hi ${firstName(introducer)},`,
    `Would you be willing to introduce me to ${fragment(target.name)}${described ? ` (${described})` : ""}?${note !== null ? ` ${note}` : ""}`,
    `Before you connect us, could you check with ${firstName(target)} first whether they would welcome it? If the timing is wrong for them, that is completely fine, and I would be glad to hear either way.`,
    `Here is a short note you can forward to ${firstName(target)}:`,
    blurb,
    ...(owner.elevatorPitch ? ["A little more about me, for context:", owner.elevatorPitch] : []),
    `Thank you, and tell me if there is anything I can do for you in return.`,
    firstName(owner),
  ];
  return { message: paragraphs.join("\n\n"), blurb };
}
