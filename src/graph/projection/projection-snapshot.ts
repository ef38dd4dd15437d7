/**
 * A projection's records saved to a file, so a restart loads them instead of
 * reading the whole network from the store again, then applies the store's
 * change feed since the snapshot's version (warm start).
 *
 * The file is a short JSON header and the records in V8's structured-clone
 * format (`v8.serialize`): decoded natively, with no JavaScript parsing per
 * tie. A snapshot is used only when it can be trusted, and ignored otherwise
 * (the projection is then built from the store, as without one):
 * - the header names the owner, the format, and the SHA-256 of the records, so
 *   a truncated, corrupt or renamed file is detected;
 * - it carries an anchor, the digest of the store's change entries at its
 *   version: a snapshot from another store (or from this store before it was
 *   restored from a backup) does not match the change feed it would resume.
 * Files hold a whole private network: they are written with mode 0600, under a
 * name derived from a digest of the owner id, atomically (temp file, rename).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Favor } from "../model/favor.js";
import type { Interaction } from "../model/interaction.js";
import type { ChangeEntry } from "../store/change-set.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";

const MAGIC = "warmpath-projection\n";
const FORMAT = 1;

/** Everything a projection is built from, as of `version`: the network and the owner's contacts. */
export interface ProjectionRecords extends NetworkSnapshot {
  interactions: Interaction[];
  favors: Favor[];
}

interface Header {
  format: number;
  owner: string;
  version: number;
  anchor: string;
  sha256: string;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

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

/** Writes an owner's snapshot (replacing any older one). */
export async function saveSnapshot(
  dir: string,
  ownerId: string,
  records: ProjectionRecords,
  anchor: string,
): Promise<void> {
  const payload = serialize(records);
  const header: Header = {
    format: FORMAT,
    owner: ownerId,
    version: records.version,
    anchor,
    sha256: sha256(payload),
  };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = snapshotFile(dir, ownerId);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, Buffer.concat([head, payload]), { mode: 0o600 });
  await rename(temp, file);
}

/** A snapshot read back, not yet checked against the store (`anchor` is for that). */
export interface StoredSnapshot {
  records: ProjectionRecords;
  anchor: string;
}

/** Reads an owner's snapshot; null when there is none, or it is corrupt, foreign or of another format. */
export async function readSnapshot(dir: string, ownerId: string): Promise<StoredSnapshot | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(snapshotFile(dir, ownerId));
  } catch {
    return null;
  }
  try {
    if (bytes.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return null;
    const end = bytes.indexOf(10, MAGIC.length);
    if (end === -1) return null;
    const header = JSON.parse(bytes.subarray(MAGIC.length, end).toString("utf8")) as Header;
    const payload = bytes.subarray(end + 1);
    if (header.format !== FORMAT || header.owner !== ownerId) return null;
    if (header.sha256 !== sha256(payload)) return null;
    const records = deserialize(payload) as ProjectionRecords;
    if (records.version !== header.version) return null;
    return { records, anchor: header.anchor };
  } catch {
    return null;
  }
}
