/**
 * `warmpath user create | list | disable | password`: the accounts of the store, managed on the
 * machine that holds it. There is no sign-in here: whoever may write the store file already
 * holds everything in it, so the command line acts as its administrator.
 */
import { badInput, conflict, notFound } from "../errors.js";
import { createAccount, setPassword } from "../accounts/index.js";
import { normalizeUserEmail, type NetworkStore, type User } from "../graph/index.js";
import {
  asOptionNames,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  subcommandOf,
} from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { readNewPassword } from "./read-password.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath user create --email <address> --name <name> [--admin]
                            [--password-stdin]
       warmpath user list
       warmpath user disable <email>
       warmpath user password <email> [--password-stdin]

The accounts of this store, managed where the store lives (no server, no
sign-in). The first user created takes over the existing network
(WARMPATH_OWNER, default "me"); later users start networks of their own.
Passwords are asked twice at the terminal, never taken as an option; scripts
pipe them in with --password-stdin.

  create     a new user
  list       every user: id, e-mail, name, admin, disabled
  disable    the user can no longer sign in; their sessions end, their tokens
             stop
  password   a new password; every session of the user ends

Options:
  --email <address>   the new user's e-mail, with which they sign in
  --name <name>       the new user's name
  --admin             an administrator: manages users, may hold the admin scope
  --password-stdin    read the password from stdin (one line)
  --json              print { user } or { users }
`;

/** The address as stored (trimmed, lower-case); BAD_USER_INPUT on `field` when it is none. */
function addressOf(email: string, field: string): string {
  try {
    return normalizeUserEmail(email);
  } catch (error) {
    return asOptionNames({ email: field })(error);
  }
}

/** The user with this address; NOT_FOUND on `field` (the option or argument that named it). */
export async function userByEmail(
  store: NetworkStore,
  email: string,
  field: string,
): Promise<User> {
  const address = addressOf(email, field);
  const user = await store.findUserByEmail(address);
  if (user === null) throw notFound("user", address, field);
  return user;
}

/** A user as the command prints it: never the password hash. */
const shown = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  admin: user.admin,
  ownerId: user.ownerId,
  createdAt: user.createdAt,
  disabledAt: user.disabledAt,
});

const required = (option: string, value: string | undefined): string => {
  if (value === undefined || value.trim() === "") throw badInput(option, "is required");
  return value;
};

async function create(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      ...JSON_OPTION,
      email: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean" },
      "password-stdin": { type: "boolean" },
    },
  });
  positionalArgs(positionals, []);
  const email = required("--email", values.email);
  const name = required("--name", values.name);
  const user = await withStore(io, async ({ store, ownerId }) => {
    // Checked before the password is asked, so nobody types it twice for an address that fails.
    const address = addressOf(email, "--email");
    if ((await store.findUserByEmail(address)) !== null)
      throw conflict("--email", `${address} has an account already`);
    const password = await readNewPassword(values["password-stdin"] === true);
    const input = { email: address, name, password, admin: values.admin === true };
    return createAccount(store, input, { adoptOwner: ownerId }).catch(
      asOptionNames({ email: "--email", name: "--name" }),
    );
  });
  if (values.json) writeJson(io, { user: shown(user) });
  else
    writeLines(io, [
      `Created ${user.email} (${user.id})${user.admin ? ", an administrator" : ""}; their network is "${user.ownerId}".`,
    ]);
  return EXIT.ok;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
  positionalArgs(positionals, []);
  const users = await withStore(io, ({ store }) => store.listUsers());
  if (values.json) {
    writeJson(io, { users: users.map((u) => ({ ...shown(u), disabled: u.disabledAt !== null })) });
    return EXIT.ok;
  }
  if (users.length === 0) {
    writeLines(io, ["No users yet: `warmpath user create --email <address> --name <name>`."]);
    return EXIT.ok;
  }
  writeLines(
    io,
    users.map((u) =>
      [
        u.id,
        u.email,
        u.name,
        u.admin ? "admin" : "",
        u.disabledAt === null ? "" : `disabled ${u.disabledAt.toISOString().slice(0, 10)}`,
      ]
        .filter((s) => s !== "")
        .join("  |  "),
    ),
  );
  return EXIT.ok;
}

async function disable(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
  const [email] = positionalArgs(positionals, ["email"]) as [string];
  const user = await withStore(io, async ({ store }) =>
    store.disableUser((await userByEmail(store, email, "email")).id),
  );
  if (values.json) writeJson(io, { user: shown(user) });
  else
    writeLines(io, [
      `Disabled ${user.email}: their sessions ended and their tokens stopped working.`,
    ]);
  return EXIT.ok;
}

async function password(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, "password-stdin": { type: "boolean" } },
  });
  const [email] = positionalArgs(positionals, ["email"]) as [string];
  const { user, ended } = await withStore(io, async ({ store }) => {
    const user = await userByEmail(store, email, "email");
    const ended = await setPassword(
      store,
      user.id,
      await readNewPassword(values["password-stdin"] === true),
    );
    return { user, ended };
  });
  if (values.json) writeJson(io, { user: shown(user), sessionsEnded: ended });
  else
    writeLines(io, [
      `Changed the password of ${user.email}; ${ended === 1 ? "1 session" : `${ended} sessions`} ended.`,
    ]);
  return EXIT.ok;
}

const SUBCOMMANDS = Object.freeze({ create, list, disable, password });

/** Users of the store: create, list, disable, reset a password. */
export const userCommand: Command = {
  help: HELP,
  run([name, ...args], io) {
    return subcommandOf(SUBCOMMANDS, name)(args, io);
  },
};
