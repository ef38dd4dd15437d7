/**
 * What a file is, from its first bytes, before it is read as text: a ZIP
 * archive (LinkedIn's export as downloaded, but also an .xlsx workbook), an
 * old Excel or other Office file (OLE2 compound file), a PDF, an image or
 * another binary file. Signatures from each format's specification (PKWARE
 * APPNOTE 4.3.7 and 4.3.16, MS-CFB 2.2, ISO 32000 7.5.2, PNG, JPEG, GIF,
 * gzip RFC 1952, SQLite's file format).
 */
import { detectEncoding } from "./detect-encoding.js";

export type FileKind = "text" | "zip" | "ole2" | "pdf" | "binary";

/** Bytes of the head looked at for the share of control bytes. */
export const FILE_KIND_SAMPLE_BYTES = 4096;
/** Above this share of control bytes (not tab, line feed, form feed or carriage return), a file is binary, not text with a stray NUL. */
const BINARY_SHARE = 0.1;

const startsWith = (head: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((b, i) => head[i] === b);

/** Binary formats people export by mistake, named for the message. */
const NAMED_BINARIES: readonly { name: string; signature: readonly number[] }[] = [
  { name: "a PNG image", signature: [0x89, 0x50, 0x4e, 0x47] },
  { name: "a JPEG image", signature: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", signature: [0x47, 0x49, 0x46, 0x38] },
  { name: "a gzip-compressed file", signature: [0x1f, 0x8b] },
  { name: "an SQLite database", signature: [...new TextEncoder().encode("SQLite format 3"), 0] },
];

/** The kind of a file from its first bytes, and for a named binary its name. */
export function fileKind(head: Uint8Array): { kind: FileKind; name?: string } {
  // "PK\3\4" starts an archive with entries, "PK\5\6" an empty one.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: "zip" };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: "ole2" };
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: "pdf" };
  const named = NAMED_BINARIES.find((b) => startsWith(head, b.signature));
  if (named !== undefined) return { kind: "binary", name: named.name };
  const encoding = detectEncoding(head);
  if (encoding === "utf-16le" || encoding === "utf-16be") return { kind: "text" };
  const sample = head.subarray(0, FILE_KIND_SAMPLE_BYTES);
  let control = 0;
  for (const b of sample)
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  return control > sample.length * BINARY_SHARE ? { kind: "binary" } : { kind: "text" };
}

/** What to tell a user who gave a file that is not a contact file, and how to go on. */
export function notContactsMessage(kind: Exclude<FileKind, "text" | "zip">, name?: string): string {
  switch (kind) {
    case "ole2":
      return "this is an old Excel workbook (.xls) or another Microsoft Office file, not a contact file; open it in Excel, save it as CSV UTF-8 (comma delimited), and import that";
    case "pdf":
      return "this is a PDF, not a contact file; export your contacts as CSV or vCard (.vcf) from the program that holds them, and import that";
    case "binary":
      return `this is ${name ?? "a binary file"}, not a contact file; import a CSV (LinkedIn, Google, Outlook) or a vCard (.vcf)`;
    default: {
      const never: never = kind;
      throw new TypeError(`unknown file kind ${String(never)}`);
    }
  }
}
