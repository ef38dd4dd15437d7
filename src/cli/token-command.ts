/**
 * `warmpath token create | list | revoke`: a user's API tokens, managed where the store lives.
 * `create` prints the token alone on stdout, so `TOKEN=$(warmpath token create ...)` captures it,
 * and says on stderr that it is shown this once. The command line mints with the user's own
 * scopes, so a token never holds more than its user (and never `admin` for a non-admin).
 */
import { effectiveScopes, SCOPES } from "../auth/index.js";
import {
  API_TOKEN_DEFAULTS,
  listApiTokens,
  mintApiToken,
  revokeApiToken,
  userScopes,
} from "../accounts/index.js";
import { badInput, ErrorCode, isWarmpathError, notFound } from "../errors.js";
import type { ApiToken } from "../graph/index.js";
import {
  asOptionNames,
  commaList,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  subcommandOf,
  wholeNumber,
} from "./cli-args.js";
import { wrapList, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { userByEmail } from "./user-command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath token create --user <email> --name <name> --scopes <scope,...>
                             [--expires-days <n> | never]
       warmpath token list --user <email>
       warmpath token revoke <id> --user <email>

API tokens for scripts and for the command line against a server
(warmpath path --server <URL> with WARMPATH_TOKEN). A token is shown once, when
it is created, and only its first characters and last four are kept to show.

  create   prints only the token on stdout: TOKEN=$(warmpath token create ...)
  list     the user's tokens: id, name, prefix...last four, scopes, dates
  revoke   the token stops working at once

Options:
  --user <email>        whose tokens
  --name <name>         what the token is for ("laptop CLI", "nightly import")
  --scopes <list>       comma-separated, at most the user's own:
${wrapList(" ".repeat(24), SCOPES, " ".repeat(24))}
  --expires-days <n>    1 to ${API_TOKEN_DEFAULTS.maxExpiresInDays} days, or never (default ${API_TOKEN_DEFAULTS.expiresInDays})
  --json                print { token, ... } or { tokens }
`;

const USER_OPTION = Object.freeze({ user: { type: "string" } } as const);

function requiredUser(value: string | undefined): string {
  if (value === undefined || value.trim() === "") throw badInput("--user", "is required");
  return value;
}

/** A time as a list shows it: to the minute, in UTC. */
const when = (date: Date | null, none: string): string =>
  date === null ? none : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** --expires-days: absent for the default, `never` for no expiry, else whole days. */
function expiresInDays(value: string | undefined): number | null | undefined {
  return value?.trim().toLowerCase() === "never" ? null : wholeNumber("--expires-days", value);
}

async function create(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      ...JSON_OPTION,
      ...USER_OPTION,
      name: { type: "string" },
      scopes: { type: "string" },
      "expires-days": { type: "string" },
    },
  });
  positionalArgs(positionals, []);
  const email = requiredUser(values.user);
  if (values.name === undefined) throw badInput("--name", "is required");
  if (values.scopes === undefined)
    throw badInput("--scopes", "is required, for example --scopes paths:read,contacts:read");
  const input = {
    name: values.name,
    scopes: commaList(values.scopes),
    expiresInDays: expiresInDays(values["expires-days"]),
  };
  const { token, record } = await withStore(io, async ({ store }) => {
    const user = await userByEmail(store, email, "--user");
    const grantor = { user, scopes: effectiveScopes(userScopes(user)) };
    return mintApiToken(store, grantor, input, new Date()).catch(
      asOptionNames({ name: "--name", scopes: "--scopes", expiresInDays: "--expires-days" }),
    );
  });
  io.stderr.write(
    `Token "${record.name}" (${record.id}) for ${email}, shown this once: store it now. ` +
      `Scopes ${record.scopes.join(", ")}; ${record.expiresAt === null ? "never expires" : `expires ${when(record.expiresAt, "")}`}.\n`,
  );
  if (values.json) writeJson(io, { token, ...record });
  else io.stdout.write(`${token}\n`);
  return EXIT.ok;
}

function tokenLine(t: ApiToken): string {
  return [
    t.id,
    t.name,
    `${t.prefix}…${t.lastFour}`,
    t.scopes.join(","),
    `created ${when(t.createdAt, "")}`,
    `expires ${when(t.expiresAt, "never")}`,
    `last used ${when(t.lastUsedAt, "never")}`,
    ...(t.revokedAt === null ? [] : [`revoked ${when(t.revokedAt, "")}`]),
  ].join("  |  ");
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...USER_OPTION },
  });
  positionalArgs(positionals, []);
  const email = requiredUser(values.user);
  const tokens = await withStore(io, async ({ store }) =>
    listApiTokens(store, (await userByEmail(store, email, "--user")).id),
  );
  if (values.json) writeJson(io, { tokens });
  else if (tokens.length === 0) writeLines(io, [`${email} has no API tokens.`]);
  else writeLines(io, tokens.map(tokenLine));
  return EXIT.ok;
}

async function revoke(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...USER_OPTION },
  });
  const [id] = positionalArgs(positionals, ["id"]) as [string];
  const email = requiredUser(values.user);
  const token = await withStore(io, async ({ store }) => {
    const user = await userByEmail(store, email, "--user");
    // The store's NOT_FOUND names no field; here the id was typed as the argument.
    return revokeApiToken(store, user.id, id).catch((error: unknown) => {
      throw isWarmpathError(error, ErrorCode.NOT_FOUND) ? notFound("token", id, "id") : error;
    });
  });
  if (values.json) writeJson(io, { token });
  else writeLines(io, [`Revoked "${token.name}" (${token.id}): it no longer works.`]);
  return EXIT.ok;
}

const SUBCOMMANDS = Object.freeze({ create, list, revoke });

/** A user's API tokens: create (shown once), list, revoke. */
export const tokenCommand: Command = {
  help: HELP,
  run([name, ...args], io) {
    return subcommandOf(SUBCOMMANDS, name)(args, io);
  },
};
