/**
 * Importing and exporting over GraphQL, on any store: the mutation takes a
 * file's text and answers every row's outcome; the query gives the network back
 * as a file.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import { graphqlHarness } from "./graphql-harness.js";

const IMPORT = `mutation($text: String!, $dry: Boolean) { importContacts(format: AUTO, text: $text, dryRun: $dry) { layout dryRun created updated unchanged skipped rejected rows { line outcome reason } } }`;
const linkedin = readFileSync(
  new URL("../fixtures/imports/linkedin-connections.csv", import.meta.url),
  "utf8",
);

export function importExportSuite(name: string, makeStore: () => Promise<NetworkStore>): void {
  describe(`imports and exports over GraphQL on ${name}`, () => {
    const harness = graphqlHarness(makeStore);
    const run = harness.run;

    it("imports a LinkedIn export from its text, with a dry run first, and exports it safely", async () => {
      const owner = `io-${randomUUID()}`;
      await harness.store().ensureOwner(owner, { name: "Me" });
      const dry = await run(owner, IMPORT, { text: linkedin, dry: true });
      expect(dry.errors).toBeUndefined();
      expect(dry.data?.importContacts).toMatchObject({
        layout: "LINKEDIN",
        dryRun: true,
        created: 13,
        skipped: 2,
        rejected: 0,
      });
      expect(
        (await run(owner, "{ people(first: 5) { totalCount } }")).data?.people.totalCount,
      ).toBe(1);
      const real = (await run(owner, IMPORT, { text: linkedin })).data?.importContacts;
      expect(real.rows).toEqual(dry.data?.importContacts.rows);
      expect(
        (await run(owner, "{ people(first: 5) { totalCount } }")).data?.people.totalCount,
      ).toBe(14);
      const again = (await run(owner, IMPORT, { text: linkedin })).data?.importContacts;
      expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 14]);

      const csv = (
        await run(owner, "{ exportNetwork(format: CSV) { filename mediaType content } }")
      ).data?.exportNetwork;
      expect(csv.mediaType).toContain("text/csv");
      // The formula cells of the import come back as text a spreadsheet will not run.
      expect(csv.content).toContain("'=HYPERLINK");
      expect(csv.content).toContain("'@SUM(1+1)");
      expect(csv.content).not.toMatch(/(^|,)"?[=@]/m);
      const gexf = (await run(owner, "{ exportNetwork(format: GEXF) { content } }")).data
        ?.exportNetwork.content as string;
      expect(gexf.match(/<node /g)?.length).toBe(14);
      expect(gexf.match(/<edge /g)?.length).toBe(13);
    });

    it("refuses a file over the size limit, and an unreadable one, by code and field", async () => {
      const owner = `io-${randomUUID()}`;
      await harness.store().ensureOwner(owner, { name: "Me" });
      const big = await run(owner, IMPORT, { text: linkedin.repeat(600) });
      expect(big.errors?.[0]?.extensions).toMatchObject({
        code: "PAYLOAD_TOO_LARGE",
        field: "text",
      });
      const unknown = await run(owner, IMPORT, { text: "just,some\ncolumns,here\n" });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "format",
      });
    });
  });
}
