/**
 * Contract: imports decide their matches inside the write transaction, so
 * imports of the same file running at the same time find each person once.
 * Run by store-contract.ts against every adapter.
 */
import { describe, expect, it } from "vitest";
import { importContacts, type NetworkStore } from "../graph/index.js";

const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
// Rows without URL or e-mail (matched by name with company), with a URL, with an e-mail, and a name alone.
const ROWS = [
  "Ada,Park,,,Acme,CEO,15 Mar 2024",
  "Ben,Okafor,,,Acme,CTO,16 Mar 2024",
  "Chen,Wu,,,Northwind,Engineer,17 Mar 2024",
  "Ada,Park,,,Contoso,Advisor,18 Mar 2024",
  "Dara,Nolan,https://www.linkedin.com/in/dara-nolan,,Northwind,Designer,19 Mar 2024",
  "Eli,Stone,https://www.linkedin.com/in/eli-stone,,,,20 Mar 2024",
  "Fay,Lund,,fay@example.org,Contoso,Analyst,21 Mar 2024",
  "Gus,Moreau,,gus@example.org,,,22 Mar 2024",
  "Hana,Ito,,,,,23 Mar 2024",
];
/** Distinct people in ROWS: the two Ada Parks work at different companies, so they are two people. */
const PEOPLE = ROWS.length;
const JOBS = ROWS.filter((r) => r.split(",")[4] !== "").length;
const ORGANIZATIONS = 3;
const IMPORTS = 8;

export function importConcurrencyContract(
  getStore: () => NetworkStore,
  newOwner: () => Promise<{ owner: string; selfId: string }>,
): void {
  describe("concurrent imports", () => {
    it("finds each person, tie, job and organization once after 8 imports of the same file at the same time", async () => {
      const store = getStore();
      const { owner, selfId } = await newOwner();
      const csv = [HEADER, ...ROWS].join("\r\n");
      // Small batches, so the imports interleave between transactions even on a store that runs one call at a time.
      const reports = await Promise.all(
        Array.from({ length: IMPORTS }, () =>
          importContacts(store, owner, csv, { layout: "linkedin", batchSize: 2 }),
        ),
      );

      const network = await store.loadNetwork(owner);
      const others = network.people.filter((p) => p.id !== selfId);
      expect(others).toHaveLength(PEOPLE);
      expect(network.organizations.map((o) => o.name).sort()).toEqual([
        "Acme",
        "Contoso",
        "Northwind",
      ]);
      expect(network.organizations).toHaveLength(ORGANIZATIONS);
      expect(network.employments).toHaveLength(JOBS);
      expect(network.ties.filter((t) => t.personA === selfId || t.personB === selfId)).toHaveLength(
        PEOPLE,
      );
      expect(network.ties).toHaveLength(PEOPLE);

      // Reports are truthful: each row is created by exactly one import; the others found it.
      expect(reports.reduce((sum, r) => sum + r.created, 0)).toBe(PEOPLE);
      for (const line of reports[0]!.rows.map((r) => r.line)) {
        const outcomes = reports.map((r) => r.rows.find((row) => row.line === line)!.outcome);
        expect(
          outcomes.filter((o) => o === "created"),
          `line ${line}`,
        ).toHaveLength(1);
        expect(outcomes.every((o) => o === "created" || o === "updated" || o === "unchanged")).toBe(
          true,
        );
      }
      // Every import names the same stored person for a row.
      const idsOf = (i: number) => reports[i]!.rows.map((r) => r.personId);
      for (let i = 1; i < IMPORTS; i++) expect(idsOf(i)).toEqual(idsOf(0));
      expect(new Set(idsOf(0)).size).toBe(PEOPLE);
    });

    it("matches a row another import created meanwhile as unchanged, not created", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      const csv = [HEADER, ROWS[0]].join("\r\n");
      const first = await importContacts(store, owner, csv, { layout: "linkedin" });
      const version = await store.version(owner);
      const second = await importContacts(store, owner, csv, { layout: "linkedin" });
      expect([first.created, second.created, second.unchanged]).toEqual([1, 0, 1]);
      expect(second.rows[0]!.personId).toBe(first.rows[0]!.personId);
      expect(await store.version(owner)).toBe(version);
    });
  });
}
