import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { importContacts } from "../../../src/graph/import/import-contacts.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { CONTROL_CHARACTER } from "../../../src/graph/model/control-characters.js";
import { personSpec } from "../../../src/graph/model/person.js";
import { organizationSpec } from "../../../src/graph/model/organization.js";
import { tieSpec } from "../../../src/graph/model/tie.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { graphqlHarness } from "../../api/graphql-harness.js";
import { expectError } from "../../../src/testing.js";
import { collect } from "../../support/import-samples.js";

/** Every control character no stored text may hold: C0 but tab, LF and CR; DEL; C1. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter(
    (c) => c !== 0x09 && c !== 0x0a && c !== 0x0d,
  ),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
].map((c) => String.fromCharCode(c));

describe("control characters in imported files", () => {
  it("strips NUL, ESC, DEL and C1 from every text field of a row, with a warning naming each field, and keeps the row", async () => {
    const text = [
      "First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title,Categories,Notes,Web Page",
      `Ada\0,Love\x1b[31mlace,ada@exam\0ple.org,+44 20\x7f 5550 0100,Ana\x9blytical,Mathe\x00matician,Cli\x01ents,"Line one\r\n\tindented\x00 line",https://www.linkedin.com/in/\x00ada`,
    ].join("\r\n");
    const [row] = await collect((await readContacts(text, "outlook")).rows);
    expect(row).toEqual({
      line: 2,
      person: {
        name: "Ada Love[31mlace",
        emails: ["ada@example.org"],
        phones: ["+44 20 5550 0100"],
        profileUrl: "https://www.linkedin.com/in/ada",
        title: "Mathematician",
        categories: ["client"],
        notes: "Line one\n\tindented line",
      },
      company: "Analytical",
      warnings: [
        // First and last name are one field: the person's name.
        { field: "name", reason: "2 control characters removed (the first U+0000)" },
        { field: "categories", reason: "1 control character removed (the first U+0001)" },
        { field: "emails", reason: "1 control character removed (the first U+0000)" },
        { field: "phones", reason: "1 control character removed (the first U+007F)" },
        { field: "profileUrl", reason: "1 control character removed (the first U+0000)" },
        { field: "title", reason: "1 control character removed (the first U+0000)" },
        { field: "notes", reason: "1 control character removed (the first U+0000)" },
        { field: "company", reason: "1 control character removed (the first U+009B)" },
      ],
    });
  });

  it("stores no control character from any of them, and reports the warnings in the import report", async () => {
    const store = new SqliteStore({ path: ":memory:" });
    await store.init();
    const owner = `ctl-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    const rows = CONTROLS.map((c, i) => `First${c}${i},Last,,,Ac${c}me,Ti${c}tle,15 Mar 2024`);
    const report = await importContacts(
      store,
      owner,
      ["First Name,Last Name,URL,Email Address,Company,Position,Connected On", ...rows].join("\n"),
      { layout: "linkedin" },
    );
    expect([report.created, report.rejected]).toEqual([CONTROLS.length, 0]);
    expect(report.rows.every((r) => r.warnings.length === 3)).toBe(true);
    const network = await store.loadNetwork(owner);
    const texts = JSON.stringify(network);
    expect(CONTROL_CHARACTER.test(texts.replace(/\\u00[0-1][0-9a-f]|\\u007f/gi, "\u0000"))).toBe(
      false,
    );
    for (const person of network.people)
      expect(CONTROL_CHARACTER.test(`${person.name}${person.title ?? ""}`)).toBe(false);
    expect(network.organizations.map((o) => o.name)).toEqual(["Acme"]);
    await store.close();
  });
});

describe("control characters given to the model", () => {
  it("refuses each one with BAD_USER_INPUT naming the field, in text fields and list items of every kind", async () => {
    for (const c of CONTROLS) {
      expect(
        () => personSpec.create({ name: `Ada${c}` }),
        `U+${c.charCodeAt(0).toString(16)}`,
      ).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field: "name" }));
    }
    expect(() => personSpec.create({ name: "Ada", tags: ["ok", "b\0d"] })).toThrow(
      expect.objectContaining({ field: "tags[1]" }),
    );
    expect(() => personSpec.create({ name: "Ada", emails: ["a\0@example.org"] })).toThrow(
      expect.objectContaining({ field: "emails[0]" }),
    );
    expect(() => organizationSpec.create({ name: "Acme\x1b" })).toThrow(
      expect.objectContaining({ field: "name" }),
    );
    expect(() => tieSpec.create({ personA: "per_a", personB: "per_b", notes: "x\x9by" })).toThrow(
      expect.objectContaining({ field: "notes" }),
    );
  });

  it("keeps tabs and line breaks in notes", () => {
    expect(personSpec.create({ name: "Ada", notes: "one\r\n\ttwo" }).notes).toBe("one\r\n\ttwo");
  });
});

describe("control characters over GraphQL", () => {
  const harness = graphqlHarness(async () => new SqliteStore({ path: ":memory:" }));
  const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name } }`;

  it("refuses a NUL in createPerson with BAD_USER_INPUT on the field, and stores nothing", async () => {
    const owner = `ctl-${randomUUID()}`;
    await harness.store().ensureOwner(owner, { name: "Me" });
    const name = await harness.run(owner, CREATE, { input: { name: "Ada\u0000Lovelace" } });
    expect(name.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    const tag = await harness.run(owner, CREATE, {
      input: { name: "Ada", tags: ["fine", "bell\u0007"] },
    });
    expect(tag.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "tags[1]" });
    expect(
      (await harness.run(owner, "{ people(first: 5) { totalCount } }")).data?.people.totalCount,
    ).toBe(1);
  });

  it("strips them from an imported file's text and answers the warnings on each row", async () => {
    const owner = `ctl-${randomUUID()}`;
    await harness.store().ensureOwner(owner, { name: "Me" });
    const text =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda\u0000,Lovelace,,,Acme,,31 Feb 2024\n";
    const result = await harness.run(
      owner,
      `mutation($text: String!) { importContacts(format: AUTO, text: $text) { created rows { line outcome warnings { field reason } } } }`,
      { text },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.importContacts).toEqual({
      created: 1,
      rows: [
        {
          line: 2,
          outcome: "CREATED",
          warnings: [
            { field: "name", reason: "1 control character removed (the first U+0000)" },
            {
              field: "connectedOn",
              reason: '"2024-02-31" is not a valid calendar date; the value was left out',
            },
          ],
        },
      ],
    });
  });
});

// The model rejects; the import strips: a direct caller can fix what it sends, a file from another program is not the user's to fix.
it("uses one definition of a control character for both", async () => {
  await expectError(
    Promise.resolve().then(() => personSpec.create({ name: "\x85" })),
    ErrorCode.BAD_USER_INPUT,
    "name",
  );
  const [row] = await collect(
    (
      await readContacts(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA\x85da,L,,,,,\n",
        "linkedin",
      )
    ).rows,
  );
  expect(row?.person?.name).toBe("Ada L");
});
