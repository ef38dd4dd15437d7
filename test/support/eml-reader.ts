/**
 * A small RFC 5322 reader for the tests: splits an .eml into its header
 * fields (unfolded, RFC 2047 "B" encoded words decoded) and its body (RFC
 * 2045 quoted-printable decoded), as a mail client would show them.
 */

export interface EmlField {
  name: string;
  value: string;
}

const decodeWords = (value: string): string =>
  value
    .replace(/\?= =\?/g, "?==?")
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) =>
      Buffer.from(b64, "base64").toString("utf8"),
    );

/** The header fields in order; a line that is neither a field nor a continuation throws. */
export function emlFields(eml: string): EmlField[] {
  const end = eml.indexOf("\r\n\r\n");
  if (end < 0) throw new Error("no blank line after the header");
  return eml
    .slice(0, end)
    .replace(/\r\n[ \t]/g, " ")
    .split("\r\n")
    .map((line) => {
      const m = /^([!-9;-~]+):[ \t]?(.*)$/.exec(line);
      if (m === null) throw new Error(`not a header field: ${JSON.stringify(line)}`);
      return { name: m[1]!, value: decodeWords(m[2]!) };
    });
}

/** The body as text: soft line breaks joined, =XX decoded as UTF-8, CRLF read as "\n". */
export function emlBody(eml: string): string {
  const joined = eml.slice(eml.indexOf("\r\n\r\n") + 4).replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=") {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n");
}
