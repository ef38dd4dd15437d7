/**
 * How the Import screen cuts a checked file into parts (web/src/screens/import/import-parts.ts):
 * at the lines where rows start, each part led by the lines before the first row, and the
 * parts' reports mapped back to the file's lines. Pure logic, no browser.
 */
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

interface Row {
  line: number;
  outcome: string;
  reason: string | null;
  warnings: unknown[];
}
interface Report {
  created: number;
  rejected: number;
  rows: Row[];
}
interface Part {
  text: string;
  rows: number;
  lineOffset: number;
}
interface PartsModule {
  fileLines(text: string): string[];
  importParts(text: string, rows: { line: number }[], rowsPerPart?: number): Part[];
  emptyReport(layout: string, dryRun: boolean): Report;
  addReport(total: Report, part: Report, lineOffset: number): Report;
}

const WEB_SRC = resolve(import.meta.dirname, "../../web/src/screens/import");
let fileLines: PartsModule["fileLines"];
let importParts: PartsModule["importParts"];
let emptyReport: PartsModule["emptyReport"];
let addReport: PartsModule["addReport"];

beforeAll(async () => {
  // Loaded by path (a variable), so the server's tsc never type-checks web code.
  const m = (await import(join(WEB_SRC, "import-parts.ts"))) as PartsModule;
  ({ fileLines, importParts, emptyReport, addReport } = m);
});

describe("importParts", () => {
  it("counts lines as the server does: CRLF, LF or CR", () => {
    expect(fileLines("a\r\nb\nc\rd")).toEqual(["a", "b", "c", "d"]);
  });

  it("sends a file of few rows whole", () => {
    const text = "h\nr1\nr2\n";
    expect(importParts(text, [{ line: 2 }, { line: 3 }], 5)).toEqual([
      { text, rows: 2, lineOffset: 0 },
    ]);
  });

  it("cuts at row starts, repeats the header, keeps a row spanning lines whole", () => {
    const text = ["notes", "", "h", "r1", '"r2', 'still r2"', "r3", "r4", ""].join("\n");
    const rows = [{ line: 4 }, { line: 5 }, { line: 7 }, { line: 8 }];
    const parts = importParts(text, rows, 2);
    expect(parts.map((p) => p.text)).toEqual([
      ["notes", "", "h", "r1", '"r2', 'still r2"'].join("\n"),
      ["notes", "", "h", "r3", "r4", ""].join("\n"),
    ]);
    expect(parts.map((p) => p.rows)).toEqual([2, 2]);
    // Line 4 of the second part is r3, line 7 of the file.
    expect(4 + parts[1]!.lineOffset).toBe(7);
    expect(4 + parts[0]!.lineOffset).toBe(4);
  });

  it("adds up the parts' reports with the file's lines", () => {
    const part = {
      ...emptyReport("LINKEDIN", false),
      created: 1,
      rejected: 1,
      rows: [
        { line: 4, outcome: "CREATED", reason: null, warnings: [] },
        { line: 5, outcome: "REJECTED", reason: "no name", warnings: [] },
      ],
    };
    const total = addReport(addReport(emptyReport("LINKEDIN", false), part, 0), part, 3);
    expect(total.created).toBe(2);
    expect(total.rejected).toBe(2);
    expect(total.rows.map((r) => r.line)).toEqual([4, 5, 7, 8]);
  });
});
