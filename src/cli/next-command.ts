/** `warmpath next`: the Next Contact list, whom to get in touch with over the coming weeks, and why. */
import {
  asOptionNames,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  wholeNumber,
} from "./cli-args.js";
import { wrapLine, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";
import { NEXT_CONTACTS_DEFAULTS, nextContacts, peopleById } from "../graph/index.js";

const HELP = `Usage: warmpath next [--within <days>] [--json]

The Next Contact list: people due for a word from you within the window (from
their keep-in-touch cadence or a dated follow-up), overdue ones first. Among
people due the same day, those on more of your introduction paths come first.

Options:
  --within <days>  the window, in days (default ${NEXT_CONTACTS_DEFAULTS.withinDays})
  --json           print { "withinDays": n, "contacts": [{ personId, name, due,
                   overdue, reason, pathsThrough, followUpId }] }
`;

/** The Next Contact list. */
export const nextCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, within: { type: "string" } },
    });
    positionalArgs(positionals, []);
    const withinDays = wholeNumber("--within", values.within) ?? NEXT_CONTACTS_DEFAULTS.withinDays;
    const contacts = await withStore(io, async ({ store, ownerId }) => {
      const list = await nextContacts(store, ownerId, { withinDays }).catch(
        asOptionNames({ withinDays: "--within" }),
      );
      const people = await peopleById(
        store,
        ownerId,
        list.map((c) => c.personId),
      );
      return list.map((c) => ({
        personId: c.personId,
        name: people.get(c.personId)?.name ?? c.personId,
        due: c.due,
        overdue: c.overdue,
        reason: c.reason,
        pathsThrough: c.pathsThrough,
        followUpId: c.followUpId,
      }));
    });
    if (values.json) {
      writeJson(io, { withinDays, contacts });
      return EXIT.ok;
    }
    if (contacts.length === 0) {
      writeLines(io, [`Nobody is due in the next ${withinDays} days.`]);
      return EXIT.ok;
    }
    writeLines(io, [
      `Next Contact (the next ${withinDays} days):`,
      ...contacts.flatMap((c) => {
        const paths =
          c.pathsThrough > 0
            ? ` (on ${c.pathsThrough} of your introduction ${c.pathsThrough === 1 ? "path" : "paths"})`
            : "";
        return wrapLine(
          `  ${c.due}  ${c.overdue ? "overdue" : "       "}  ${c.name}: ${c.reason}${paths}`,
          "                       ",
        );
      }),
    ]);
    return EXIT.ok;
  },
};
