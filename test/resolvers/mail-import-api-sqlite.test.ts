/** importMail and importCalendar over GraphQL, on SQLite: text in, a report with every skip reason out. */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { graphqlHarness } from "../api/graphql-harness.js";

const inbox = readFileSync(new URL("../fixtures/mail/inbox.mbox", import.meta.url), "utf8");
const calendar = readFileSync(
  new URL("../fixtures/calendar/calendar.ics", import.meta.url),
  "utf8",
);
const MAIL = `mutation($text: String!, $me: [String!], $dry: Boolean) { importMail(text: $text, me: $me, dryRun: $dry) { dryRun messages counted created unchanged oneWayUnknown peopleCreated ties skipped { reason count } } }`;
const CALENDAR = `mutation($text: String!) { importCalendar(text: $text) { events counted occurrences created peopleCreated skipped { reason count } } }`;

describe("mail and calendar imports over GraphQL", () => {
  const harness = graphqlHarness(
    async () => new SqliteStore({ path: ":memory:" }),
    () => new Date("2026-11-30T00:00:00Z"),
  );

  it("shows which interactions were imported, from what, and which are a colleague's", async () => {
    const owner = `mail-${randomUUID()}`;
    await harness.store().ensureOwner(owner, { name: "Me", emails: ["me@acme.example"] });
    await harness.run(owner, MAIL, { text: inbox, me: ["me@gmail.com"] });
    const eve = await harness.run(
      owner,
      `{ people(filter: { text: "Eve" }) { edges { node { id interactions { kind colleague sourceKey } } } } }`,
    );
    expect(eve.errors).toBeUndefined();
    const node = eve.data?.people.edges[0].node;
    expect(node.interactions.length).toBeGreaterThan(0);
    for (const i of node.interactions) {
      expect(i).toMatchObject({ kind: "EMAIL", colleague: true });
      expect(i.sourceKey).toMatch(/^mail:.+>eve@acme\.example$/);
    }
    const logged = await harness.run(
      owner,
      `mutation($p: ID!) { logInteraction(input: { personId: $p, kind: CALL, at: "2026-11-29T10:00:00Z" }) { colleague sourceKey } }`,
      { p: node.id },
    );
    expect(logged.errors).toBeUndefined();
    expect(logged.data?.logInteraction).toEqual({ colleague: false, sourceKey: null });
  });

  it("imports an mbox's text, a dry run first, and a second time changes nothing", async () => {
    const owner = `mail-${randomUUID()}`;
    await harness.store().ensureOwner(owner, { name: "Me", emails: ["me@acme.example"] });
    const dry = await harness.run(owner, MAIL, { text: inbox, me: ["me@gmail.com"], dry: true });
    expect(dry.errors).toBeUndefined();
    expect(dry.data?.importMail).toMatchObject({
      dryRun: true,
      messages: 14,
      counted: 7,
      created: 4,
    });
    const real = (await harness.run(owner, MAIL, { text: inbox, me: ["me@gmail.com"] })).data
      ?.importMail;
    expect(real).toMatchObject({ messages: 14, created: 4, peopleCreated: 2, oneWayUnknown: 3 });
    expect(real.skipped).toContainEqual({ reason: "mailing_list", count: 2 });
    const again = (await harness.run(owner, MAIL, { text: inbox, me: ["me@gmail.com"] })).data
      ?.importMail;
    expect(again).toMatchObject({ created: 0, unchanged: 4, peopleCreated: 0 });
  });

  it("refuses a bad --me and text over the limit, by code and field", async () => {
    const owner = `mail-${randomUUID()}`;
    await harness.store().ensureOwner(owner, { name: "Me" });
    const noMe = await harness.run(owner, MAIL, { text: inbox });
    expect(noMe.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "me" });
    const big = await harness.run(owner, MAIL, {
      text: "x".repeat(1_000_001),
      me: ["me@acme.example"],
    });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "text" });
  });

  it("imports a calendar's text at the request's time", async () => {
    const owner = `cal-${randomUUID()}`;
    await harness.store().ensureOwner(owner, { name: "Me", emails: ["me@acme.example"] });
    const result = await harness.run(owner, CALENDAR, { text: calendar });
    expect(result.errors).toBeUndefined();
    expect(result.data?.importCalendar).toMatchObject({
      events: 7,
      counted: 3,
      occurrences: 18,
      created: 18,
      peopleCreated: 3,
    });
    expect(result.data?.importCalendar.skipped).toContainEqual({ reason: "declined", count: 1 });
  });
});
