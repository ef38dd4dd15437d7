/**
 * Text for XML content and attribute values (GraphML, GEXF). The value first
 * goes through `printableText`, so it is one line with no control character;
 * then the characters XML 1.0 does not allow at all, even as references
 * (U+FFFE, U+FFFF; the C0 controls and lone surrogates are already gone), are
 * dropped, and the five markup characters become entities, safe in content
 * and in attributes of either quote.
 */
import { printableText } from "./printable-text.js";

const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
});

/** A one-line value written as XML text that every XML 1.0 parser reads back unchanged. */
export function xmlText(value: string): string {
  return printableText(value)
    .replace(NOT_XML, "")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
