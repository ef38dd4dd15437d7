import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printableText } from "../../../src/graph/export/printable-text.js";
import { HOSTILE, UNPRINTABLE } from "../../support/hostile-network.js";

describe("printableText", () => {
  it("writes each hostile value as the one line written by hand for it", () => {
    for (const { raw, clean } of HOSTILE) expect(printableText(raw)).toBe(clean);
  });

  it("makes every kind of line break a space in a one-line value, a CRLF pair one space", () => {
    expect(printableText("a\r\nb\rc\nd\ve\ff\u0085g\u2028h\u2029i\tj")).toBe("a b c d e f g h i j");
  });

  it("keeps lines and tabs in a multi-line value, every kind of line break written as \\n", () => {
    expect(printableText("a\r\nb\rc\nd\u0085e\u2028f\u2029g\th", "many")).toBe(
      "a\nb\nc\nd\ne\nf\ng\th",
    );
  });

  it("drops C0 and C1 controls, DEL, bidi overrides and isolates, and lone surrogates in both modes", () => {
    const junk =
      "\u0000\u0001\u0007\u0008\u000e\u001b\u001f\u007f\u0080\u009f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\udfff\ud800"; // a low surrogate before a high one: two lone halves, not a pair
    expect(printableText(`x${junk}y`)).toBe("xy");
    expect(printableText(`x${junk}y`, "many")).toBe("xy");
  });

  it("leaves printable text alone: accents, right-to-left text with its marks, emoji, markup characters", () => {
    for (const s of [
      "Zoë Ünïcödé",
      "שלום\u200F עולם",
      "محمد\u200E",
      "🚀👩🏽‍💻",
      `<&>"' ;,\\`,
      "  two  spaces  ",
      "",
    ]) {
      expect(printableText(s)).toBe(s);
      expect(printableText(s, "many")).toBe(s);
    }
  });

  it("never writes an unprintable character, nor a line break in a one-line value, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const one = printableText(s);
        expect(one).not.toMatch(UNPRINTABLE);
        const many = printableText(s, "many");
        expect(many.replace(/[\n\t]/g, "")).not.toMatch(UNPRINTABLE);
        // Written twice, a value does not change again: re-exporting an export is stable.
        expect(printableText(one)).toBe(one);
        expect(printableText(many, "many")).toBe(many);
      }),
      { numRuns: 500 },
    );
  });
});
