/**
 * A projection saved to a file, so a restart loads it instead of reading the
 * whole network from the store again, then applies the store's change feed
 * since the snapshot's version (warm start).
 *
 * Format 3: a short JSON header line, then sections, each starting on an
 * 8-byte boundary: the tie columns and the path index's arrays as raw
 * typed-array bytes (tie-table.ts, path-index.ts), each read into its own
 * buffer and used as it is (no decoding per tie), and last the other records
 * (people as columns, organizations, employments, memberships, interactions, favors, the
 * index's node keys) in V8's structured-clone format (`v8.serialize`). Files
 * of another format (format 1 held every tie as an object, format 2 a SHA-256)
 * are ignored: it is a cache, rebuilt from the store.
 *
 * A snapshot is used only when it can be trusted, and ignored otherwise (the
 * projection is then built from the store, as without one):
 * - the header names the owner, the format, its sections with the CRC-32 of
 *   each section's bytes, and the CRC-32 of the header's other fields (the
 *   section table with its CRCs included), so a truncated, corrupt or renamed
 *   file is detected (a section shorter than the header says, or arrays that
 *   do not make a projection, too). A CRC, not a cryptographic digest: the
 *   check value sits in the same file, so whoever can write the file can
 *   rewrite it too, and no digest stored there could detect tampering; it only
 *   has to catch corruption (a flipped byte, a burst, a cut), which a CRC-32
 *   per section does, at many times the speed of SHA-256 (a warm start of a
 *   million people checks 1.2 GB);
 * - it carries an anchor, the digest of the store's change entries at its
 *   version: a snapshot from another store (or from this store before it was
 *   restored from a backup) does not match the change feed it would resume.
 * Files hold a whole private network: they are written with mode 0600, under a
 * name derived from a digest of the owner id, atomically (temp file, rename).
 */
import { createHash } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";
import type { Employment } from "../model/employment.js";
import type { Favor } from "../model/favor.js";
import type { Interaction } from "../model/interaction.js";
import type { Membership } from "../model/membership.js";
import type { Organization } from "../model/organization.js";
import type { IndexColumns } from "../path-index/path-index.js";
import type { ChangeEntry } from "../store/change-set.js";
import type { SavedPeople } from "./saved-people.js";
import type { TieColumns } from "./tie-table.js";

const MAGIC = "warmpath-projection\n";
const FORMAT = 3;

/** The records a projection keeps besides its ties, as of `version`. */
export interface ProjectionRecords {
  version: number;
  selfId: string;
  /** People as columns, without their empty fields (saved-people.ts). */
  people: SavedPeople;
  organizations: Organization[];
  employments: Employment[];
  memberships: Membership[];
  interactions: Interaction[];
  favors: Favor[];
  /** When the tie strengths were computed (ms since the epoch), and with which warmth options. */
  strengthsAt: number;
  warmth: string;
}

/** Everything a snapshot holds: the records, the tie columns and the path index's arrays. */
export interface ProjectionState {
  records: ProjectionRecords;
  ties: TieColumns;
  index: IndexColumns;
}

type Typed = Int32Array | Uint32Array | Float64Array | Uint8Array;
type TypedKind = "i32" | "u32" | "f64" | "u8";
const KINDS: Record<TypedKind, new (buffer: ArrayBuffer, offset: number, length: number) => Typed> =
  { i32: Int32Array, u32: Uint32Array, f64: Float64Array, u8: Uint8Array };
const TIE_SECTIONS = [
  ["a", "i32"],
  ["b", "i32"],
  ["rating", "f64"],
  ["strength", "f64"],
  ["context", "u8"],
  ["provenance", "u8"],
  ["since", "i32"],
  ["last", "i32"],
  ["idStart", "u32"],
  ["idEnd", "u32"],
  ["idBytes", "u8"],
] as const satisfies readonly (readonly [keyof TieColumns, TypedKind])[];
const INDEX_SECTIONS = [
  ["starts", "u32"],
  ["ends", "u32"],
  ["limits", "u32"],
  ["targets", "u32"],
  ["costs", "f64"],
  ["payloads", "i32"],
] as const satisfies readonly (readonly [keyof IndexColumns, TypedKind])[];

/** A section of the file: a typed array's elements, or (v8) the serialized records' bytes. */
interface Section {
  name: string;
  kind: TypedKind | "v8";
  /** Elements (bytes for u8 and v8). */
  length: number;
  /** The CRC-32 of the section's bytes. */
  crc32: number;
}

interface Header {
  format: number;
  owner: string;
  version: number;
  anchor: string;
  sections: Section[];
  /** The CRC-32 of the other fields (headerText). */
  crc32: number;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
const align = (n: number) => Math.ceil(n / 8) * 8;
const ELEMENT_BYTES: Record<Section["kind"], number> = { i32: 4, u32: 4, f64: 8, u8: 1, v8: 1 };

/** The file of an owner's snapshot in `dir`. */
export const snapshotFile = (dir: string, ownerId: string): string =>
  join(dir, `${sha256(ownerId).slice(0, 32)}.projection`);

/** The digest of the change entries that made `version` (the feed's entries at that version). */
export function anchorOf(entries: readonly ChangeEntry[], version: number): string {
  const at = entries
    .filter((e) => e.version === version)
    .map((e) => [e.kind, e.op, [...e.ids].sort()]);
  return sha256(JSON.stringify(at));
}

/** What the digest covers besides the sections: every header field but the digest itself. */
const headerText = (h: Omit<Header, "crc32">) =>
  JSON.stringify([h.format, h.owner, h.version, h.anchor, h.sections]);

/**
 * Writes an owner's snapshot (replacing any older one). The typed arrays are written as they
 * are, so nothing may change them until this resolves.
 */
export async function saveSnapshot(
  dir: string,
  ownerId: string,
  state: ProjectionState,
  anchor: string,
): Promise<void> {
  const { dates, ...ties } = state.ties;
  const { keys, ...index } = state.index;
  const records = serialize({ ...state.records, dates, keys });
  const typed = (
    prefix: string,
    arrays: Record<string, Typed>,
    sections: typeof TIE_SECTIONS | typeof INDEX_SECTIONS,
  ) =>
    sections.map(([name, kind]): [string, TypedKind, Uint8Array] => [
      `${prefix}.${name}`,
      kind,
      asBytes(arrays[name]!),
    ]);
  const arrays: [string, Section["kind"], Uint8Array][] = [
    ...typed("ties", ties, TIE_SECTIONS),
    ...typed("index", index, INDEX_SECTIONS),
    ["records", "v8", records],
  ];
  const sections = arrays.map(([name, kind, bytes]) => ({
    name,
    kind,
    length: bytes.byteLength / ELEMENT_BYTES[kind],
    crc32: crc32(bytes),
  }));
  const fields = {
    format: FORMAT,
    owner: ownerId,
    version: state.records.version,
    anchor,
    sections,
  };
  const header: Header = { ...fields, crc32: crc32(headerText(fields)) };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = snapshotFile(dir, ownerId);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const out = await open(temp, "w", 0o600);
  try {
    let position = 0;
    const write = async (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.byteLength;) {
        const { bytesWritten } = await out.write(bytes, done, bytes.byteLength - done, position);
        [done, position] = [done + bytesWritten, position + bytesWritten];
      }
    };
    await write(head);
    for (const [, , bytes] of arrays) {
      await write(new Uint8Array(align(position) - position));
      await write(bytes);
    }
    await out.close();
    await rename(temp, file);
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

const asBytes = (array: Typed): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** A snapshot read back, not yet checked against the store (`anchor` is for that). */
export interface StoredSnapshot extends ProjectionState {
  anchor: string;
}

/**
 * Reads an owner's snapshot; null when there is none, or it is corrupt, truncated, foreign or
 * of another format. Each typed section is read into a buffer of its own, used as it is.
 */
export async function readSnapshot(dir: string, ownerId: string): Promise<StoredSnapshot | null> {
  let file;
  try {
    file = await open(snapshotFile(dir, ownerId), "r");
  } catch {
    return null;
  }
  const handle = file;
  let reads: Promise<boolean>[] = [];
  try {
    const size = (await file.stat()).size;
    const start = Buffer.alloc(Math.min(size, 1 << 16));
    await readFully(file, start, 0);
    if (start.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return null;
    const end = start.indexOf(10, MAGIC.length);
    if (end === -1) return null;
    const header = JSON.parse(start.subarray(MAGIC.length, end).toString("utf8")) as Header;
    if (header.format !== FORMAT || header.owner !== ownerId) return null;
    if (crc32(headerText(header)) !== header.crc32) return null;
    let position = end + 1;
    const arrays: [Section, Typed, number][] = [];
    for (const section of header.sections) {
      position = align(position);
      const bytes = section.length * ELEMENT_BYTES[section.kind];
      if (!Number.isSafeInteger(bytes) || bytes < 0 || position + bytes > size) return null;
      // Not zero-filled (the read overwrites every byte): 1.2 GB at a million people.
      const buffer = Buffer.allocUnsafeSlow(bytes);
      const array =
        section.kind === "v8"
          ? buffer
          : new KINDS[section.kind](buffer.buffer, buffer.byteOffset, section.length);
      arrays.push([section, array, position]);
      position += bytes;
    }
    // Every section's read is under way while the ones read are checked (the CRCs then cost
    // next to nothing); each settles before the file is closed.
    reads = arrays.map(([, array, at]) =>
      readFully(handle, asBytes(array), at).then(
        () => true,
        () => false,
      ),
    );
    const read = new Map<string, Typed>();
    let records: Uint8Array | null = null;
    for (const [k, [section, array]] of arrays.entries()) {
      if (!(await reads[k]!) || crc32(asBytes(array)) !== section.crc32) return null;
      if (section.kind === "v8") records = array as Uint8Array;
      else read.set(section.name, array);
    }
    if (records === null) return null;
    const saved = deserialize(records) as ProjectionRecords & { dates: string[]; keys: string[] };
    if (saved.version !== header.version) return null;
    const { dates, keys, ...rest } = saved;
    const ties = { dates } as TieColumns;
    const index = { keys } as IndexColumns;
    /** Puts the sections named `prefix.name` into `into`; false when one is missing or mistyped. */
    const take = (
      into: object,
      prefix: string,
      sections: readonly (readonly [string, TypedKind])[],
    ) =>
      sections.every(([name, kind]) => {
        const array = read.get(`${prefix}.${name}`);
        (into as Record<string, Typed | undefined>)[name] = array;
        return array instanceof KINDS[kind];
      });
    if (!take(ties, "ties", TIE_SECTIONS) || !take(index, "index", INDEX_SECTIONS)) return null;
    return { records: rest, ties, index, anchor: header.anchor };
  } catch {
    return null;
  } finally {
    await Promise.all(reads);
    await file.close();
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

/** Fills `buffer` from `position`; throws when the file ends first. */
async function readFully(file: FileHandle, buffer: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < buffer.byteLength;) {
    const chunk = Math.min(buffer.byteLength - done, 1 << 30);
    const { bytesRead } = await file.read(buffer, done, chunk, position + done);
    if (bytesRead === 0) throw new Error("the snapshot ends early");
    done += bytesRead;
  }
}
