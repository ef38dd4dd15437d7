/** Mail and calendar imports on Neo4j: the same outcomes as on SQLite, and a re-import changes nothing. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCalendar } from "../../../../src/graph/import/calendar/index.js";
import { importMail } from "../../../../src/graph/import/mail/index.js";
import { Neo4jStore } from "../../../../src/graph/store/neo4j/neo4j-store.js";
import { neo4jConnection } from "../../../setup/neo4j-connection.js";

const INBOX = new URL("../../../fixtures/mail/inbox.mbox", import.meta.url).pathname;
const CALENDAR = new URL("../../../fixtures/calendar/calendar.ics", import.meta.url).pathname;

describe("mail and calendar imports on Neo4j", () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = new Neo4jStore(neo4jConnection());
    await store.init();
  });
  afterAll(() => store?.close());

  it("imports mail and meetings, finds people by any of their addresses, and a re-import changes nothing", async () => {
    const owner = `mail-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me", emails: ["me@acme.example"] });
    const dan = await store.create(owner, "person", {
      name: "Dan Duo",
      emails: ["dan@one.example", "dan@two.example"],
    });
    const mail = await importMail(store, owner, INBOX, { me: ["me@gmail.com"] });
    expect(mail).toMatchObject({ messages: 14, counted: 7, created: 6, peopleCreated: 2, ties: 3 });
    const meetings = await importCalendar(store, owner, CALENDAR, {
      now: new Date("2026-11-30T00:00:00Z"),
    });
    // Ada and Eve are found by e-mail, not created again.
    expect(meetings).toMatchObject({ created: 18, peopleCreated: 1 });
    const danMail = await store.list(owner, "interaction", { personId: dan.id });
    expect(danMail.totalCount).toBe(2);
    const version = await store.version(owner);
    const again = await importMail(store, owner, INBOX, { me: ["me@gmail.com"] });
    const againMeetings = await importCalendar(store, owner, CALENDAR, {
      now: new Date("2026-11-30T00:00:00Z"),
    });
    expect([
      again.created,
      again.unchanged,
      againMeetings.created,
      againMeetings.unchanged,
    ]).toEqual([0, 6, 0, 18]);
    expect(await store.version(owner)).toBe(version);
    expect((await store.list(owner, "interaction")).totalCount).toBe(24);
  });
});
