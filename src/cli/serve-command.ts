/** `warmpath serve`: the GraphQL server, exactly as `npm start` runs it (the same entry point, settings and logs). */
import { parseCommandArgs, positionalArgs, JSON_OPTION } from "./cli-args.js";
import { EXIT, type Command } from "./command.js";

const HELP = `Usage: warmpath serve [--db FILE]

Serves the GraphQL API at http://localhost:4000/graphql (PORT and HOST change
where) on the configured store, exactly as \`npm start\` does. Logs are JSON
lines on stdout. Stop it with Ctrl-C. When it cannot start (a busy port, a
store it cannot open) it prints one line saying why and exits with 1.

Options:
  --db FILE   the SQLite file to serve (instead of WARMPATH_DB or NEO4J_URI)
`;

/** Starts the server and leaves it running; the process ends on SIGINT or SIGTERM. */
export const serveCommand: Command = {
  help: HELP,
  async run(args, io) {
    // --json is accepted for symmetry: the server's logs are JSON lines already.
    const { positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
    positionalArgs(positionals, []);
    // src/main.ts owns the server's errors and signals from here on.
    const { serve } = await import("../main.js");
    await serve({ db: io.db });
    return EXIT.ok;
  },
};
