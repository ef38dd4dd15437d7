import { describe, expect, it } from "vitest";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { collect } from "../../support/import-samples.js";

const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
const outcomes = async (text: string, layout: "auto" | "outlook" = "auto") =>
  (await collect((await readContacts(text, layout)).rows)).map((r) => [
    r.line,
    r.outcome ?? "read",
    r.reason ?? r.person?.name,
  ]);

describe("rows whose field count differs from the header's", () => {
  it("rejects a short row and a long row, naming both counts, and reads the rows around them", async () => {
    const text = [
      HEADER,
      "Ada,Lovelace,,,Acme,CTO,24 Jul 2023",
      "Short,Row,,Acme,CTO",
      "Long,Row,,,Acme, Inc.,CTO,24 Jul 2023",
      "Alan,Turing,,,,,",
    ].join("\r\n");
    expect(await outcomes(text)).toEqual([
      [2, "read", "Ada Lovelace"],
      [
        3,
        "rejected",
        "the row has 5 fields but the header has 7; a missing or extra separator would put values in the wrong columns",
      ],
      [
        4,
        "rejected",
        "the row has 8 fields but the header has 7; a missing or extra separator would put values in the wrong columns",
      ],
      [5, "read", "Alan Turing"],
    ]);
  });

  it("counts fields, not line breaks: a quoted multi-line value is one field", async () => {
    const text = [
      "First Name,Last Name,E-mail Address,Company,Notes",
      'Ada,Lovelace,ada@example.org,Acme,"two\r\nlines, one field"',
      "Alan,Turing,,Acme,",
    ].join("\r\n");
    expect(await outcomes(text, "outlook")).toEqual([
      [2, "read", "Ada Lovelace"],
      [4, "read", "Alan Turing"],
    ]);
  });

  it("accepts one empty field more than the header (a separator at the end of every line), but not a non-empty one", async () => {
    const text = [
      HEADER,
      "Ada,Lovelace,,,Acme,CTO,24 Jul 2023,",
      "Alan,Turing,,,Acme,CTO,24 Jul 2023,extra",
    ].join("\n");
    const rows = await outcomes(text);
    expect(rows[0]).toEqual([2, "read", "Ada Lovelace"]);
    expect(rows[1]).toEqual([
      3,
      "rejected",
      expect.stringMatching(/8 fields but the header has 7/),
    ]);
  });

  it("skips blank lines and rows of empty fields whatever their count", async () => {
    expect(await outcomes([HEADER, "", ",,,", "Ada,Lovelace,,,,,"].join("\r\n"))).toEqual([
      [2, "skipped", "blank record"],
      [3, "skipped", "blank record"],
      [4, "read", "Ada Lovelace"],
    ]);
  });
});
