/**
 * `warmpath rate <person> <strength>`: the user's own rating of a tie (0-1), the strongest
 * evidence the warmth model has. Rating a tie confirms it by hand (provenance "manual"), and
 * a pair with no tie yet gets one.
 */
import { badInput } from "../errors.js";
import {
  findTie,
  MIN_RATING,
  TIE_CONTEXTS,
  type Tie,
  type TieContext,
  resolvePerson,
} from "../graph/index.js";
import {
  asOptionNames,
  JSON_OPTION,
  oneOf,
  parseCommandArgs,
  positionalArgs,
  snakeWord,
} from "./cli-args.js";
import { decimal, wrapList, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath rate <person> <strength> [--with <person>] [--context <c>]

Rates how strong a tie is, more than 0 (barely know them) up to 1 (would do
anything for you); "none" clears the rating. The tie is between you and the
person, or between two other people with --with. A rating confirms the tie by
hand, the most trusted provenance; a pair with no tie yet gets one.

Options:
  --with <person>      the other end of the tie, instead of you
  --context <c>        how they know each other:
${wrapList("                       ", TIE_CONTEXTS, "                       ")}
  --json               print { "tie": { id, people: [{ id, name }], strength,
                       context, provenance }, "created" }
  --db FILE            the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath rate "Chloe Dubois" 0.8 --context worked_together
`;

/** A typed strength: a number from MIN_RATING to 1, or "none". */
function strengthOf(typed: string): number | null {
  if (typed.trim().toLowerCase() === "none") return null;
  const value = Number(typed);
  if (typed.trim() === "" || !Number.isFinite(value) || value < MIN_RATING || value > 1)
    throw badInput(
      "<strength>",
      `must be a number more than 0 and at most 1, or none; not ${JSON.stringify(typed)}`,
    );
  return value;
}

const contextOf = (typed: string | undefined): TieContext | undefined =>
  typed === undefined ? undefined : oneOf("--context", typed, TIE_CONTEXTS, snakeWord(typed));

/** Rates a tie. */
export const rateCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, with: { type: "string" }, context: { type: "string" } },
    });
    const [who, typed] = positionalArgs(positionals, ["<person>", "<strength>"]);
    const strength = strengthOf(typed!);
    const context = contextOf(values.context);
    const result = await withStore(io, async (searched) => {
      const { store, ownerId } = searched;
      const person = await resolvePerson(searched, who!, "<person>");
      const other =
        values.with === undefined
          ? await store.getSelf(ownerId)
          : await resolvePerson(searched, values.with, "--with");
      if (other.id === person.id) throw badInput("--with", "a tie joins two different people");
      const tie = await findTie(store, ownerId, other.id, person.id);
      const fields = { strength, provenance: "manual" as const, ...(context ? { context } : {}) };
      const saved: Tie =
        tie === null
          ? await store.create(ownerId, "tie", { personA: other.id, personB: person.id, ...fields })
          : await store.update(ownerId, "tie", tie.id, fields);
      return { tie: saved, people: [other, person], created: tie === null };
    }).catch(asOptionNames({ strength: "<strength>", context: "--context" }));
    const { tie, people, created } = result;
    const named = people.map((p) => ({ id: p.id, name: p.name }));
    if (values.json) {
      writeJson(io, {
        tie: {
          id: tie.id,
          people: named,
          strength: tie.strength,
          context: tie.context,
          provenance: tie.provenance,
        },
        created,
      });
      return EXIT.ok;
    }
    const rated = tie.strength === null ? "not rated" : `rated ${decimal(tie.strength)}`;
    writeLines(io, [
      `${named[0]!.name} - ${named[1]!.name}: ${rated}${tie.context ? `, ${tie.context.replace(/_/g, " ")}` : ""}${created ? " (new tie)" : ""}`,
    ]);
    return EXIT.ok;
  },
};
