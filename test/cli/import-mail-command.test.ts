/** `warmpath import mbox` and `import ics`, run for real: the compiled binary in a child process, on a throwaway SQLite file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { buildDist, warmpath as runWarmpath } from "./warmpath-binary.js";

const INBOX = fileURLToPath(new URL("../fixtures/mail/inbox.mbox", import.meta.url));
const CALENDAR = fileURLToPath(new URL("../fixtures/calendar/calendar.ics", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "warmpath-cli-mail-"));

/** The shared runner (warmpath-binary.ts), called as this file's tests read: `warmpath(db, ...args)`. */
const warmpath = (db: string, ...args: string[]) => runWarmpath(db, args);

async function count(db: string, kind: "person" | "interaction" | "tie"): Promise<number> {
  const store = new SqliteStore({ path: db });
  try {
    await store.init();
    return (await store.list("me", kind)).totalCount;
  } finally {
    await store.close();
  }
}

beforeAll(buildDist, 400_000);

describe("warmpath import mbox and ics", () => {
  it("asks for the user's address when none is known, with exit code 2", async () => {
    const db = join(dir, "no-me.db");
    const out = await warmpath(db, "import", "mbox", INBOX);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("BAD_USER_INPUT (--me)");
    expect(out.stdout).toBe("");
  });

  it("names a missing file and a bad --me", async () => {
    const db = join(dir, "bad.db");
    const missing = await warmpath(
      db,
      "import",
      "mbox",
      join(dir, "nope.mbox"),
      "--me",
      "me@acme.example",
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("(file)");
    const bad = await warmpath(db, "import", "ics", CALENDAR, "--me", "not-an-address");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("BAD_USER_INPUT (--me)");
  });

  it("dry-runs, imports, and re-imports an mbox with the same result, summarizing what was skipped and why", async () => {
    const db = join(dir, "mail.db");
    const me = ["--me", "me@acme.example", "--me", "me@gmail.com"];
    const dry = await warmpath(db, "import", "mbox", INBOX, ...me, "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      "inbox.mbox, dry run, nothing written: 14 messages, 7 counted, 7 skipped",
    );
    expect(await count(db, "interaction")).toBe(0);

    const out = await warmpath(db, "import", "mbox", INBOX, ...me);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.trim()).toBe(
      "inbox.mbox: 14 messages, 7 counted, 7 skipped (2 mailing list, 1 bulk precedence, 1 auto submitted, 1 no reply sender, 1 chat transcript, 1 too many recipients); 4 interactions created, 0 already there; 2 people created, 2 ties; 3 one-way with someone unknown, left out.",
    );
    const interactions = await count(db, "interaction");
    expect(interactions).toBe(4);

    const again = await warmpath(db, "import", "mbox", INBOX, ...me, "--json");
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report).toMatchObject({ messages: 14, created: 0, unchanged: 4, peopleCreated: 0 });
    expect(again.stderr).toContain("inbox.mbox: 14 messages");
    expect(await count(db, "interaction")).toBe(interactions);
  });

  it("imports a calendar's meetings, and keeps titles only when asked", async () => {
    const db = join(dir, "calendar.db");
    const out = await warmpath(
      db,
      "import",
      "ics",
      CALENDAR,
      "--me",
      "me@acme.example",
      "--keep-subjects",
      "--json",
    );
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report).toMatchObject({
      events: 7,
      counted: 3,
      skipped: { declined: 1, cancelled: 1, too_many_attendees: 1 },
    });
    // Run on a later day than the fixture was written for, the future event may have happened: at least the past ones count.
    expect(report.created).toBeGreaterThanOrEqual(18);
    const store = new SqliteStore({ path: db });
    try {
      await store.init();
      const summaries = (await store.list("me", "interaction", {}, { first: 100 })).edges.map(
        (e) => e.node.summary,
      );
      expect(summaries).toContain("Weekly sync (moved)");
    } finally {
      await store.close();
    }
  });

  it("lists mail and calendars in import --help", async () => {
    const out = await warmpath(join(dir, "help.db"), "import", "--help");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("warmpath import mbox FILE|FOLDER");
  });
});
