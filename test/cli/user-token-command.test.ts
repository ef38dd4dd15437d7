/** `warmpath user` and `warmpath token`, run for real: the built binary in a child process, on throwaway SQLite files. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, startSession } from "../../src/accounts/index.js";
import { verifyPassword } from "../../src/auth/index.js";
import type { NetworkStore } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { buildCli, type BuiltCli, type CliOutcome } from "../support/built-cli.js";

const dir = mkdtempSync(join(tmpdir(), "warmpath-accounts-cli-"));
const PASSWORD = "correct horse battery staple";
const TOKEN = /^wp_[A-Za-z0-9_-]{43}$/;
let cli: BuiltCli;
let files = 0;

beforeAll(async () => {
  cli = await buildCli();
}, 240_000);

/** A new store file, and `warmpath` bound to it. */
function storeFile() {
  const db = join(dir, `accounts-${++files}.db`);
  const warmpath = (args: string[], input?: string): Promise<CliOutcome> =>
    cli.run(args, { WARMPATH_DB: db }, input);
  const json = async <T = any>(args: string[], input?: string): Promise<T> => {
    const out = await warmpath([...args, "--json"], input);
    expect(out.code, out.stderr).toBe(0);
    return JSON.parse(out.stdout) as T;
  };
  /** Runs `work` on the store file, closed again before the next command runs. */
  const onStore = async <T>(work: (store: NetworkStore) => Promise<T>): Promise<T> => {
    const store = new SqliteStore({ path: db });
    await store.init();
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  const createUser = (email: string, ...more: string[]) =>
    json<{ user: { id: string; email: string; admin: boolean; ownerId: string } }>(
      [
        "user",
        "create",
        "--email",
        email,
        "--name",
        email.split("@")[0]!,
        "--password-stdin",
        ...more,
      ],
      `${PASSWORD}\n`,
    );
  return { db, warmpath, json, onStore, createUser };
}

describe("warmpath user create", () => {
  it("creates a user with the password from stdin and prints id, e-mail and admin, never the password", async () => {
    const { warmpath, onStore } = storeFile();
    const out = await warmpath(
      [
        "user",
        "create",
        "--email",
        "Ada@Example.com",
        "--name",
        "Ada",
        "--admin",
        "--password-stdin",
      ],
      `${PASSWORD}\n`,
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Created ada@example\.com \(usr_\S+\), an administrator/);
    expect(out.stdout + out.stderr).not.toContain(PASSWORD);
    const user = await onStore(async (store) => (await store.findUserByEmail("ada@example.com"))!);
    expect(user.admin).toBe(true);
    // Only the trailing newline was stripped.
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
  });

  it("lets the first user adopt the existing network, and gives later users their own", async () => {
    const { json, createUser } = storeFile();
    await json(["demo"]);
    const first = await createUser("ada@example.com", "--admin");
    expect(first.user).toMatchObject({ email: "ada@example.com", admin: true, ownerId: "me" });
    expect((await json<{ people: unknown[] }>(["people"])).people).toHaveLength(12);
    const second = await createUser("grace@example.com");
    expect(second.user.admin).toBe(false);
    expect(second.user.ownerId).not.toBe("me");
  });

  it("refuses to ask for a password when stdin is not a terminal, creating nobody", async () => {
    const { warmpath, json } = storeFile();
    const out = await warmpath(["user", "create", "--email", "ada@example.com", "--name", "Ada"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/BAD_USER_INPUT \(--password-stdin\): stdin is not a terminal/);
    expect((await json<{ users: unknown[] }>(["user", "list"])).users).toEqual([]);
  });

  it("refuses a password shorter than 15 characters, or on two lines", async () => {
    const { warmpath } = storeFile();
    const args = [
      "user",
      "create",
      "--email",
      "ada@example.com",
      "--name",
      "Ada",
      "--password-stdin",
    ];
    const short = await warmpath(args, "too short\n");
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/BAD_USER_INPUT \(password\): must be at least 15 characters/);
    const twoLines = await warmpath(args, `${PASSWORD}\n${PASSWORD}\n`);
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toMatch(
      /BAD_USER_INPUT \(--password-stdin\): give the password on one line/,
    );
  });

  it("refuses an address that has an account, or is none, naming --email", async () => {
    const { warmpath, createUser } = storeFile();
    await createUser("ada@example.com");
    const taken = await warmpath(
      ["user", "create", "--email", "ADA@example.com", "--name", "Ada", "--password-stdin"],
      `${PASSWORD}\n`,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/CONFLICT \(--email\): ada@example\.com has an account already/);
    const bad = await warmpath(["user", "create", "--email", "ada", "--name", "Ada"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/BAD_USER_INPUT \(--email\)/);
  });
});

describe("warmpath user list, disable, password", () => {
  it("lists every user with id, e-mail, name, admin and disabled", async () => {
    const { warmpath, json, createUser } = storeFile();
    const ada = await createUser("ada@example.com", "--admin");
    await createUser("grace@example.com");
    await warmpath(["user", "disable", "grace@example.com"]);
    const { users } = await json<{ users: Record<string, unknown>[] }>(["user", "list"]);
    expect(users).toMatchObject([
      { id: ada.user.id, email: "ada@example.com", name: "ada", admin: true, disabled: false },
      { email: "grace@example.com", name: "grace", admin: false, disabled: true },
    ]);
    expect(JSON.stringify(users)).not.toContain("argon2");
    const text = (await warmpath(["user", "list"])).stdout;
    expect(text).toContain(`${ada.user.id}  |  ada@example.com  |  ada  |  admin\n`);
    expect(text).toMatch(/grace@example\.com {2}\| {2}grace {2}\| {2}disabled \d{4}-\d\d-\d\d\n/);
  });

  it("disables a user by e-mail, ending their sessions; NOT_FOUND naming the address for nobody", async () => {
    const { warmpath, onStore, createUser } = storeFile();
    await createUser("ada@example.com");
    const session = await onStore(async (store) =>
      startSession(store, (await store.findUserByEmail("ada@example.com"))!, null, new Date()),
    );
    const out = await warmpath(["user", "disable", "ada@example.com"]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("Disabled ada@example.com");
    await onStore(async (store) => {
      expect((await store.findUserByEmail("ada@example.com"))!.disabledAt).not.toBeNull();
      expect(await store.findSession(session.session.tokenHash)).toBeNull();
    });
    const nobody = await warmpath(["user", "disable", "nobody@example.com"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/NOT_FOUND \(email\): user "nobody@example\.com" not found/);
  });

  it("resets a password from stdin and ends every session of the user", async () => {
    const { warmpath, onStore, createUser } = storeFile();
    await createUser("ada@example.com");
    const session = await onStore(async (store) =>
      startSession(store, (await store.findUserByEmail("ada@example.com"))!, null, new Date()),
    );
    const out = await warmpath(
      ["user", "password", "ada@example.com", "--password-stdin"],
      "a whole new passphrase\r\n",
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("1 session ended");
    await onStore(async (store) => {
      const user = (await store.findUserByEmail("ada@example.com"))!;
      expect(await verifyPassword(user.passwordHash!, "a whole new passphrase")).toBe(true);
      expect(await store.findSession(session.session.tokenHash)).toBeNull();
    });
  });

  it("names the subcommands when none or an unknown one is given", async () => {
    const { warmpath } = storeFile();
    for (const args of [["user"], ["user", "delete"]]) {
      const out = await warmpath(args);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/BAD_USER_INPUT \(subcommand\).*create, list, disable, password/);
    }
  });
});

describe("warmpath token", () => {
  const create = (email: string, ...more: string[]) => [
    "token",
    "create",
    "--user",
    email,
    "--name",
    "laptop",
    ...more,
  ];

  it("prints only the token on stdout, and on stderr that it is shown once, with scopes and expiry", async () => {
    const { db, warmpath, onStore, createUser } = storeFile();
    await createUser("ada@example.com");
    const out = await warmpath(create("ada@example.com", "--scopes", "paths:read,contacts:read"));
    expect(out.code, out.stderr).toBe(0);
    const token = out.stdout.replace(/\n$/, "");
    expect(token).toMatch(TOKEN);
    expect(out.stderr).toMatch(/shown this once/);
    expect(out.stderr).toMatch(/Scopes paths:read, contacts:read; expires \d{4}-\d\d-\d\d/);
    const actor = await onStore((store) => authenticateApiToken(store, token, new Date()));
    expect([...actor!.scopes].sort()).toEqual(["contacts:read", "paths:read"]);
    // The store keeps the token's hash, never the token.
    for (const file of [db, `${db}-wal`])
      if (existsSync(file)) expect(readFileSync(file).includes(token)).toBe(false);
  });

  it("makes a token that never expires with --expires-days never", async () => {
    const { warmpath, json, createUser } = storeFile();
    await createUser("ada@example.com");
    const out = await warmpath(
      create("ada@example.com", "--scopes", "paths:read", "--expires-days", "never"),
    );
    expect(out.stderr).toContain("never expires");
    const { tokens } = await json(["token", "list", "--user", "ada@example.com"]);
    expect(tokens[0].expiresAt).toBeNull();
  });

  it("lists tokens by prefix and last four, never the token", async () => {
    const { warmpath, json, createUser } = storeFile();
    await createUser("ada@example.com");
    const token = (
      await warmpath(create("ada@example.com", "--scopes", "paths:read"))
    ).stdout.trim();
    const text = await warmpath(["token", "list", "--user", "ada@example.com"]);
    expect(text.stdout).toContain(
      `laptop  |  ${token.slice(0, 8)}…${token.slice(-4)}  |  paths:read`,
    );
    expect(text.stdout).toContain("last used never");
    expect(text.stdout).not.toContain(token);
    const { tokens } = await json(["token", "list", "--user", "ada@example.com"]);
    expect(tokens).toMatchObject([
      {
        name: "laptop",
        prefix: token.slice(0, 8),
        lastFour: token.slice(-4),
        scopes: ["paths:read"],
      },
    ]);
    expect(JSON.stringify(tokens)).not.toContain(token);
  });

  it("revokes a token by id, after which it no longer works", async () => {
    const { warmpath, json, onStore, createUser } = storeFile();
    await createUser("ada@example.com");
    const minted = await json<{ token: string; id: string }>(
      create("ada@example.com", "--scopes", "paths:read"),
    );
    const out = await warmpath(["token", "revoke", minted.id, "--user", "ada@example.com"]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Revoked "laptop" (${minted.id})`);
    expect(
      await onStore((store) => authenticateApiToken(store, minted.token, new Date())),
    ).toBeNull();
    expect((await warmpath(["token", "list", "--user", "ada@example.com"])).stdout).toMatch(
      /\| {2}revoked \d{4}/,
    );
  });

  it("never revokes another user's token: NOT_FOUND", async () => {
    const { warmpath, json, createUser } = storeFile();
    await createUser("ada@example.com");
    await createUser("grace@example.com");
    const minted = await json<{ id: string }>(create("ada@example.com", "--scopes", "paths:read"));
    const out = await warmpath(["token", "revoke", minted.id, "--user", "grace@example.com"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(
      `warmpath token: NOT_FOUND (id): token ${JSON.stringify(minted.id)} not found\n`,
    );
  });

  it("never gives admin to a user who is not an administrator, but does to one who is", async () => {
    const { warmpath, createUser } = storeFile();
    await createUser("ada@example.com", "--admin");
    await createUser("grace@example.com");
    const refused = await warmpath(create("grace@example.com", "--scopes", "paths:read,admin"));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /FORBIDDEN \(--scopes\): you cannot grant admin: only an administrator may hold admin/,
    );
    const granted = await warmpath(create("ada@example.com", "--scopes", "admin"));
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stdout.trim()).toMatch(TOKEN);
  });

  it("names the option for an unknown user, an unknown scope or a lifetime out of range", async () => {
    const { warmpath, createUser } = storeFile();
    await createUser("ada@example.com");
    const nobody = await warmpath(create("nobody@example.com", "--scopes", "paths:read"));
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/NOT_FOUND \(--user\): user "nobody@example\.com" not found/);
    const scope = await warmpath(create("ada@example.com", "--scopes", "paths:read, paths:write"));
    expect(scope.code).toBe(2);
    expect(scope.stderr).toMatch(/BAD_USER_INPUT \(--scopes\[1\]\): unknown scope "paths:write"/);
    for (const days of ["0", "3651", "soon"]) {
      const out = await warmpath(
        create("ada@example.com", "--scopes", "paths:read", "--expires-days", days),
      );
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/BAD_USER_INPUT \(--expires-days\)/);
    }
    const missing = await warmpath(["token", "create", "--user", "ada@example.com", "--name", "x"]);
    expect(missing.stderr).toMatch(/BAD_USER_INPUT \(--scopes\): is required/);
  });
});

describe("warmpath --help", () => {
  it("lists user and token among the commands", async () => {
    const { warmpath } = storeFile();
    const out = await warmpath(["--help"]);
    expect(out.stdout).toMatch(/^ {2}user /m);
    expect(out.stdout).toMatch(/^ {2}token /m);
    expect((await warmpath(["token", "--help"])).stdout).toContain("--expires-days");
  });
});
