/**
 * The checks a write makes before it writes, with the error that names the
 * input field: references point at records the owner has, and identity keys
 * are free. The owner's lock makes them race-free; the constraints of
 * neo4j-schema.ts back them up.
 */
import { conflict, notFound } from "../../../errors.js";
import type { Inputs, RecordKind, Records, UpsertKind } from "../../model/kinds.js";
import { identityField, identityKeys, inputFieldOf, referencesOf } from "../record-ops.js";
import { hasIdentityProperty } from "./neo4j-records.js";
import { existingIds, peopleByKeys, recordsByIdentity } from "./neo4j-reads.js";
import { inBatches, type Tx } from "./neo4j-run.js";

/** How an error of the input at `index` is reported: as is for one input, `atIndex` for many. */
export type Wrap = (error: unknown, index: number) => unknown;

/** NOT_FOUND, at the input's field, when a record points at a person or organization not stored. */
export async function checkRefs<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  record: Records[K],
  input: Inputs[K],
): Promise<void> {
  for (const ref of referencesOf(kind, record)) {
    if (!(await existingIds(tx, owner, ref.kind, [ref.id])).has(ref.id)) {
      throw notFound(ref.kind, ref.id, inputFieldOf(kind, input, ref.id, ref.field));
    }
  }
}

/**
 * The first input naming a person or organization this owner does not have, with its error.
 * Batched (one look-up per slice of ids), unlike `checkRefs`: bulk upserts name thousands.
 */
export async function firstMissingRef<K extends UpsertKind>(
  tx: Tx,
  owner: string,
  kind: K,
  incoming: Records[K][],
  inputs: readonly Inputs[K][],
  wrap: Wrap,
): Promise<{ index: number; error: unknown } | null> {
  const wanted = { person: new Set<string>(), organization: new Set<string>() };
  for (const record of incoming)
    for (const ref of referencesOf(kind, record)) wanted[ref.kind].add(ref.id);
  const existing = { person: new Set<string>(), organization: new Set<string>() };
  for (const refKind of ["person", "organization"] as const) {
    await inBatches([...wanted[refKind]], async (slice) => {
      for (const id of await existingIds(tx, owner, refKind, slice)) existing[refKind].add(id);
    });
  }
  for (let index = 0; index < incoming.length; index++) {
    for (const ref of referencesOf(kind, incoming[index] as Records[K])) {
      if (!existing[ref.kind].has(ref.id)) {
        const field = inputFieldOf(kind, inputs[index] as Inputs[K], ref.id, ref.field);
        return { index, error: wrap(notFound(ref.kind, ref.id, field), index) };
      }
    }
  }
  return null;
}

/** CONFLICT when another record of the owner holds one of this record's identity keys. */
export async function checkIdentityFree<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  record: Records[K],
): Promise<void> {
  const keys = identityKeys(kind, record);
  if (keys.length === 0) return;
  const holders =
    kind === "person"
      ? await peopleByKeys(tx, owner, keys)
      : hasIdentityProperty(kind)
        ? await recordsByIdentity(tx, owner, kind, [record])
        : new Map<string, Records[K]>();
  for (const key of keys) {
    const holder = holders.get(key);
    if (holder !== undefined && holder.id !== record.id) {
      throw conflict(
        identityField(key),
        `another ${kind} already has ${key.slice(key.indexOf(":") + 1)}`,
      );
    }
  }
}
