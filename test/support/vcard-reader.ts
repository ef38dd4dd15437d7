/**
 * A small vCard reader for the tests: unfolds continuation lines (RFC 6350
 * section 3.2), splits each content line into its name and its components,
 * and undoes the text escapes (section 3.4), as an address book would.
 */

export interface VcardProperty {
  name: string;
  /** Components split on unescaped `;`, each split on unescaped `,`, unescaped. */
  values: string[][];
}

/** Unfolds and parses vCard text into cards of properties. */
export function parseVcards(text: string): VcardProperty[][] {
  const unescape = (s: string) =>
    s.replace(/\\([\\,;nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
  const cards: VcardProperty[][] = [];
  let card: VcardProperty[] | null = null;
  for (const line of text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN") card = [];
    else if (name === "END") {
      cards.push(card!);
      card = null;
    } else
      card!.push({
        name,
        values: splitUnescaped(value, ";").map((component) =>
          splitUnescaped(component, ",").map(unescape),
        ),
      });
  }
  return cards;
}

/** Splits on a separator that is not escaped by a backslash (an escaped backslash does not escape). */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") {
      current += s[i]! + (s[i + 1] ?? "");
      i++;
    } else if (s[i] === sep) {
      out.push(current);
      current = "";
    } else current += s[i];
  }
  out.push(current);
  return out;
}
