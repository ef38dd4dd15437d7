import { describe, expect, it } from "vitest";
import { networkCsv } from "../../../src/graph/export/network-csv.js";
import { networkVcard } from "../../../src/graph/export/network-vcard.js";
import { parseCsv } from "../../support/csv-reader.js";
import {
  expectedContact,
  HOSTILE,
  hostileNetwork,
  UNPRINTABLE,
} from "../../support/hostile-network.js";
import { parseVcards } from "../../support/vcard-reader.js";

const HEADER = [
  "Name",
  "E-mails",
  "Phones",
  "Profile URL",
  "Title",
  "Company",
  "Categories",
  "Tags",
  "Location",
];
const PROPERTIES = new Set([
  "BEGIN",
  "VERSION",
  "FN",
  "N",
  "EMAIL",
  "TEL",
  "ORG",
  "TITLE",
  "URL",
  "CATEGORIES",
  "END",
]);

/** The file with its CRLF line ends taken out: what is left must hold no line break and no control character. */
const withoutLineEnds = (content: string): string => content.replace(/\r\n/g, "");

describe("the CSV export of a hostile network", () => {
  const content = networkCsv(hostileNetwork());

  it("has one CRLF line per contact and the header, so no value forged a row", () => {
    expect(content.startsWith("\uFEFF")).toBe(true);
    expect(content.split("\r\n")).toHaveLength(1 + HOSTILE.length + 1);
    expect(withoutLineEnds(content)).not.toMatch(/[\r\n]/);
  });

  it("writes no control character, line separator, bidi override or lone surrogate", () => {
    expect(withoutLineEnds(content)).not.toMatch(UNPRINTABLE);
  });

  it("reads back, cell by cell, as the values written by hand, with the header unchanged", () => {
    const rows = parseCsv(content.slice(1));
    expect(rows[0]).toEqual(HEADER);
    expect(rows.every((r) => r.length === HEADER.length)).toBe(true);
    const byName = new Map(rows.slice(1).map((r) => [r[0]!.replace(/^'/, ""), r]));
    HOSTILE.forEach((_, i) => {
      const c = expectedContact(i);
      const row = byName.get(c.name);
      expect(row, c.name).toBeDefined();
      // A cell a spreadsheet would run gets a leading quote; nothing else differs.
      expect(row!.map((cell) => cell.replace(/^'/, ""))).toEqual([
        c.name,
        c.email,
        "",
        "",
        c.title,
        c.company,
        c.categories.join("; "),
        c.tag,
        c.location,
      ]);
    });
  });

  it("quotes the formula whose leading tab became a space", () => {
    const cells = parseCsv(content.slice(1)).flat();
    expect(cells).toContain(`' =HYPERLINK("http://evil.example")`);
    expect(cells.filter((c) => /^\s*[=+\-@]/.test(c))).toEqual([]);
  });
});

describe("the vCard export of a hostile network", () => {
  const content = networkVcard(hostileNetwork());

  it("has only the properties warmpath writes, one card per contact, so no value forged a line or a card", () => {
    expect(withoutLineEnds(content)).not.toMatch(/[\r\n]/);
    const logical = content.replace(/\r\n /g, "").split("\r\n").slice(0, -1);
    expect(
      logical
        .map((line) => line.slice(0, line.search(/[:;]/)))
        .filter((name) => !PROPERTIES.has(name)),
    ).toEqual([]);
    expect(logical.filter((line) => line === "BEGIN:VCARD")).toHaveLength(HOSTILE.length);
    expect(logical.filter((line) => line.startsWith("FN:Forged"))).toEqual([]);
  });

  it("writes no control character, line separator, bidi override or lone surrogate, in lines of at most 75 octets", () => {
    expect(withoutLineEnds(content)).not.toMatch(UNPRINTABLE);
    expect(content.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
  });

  it("reads back, property by property, as the values written by hand", () => {
    const cards = parseVcards(content);
    const byName = new Map(
      cards.map((card) => [card.find((p) => p.name === "FN")!.values[0]![0]!, card]),
    );
    HOSTILE.forEach((_, i) => {
      const c = expectedContact(i);
      const card = byName.get(c.name);
      expect(card, c.name).toBeDefined();
      const values = (prop: string) => card!.filter((p) => p.name === prop).map((p) => p.values);
      expect(values("TITLE")).toEqual([[[c.title]]]);
      expect(values("ORG")).toEqual([[[c.company]]]);
      expect(values("EMAIL")).toEqual([[[c.email]]]);
      expect(values("CATEGORIES")).toEqual([[[...c.categories, c.tag]]]);
      // N: the last word is the family name, the words before it the given names.
      const words = c.name.split(/\s+/);
      expect(values("N")).toEqual([
        [[words.at(-1)], [words.slice(0, -1).join(" ")], [""], [""], [""]],
      ]);
    });
  });
});
