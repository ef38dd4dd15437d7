import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { importContacts, type ImportReport } from "../../../src/graph/import/import-contacts.js";
import { ImportRecords } from "../../../src/graph/import/import-records.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { dataOf, newRecord } from "../../../src/graph/store/record-ops.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";
import { sample } from "../../support/import-samples.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const STAMP = "2026-11-30T10:00:00.000Z";
const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

describe("the records an import row adds", () => {
  const records = new ImportRecords("owner-1", STAMP);
  const same = <T extends { id: string; ownerId: string; createdAt: string }>(
    ours: T,
    model: T,
  ) => {
    expect(ours).toEqual({ ...model, id: ours.id });
    expect(ours.id.slice(0, 4)).toBe(model.id.slice(0, 4));
    expect(ours.id).not.toBe(model.id);
  };

  it("are the employer, job and LinkedIn tie the model builds from the same values", () => {
    for (const name of ["Acme", "Fabrikam, Inc.", "Ünïcode Ltd"])
      same(records.organization(name), newRecord("owner-1", "organization", { name }, STAMP));
    for (const title of [null, "Engineer, Level 3"])
      same(
        records.employment("per_1", "org_1", title),
        newRecord(
          "owner-1",
          "employment",
          { personId: "per_1", organizationId: "org_1", title },
          STAMP,
        ),
      );
    for (const [self, other] of [
      ["per_a", "per_b"],
      ["per_b", "per_a"],
    ] as const)
      for (const since of [null, "2024-02-29"])
        same(
          records.linkedinTie(self, other, since),
          newRecord(
            "owner-1",
            "tie",
            { personA: self, personB: other, provenance: "linkedin", since },
            STAMP,
          ),
        );
    expect(dataOf("tie", records.linkedinTie("per_b", "per_a", null))).toMatchObject({
      personA: "per_a",
      personB: "per_b",
    });
  });

  it("refuse a tie from the owner to themselves with the model's BAD_USER_INPUT on personB", async () => {
    await expectError(
      (async () => records.linkedinTie("per_a", "per_a", null))(),
      ErrorCode.BAD_USER_INPUT,
      "personB",
    );
  });
});

describe("planning imports batch by batch", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());

  async function newOwner(): Promise<string> {
    const owner = `planning-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    return owner;
  }
  const outcomes = (report: ImportReport) =>
    report.rows.map((r) => [r.line, r.outcome, r.reason, r.warnings]);

  // Eight people, each always with their own name, URL and e-mail when the row has one: rows
  // vary in which keys they give, their company (or none), title and date (one impossible).
  const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Ada", "Grace"];
  const LAST = ["Park", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Stone", "Lund"];
  const row = fc.record({
    i: fc.nat(7),
    url: fc.boolean(),
    email: fc.constantFrom("", "own", "shared"),
    company: fc.constantFrom("", "Acme", "Contoso", "acme "),
    title: fc.constantFrom("", "Engineer", "CTO"),
    since: fc.constantFrom("", "15 Mar 2024", "01 Jan 2020", "31 Feb 2020"),
  });
  type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;
  const file = (rows: readonly Row[]) =>
    [
      HEADER,
      ...rows.map((r) =>
        [
          FIRST[r.i],
          LAST[r.i],
          r.url ? `https://www.linkedin.com/in/p${r.i}` : "",
          r.email === "own"
            ? `e${r.i}@example.com`
            : r.email === "shared"
              ? "team@example.com"
              : "",
          r.company,
          r.title,
          r.since,
        ].join(","),
      ),
    ].join("\r\n");
  // Files where no two people share an e-mail, so no row moves a key from one person to another.
  const ownKeys = fc.array(
    row.map((r) => ({ ...r, email: r.email === "shared" ? "own" : r.email })),
    { maxLength: 14 },
  );
  // Files where people share an e-mail: a row then merges into, renames or re-keys another person.
  const files = fc.array(row, { maxLength: 14 });

  it("gives every row the same outcome whatever the batch size (property)", async () => {
    await fc.assert(
      fc.asyncProperty(ownKeys, fc.integer({ min: 1, max: 6 }), async (rows, batchSize) => {
        const csv = file(rows);
        const [one, small] = [await newOwner(), await newOwner()];
        const whole = await importContacts(store, one, csv, { layout: "linkedin", now: NOW });
        const batched = await importContacts(store, small, csv, {
          layout: "linkedin",
          now: NOW,
          batchSize,
        });
        expect(outcomes(batched)).toEqual(outcomes(whole));
        const size = async (owner: string) => {
          const net = await store.loadNetwork(owner);
          return [net.people, net.ties, net.employments, net.organizations].map((r) => r.length);
        };
        expect(await size(small)).toEqual(await size(one));
      }),
      { numRuns: 40 },
    );
  });

  it("reports in a dry run, batch by batch, what one import of the file then does to a network that already has people (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        files,
        files,
        fc.integer({ min: 1, max: 6 }),
        async (first, second, size) => {
          const owner = await newOwner();
          await importContacts(store, owner, file(first), { layout: "linkedin", now: NOW });
          const version = await store.version(owner);
          const options = { layout: "linkedin" as const, now: NOW };
          const dry = await importContacts(store, owner, file(second), {
            ...options,
            dryRun: true,
            batchSize: size,
          });
          expect(await store.version(owner)).toBe(version);
          const real = await importContacts(store, owner, file(second), options);
          expect(outcomes(dry)).toEqual(outcomes(real));
          expect(dry.rows.filter((r) => r.personId === null).length).toBe(
            real.created + real.rejected + real.skipped,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("still finds a namesake at the same company by name after a merge renamed the other one", async () => {
    const owner = await newOwner();
    const stored = [
      HEADER,
      "Ada,Park,https://www.linkedin.com/in/ada-1,,Acme,CEO,",
      "Ada,Park,https://www.linkedin.com/in/ada-2,,Acme,CTO,",
    ].join("\r\n");
    await importContacts(store, owner, stored, { layout: "linkedin", now: NOW });
    for (const batchSize of [1, 1_000]) {
      const report = await importContacts(
        store,
        owner,
        [
          HEADER,
          // Renames whichever Ada Park holds ada-2, then asks for an Ada Park at Acme by name alone.
          "Ken,Thompson,https://www.linkedin.com/in/ada-2,,Acme,CTO,",
          "Ada,Park,,,Acme,CEO,",
          "Ada,Park,https://www.linkedin.com/in/ada-2,,Acme,CTO,",
        ].join("\r\n"),
        { layout: "linkedin", now: NOW, batchSize },
      );
      expect(report.rows.map((r) => r.outcome)).toEqual(["updated", "unchanged", "updated"]);
    }
  });

  it("reads only each batch's records in a dry run, never the whole network", async () => {
    const owner = await newOwner();
    await importContacts(store, owner, sample("linkedin-connections.csv"), { now: NOW });
    const views: number[] = [];
    const watched = new Proxy(store, {
      get(target, key, receiver) {
        if (key === "list" || key === "loadNetwork")
          return () => Promise.reject(new Error(`a dry run called ${String(key)}`));
        if (key === "readImportView")
          return async (...args: Parameters<NetworkStore["readImportView"]>) => {
            const view = await target.readImportView(...args);
            views.push(view.people.length);
            return view;
          };
        return Reflect.get(target, key, receiver);
      },
    });
    const dry = await importContacts(watched, owner, sample("linkedin-connections.csv"), {
      now: NOW,
      dryRun: true,
      batchSize: 5,
    });
    // 14 readable rows: batches of 5, 5 and 4, each seeing only its own people.
    expect(views).toEqual([5, 5, 4]);
    expect(dry.unchanged).toBe(14);
  });
});
