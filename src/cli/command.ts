/**
 * What every `warmpath` command is: a help text and a run function over the
 * process's streams, returning the exit code. Commands are loaded only when
 * run, so `warmpath path` never loads the server or the import engine.
 */

/** The streams and environment a command runs with; the process's in the binary. */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Record<string, string | undefined>;
  /** The SQLite file `--db` named (any command takes it); wins over WARMPATH_DB. */
  readonly db?: string;
}

/** A command's module: its help text and its work. */
export interface Command {
  /** The whole `--help` text: usage line, description, options. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes: success, a failure of the work (store unreachable, not found), bad usage or input. */
export const EXIT = Object.freeze({ ok: 0, failure: 1, usage: 2 });
