/**
 * Header text as a person reads it: the bytes of an mbox header are read as
 * latin1 by the splitter, so raw UTF-8 (common in names despite RFC 5322) is
 * decoded back when it is valid, and control characters, which the model
 * refuses, become spaces.
 */

const HIGH_BYTES = /[\x80-\xff]/;
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** A header value read as latin1, as UTF-8 when its bytes are valid UTF-8. */
export function headerText(latin1: string): string {
  if (!HIGH_BYTES.test(latin1)) return latin1;
  const utf8 = Buffer.from(latin1, "latin1").toString("utf8");
  return utf8.includes("\ufffd") ? latin1 : utf8;
}

/** One line of printable text of at most `max` characters, or null when nothing is left. */
export function oneLine(text: string | null | undefined, max = 500): string | null {
  if (text === null || text === undefined) return null;
  const line = text.replace(CONTROLS, " ").replace(/\s+/g, " ").trim().slice(0, max).trim();
  return line === "" ? null : line;
}
