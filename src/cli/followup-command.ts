/**
 * `warmpath followup add|snooze|done`: dated follow-ups ("not hiring for six months" is a
 * follow-up in six months), put off to a later day, or done. A follow-up is named by its
 * person (their one open follow-up) or by its id when they have several.
 */
import { badInput, ErrorCode, WarmpathError } from "../errors.js";
import {
  addFollowUp,
  completeFollowUp,
  listAll,
  snoozeFollowUp,
  type FollowUp,
  type Person,
  ambiguous,
  resolvePerson,
  type SearchedStore,
} from "../graph/index.js";
import {
  asOptionNames,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  subcommandOf,
} from "./cli-args.js";
import { dayOption, spanOption } from "./cli-dates.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath followup add <person> (--due <day> | --in <span>)
                                [--reason <text>] [--immediate]
       warmpath followup snooze <person | id> (--until <day> | --for <span>)
       warmpath followup done <person | id>

Dated follow-ups. add puts one on the Next Contact list (\`warmpath next\`), or
with --immediate on the Immediate Follow-up list (\`warmpath followups\`);
snooze hides it until a later day; done takes it off for good. A person with
several open follow-ups needs the follow-up's id (from --json).

Options:
  --due <day>       the day it is due: 2027-06-01 or today
  --in <span>       due after a span from today: 30d, 6w, 6m, 1y
  --reason <text>   why ("not hiring until spring")
  --immediate       on the Immediate Follow-up list instead of Next Contact
  --until <day>     snooze until this day (after today)
  --for <span>      snooze for a span: 2w, 3m
  --json            print { "followUp": { id, person: { id, name }, due, reason,
                    list, status, snoozedUntil } }
  --db FILE         the SQLite file to use (instead of WARMPATH_DB)

Examples:
  warmpath followup add "Chloe Dubois" --in 6m --reason "hiring in spring"
  warmpath followup snooze "Chloe Dubois" --for 2w
  warmpath followup done "Chloe Dubois"
`;

const OPTIONS = {
  ...JSON_OPTION,
  due: { type: "string" },
  in: { type: "string" },
  reason: { type: "string" },
  immediate: { type: "boolean" },
  until: { type: "string" },
  for: { type: "string" },
} as const;

type Values = ReturnType<
  typeof parseCommandArgs<{ args: string[]; options: typeof OPTIONS }>
>["values"];

/** Exactly one of two options naming a day; the second is a span from today. */
function oneDay(values: Values, day: "due" | "until", span: "in" | "for", now: Date): string {
  if ((values[day] === undefined) === (values[span] === undefined))
    throw badInput(`--${day}`, `give exactly one of --${day} <day> or --${span} <span>`);
  return dayOption(`--${day}`, values[day], now) ?? spanOption(`--${span}`, values[span], now)!;
}

/** The follow-up a typed id or person names: its id, else the person's one open (or snoozed) follow-up. */
async function followUpOf(searched: SearchedStore, typed: string): Promise<FollowUp> {
  const { store, ownerId } = searched;
  const [byId] = /\s/.test(typed.trim())
    ? [null]
    : await store.getMany(ownerId, "followUp", [typed.trim()]);
  if (byId) return byId;
  const person = await resolvePerson(searched, typed, "<person>");
  const open = (await listAll(store, ownerId, "followUp", { personId: person.id })).filter(
    (f) => f.status !== "done",
  );
  if (open.length === 0)
    throw new WarmpathError(
      ErrorCode.NOT_FOUND,
      `<person>: ${person.name} has no open follow-up; add one with \`warmpath followup add\``,
      { field: "<person>" },
    );
  if (open.length > 1)
    throw ambiguous(
      "<person>",
      typed,
      open.map((f) => `due ${f.due}${f.reason ? ` (${f.reason})` : ""} [${f.id}]`),
      "Give the follow-up's id instead.",
    );
  return open[0]!;
}

function print(io: CliIo, json: boolean, followUp: FollowUp, person: Person, verb: string): number {
  if (json) {
    writeJson(io, {
      followUp: {
        id: followUp.id,
        person: { id: person.id, name: person.name },
        due: followUp.due,
        reason: followUp.reason,
        list: followUp.list,
        status: followUp.status,
        snoozedUntil: followUp.snoozedUntil,
      },
    });
    return EXIT.ok;
  }
  const when =
    followUp.status === "snoozed"
      ? `until ${followUp.snoozedUntil}`
      : followUp.status === "done"
        ? ""
        : `due ${followUp.due}`;
  writeLines(io, [
    `${verb} follow-up with ${person.name}${when ? `, ${when}` : ""}${followUp.reason ? `: ${followUp.reason}` : ""}`,
  ]);
  return EXIT.ok;
}

const FIELDS = asOptionNames({
  due: "--due",
  until: "--until",
  reason: "--reason",
  id: "<person>",
});

const SUBCOMMANDS: Readonly<
  Record<string, (values: Values, positionals: string[], io: CliIo) => Promise<number>>
> = {
  async add(values, positionals, io) {
    const [who] = positionalArgs(positionals, ["<person>"]);
    const now = new Date();
    const due = oneDay(values, "due", "in", now);
    const { followUp, person } = await withStore(io, async (searched) => {
      const found = await resolvePerson(searched, who!, "<person>");
      const created = await addFollowUp(
        searched.store,
        searched.ownerId,
        {
          personId: found.id,
          due,
          reason: values.reason ?? null,
          list: values.immediate ? "immediate_follow_up" : "next_contact",
        },
        { now },
      );
      return { followUp: created, person: found };
    }).catch(FIELDS);
    return print(io, values.json === true, followUp, person, "Added");
  },
  async snooze(values, positionals, io) {
    const [typed] = positionalArgs(positionals, ["<person>"]);
    const now = new Date();
    const until = oneDay(values, "until", "for", now);
    const { followUp, person } = await withStore(io, async (searched) => {
      const current = await followUpOf(searched, typed!);
      const snoozed = await snoozeFollowUp(searched.store, searched.ownerId, current.id, until, {
        now,
      });
      return {
        followUp: snoozed,
        person: await searched.store.get(searched.ownerId, "person", snoozed.personId),
      };
    }).catch(FIELDS);
    return print(io, values.json === true, followUp, person, "Snoozed");
  },
  async done(values, positionals, io) {
    const [typed] = positionalArgs(positionals, ["<person>"]);
    const { followUp, person } = await withStore(io, async (searched) => {
      const current = await followUpOf(searched, typed!);
      const done = await completeFollowUp(searched.store, searched.ownerId, current.id);
      return {
        followUp: done,
        person: await searched.store.get(searched.ownerId, "person", done.personId),
      };
    }).catch(FIELDS);
    return print(io, values.json === true, followUp, person, "Done:");
  },
};

/** Adds, snoozes or completes a follow-up. */
export const followupCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
    const [name, ...rest] = positionals;
    return subcommandOf(SUBCOMMANDS, name)(values, rest, io);
  },
};
