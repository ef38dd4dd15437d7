/**
 * `warmpath favor given|received <person>`: the net goes both ways. Records a favor done for
 * someone or by them, and prints where the two of you stand; `favor balance <person>` only prints.
 */
import { badInput } from "../errors.js";
import {
  FAVOR_KINDS,
  favorBalance,
  recordFavor,
  type FavorKind,
  resolvePerson,
} from "../graph/index.js";
import {
  asOptionNames,
  JSON_OPTION,
  oneOf,
  parseCommandArgs,
  positionalArgs,
  subcommandOf,
} from "./cli-args.js";
import { dayOption } from "./cli-dates.js";
import { wrapLine, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath favor given <person> [--kind <k>] [--note <text>] [--date <day>]
       warmpath favor received <person> [--kind <k>] [--note <text>]
                              [--date <day>]
       warmpath favor balance <person>

Tracks favors: given (you helped them) or received (they helped you), and the
balance with each person, since people help those who have helped them.

Options:
  --kind <k>     ${FAVOR_KINDS.join(", ")} (default help)
  --note <text>  what the favor was
  --date <day>   when: 2026-11-20, today (the default) or yesterday
  --json         print { "person": { id, name }, given, received, balance,
                 favors: [{ id, direction, kind, date, summary }] }
  --db FILE      the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath favor given "Chloe Dubois" --kind referral --note "sent her CV on"
`;

const MODES = { given: "given", received: "received", balance: null } as const;

const kindOf = (typed: string | undefined): FavorKind =>
  typed === undefined ? "help" : oneOf("--kind", typed, FAVOR_KINDS);

/** Records a favor, or prints the balance with a person. */
export const favorCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: {
        ...JSON_OPTION,
        kind: { type: "string" },
        note: { type: "string" },
        date: { type: "string" },
      },
    });
    const [mode, ...rest] = positionals;
    const direction = subcommandOf(MODES, mode);
    const [who] = positionalArgs(rest, ["<person>"]);
    const kind = kindOf(values.kind);
    const now = new Date();
    const date = dayOption("--date", values.date, now);
    if (direction === null && (values.kind ?? values.note ?? values.date) !== undefined)
      throw badInput(
        "subcommand",
        "balance records nothing: --kind, --note and --date go with given or received",
      );
    const { person, balance } = await withStore(io, async (searched) => {
      const found = await resolvePerson(searched, who!, "<person>");
      if (direction !== null)
        await recordFavor(
          searched.store,
          searched.ownerId,
          { personId: found.id, direction, kind, date: date ?? null, summary: values.note ?? null },
          { now },
        );
      return {
        person: found,
        balance: await favorBalance(searched.store, searched.ownerId, found.id),
      };
    }).catch(asOptionNames({ personId: "<person>", date: "--date", summary: "--note" }));
    if (values.json) {
      writeJson(io, {
        person: { id: person.id, name: person.name },
        given: balance.given,
        received: balance.received,
        balance: balance.balance,
        favors: balance.favors.map((f) => ({
          id: f.id,
          direction: f.direction,
          kind: f.kind,
          date: f.date,
          summary: f.summary,
        })),
      });
      return EXIT.ok;
    }
    const stands =
      balance.balance > 0
        ? `you have helped ${person.name} more`
        : balance.balance < 0
          ? `${person.name} has helped you more`
          : "even";
    writeLines(
      io,
      wrapLine(
        `${direction === null ? "" : `Recorded a favor ${direction}. `}With ${person.name}: ${balance.given} given, ${balance.received} received (${stands}).`,
        "  ",
      ),
    );
    return EXIT.ok;
  },
};
