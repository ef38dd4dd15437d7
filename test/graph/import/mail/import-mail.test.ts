import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../src/errors.js";
import { importMail } from "../../../../src/graph/import/mail/index.js";
import { SqliteStore } from "../../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../../src/testing/expect-error.js";

const INBOX = new URL("../../../fixtures/mail/inbox.mbox", import.meta.url).pathname;
const OWNER = "owner-mail";

describe("importMail", () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    await store.ensureOwner(OWNER, { name: "Me", emails: ["me@acme.example"] });
  });
  afterEach(() => store.close());

  const people = async () =>
    (await store.list(OWNER, "person", {}, { first: 100 })).edges.map((e) => e.node);
  const interactions = async () =>
    (await store.list(OWNER, "interaction", {}, { first: 100 })).edges.map((e) => e.node);

  it("refuses to guess which mail is yours when no address of yours is known", async () => {
    const other = "owner-nobody";
    await store.ensureOwner(other, { name: "No Mail" });
    await expectError(importMail(store, other, INBOX), ErrorCode.BAD_USER_INPUT, "me");
    await expectError(
      importMail(store, OWNER, INBOX, { me: ["not an address"] }),
      ErrorCode.BAD_USER_INPUT,
      "me",
    );
  });

  it("names a missing path and a file that is not an mbox", async () => {
    await expectError(
      importMail(store, OWNER, "/nonexistent/inbox.mbox"),
      ErrorCode.BAD_USER_INPUT,
      "file",
    );
    await expectError(
      importMail(store, OWNER, new URL(import.meta.url).pathname),
      ErrorCode.BAD_USER_INPUT,
      "file",
    );
  });

  it("counts each message or skips it with its reason, and makes people and ties only from two-way mail", async () => {
    const dan = await store.create(OWNER, "person", {
      name: "Dan Duo",
      emails: ["dan@one.example", "dan@two.example"],
    });
    const report = await importMail(store, OWNER, INBOX, { me: ["me@gmail.com"] });
    expect(report.messages).toBe(14);
    expect(report.skipped).toEqual({
      mailing_list: 2,
      bulk_precedence: 1,
      auto_submitted: 1,
      no_reply_sender: 1,
      chat_transcript: 1,
      too_many_recipients: 1,
      no_date: 0,
      no_sender: 0,
      no_correspondent: 0,
    });
    expect(report.counted).toBe(7);
    // Carol wrote once and never got an answer: left out, and no person made of her.
    expect(report.oneWayUnknown).toBe(1);
    expect(report).toMatchObject({ created: 6, unchanged: 0, peopleCreated: 2, ties: 3 });

    const byName = new Map((await people()).map((p) => [p.name, p]));
    expect([...byName.keys()].sort()).toEqual(["Ada Park", "Dan Duo", "Eve Colleague", "Me"]);
    // The first name seen is kept (the outbound message's plain one), decoded names are read too.
    const ada = byName.get("Ada Park")!;
    expect(ada.emails).toEqual(["ada@partner.example"]);
    const eve = byName.get("Eve Colleague")!;
    const all = await interactions();
    const of = (id: string) => all.filter((i) => i.personId === id);
    expect(of(ada.id).map((i) => [i.direction, i.at, i.colleague, i.summary])).toEqual([
      ["inbound", "2026-11-02T09:30:00.000Z", false, null],
      ["outbound", "2026-11-01T09:00:00.000Z", false, null],
    ]);
    expect(of(eve.id).every((i) => i.colleague && i.kind === "email")).toBe(true);
    // Dan wrote from one address and was answered at the other: one person, two-way.
    expect(of(dan.id).map((i) => i.direction)).toEqual(["outbound", "inbound"]);
    const ties = (await store.list(OWNER, "tie")).edges.map((e) => e.node);
    expect(ties.every((t) => t.provenance === "interaction")).toBe(true);
    expect(ties.map((t) => [t.personA, t.personB].sort()).flat()).toEqual(
      expect.arrayContaining([ada.id, eve.id, dan.id]),
    );
    const adaTie = ties.find((t) => t.personA === ada.id || t.personB === ada.id)!;
    expect([adaTie.since, adaTie.lastInteraction]).toEqual(["2026-11-01", "2026-11-02"]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const first = await importMail(store, OWNER, INBOX, { me: ["me@gmail.com"] });
    expect(first.created).toBe(4);
    const version = await store.version(OWNER);
    const before = { people: await people(), interactions: await interactions() };
    const again = await importMail(store, OWNER, INBOX, { me: ["me@gmail.com"] });
    expect(again).toMatchObject({ created: 0, unchanged: 4, peopleCreated: 0 });
    expect(await people()).toEqual(before.people);
    expect(await interactions()).toEqual(before.interactions);
    expect(await store.version(OWNER)).toBe(version);
  });

  it("keeps subjects only when asked", async () => {
    const report = await importMail(store, OWNER, INBOX, { keepSubjects: true });
    expect(report.created).toBeGreaterThan(0);
    const summaries = (await interactions()).map((i) => i.summary);
    expect(summaries).toContain("Re: Lunch next week?");
  });

  it("writes nothing in a dry run, and reports what a real run would", async () => {
    const version = await store.version(OWNER);
    const dry = await importMail(store, OWNER, INBOX, { me: ["me@gmail.com"], dryRun: true });
    expect(await store.version(OWNER)).toBe(version);
    const real = await importMail(store, OWNER, INBOX, { me: ["me@gmail.com"] });
    expect({ ...dry, dryRun: false }).toEqual(real);
  });

  // The same messages in two files (a Sent and an Inbox copy, two exports): the second copy
  // falls in later batches, which a dry run plans on a view without the first copy's writes.
  it.each([1, 3, 5_000])(
    "reports in a dry run what a real run does when each message is met twice (batches of %i)",
    async (batchSize) => {
      const folder = mkdtempSync(join(tmpdir(), "warmpath-mail-twice-"));
      try {
        for (const name of ["inbox.mbox", "copy.mbox"]) copyFileSync(INBOX, join(folder, name));
        const options = { me: ["me@gmail.com"], batchSize };
        const version = await store.version(OWNER);
        const dry = await importMail(store, OWNER, folder, { ...options, dryRun: true });
        expect(await store.version(OWNER)).toBe(version);
        const real = await importMail(store, OWNER, folder, options);
        expect(real).toMatchObject({ created: 4, unchanged: 4, peopleCreated: 2 });
        expect({ ...dry, dryRun: false }).toEqual(real);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
