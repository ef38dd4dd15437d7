/**
 * A strict little XML reader for the tests, stricter than xmldom (which
 * accepts a raw `<` in an attribute, a bare `&` and control characters): one
 * root, balanced tags, quoted unique attributes, known entities only, and
 * only characters XML 1.0 allows, written or referenced.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// XML 1.0 section 2.2, Char: what a document may hold, written or as a character reference.
const NOT_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Parses `xml` into its root element, or throws naming where it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at ${i}: ${why}`);
  };
  const bad = NOT_CHAR.exec(xml);
  if (bad !== null)
    throw new Error(
      `not XML 1.0: U+${bad[0].codePointAt(0)!.toString(16).padStart(4, "0")} at ${bad.index}`,
    );
  const char = (code: number): string => {
    const c = code <= 0x10ffff ? String.fromCodePoint(code) : "\0";
    return NOT_CHAR.test(c) ? fail(`reference to a character XML 1.0 forbids: ${code}`) : c;
  };
  const decode = (s: string): string => {
    if (/[<]/.test(s)) fail("raw < in text");
    return s.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
      if (ref === undefined) return fail("bare &");
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (named[ref] !== undefined) return named[ref]!;
      if (/^#\d+$/.test(ref)) return char(Number(ref.slice(1)));
      if (/^#x[0-9a-f]+$/i.test(ref)) return char(parseInt(ref.slice(2), 16));
      return fail(`unknown entity ${all}`);
    });
  };
  const ws = () => {
    while (/\s/.test(xml[i] ?? "")) i++;
  };
  const name = (): string => {
    const m = /^[A-Za-z_][\w.:-]*/.exec(xml.slice(i));
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const element = (): XmlElement => {
    if (xml[i] !== "<") fail("expected <");
    i++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      ws();
      if (xml.startsWith("/>", i)) return ((i += 2), el);
      if (xml[i] === ">") break;
      if (i === before) fail("expected space before an attribute");
      const key = name();
      if (key in el.attributes) fail(`duplicate attribute ${key}`);
      ws();
      if (xml[i] !== "=") fail("expected =");
      i++;
      ws();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail("unquoted attribute");
      const end = xml.indexOf(quote!, i + 1);
      el.attributes[key] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    i++;
    for (;;) {
      const lt = xml.indexOf("<", i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(xml.slice(i, lt));
      i = lt;
      if (xml.startsWith("</", i)) {
        i += 2;
        if (name() !== el.name) fail(`mismatched </> for <${el.name}>`);
        ws();
        if (xml[i] !== ">") fail("expected >");
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  if (xml.startsWith("<?xml")) i = xml.indexOf("?>") + 2;
  ws();
  const root = element();
  ws();
  if (i !== xml.length) fail("content after the root element");
  return root;
}

export const all = (el: XmlElement, name: string): XmlElement[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];
