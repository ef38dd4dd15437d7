/** `warmpath serve`: the GraphQL server, exactly as `npm start` runs it (the same entry point, settings and logs). */
import { parseCommandArgs, positionalArgs, JSON_OPTION } from "./cli-args.js";
import { EXIT, type Command } from "./command.js";

const HELP = `Usage: warmpath serve

Serves the GraphQL API at http://localhost:4000/graphql (PORT and HOST change
where) on the configured store, exactly as \`npm start\` does. Logs are JSON
lines on stdout. Stop it with Ctrl-C.
`;

/** Starts the server and leaves it running; the process ends on SIGINT or SIGTERM. */
export const serveCommand: Command = {
  help: HELP,
  async run(args) {
    // --json is accepted for symmetry: the server's logs are JSON lines already.
    const { positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
    positionalArgs(positionals, []);
    // src/main.ts starts the server when loaded, and owns its errors and signals from then on.
    await import("../main.js");
    return EXIT.ok;
  },
};
