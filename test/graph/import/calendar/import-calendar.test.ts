import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { ErrorCode } from "../../../../src/errors.js";
import {
  capSeries,
  importCalendar,
  importCalendarFromText,
  readCalendar,
  type EventOutcome,
  weekOf,
} from "../../../../src/graph/import/calendar/index.js";
import { ownAddresses } from "../../../../src/graph/import/mail/index.js";
import { SqliteStore } from "../../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../../src/testing/expect-error.js";
import { zipBytes } from "../../../support/zip-writer.js";

const FILE = new URL("../../../fixtures/calendar/calendar.ics", import.meta.url).pathname;
const NOW = new Date("2026-11-30T00:00:00Z");
const OWNER = "owner-cal";
const own = ownAddresses(["me@acme.example"]);

describe("capSeries", () => {
  it("keeps at most one occurrence a week and the last 12, none after now", () => {
    const day = 86_400_000;
    const start = Date.parse("2026-09-01T08:30:00Z");
    const daily = Array.from({ length: 120 }, (_, i) => ({ start: start + i * day }));
    const kept = capSeries(daily, NOW.getTime());
    expect(kept).toHaveLength(12);
    expect(new Date(kept[0]!.start).toISOString()).toBe("2026-09-07T08:30:00.000Z");
    expect(new Date(kept[11]!.start).toISOString()).toBe("2026-11-23T08:30:00.000Z");
  });

  it("never keeps two in one week nor more than 12, and only past ones (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 * 86_400_000 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (offsets, now) => {
          const sorted = [...offsets].sort((a, b) => a - b).map((start) => ({ start }));
          const kept = capSeries(sorted, now);
          expect(kept.length).toBeLessThanOrEqual(12);
          expect(new Set(kept.map((k) => weekOf(k.start))).size).toBe(kept.length);
          expect(kept.every((k) => k.start <= now)).toBe(true);
          const weeks = new Set(sorted.filter((s) => s.start <= now).map((s) => weekOf(s.start)));
          expect(kept.length).toBe(Math.min(12, weeks.size));
        },
      ),
    );
  });
});

/** Every outcome an (async) readCalendar yields, in order. */
async function all(text: string): Promise<EventOutcome[]> {
  const out: EventOutcome[] = [];
  for await (const outcome of readCalendar(text, { own, now: NOW })) out.push(outcome);
  return out;
}

describe("readCalendar", () => {
  const outcomes = () => all(readFileSync(FILE, "utf8"));

  it("applies EXDATE and a RECURRENCE-ID override to a weekly series, and leaves rooms out", async () => {
    const weekly = (await outcomes())[0]!;
    expect(weekly.counted).toBe(true);
    if (!weekly.counted) return;
    expect(weekly.meetings.map((m) => m.at)).toEqual([
      "2026-10-05T09:00:00.000Z",
      "2026-10-13T15:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
      "2026-11-02T09:00:00.000Z",
      "2026-11-09T09:00:00.000Z",
    ]);
    // The moved occurrence keeps its original start as its id.
    expect(weekly.meetings[1]!.occurrence).toBe("2026-10-12T09:00:00.000Z");
    expect(weekly.meetings[1]!.summary).toBe("Weekly sync (moved)");
    expect(
      weekly.meetings.every((m) => m.others.map((o) => o.address).join() === "ada@partner.example"),
    ).toBe(true);
  });

  it("counts nothing of declined, cancelled, crowded and future events, and ignores group addresses", async () => {
    const found = await outcomes();
    const reasons = found.map((o) => (o.counted ? `${o.meetings.length} counted` : o.reason));
    expect(reasons).toEqual([
      "5 counted",
      "declined",
      "cancelled",
      "too_many_attendees",
      "12 counted",
      "not_yet",
      "1 counted",
    ]);
    const group = found[6]!;
    expect(group.counted && group.meetings[0]).toMatchObject({
      at: "2026-11-10T09:00:00.000Z",
      others: [{ address: "frank@field.example", name: "Frank Field" }],
    });
  });

  it("refuses text that is not a calendar", async () => {
    await expect(all("hello")).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field: "file" }),
    );
  });
});

describe("importCalendar", () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    await store.ensureOwner(OWNER, { name: "Me", emails: ["me@acme.example"] });
  });
  afterEach(() => store.close());

  it("makes mutual meetings with the people met, and a re-import changes nothing", async () => {
    const report = await importCalendar(store, OWNER, FILE, { now: NOW });
    expect(report).toMatchObject({
      events: 7,
      counted: 3,
      occurrences: 18,
      created: 18,
      peopleCreated: 3,
      ties: 3,
      skipped: { declined: 1, cancelled: 1, too_many_attendees: 1, not_yet: 1, no_one_else: 0 },
    });
    const all = (await store.list(OWNER, "interaction", {}, { first: 100 })).edges.map(
      (e) => e.node,
    );
    expect(
      all.every((i) => i.kind === "meeting" && i.direction === "mutual" && i.summary === null),
    ).toBe(true);
    const people = (await store.list(OWNER, "person")).edges.map((e) => e.node.name).sort();
    expect(people).toEqual(["Ada Park", "Eve Colleague", "Frank Field", "Me"]);
    // Eve is a colleague: same domain as the user.
    const eve = (await store.findPeople(OWNER, { email: "eve@acme.example" }))[0]!;
    expect(all.filter((i) => i.personId === eve.id).every((i) => i.colleague)).toBe(true);
    const version = await store.version(OWNER);
    const again = await importCalendar(store, OWNER, FILE, { now: NOW });
    expect(again).toMatchObject({ created: 0, unchanged: 18, peopleCreated: 0 });
    expect(await store.version(OWNER)).toBe(version);
  });

  it("reads the .ics files of a zipped Google Takeout as the same files unzipped, and names an archive without one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warmpath-calendar-zip-"));
    try {
      const zip = join(dir, "takeout.zip");
      writeFileSync(
        zip,
        zipBytes([
          { name: "Takeout/archive_browser.html", data: "<html/>" },
          { name: "Takeout/Calendar/me@acme.example.ics", data: readFileSync(FILE) },
        ]),
      );
      const report = await importCalendar(store, OWNER, zip, { now: NOW });
      expect(report.files).toEqual([`${zip}:Takeout/Calendar/me@acme.example.ics`]);
      expect(report).toMatchObject({ events: 7, counted: 3, created: 18, peopleCreated: 3 });
      const again = await importCalendar(store, OWNER, FILE, { now: NOW });
      expect(again).toMatchObject({ created: 0, unchanged: 18 });
      const none = join(dir, "mail.zip");
      writeFileSync(none, zipBytes([{ name: "Takeout/Mail/all.mbox", data: "From x" }]));
      const error = await expectError(
        importCalendar(store, OWNER, none, { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "file",
      );
      expect(error.message).toContain("no .ics file");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("imports text as the API sends it, and writes nothing in a dry run", async () => {
    const text = readFileSync(FILE, "utf8");
    const dry = await importCalendarFromText(store, OWNER, text, { now: NOW, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 18, peopleCreated: 3 });
    expect((await store.list(OWNER, "interaction")).totalCount).toBe(0);
    await expectError(
      importCalendar(store, OWNER, "/nonexistent.ics"),
      ErrorCode.BAD_USER_INPUT,
      "file",
    );
  });
});
