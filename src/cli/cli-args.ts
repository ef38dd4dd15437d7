/**
 * Argument parsing for the commands: node:util parseArgs in strict mode, with
 * its errors turned into BAD_USER_INPUT naming the option, so every bad usage
 * ends the same way (a clear line and exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { badInput, isWarmpathError, WarmpathError } from "../errors.js";

/** The option every command takes. */
export const JSON_OPTION = Object.freeze({ json: { type: "boolean" } } as const);

type Strict<T> = T & { strict: true; allowPositionals: true };

/** parseArgs, strict, with positionals allowed; a parse error becomes BAD_USER_INPUT on the option it is about. */
export function parseCommandArgs<T extends Omit<ParseArgsConfig, "strict" | "allowPositionals">>(
  config: T,
): ReturnType<typeof parseArgs<Strict<T>>> {
  try {
    return parseArgs({ ...config, strict: true, allowPositionals: true } as Strict<T>);
  } catch (error) {
    if (
      !(error instanceof TypeError) ||
      !String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")
    )
      throw error;
    // Node's messages name the option in quotes ('--to <value>' argument missing); the field is the option alone.
    const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? "arguments";
    throw badInput(option, error.message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

/** A whole number typed as an option value, or undefined when the option was not given. */
export function wholeNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw badInput(option, `must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Exactly one positional argument per name; a missing one is named in the error, an extra one quoted. */
export function positionalArgs(positionals: string[], names: readonly string[]): string[] {
  if (positionals.length < names.length) throw badInput(names[positionals.length]!, "is missing");
  if (positionals.length > names.length)
    throw badInput("arguments", `unexpected ${JSON.stringify(positionals[names.length])}`);
  return positionals;
}

/**
 * The library names its fields as the API does (maxHops); the person at the
 * terminal typed --max-hops. Rethrows an error with the option's name instead,
 * keeping an index the field carries (`scopes[1]` becomes `--scopes[1]`).
 */
export function asOptionNames(names: Readonly<Record<string, string>>): (error: unknown) => never {
  return (error) => {
    const field = isWarmpathError(error) ? error.field : undefined;
    const base = field?.replace(/\[.*$/s, "") ?? "";
    if (isWarmpathError(error) && field !== undefined && Object.hasOwn(names, base)) {
      const option = names[base]! + field.slice(base.length);
      const message = error.message.startsWith(`${field}: `)
        ? `${option}: ${error.message.slice(field.length + 2)}`
        : error.message;
      throw new WarmpathError(error.code, message, { field: option, cause: error });
    }
    throw error;
  };
}

/**
 * The subcommand named first (`user create`), from a command's table of them; a missing or
 * unknown one is BAD_USER_INPUT on `subcommand`, listing the known ones.
 */
export function subcommandOf<T>(table: Readonly<Record<string, T>>, name: string | undefined): T {
  const known = Object.keys(table).join(", ");
  if (name === undefined) throw badInput("subcommand", `is missing; give one of ${known}`);
  if (!Object.hasOwn(table, name))
    throw badInput("subcommand", `unknown ${JSON.stringify(name)}; give one of ${known}`);
  return table[name]!;
}

/**
 * A word typed for `option` from a closed list, as `word` spells it (by default the text
 * trimmed, in lower case); anything else is BAD_USER_INPUT quoting it and listing the choices.
 */
export function oneOf<T extends string>(
  option: string,
  typed: string,
  choices: readonly T[],
  word: string = typed.trim().toLowerCase(),
): T {
  if (!(choices as readonly string[]).includes(word))
    throw badInput(option, `unknown ${JSON.stringify(typed)}; give one of ${choices.join(", ")}`);
  return word as T;
}

/** A typed word with spaces and dashes as underscores, in lower case: "Former colleague" is former_colleague. */
export const snakeWord = (typed: string): string =>
  typed
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** A comma-separated option value as a list, without blanks (`a, b,` is a and b). */
export const commaList = (value: string): string[] =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
