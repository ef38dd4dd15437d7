/**
 * How the command line writes: one JSON document for scripts, lines of text
 * for people, and one line per error naming its code and field.
 */
import { ErrorCode, isWarmpathError } from "../errors.js";
import { EXIT, type CliIo } from "./command.js";

/** The one JSON document a `--json` run prints on stdout. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Lines of text for a person, on stdout. */
export function writeLines(io: CliIo, lines: readonly string[]): void {
  io.stdout.write(lines.map((line) => `${line}\n`).join(""));
}

/** A strength or warmth as people read it: two decimals. */
export const decimal = (value: number): string => value.toFixed(2);

/** A Node system error (ENOENT, EACCES...): the user's environment, not a bug, so no stack. */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";

/**
 * Writes the error on stderr and returns the exit code: 2 for bad usage or input
 * (with a pointer to the command's help), 1 for everything else. Expected errors
 * get one line with their code and field; only bugs get a stack.
 */
export function reportError(io: CliIo, command: string, error: unknown): number {
  const prefix = `warmpath${command === "" ? "" : ` ${command}`}`;
  if (isWarmpathError(error)) {
    const field = error.field;
    const message =
      field !== undefined && error.message.startsWith(`${field}: `)
        ? error.message.slice(field.length + 2)
        : error.message;
    io.stderr.write(
      `${prefix}: ${error.code}${field === undefined ? "" : ` (${field})`}: ${message}\n`,
    );
    if (error.code !== ErrorCode.BAD_USER_INPUT) return EXIT.failure;
    io.stderr.write(`Run "warmpath ${command === "" ? "" : `${command} `}--help" for usage.\n`);
    return EXIT.usage;
  }
  if (isSystemError(error)) {
    io.stderr.write(`${prefix}: ${error.code ?? "ERROR"}: ${error.message}\n`);
    return EXIT.failure;
  }
  io.stderr.write(
    `${prefix}: unexpected error (a bug; please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.failure;
}

/** The width every line of help and output keeps to: a terminal's default. */
export const COLUMNS = 80;

/**
 * Words joined by `separator` and wrapped to COLUMNS, later lines indented by `indent`:
 * for the lists of choices (categories, kinds) that help texts name.
 */
export function wrapList(
  first: string,
  items: readonly string[],
  indent: string,
  separator = ", ",
): string {
  const lines: string[] = [];
  let line = first;
  items.forEach((item, i) => {
    const piece = item + (i < items.length - 1 ? separator.trimEnd() : "");
    const gap = line === first || line === indent ? "" : " ";
    if ((line + gap + piece).length > COLUMNS && line !== first && line !== indent) {
      lines.push(line);
      line = indent + piece;
    } else line += gap + piece;
  });
  lines.push(line);
  return lines.join("\n");
}

/**
 * A line wrapped at spaces to COLUMNS, its later lines indented by `indent`; a word longer
 * than a line is left whole rather than cut.
 */
export function wrapLine(line: string, indent: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > COLUMNS) {
    const start = /^ */.exec(rest)![0].length;
    let at = rest.lastIndexOf(" ", COLUMNS);
    if (at <= start) at = rest.indexOf(" ", COLUMNS);
    if (at === -1) break;
    out.push(rest.slice(0, at).trimEnd());
    const next = rest.slice(at).trimStart();
    if (next === "") return out;
    rest = indent + next;
  }
  out.push(rest);
  return out;
}

/** A line cut to COLUMNS with an ellipsis, for lists where a second line would break the columns. */
export const fitLine = (line: string): string =>
  line.length <= COLUMNS ? line : `${line.slice(0, COLUMNS - 1)}…`;
