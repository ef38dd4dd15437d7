/**
 * What a pool is made of (pool-assembly.ts): the requester's and the pooled members'
 * networks, and entries, each one shareable record of one network; plus what the node views
 * and ties read of them.
 */
import type { Person } from "../model/person.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import type { PoolingSettings, SharingLevel, TeamRole } from "../store/teams.js";

/** The one searching: their user, the network they own, and its projection. */
export interface PoolRequester {
  userId: string;
  ownerId: string;
  projection: NetworkProjection;
}

/** A teammate whose network is pooled, at the level they share it. */
export interface PoolMemberNetwork {
  userId: string;
  /** The member's account name, for "via Ada". */
  name: string;
  role: TeamRole;
  level: SharingLevel;
  projection: NetworkProjection;
  settings: PoolingSettings;
}

/** One shareable record of one network. */
export interface PoolEntry {
  /** 0: the requester; i + 1: the i-th pooled member. */
  c: number;
  personId: string;
  person: Person;
  /** Its identity keys (identity-groups.ts). */
  keys: string[];
}

/** The networks behind a pool's entries, as its node views and ties read them. */
export interface PoolNetworks {
  /** By entry number: the requester's projection, then each pooled member's. */
  readonly projections: readonly NetworkProjection[];
  /** The pooled member an entry of a member belongs to. */
  member(e: PoolEntry): PoolMemberNetwork;
  /** The names of an entry's current employers, in its network. */
  employerNames(e: PoolEntry): string[];
  /** The node an entry belongs to, if it is pooled. */
  nodeOf(c: number, personId: string): string | undefined;
}
