/**
 * What a report row was, in the file's own words, so a person can tell rows apart: the vCard's
 * name (FN) for a card, else the row's first line, shortened.
 */
import { fileLines } from "./import-parts";

const LONGEST = 90;

const shorten = (text: string) =>
  text.length > LONGEST ? `${text.slice(0, LONGEST - 1).trimEnd()}…` : text;

/** Returns a function giving the preview of the row starting at a line (1-based). */
export function rowPreviews(text: string): (line: number) => string {
  const lines = fileLines(text);
  return (line) => {
    const first = lines[line - 1] ?? "";
    if (/^BEGIN:VCARD/i.test(first.trim())) {
      for (let i = line; i < lines.length && !/^END:VCARD/i.test(lines[i]!.trim()); i++) {
        const fn = /^(?:[\w-]+\.)?FN[;:](?:[^:]*:)?(.*)$/i.exec(lines[i]!);
        if (fn && fn[1]!.trim() !== "") return shorten(fn[1]!.trim());
      }
    }
    return shorten(first.trim());
  };
}
