import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { NetworkStore } from "../../../src/graph/index.js";
import { pooledId } from "../../../src/graph/teams/pooled-graph.js";
import {
  forgetTeamPools,
  teamPoolFor,
  type TeamPoolInput,
} from "../../../src/graph/teams/team-projection.js";
import { expectError } from "../../../src/testing.js";
import { acmeTeam, type AcmeTeam } from "./acme-team.js";
import { memoryStore, NO_SETTINGS, NOW, TEAM } from "./team-fixture.js";

describe("teamPoolFor", () => {
  let store: NetworkStore;
  let team: AcmeTeam;
  let input: TeamPoolInput;
  const options = { projection: { now: () => NOW } };

  beforeAll(async () => {
    store = await memoryStore();
    team = await acmeTeam(store);
    input = {
      teamId: TEAM,
      requester: { userId: "u-rita", ownerId: team.rita.ownerId },
      members: [
        {
          userId: "u-bob",
          ownerId: team.bob.ownerId,
          name: "Bob",
          role: "member",
          level: "company",
          settings: NO_SETTINGS,
        },
        {
          userId: "u-ada",
          ownerId: team.ada.ownerId,
          name: "Ada",
          role: "admin",
          level: "full",
          settings: team.adaSettings,
        },
      ],
    };
  });
  afterAll(() => store.close());

  it("refuses a missing team or requester", async () => {
    await expectError(
      teamPoolFor(store, { ...input, teamId: "" }),
      ErrorCode.BAD_USER_INPUT,
      "teamId",
    );
    await expectError(
      teamPoolFor(store, { ...input, requester: { userId: "", ownerId: "x" } }),
      ErrorCode.BAD_USER_INPUT,
      "requester.userId",
    );
  });

  it("builds the pool once and hands the same one back while nothing changed", async () => {
    const first = await teamPoolFor(store, input, options);
    expect(first.memberUserIds()).toEqual(["u-ada", "u-bob"]);
    expect(await teamPoolFor(store, input, options)).toBe(first);
    // The members' order is not a change.
    expect(
      await teamPoolFor(store, { ...input, members: [...input.members].reverse() }, options),
    ).toBe(first);
  });

  it("keeps the pool in step with a write to a member's network, through the synced projection", async () => {
    const before = await teamPoolFor(store, input, options);
    const zoe = await team.ada.person("zoe", { name: "Zoe", title: "CFO", at: ["Acme"] });
    await team.ada.tie("self", "zoe", 0.9);
    const after = await teamPoolFor(store, input, options);
    // The same pool, updated where the write touched it (pool-sync-properties checks it equals a new one).
    expect(after).toBe(before);
    expect(after.nodeOf(pooledId(TEAM, team.ada.ownerId, zoe))).toBeDefined();
    expect(after.currentlyAt("Acme")).toHaveLength(2);
  });

  it("rebuilds when a level, the settings or the caller's fingerprint change", async () => {
    const base = await teamPoolFor(store, input, options);
    const levels = await teamPoolFor(
      store,
      { ...input, members: input.members.map((m) => ({ ...m, level: "company" as const })) },
      options,
    );
    expect(levels).not.toBe(base);
    expect(
      levels.view(levels.nodeOf(pooledId(TEAM, team.ada.ownerId, team.ada.id.grace!))!),
    ).toMatchObject({ kind: "opaque", company: "Acme" });
    const hidden = await teamPoolFor(
      store,
      {
        ...input,
        members: input.members.map((m) =>
          m.userId === "u-ada"
            ? {
                ...m,
                settings: {
                  ...team.adaSettings,
                  contacts: [{ personId: team.ada.id.alex!, sharing: "hidden" as const }],
                },
              }
            : m,
        ),
      },
      options,
    );
    expect(hidden.nodeOf(pooledId(TEAM, team.ada.ownerId, team.ada.id.alex!))).toBeUndefined();
    const again = await teamPoolFor(store, input, options);
    expect(await teamPoolFor(store, { ...input, fingerprint: "team v2" }, options)).not.toBe(again);
  });

  it("keeps one pool per requester and team, and forgets a team's pools on request", async () => {
    const rita = await teamPoolFor(store, input, options);
    const asBob = await teamPoolFor(
      store,
      {
        ...input,
        requester: { userId: "u-bob", ownerId: team.bob.ownerId },
        members: input.members.filter((m) => m.userId === "u-ada"),
      },
      options,
    );
    expect(asBob).not.toBe(rita);
    expect(await teamPoolFor(store, input, options)).toBe(rita);
    forgetTeamPools(store, TEAM);
    expect(await teamPoolFor(store, input, options)).not.toBe(rita);
  });
});
