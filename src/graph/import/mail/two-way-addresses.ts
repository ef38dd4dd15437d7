/**
 * Who mail went both ways with, by person: a person known by several addresses
 * who wrote from one and was written to at another has two-way mail. Addresses
 * not among the people stand alone. Read a thousand addresses at a time.
 */
import type { NetworkStore } from "../../store/network-store.js";

/** Bits of `ways`: mail went to them (OUTBOUND) or came from them (INBOUND). */
export const OUTBOUND = 1;
export const INBOUND = 2;
const BOTH = OUTBOUND | INBOUND;
const CHUNK = 1_000;

/** The addresses of `ways` whose person (or the address alone, for someone unknown) has mail both ways. */
export async function twoWayAddresses(
  store: NetworkStore,
  ownerId: string,
  ways: ReadonlyMap<string, number>,
): Promise<Set<string>> {
  const personOf = new Map<string, string>();
  const personWays = new Map<string, number>();
  const addresses = [...ways.keys()];
  for (let i = 0; i < addresses.length; i += CHUNK) {
    const chunk = addresses.slice(i, i + CHUNK);
    const view = await store.readImportView(ownerId, {
      identityKeys: chunk.map((a) => `email:${a}`),
      nameKeys: [],
      organizationKeys: [],
    });
    for (const person of view.people) {
      for (const address of person.emails) {
        const bits = ways.get(address);
        if (bits === undefined) continue;
        personOf.set(address, person.id);
        personWays.set(person.id, (personWays.get(person.id) ?? 0) | bits);
      }
    }
  }
  const out = new Set<string>();
  for (const [address, bits] of ways) {
    const person = personOf.get(address);
    if (((person === undefined ? bits : personWays.get(person)!) & BOTH) === BOTH) out.add(address);
  }
  return out;
}
