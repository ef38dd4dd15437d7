/**
 * `warmpath mcp`: the MCP server on standard input and output, for desktop assistants
 * (Claude Desktop and other MCP clients start it as a child process). Standard output
 * carries JSON-RPC and nothing else: anything logged goes to standard error. It serves
 * the configured owner's network until the client closes standard input.
 */
import { format } from "node:util";
import { StdioServerTransport, serveStdio } from "@modelcontextprotocol/server/stdio";
import { createMcpServer } from "../mcp/index.js";
import { JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath mcp [--db FILE]

Serves your network to an AI assistant over the Model Context Protocol, on
standard input and output (the assistant starts this command itself). Tools:
find_intro_paths, explain_path, who_knows, get_person, next_contacts,
follow_ups, log_interaction (writes only with confirm: true) and
draft_intro_request (drafts only: warmpath never sends anything).
Standard output carries only JSON-RPC; messages go to standard error.

Options:
  --db <FILE>   the SQLite file to serve (default: WARMPATH_DB, else the
                configured store)
`;

// --json is accepted for symmetry with every command: standard output is JSON-RPC already.
// --db is taken by the command line itself (cli/main.ts), as for every command.
const OPTIONS = { ...JSON_OPTION } as const;

/** Whatever calls console.log (a library, a stray debug line) must not corrupt the JSON-RPC stream. */
function keepStdoutForJsonRpc(io: CliIo): void {
  const toStderr = (...args: unknown[]) => void io.stderr.write(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/** Serves until the client closes standard input, then closes the store. */
export const mcpCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { positionals } = parseCommandArgs({ args, options: OPTIONS });
    positionalArgs(positionals, []);
    keepStdoutForJsonRpc(io);
    await withStore(io, async ({ store, ownerId, where }) => {
      const logError = (error: unknown) =>
        void io.stderr.write(`warmpath mcp: ${(error as Error)?.stack ?? String(error)}\n`);
      const ended = new Promise<void>((resolve) => {
        process.stdin.once("end", resolve);
        process.stdin.once("close", resolve);
      });
      const handle = serveStdio(
        () => createMcpServer({ store, ownerId, user: null, now: () => new Date() }, { logError }),
        { transport: new StdioServerTransport(process.stdin, io.stdout), onerror: logError },
      );
      io.stderr.write(`warmpath mcp: serving ${where} on stdio\n`);
      await ended;
      await handle.close();
    });
    return EXIT.ok;
  },
};
