/**
 * Control characters in text: C0 (U+0000-U+001F) but tab, line feed and
 * carriage return, DEL (U+007F) and C1 (U+0080-U+009F). None of them is text a
 * person wrote: a NUL truncates strings in C libraries and some drivers, ESC
 * and C1's CSI (U+009B) start terminal escape sequences, and XML 1.0 cannot
 * carry most of them at all. Tab and line breaks are whitespace people do
 * write (in notes), so they are left to each field's own rules.
 */

/** One control character that no stored text may hold. */
export const CONTROL_CHARACTER = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const CONTROL_CHARACTERS = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/** The code point of the first control character in `text` as U+XXXX, or null when it has none. */
export function firstControlCharacter(text: string): string | null {
  const found = CONTROL_CHARACTER.exec(text);
  return found === null
    ? null
    : `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** `text` without its control characters, and how many were removed. */
export function withoutControlCharacters(text: string): { text: string; removed: number } {
  if (!CONTROL_CHARACTER.test(text)) return { text, removed: 0 };
  const cleaned = text.replace(CONTROL_CHARACTERS, "");
  return { text: cleaned, removed: text.length - cleaned.length };
}
