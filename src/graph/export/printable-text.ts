/**
 * The one rule for every value written to a text, CSV, vCard, GraphML, GEXF or
 * mail export: nothing in a value may pass for the file's own structure, or
 * reach its reader as a control character.
 *
 * - Line breaks of every kind (CRLF, CR, LF, VT, FF, NEL U+0085, LINE and
 *   PARAGRAPH SEPARATOR U+2028/U+2029) end a line for some reader, so a value
 *   holding one could forge a header or a record. In a one-line value they
 *   become a space (words stay apart); in a multi-line value (a message body)
 *   they become "\n", which the format then writes its own way.
 * - A tab becomes a space in a one-line value and stays in a multi-line one.
 * - Every other C0 and C1 control character (NUL, ESC, DEL, ...) is dropped:
 *   no reader needs one, and XML 1.0 cannot carry most of them even escaped.
 * - The bidi embedding, override and isolate controls (U+202A-U+202E,
 *   U+2066-U+2069) are dropped: an override can make `<evil@example.com>`
 *   read as another address (Trojan Source, CVE-2021-42574), and right-to-left
 *   names display correctly without them. The marks U+200E/U+200F stay: they
 *   cannot reorder text across them.
 * - Lone surrogates are dropped: UTF-8 cannot encode them.
 *
 * Only notes are multi-line in warmpath, and the network exports leave notes
 * out, so the network exports write every value as one line; drafts' bodies
 * are the multi-line values.
 */

const LINE_BREAK = /\r\n|[\n\r\v\f\x85\u2028\u2029]/g;
const UNPRINTABLE = /[\0-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;

/** Whether a value is one line (names, titles, addresses) or may hold several (a message body). */
export type TextLines = "one" | "many";

/** `value` as an export writes it: line breaks made a space (or "\n" in multi-line text), control characters dropped. */
export function printableText(value: string, lines: TextLines = "one"): string {
  const broken = value.replace(LINE_BREAK, lines === "one" ? " " : "\n");
  return (lines === "one" ? broken.replace(/\t/g, " ") : broken).replace(UNPRINTABLE, "");
}
