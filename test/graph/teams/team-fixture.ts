/** Small teammates' networks for the pooling tests, on a real store: people by key, ties by key. */
import { randomUUID } from "node:crypto";
import type { NetworkStore, PersonInput } from "../../../src/graph/index.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import type { PoolingSettings, SharingLevel, TeamRole } from "../../../src/graph/store/teams.js";
import type { PoolMemberNetwork } from "../../../src/graph/teams/pooled-network.js";
import { SqliteStore } from "../../../src/sqlite.js";

export const NOW = new Date("2026-11-22T00:00:00Z");
export const TEAM = "team-1";

export async function memoryStore(): Promise<NetworkStore> {
  const store = new SqliteStore({ path: ":memory:" });
  await store.init();
  return store;
}

export interface ContactInput extends PersonInput {
  /** Names of organizations the person works at now. */
  at?: string[];
}

/** One owner's network: `id.self` and the contacts by the keys the test gave them. */
export class Network {
  readonly id: Record<string, string> = {};
  private readonly orgs = new Map<string, string>();

  private constructor(
    readonly store: NetworkStore,
    readonly ownerId: string,
  ) {}

  static async create(store: NetworkStore, self: ContactInput): Promise<Network> {
    const network = new Network(store, `owner-${randomUUID()}`);
    const { at, ...input } = self;
    network.id.self = (await store.ensureOwner(network.ownerId, input)).id;
    await network.jobs(network.id.self, at);
    return network;
  }

  async person(key: string, input: ContactInput): Promise<string> {
    const { at, ...rest } = input;
    const id = (await this.store.create(this.ownerId, "person", rest)).id;
    this.id[key] = id;
    await this.jobs(id, at);
    return id;
  }

  async organization(name: string): Promise<string> {
    let id = this.orgs.get(name);
    if (id === undefined) {
      id = (await this.store.create(this.ownerId, "organization", { name })).id;
      this.orgs.set(name, id);
    }
    return id;
  }

  private async jobs(personId: string, at: string[] = []): Promise<void> {
    for (const name of at)
      await this.store.create(this.ownerId, "employment", {
        personId,
        organizationId: await this.organization(name),
      });
  }

  async tie(a: string, b: string, strength: number): Promise<void> {
    await this.store.create(this.ownerId, "tie", {
      personA: this.id[a]!,
      personB: this.id[b]!,
      strength,
    });
  }

  projection(): Promise<NetworkProjection> {
    return NetworkProjection.load(this.store, this.ownerId, { now: () => NOW });
  }
}

export const NO_SETTINGS: PoolingSettings = Object.freeze({ contacts: [], blockedLabels: [] });

/** A pooled member of a test, from its network. */
export async function member(
  network: Network,
  userId: string,
  name: string,
  level: SharingLevel,
  settings: PoolingSettings = NO_SETTINGS,
  role: TeamRole = "member",
): Promise<PoolMemberNetwork> {
  return { userId, name, role, level, settings, projection: await network.projection() };
}
