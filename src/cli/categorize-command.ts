/** `warmpath categorize <person> <category>...`: the habits' categories on a person, added or removed. */
import { CATEGORIES } from "../graph/index.js";
import { oneOf, snakeWord } from "./cli-args.js";
import { wrapList } from "./cli-output.js";
import type { Command } from "./command.js";
import { editLabels } from "./edit-labels.js";

const HELP = `Usage: warmpath categorize <person> <category>... [--remove] [--json]

Puts a person in categories (or takes them out with --remove). Categories set
the keep-in-touch cadence and choose the recipients of a blanket update.

${wrapList("Categories:", CATEGORIES, "  ")}
(spaces or dashes for the underscore are fine: "former colleague")

Options:
  --remove   take the person out of the categories
  --json     print { "person": { id, name }, "categories": [...] }
  --db FILE  the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath categorize "Chloe Dubois" mentor "former colleague"
`;

const normalize = (typed: string): string =>
  oneOf("<category>", typed, CATEGORIES, snakeWord(typed));

/** Categories of a person. */
export const categorizeCommand: Command = {
  help: HELP,
  run: (args, io) =>
    editLabels(args, io, { field: "categories", argument: "<category>", normalize }),
};
