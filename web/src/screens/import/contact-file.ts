/**
 * A dropped or chosen file made ready for the API, which imports text: a CSV or vCard file is
 * decoded; a ZIP (LinkedIn's export as downloaded) gives up its Connections.csv, or its one
 * contact file. The layout is guessed from the name only to start with; the server detects it.
 */
import { decodeText } from "./decode-text";
import type { ImportFormat } from "./import.documents";
import { zipEntries, zipEntryBytes, ZipReadError } from "./zip-entry";

/** The API's limit on one import's text; larger files go through the command line. */
export const IMPORT_TEXT_LIMIT = 1_000_000;

export interface ContactFile {
  /** What to call it: "Connections.csv", or "Connections.csv from export.zip". */
  label: string;
  text: string;
  encoding: string;
  /** The layout to ask for first: vCard for .vcf, else detected by the server. */
  format: ImportFormat;
}

export class ContactFileError extends Error {}

const CONTACT_FILE = /\.(csv|vcf|vcard|txt)$/i;

function contactEntryOf(entries: ReturnType<typeof zipEntries>) {
  const files = entries.filter((e) => !e.name.endsWith("/"));
  const base = (name: string) => name.split("/").pop()!.toLowerCase();
  const connections = files.find((e) => base(e.name) === "connections.csv");
  if (connections) return connections;
  const contacts = files.filter((e) => CONTACT_FILE.test(e.name));
  if (contacts.length === 1) return contacts[0]!;
  throw new ContactFileError(
    contacts.length === 0
      ? "This ZIP holds no Connections.csv and no other contact file."
      : `This ZIP holds no Connections.csv and ${contacts.length} other contact files: unzip it and drop the one to import.`,
  );
}

export async function readContactFile(file: File): Promise<ContactFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let name = file.name;
  let label = file.name;
  let content: Uint8Array = bytes;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    try {
      const entry = contactEntryOf(zipEntries(bytes));
      // UTF-16 doubles the bytes of the characters the limit counts.
      content = await zipEntryBytes(bytes, entry, IMPORT_TEXT_LIMIT * 4);
      name = entry.name.split("/").pop()!;
      label = `${name} from ${file.name}`;
    } catch (error) {
      if (error instanceof ZipReadError) throw new ContactFileError(error.message);
      throw error;
    }
  }
  const { text, encoding } = decodeText(content);
  if (text.length > IMPORT_TEXT_LIMIT)
    throw new ContactFileError(
      `${label} has ${text.length.toLocaleString("en")} characters; this page imports up to ${IMPORT_TEXT_LIMIT.toLocaleString("en")}. Import it with the command line: npx warmpath import auto ${file.name}`,
    );
  if (text.trim() === "") throw new ContactFileError(`${label} is empty.`);
  return { label, text, encoding, format: /\.(vcf|vcard)$/i.test(name) ? "VCARD" : "AUTO" };
}
