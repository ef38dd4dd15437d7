import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";
import { immediateFollowUps } from "../../../src/graph/habits/immediate-follow-ups.js";
import { nextContacts } from "../../../src/graph/habits/next-contacts.js";
import { importContacts, type ImportReport } from "../../../src/graph/import/import-contacts.js";
import { listAll } from "../../../src/graph/store/list-all.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";
import { sample } from "../../support/import-samples.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const counts = (r: ImportReport) => ({
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  skipped: r.skipped,
  rejected: r.rejected,
});

describe("importing contact files", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());

  async function newOwner(): Promise<string> {
    const owner = `import-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    return owner;
  }
  const run = (owner: string, file: string, options: Parameters<typeof importContacts>[3] = {}) =>
    importContacts(store, owner, sample(file), { now: NOW, ...options });

  it("imports a LinkedIn export: one person per profile, ties from the owner, employers, blank rows skipped", async () => {
    const owner = await newOwner();
    const report = await run(owner, "linkedin-connections.csv");
    expect(report.layout).toBe("linkedin");
    // 14 readable rows, two of them the same Grace Hopper: 13 people.
    expect(counts(report)).toEqual({
      created: 13,
      updated: 0,
      unchanged: 1,
      skipped: 2,
      rejected: 0,
    });
    expect(report.rows.every((r, i, all) => i === 0 || all[i - 1]!.line < r.line)).toBe(true);
    const people = await listAll(store, owner, "person");
    expect(people.filter((p) => !p.isSelf)).toHaveLength(13);
    const evil = people.find((p) => p.name === "Evil Cell")!;
    expect(evil.title).toBe("@SUM(1+1)");
    const self = await store.getSelf(owner);
    const ties = await listAll(store, owner, "tie", { personId: self.id });
    expect(ties).toHaveLength(13);
    expect(ties.every((t) => t.provenance === "linkedin")).toBe(true);
    const kenji = people.find((p) => p.name === "Kenji Sato")!;
    expect(ties.find((t) => t.personA === kenji.id || t.personB === kenji.id)!.since).toBe(
      "2024-02-29",
    );
    const jobs = await listAll(store, owner, "employment", { personId: kenji.id });
    const contoso = await store.get(owner, "organization", jobs[0]!.organizationId);
    expect([contoso.name, jobs[0]!.title, jobs[0]!.to]).toEqual([
      "Contoso Ltd",
      "Senior Recruiter",
      null,
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const owner = await newOwner();
    await run(owner, "linkedin-connections.csv");
    const version = await store.version(owner);
    const again = await run(owner, "linkedin-connections.csv");
    expect(counts(again)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 14,
      skipped: 2,
      rejected: 0,
    });
    expect(await store.version(owner)).toBe(version);
  });

  it("matches an older LinkedIn export to the people already there, by e-mail or by name and company", async () => {
    const owner = await newOwner();
    await run(owner, "linkedin-connections.csv");
    const before = (await listAll(store, owner, "person")).length;
    const old = await run(owner, "linkedin-connections-old-format.csv");
    expect(old.created).toBe(0);
    expect(old.updated + old.unchanged).toBe(2);
    expect((await listAll(store, owner, "person")).length).toBe(before);
  });

  it("reports a dry run exactly as the import, and writes nothing", async () => {
    const owner = await newOwner();
    const version = await store.version(owner);
    const dry = await run(owner, "linkedin-connections.csv", { dryRun: true });
    expect(await store.version(owner)).toBe(version);
    const real = await run(owner, "linkedin-connections.csv");
    expect(dry.rows.map((r) => [r.line, r.outcome, r.reason])).toEqual(
      real.rows.map((r) => [r.line, r.outcome, r.reason]),
    );
  });

  it("imports Google Contacts with categories from labels, and reports the nameless row", async () => {
    const owner = await newOwner();
    const report = await run(owner, "google-contacts.csv", { layout: "auto" });
    expect(report.layout).toBe("google");
    expect(counts(report)).toMatchObject({ created: 3, rejected: 1 });
    const rejected = report.rows.find((r) => r.outcome === "rejected")!;
    expect(rejected.reason).toBeTruthy();
    const dan = (await store.findPeople(owner, { email: "dan.k@example.com" }))[0]!;
    expect(dan.categories).toContain("family");
    expect(dan.emails).toEqual(expect.arrayContaining(["dan.k@example.com", "danny@example.org"]));
  });

  it("imports Outlook contacts, putting the list categories on Next Contact and Immediate Follow-up; UTF-16 gives the same", async () => {
    const [a, b] = [await newOwner(), await newOwner()];
    const utf8 = await run(a, "outlook-contacts.csv", { layout: "outlook" });
    const utf16 = await run(b, "outlook-contacts-utf16.csv", { layout: "auto" });
    expect(counts(utf8)).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0, rejected: 0 });
    expect(utf16.rows.map((r) => [r.line, r.outcome])).toEqual(
      utf8.rows.map((r) => [r.line, r.outcome]),
    );
    const names = async (owner: string) =>
      (await listAll(store, owner, "person")).map((p) => [p.name, p.emails, p.categories]).sort();
    expect(await names(b)).toEqual(await names(a));
    const nameOf = async (owner: string, id: string) => (await store.get(owner, "person", id)).name;
    const next = await nextContacts(store, a, { now: NOW });
    expect(await Promise.all(next.map((n) => nameOf(a, n.personId)))).toContain("Tom O'Brien");
    const waiting = await immediateFollowUps(store, a, { now: NOW });
    expect(await Promise.all(waiting.map((w) => nameOf(a, w.personId)))).toContain("Raj Patel");
  });

  it("imports vCards 3.0 and 4.0, and reports the broken card with its line", async () => {
    const owner = await newOwner();
    const report = await run(owner, "contacts.vcf");
    expect(report.layout).toBe("vcard");
    expect(counts(report)).toMatchObject({ created: 2, rejected: 1 });
    expect(report.rows.find((r) => r.outcome === "rejected")!.line).toBe(26);
    const priya = (
      await store.findPeople(owner, { profileUrl: "linkedin.com/in/priya-raman" })
    )[0]!;
    expect(priya.name).toBe("Priya Raman");
  });

  it("merges the same people across layouts instead of duplicating them", async () => {
    const owner = await newOwner();
    await run(owner, "linkedin-connections.csv");
    const vcf = await run(owner, "contacts.vcf");
    // Priya has the same LinkedIn URL in both files.
    expect(vcf.rows.find((r) => r.line === 1)!.outcome).toBe("updated");
    expect((await store.findPeople(owner, { name: "Priya Raman" })).length).toBe(1);
  });

  it("keeps the good rows when others are rejected, each with its line and reason", async () => {
    const owner = await newOwner();
    const csv =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Lovelace,,ada@example.com,,,\r\n,,,nobody@example.com,Acme,,\r\nAlan,Turing,,alan@example.com,,,,,\r\nGrace,Hopper,,grace@example.com,,,\r\n";
    const report = await importContacts(store, owner, csv, { layout: "linkedin", now: NOW });
    expect(counts(report)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 2,
    });
    expect(
      report.rows.filter((r) => r.outcome === "rejected").map((r) => [r.line, r.reason]),
    ).toEqual([
      [3, expect.stringMatching(/no name/)],
      [4, expect.stringMatching(/9 fields but the header has 7/)],
    ]);
  });

  it("leaves no half-written batch when the store fails mid-import", async () => {
    const owner = await newOwner();
    let calls = 0;
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        if (key === "importBatch") {
          // The second batch fails inside its transaction, after its view was read.
          return async (...[owner, scope, plan]: Parameters<NetworkStore["importBatch"]>) =>
            target.importBatch(owner, scope, (view) => {
              if (++calls === 2)
                throw new WarmpathError(ErrorCode.UNAVAILABLE, "the database went away");
              return plan(view);
            });
        }
        return Reflect.get(target, key, receiver);
      },
    });
    await expectError(
      importContacts(failing, owner, sample("linkedin-connections.csv"), {
        batchSize: 5,
        now: NOW,
      }),
      ErrorCode.UNAVAILABLE,
    );
    // The first batch of five rows is stored whole; nothing of the second.
    expect((await listAll(store, owner, "person")).filter((p) => !p.isSelf)).toHaveLength(5);
  });

  it("rejects text over the size limit with PAYLOAD_TOO_LARGE on the text", async () => {
    const owner = await newOwner();
    await expectError(
      importContacts(store, owner, "x".repeat(101), { maxChars: 100 }),
      ErrorCode.PAYLOAD_TOO_LARGE,
      "text",
    );
  });

  it("gives the same network whether a file is imported once or twice (property)", async () => {
    // A pool of eight people, each always written the same way; rows pick from it, repeats included.
    const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Ada", "Grace"];
    const LAST = [
      "Lovelace",
      "Hopper",
      "Turing",
      "Dijkstra",
      "Liskov",
      "Thompson",
      "Lovelace",
      "Hopper",
    ];
    const COMPANY = ["", "Acme", "Contoso", "Northwind", "Acme", "", "Contoso", "Acme"];
    const personLine = (i: number, since: string) =>
      [
        FIRST[i],
        LAST[i],
        i % 2 ? `https://linkedin.com/in/p${i}` : "",
        i % 3 ? `e${i}@example.com` : "",
        COMPANY[i],
        "Engineer",
        since,
      ].join(",");
    const row = fc.record({
      i: fc.nat(7),
      since: fc.constantFrom("", "15 Mar 2024", "01 Jan 2020"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), async (rows) => {
        const owner = await newOwner();
        const csv = [
          "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
          ...rows.map((r) => personLine(r.i, r.since)),
        ].join("\r\n");
        await importContacts(store, owner, csv, { layout: "linkedin", now: NOW });
        const snapshot = async () => {
          const net = await store.loadNetwork(owner);
          return {
            people: net.people.length,
            ties: net.ties.length,
            employments: net.employments.length,
            organizations: net.organizations.length,
          };
        };
        const once = await snapshot();
        const version = await store.version(owner);
        const again = await importContacts(store, owner, csv, { layout: "linkedin", now: NOW });
        expect(again.created + again.updated).toBe(0);
        expect(await snapshot()).toEqual(once);
        expect(await store.version(owner)).toBe(version);
      }),
      { numRuns: 40 },
    );
  });
});
