/**
 * Reads one file out of a ZIP archive in the browser (PKWARE APPNOTE 4.3: the end record, the
 * central directory, the entry's local header; stored or deflated entries, inflated with the
 * browser's own DecompressionStream("deflate-raw")). Enough for LinkedIn's export, whose
 * Connections.csv is what the API imports: the API takes text, not archives. Encrypted and
 * ZIP64 archives are refused in words; an entry is never inflated past `maxBytes`.
 */

export class ZipReadError extends Error {}

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries listed in the archive's central directory. */
export function zipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipReadError("This file is not a ZIP archive, or it is damaged.");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff)
    throw new ZipReadError("This ZIP archive is too large to open here (ZIP64).");
  const decoder = new TextDecoder();
  const entries: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipReadError("This ZIP archive is damaged: its list of files cannot be read.");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes, inflated; refuses encrypted entries and more than `maxBytes`. */
export async function zipEntryBytes(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  maxBytes: number,
): Promise<Uint8Array> {
  if (entry.flags & 1) throw new ZipReadError(`${entry.name} is encrypted in this archive.`);
  if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff)
    throw new ZipReadError("This ZIP archive is too large to open here (ZIP64).");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw new ZipReadError("This ZIP archive is damaged: a file's header cannot be read.");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw tooLarge(entry.name);
    return data;
  }
  if (entry.method !== 8)
    throw new ZipReadError(`${entry.name} is compressed in a way this page cannot open.`);
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(entry.name);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError(`${entry.name} is damaged in this archive and cannot be read.`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const tooLarge = (name: string) =>
  new ZipReadError(`${name} is larger than this page imports; import it with the command line.`);
