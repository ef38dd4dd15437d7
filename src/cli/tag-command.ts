/** `warmpath tag <person> <tag>...`: free tags on a person, added or (--remove) taken off. */
import { badInput } from "../errors.js";
import type { Command } from "./command.js";
import { editLabels } from "./edit-labels.js";

const HELP = `Usage: warmpath tag <person> <tag>... [--remove] [--json]

Adds free tags to a person (or takes them off with --remove). Tags are kept in
lower case; a person keeps each tag once. The person is a name (or part of
one, accents optional), an e-mail or a profile URL.

Options:
  --remove   take the tags off instead of adding them
  --json     print { "person": { id, name }, "tags": [...] }
  --db FILE  the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath tag "Chloe Dubois" exec-search scottsdale
`;

const normalize = (tag: string): string => {
  const t = tag.trim().toLowerCase();
  if (t === "") throw badInput("<tag>", "must not be empty");
  return t;
};

/** Tags on a person. */
export const tagCommand: Command = {
  help: HELP,
  run: (args, io) => editLabels(args, io, { field: "tags", argument: "<tag>", normalize }),
};
