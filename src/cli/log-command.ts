/**
 * `warmpath log <kind> <person>`: a contact with someone (a call, a coffee, an e-mail, a
 * meeting...) on a day, with a note: the evidence behind a tie's recency and frequency, and
 * what resets the keep-in-touch cadence.
 */
import { badInput } from "../errors.js";
import {
  DIRECTIONS,
  INTERACTION_KINDS,
  type Direction,
  type InteractionKind,
  resolvePerson,
} from "../graph/index.js";
import { asOptionNames, JSON_OPTION, oneOf, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { dayOption } from "./cli-dates.js";
import { wrapList, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath log <kind> <person> [--date <day>] [--note <text>] [options]

Logs a contact with a person.
${wrapList("Kinds:", INTERACTION_KINDS, "  ")} ("e-mail" is fine).
Calls, coffees, meetings and events count as both ways; e-mails and messages
as yours unless --direction says otherwise.

Options:
  --date <day>         when: 2026-11-20, today (the default) or yesterday
  --note <text>        what it was about (kept with the contact)
  --direction <dir>    ${DIRECTIONS.join(", ")} (inbound: they reached out)
  --needs-reply        it waits for your answer (on \`warmpath followups\`)
  --json               print { "interaction": { id, person: { id, name }, kind,
                       at, direction, summary, needsReply } }
  --db FILE            the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath log coffee "Chloe Dubois" --date 2026-11-20 --note "Fabrikam"
`;

const ALIASES: Readonly<Record<string, InteractionKind>> = Object.freeze({
  "e-mail": "email",
  mail: "email",
  phone: "call",
  meet: "meeting",
  msg: "message",
});

function kindOf(typed: string): InteractionKind {
  const k = typed.trim().toLowerCase();
  return oneOf("<kind>", typed, INTERACTION_KINDS, ALIASES[k] ?? k);
}

/** The direction typed, else the kind's usual one: talking together is both ways, a message one way. */
function directionOf(typed: string | undefined, kind: InteractionKind): Direction {
  if (typed === undefined) return kind === "email" || kind === "message" ? "outbound" : "mutual";
  return oneOf("--direction", typed, DIRECTIONS);
}

/** Logs one interaction. */
export const logCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: {
        ...JSON_OPTION,
        date: { type: "string" },
        note: { type: "string" },
        direction: { type: "string" },
        "needs-reply": { type: "boolean" },
      },
    });
    const [typedKind, who] = positionalArgs(positionals, ["<kind>", "<person>"]);
    const kind = kindOf(typedKind!);
    const direction = directionOf(values.direction, kind);
    const now = new Date();
    const day = dayOption("--date", values.date, now) ?? now.toISOString().slice(0, 10);
    if (day > now.toISOString().slice(0, 10))
      throw badInput("--date", `${day} is in the future; log a contact once it happened`);
    // Today's contact is logged at this moment; an earlier day's at its noon (UTC), which no time zone moves to another day.
    const at = day === now.toISOString().slice(0, 10) ? now.toISOString() : `${day}T12:00:00.000Z`;
    const { interaction, person } = await withStore(io, async (searched) => {
      const found = await resolvePerson(searched, who!, "<person>");
      const self = await searched.store.getSelf(searched.ownerId);
      if (found.id === self.id)
        throw badInput("<person>", "that is you; log a contact with someone else");
      const created = await searched.store.create(searched.ownerId, "interaction", {
        personId: found.id,
        kind,
        at,
        direction,
        summary: values.note ?? null,
        needsReply: values["needs-reply"] === true,
      });
      return { interaction: created, person: found };
    }).catch(asOptionNames({ summary: "--note", at: "--date" }));
    if (values.json) {
      writeJson(io, {
        interaction: {
          id: interaction.id,
          person: { id: person.id, name: person.name },
          kind: interaction.kind,
          at: interaction.at,
          direction: interaction.direction,
          summary: interaction.summary,
          needsReply: interaction.needsReply,
        },
      });
      return EXIT.ok;
    }
    writeLines(io, [
      `Logged ${interaction.kind} with ${person.name} on ${interaction.at.slice(0, 10)} (${interaction.direction})${interaction.summary ? `: ${interaction.summary}` : ""}`,
    ]);
    return EXIT.ok;
  },
};
