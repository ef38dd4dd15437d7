/**
 * The `warmpath` command line (bin/warmpath.js runs it from dist/): finds the
 * command, shows help, runs it on the configured store, and turns every
 * failure into a line on stderr and an exit code (2 bad usage, 1 failure).
 */
import { createRequire } from "node:module";
import { badInput } from "../errors.js";
import { EXIT, type CliIo } from "./command.js";
import { COMMANDS } from "./command-registry.js";
import { reportError } from "./cli-output.js";

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    "Usage: warmpath <command> [options]",
    "",
    "Finds the warmest chains of people who can introduce you, and keeps your",
    "network alive.",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`),
    "",
    "Every command takes --json (one JSON document on stdout, for scripts), --help",
    "and --db FILE (the SQLite file to use). Without --db the store is the server's:",
    "WARMPATH_DB (SQLite file, default ./data/warmpath.db) or NEO4J_URI;",
    'WARMPATH_OWNER names whose network (default "me").',
    "Exit codes: 0 done, 1 failed (not found, store unavailable), 2 bad usage/input.",
    "",
  ].join("\n");
}

function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two levels below the package root.
  return (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
}

/** `--help` or `-h` before any `--` asks for help instead of running. */
const asksHelp = (args: string[]): boolean => {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
};

/**
 * `--db FILE` (or `--db=FILE`) anywhere before a `--`, taken out of the arguments: every
 * command takes it, so no command lists it among its own options.
 */
function takeDb(argv: readonly string[]): { args: string[]; db: string | undefined } {
  const args: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === "--db") {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--"))
        throw badInput("--db", "needs the SQLite file to use: --db FILE");
      db = value;
      i++;
    } else if (arg.startsWith("--db=")) db = arg.slice("--db=".length);
    else args.push(arg);
  }
  return { args, db };
}

/** Runs one invocation (the arguments after `warmpath`) and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  let taken: ReturnType<typeof takeDb>;
  try {
    taken = takeDb(argv);
  } catch (error) {
    return reportError(io, argv[0] ?? "", error);
  }
  if (taken.db !== undefined) io = { ...io, db: taken.db };
  const [name, ...args] = taken.args;
  if (name === undefined) {
    io.stderr.write(generalHelp());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = args[0];
    if (topic !== undefined && Object.hasOwn(COMMANDS, topic))
      io.stdout.write((await COMMANDS[topic]!.load()).help);
    else io.stdout.write(generalHelp());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    return reportError(
      io,
      "",
      badInput(
        "command",
        `unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(COMMANDS).join(", ")}`,
      ),
    );
  }
  try {
    const command = await COMMANDS[name]!.load();
    if (asksHelp(args)) {
      io.stdout.write(command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportError(io, name, error);
  }
}
