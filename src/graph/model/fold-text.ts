/**
 * Text folded for matching as people type it: no case, no accents (Chloé = chloe,
 * Müller = muller), and the few letters Unicode does not decompose spelled as
 * they are on an ASCII keyboard (ß = ss, ø = o, æ = ae, ł = l).
 */
const SPELLED: Readonly<Record<string, string>> = Object.freeze({
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
});

/** Only ASCII: no character of it decomposes, has a mark or is spelled out. */
const ASCII = /^[\x00-\x7f]*$/;

/** The text in lower case without diacritics, with runs of spaces made one. */
export function foldText(text: string): string {
  // Most names are plain ASCII, and a search folds every name it scans (in SQL too): for them
  // the fold is only the case and the spaces, the same as below, several times faster.
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, " ").trim();
  return foldUnicode(text);
}

/** `foldText` for any text. */
export function foldUnicode(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßøæœđðłþı]/g, (c) => SPELLED[c] ?? c)
    .replace(/\s+/g, " ")
    .trim();
}
