import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importContacts } from "../../../src/graph/import/import-contacts.js";
import { listAll } from "../../../src/graph/store/list-all.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

const NOW = new Date("2026-11-30T12:00:00Z");
const LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

describe("a bad optional value keeps the person", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());
  const owner = async () => {
    const id = `opt-${randomUUID()}`;
    await store.ensureOwner(id, { name: "Me" });
    return id;
  };

  it("drops an impossible date, a malformed URL and a malformed e-mail, warning on each field, and creates the people", async () => {
    const id = await owner();
    const csv = [
      LINKEDIN,
      "Bad,Date,,,Acme,CTO,31 Feb 2024",
      "Leap,Day,,,,,2024-02-30",
      "Bad,Url,http://,,,,15 Mar 2024",
      "Bad,Mail,,not-an-email,,,15 Mar 2024",
      "Good,Row,https://www.linkedin.com/in/good,good@example.org,,,15 Mar 2024",
    ].join("\r\n");
    const report = await importContacts(store, id, csv, { layout: "linkedin", now: NOW });
    expect([report.created, report.rejected]).toEqual([5, 0]);
    expect(report.rows.map((r) => [r.line, r.outcome, r.warnings])).toEqual([
      [
        2,
        "created",
        [
          {
            field: "connectedOn",
            reason: '"2024-02-31" is not a valid calendar date; the value was left out',
          },
        ],
      ],
      [
        3,
        "created",
        [
          {
            field: "connectedOn",
            reason: '"2024-02-30" is not a valid calendar date; the value was left out',
          },
        ],
      ],
      [
        4,
        "created",
        [
          {
            field: "profileUrl",
            reason: expect.stringMatching(/"http:\/\/" is not a valid URL; the value was left out/),
          },
        ],
      ],
      [
        5,
        "created",
        [
          {
            field: "emails[0]",
            reason: '"not-an-email" is not a valid e-mail address; the value was left out',
          },
        ],
      ],
      [6, "created", []],
    ]);
    // The tie and the job are kept; only the bad value is missing.
    const self = await store.getSelf(id);
    const ties = await listAll(store, id, "tie", { personId: self.id });
    expect(ties).toHaveLength(5);
    const badDate = (await store.findPeople(id, { name: "Bad Date" }))[0]!;
    expect(
      ties.find((t) => t.personB === badDate.id || t.personA === badDate.id)?.since,
    ).toBeNull();
    expect(await listAll(store, id, "employment", { personId: badDate.id })).toHaveLength(1);
    expect((await store.findPeople(id, { name: "Bad Mail" }))[0]!.emails).toEqual([]);
  });

  it("keeps the good items of a list and warns on the bad one by its index", async () => {
    const id = await owner();
    const csv =
      "First Name,Last Name,E-mail Address,E-mail 2 Address,E-mail 3 Address,Mobile Phone,Company\r\nAda,Lovelace,ada@example.org,broken@,ada@work.example,not a phone,Acme\r\n";
    const report = await importContacts(store, id, csv, { layout: "outlook", now: NOW });
    expect(report.rows[0]).toMatchObject({
      outcome: "created",
      warnings: [{ field: "emails[1]" }, { field: "phones[0]" }],
    });
    const ada = (await store.findPeople(id, { name: "Ada Lovelace" }))[0]!;
    expect([ada.emails, ada.phones]).toEqual([["ada@example.org", "ada@work.example"], []]);
  });

  it("rejects only a row without a name, and a dry run reports the same warnings", async () => {
    const id = await owner();
    const csv = [
      LINKEDIN,
      ",,https://www.linkedin.com/in/nobody,,Acme,,",
      "Ada,Lovelace,,bad@,,,",
    ].join("\n");
    const dry = await importContacts(store, id, csv, {
      layout: "linkedin",
      dryRun: true,
      now: NOW,
    });
    const real = await importContacts(store, id, csv, { layout: "linkedin", now: NOW });
    expect(
      real.rows.map((r) => [
        r.outcome,
        r.reason === null ? null : "reason",
        r.warnings.map((w) => w.field),
      ]),
    ).toEqual([
      ["rejected", "reason", []],
      ["created", null, ["emails[0]"]],
    ]);
    expect(dry.rows.map((r) => r.warnings)).toEqual(real.rows.map((r) => r.warnings));
  });

  it("rejects a name longer than the model allows: the name is the identity, never left out", async () => {
    const id = await owner();
    const report = await importContacts(store, id, `${LINKEDIN}\n${"x".repeat(600)},Y,,,,,\n`, {
      layout: "linkedin",
      now: NOW,
    });
    expect(report.rows[0]).toMatchObject({
      outcome: "rejected",
      reason: expect.stringMatching(/^name: must be at most 500/),
    });
  });
});
