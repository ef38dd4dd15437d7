import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportNetwork } from "../../../src/graph/export/export-network.js";
import { CsvParser } from "../../../src/graph/import/csv-records.js";
import { importContacts } from "../../../src/graph/import/import-contacts.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { unguardedCell } from "../../../src/graph/import/warmpath-csv-layout.js";
import { nameKey } from "../../../src/graph/model/fields.js";
import { CATEGORIES } from "../../../src/graph/model/person.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

const NOW = new Date("2026-11-30T12:00:00Z");

/**
 * Text people write: letters of several scripts, spaces, punctuation a CSV must quote, and formula
 * starts the export guards. Left out, as the CSV export cannot carry them unchanged: line breaks
 * and control characters (the export writes one printable line per cell), ";" (the export's list
 * separator), and a leading "'" (the export's own formula guard).
 */
const TEXT_UNITS = [
  "a",
  "Z",
  "é",
  "ß",
  "王",
  "🤝",
  " ",
  ",",
  '"',
  "=",
  "+",
  "-",
  "@",
  "(",
  "1",
  ".",
  "'",
];
const text = (min = 0) =>
  fc
    .string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: min, maxLength: 10 })
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter((s) => s.length >= min && !s.startsWith("'"));

const networkArb = fc.record({
  people: fc.uniqueArray(
    fc.record({
      name: text(1),
      emails: fc.uniqueArray(fc.constantFrom("a", "b", "c"), { maxLength: 2 }),
      phones: fc.uniqueArray(fc.constantFrom("+1 555 0100", "+49 (30) 5550-100", "030 1234"), {
        maxLength: 2,
      }),
      url: fc.boolean(),
      title: fc.option(text(1), { nil: null }),
      location: fc.option(text(1), { nil: null }),
      categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 3 }),
      tags: fc.uniqueArray(
        text(1).map((t) => t.toLowerCase()),
        { maxLength: 2 },
      ),
      employers: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
    }),
    // Two people of one name and company are one person to the importer's matching: names are distinct.
    { selector: (p) => nameKey(p.name), maxLength: 8 },
  ),
  organizations: fc.uniqueArray(text(1), { selector: nameKey, minLength: 4, maxLength: 4 }),
});
type Network = typeof networkArb extends fc.Arbitrary<infer T> ? T : never;

describe("warmpath's own CSV export, imported again", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());

  async function build(net: Network): Promise<string> {
    const owner = `rt-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    const orgs = [];
    for (const name of net.organizations)
      orgs.push((await store.create(owner, "organization", { name })).id);
    for (const [i, p] of net.people.entries()) {
      const person = await store.create(owner, "person", {
        name: p.name,
        emails: p.emails.map((e) => `${e}${i}@example.org`),
        phones: p.phones,
        profileUrl: p.url ? `https://www.linkedin.com/in/p-${i}` : null,
        title: p.title,
        location: p.location,
        categories: p.categories,
        tags: p.tags,
      });
      for (const o of p.employers)
        await store.create(owner, "employment", {
          personId: person.id,
          organizationId: orgs[o]!,
          title: p.title,
        });
      // A former job is not in the export, and must not come back as a current one.
      if (p.employers.length === 0 && i % 2 === 0)
        await store.create(owner, "employment", {
          personId: person.id,
          organizationId: orgs[0]!,
          from: "2010-01-01",
          to: "2012-01-01",
        });
    }
    return owner;
  }

  const csvOf = async (owner: string) =>
    (await exportNetwork(store, owner, "csv", { now: NOW })).content;

  /** The export with each Company cell's employers in one order (the formula guard, which depends on the first, taken off), records parsed with the importer's own parser. */
  function employersSorted(csv: string): string {
    const parser = new CsvParser();
    const records = [...parser.push(csv), ...parser.end()];
    const company = records[0]!.cells.indexOf("Company");
    return records
      .map((r) =>
        JSON.stringify(
          r.cells.map((cell, i) =>
            i === company ? unguardedCell(cell).split("; ").sort().join("; ") : cell,
          ),
        ),
      )
      .join("\n");
  }

  it("is recognized by auto and re-imports into an empty network as the same file (property)", async () => {
    await fc.assert(
      fc.asyncProperty(networkArb, async (net) => {
        const first = await csvOf(await build(net));
        const empty = `rt-${randomUUID()}`;
        await store.ensureOwner(empty, { name: "Me" });
        const report = await importContacts(store, empty, first, { now: NOW });
        expect(report.layout).toBe("warmpath_csv");
        expect([report.created, report.rejected, report.rows.flatMap((r) => r.warnings)]).toEqual([
          net.people.length,
          0,
          [],
        ]);
        // The same file: every column the export writes survived. Ids differ (the CSV has none), and the order of a
        // person's current employers follows their jobs' ids, so the Company cell is compared as a set; everything
        // else byte for byte. Notes, ties and former jobs are not in the CSV, so they are not compared.
        expect(employersSorted(await csvOf(empty))).toBe(employersSorted(first));
        // And importing it once more changes nothing.
        const again = await importContacts(store, empty, first, { now: NOW });
        expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, net.people.length]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("reads the export's formula guard back: a cell the export prefixed with ' is the value it was", async () => {
    const csv =
      "\uFEFFName,E-mails,Phones,Profile URL,Title,Company,Categories,Tags,Location\r\n'=Eve,,'+1 555 0100; +44 20 5550 0100,,'@founder,'-Acme; Globex,former_colleague; friend,' =x; ok,'+Berlin\r\n";
    const { layout, rows } = await readContacts(csv, "auto");
    expect(layout).toBe("warmpath_csv");
    const read = [];
    for await (const row of rows) read.push(row);
    expect(read).toEqual([
      {
        line: 2,
        person: {
          name: "=Eve",
          phones: ["+1 555 0100", "+44 20 5550 0100"],
          title: "@founder",
          location: "+Berlin",
          categories: ["former_colleague", "friend"],
          tags: ["=x", "ok"],
        },
        company: "-Acme",
        moreCompanies: ["Globex"],
      },
    ]);
  });
});
