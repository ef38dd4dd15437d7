/**
 * The pooled network of one requester's team search (issue 14): their own network united
 * with the shareable parts of the teammates' networks they may use (poolMembers decides
 * which; this function pools exactly the members it is given, skipping any at level `off`).
 *
 * - Nodes are people merged across networks by profile URL and e-mail (identity-groups.ts),
 *   from the requester's people and each member's shareable contacts only, so a hidden
 *   contact can neither add a node nor join two.
 * - Edges: the requester's own ties (`via: null`), and each member's ties whose two ends are
 *   shareable (`via`: the member's user id); a pair keeps its strongest tie. A tie between
 *   two members' own persons never counts (it would tell of their private history): the
 *   requester gets a fixed teammate tie (TEAMMATE_STRENGTH) to each member instead, and
 *   members get none among themselves (the requester asks each teammate directly, and the
 *   search passes a teammate only as the first introducer: pooled-paths.ts).
 * - What the requester may see of each node: their own person (`own`); a teammate by their
 *   account name (`teammate`); else name, title, company, a strength band and who knows them
 *   when some member who knows them shares `full` (`pooled`); else only "someone at
 *   <company>, via <member>" (`opaque`). Never e-mails, phones, notes, tags or interactions.
 *
 * Pooled ids are opaque and stable: "pp_" and 24 hex digits of SHA-256 of
 * `${teamId}:${ownerId}:${personId}` of the first member (by user id) who knows the person.
 * The pool is built, and kept in step with the networks' changes, by pool-assembly.ts.
 */
import { badInput } from "../../errors.js";
import { SHARING_LEVELS, TEAM_ROLES } from "../store/teams.js";
import { PoolAssembly } from "./pool-assembly.js";
import type { PoolMemberNetwork, PoolRequester } from "./pool-entry.js";
import type { PooledNetwork } from "./pooled-graph.js";
import { TEAMMATE_STRENGTH } from "./strength-bands.js";

export type { PoolRequester, PoolMemberNetwork } from "./pool-entry.js";

export interface PooledNetworkOptions {
  /** The team: part of every pooled id, so ids of two teams never match. */
  teamId: string;
  /** The strength of the tie between the requester and each member. Default TEAMMATE_STRENGTH. */
  teammateStrength?: number;
}

export const POOLED_NETWORK_DEFAULTS = Object.freeze({ teammateStrength: TEAMMATE_STRENGTH });

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkArguments(
  requester: PoolRequester,
  members: readonly PoolMemberNetwork[],
  options: PooledNetworkOptions,
): Required<PooledNetworkOptions> {
  const o = { ...POOLED_NETWORK_DEFAULTS, ...options };
  if (typeof o.teamId !== "string" || o.teamId === "") throw badInput("teamId", "is required");
  if (!(o.teammateStrength > 0 && o.teammateStrength <= 1))
    throw badInput("teammateStrength", "must be greater than 0 and at most 1");
  if (!requester.userId) throw badInput("requester.userId", "is required");
  if (requester.projection.ownerId !== requester.ownerId)
    throw badInput("requester.projection", "is not the requester's network");
  const seen = new Set([requester.userId]);
  members.forEach((m, i) => {
    if (!m.userId) throw badInput(`members[${i}].userId`, "is required");
    if (seen.has(m.userId))
      throw badInput(`members[${i}].userId`, "is the requester or another member again");
    seen.add(m.userId);
    if (!SHARING_LEVELS.includes(m.level)) throw badInput(`members[${i}].level`, "is unknown");
    if (!TEAM_ROLES.includes(m.role)) throw badInput(`members[${i}].role`, "is unknown");
  });
  return o;
}

/** Builds the pooled network of `requester` with `members` (the other members the caller pools). */
export function buildPooledNetwork(
  requester: PoolRequester,
  members: readonly PoolMemberNetwork[],
  options: PooledNetworkOptions,
): PooledNetwork {
  return assemblePooledNetwork(requester, members, options).network;
}

/** The same pool with its assembly, which keeps it in step with the networks (team-projection.ts). */
export function assemblePooledNetwork(
  requester: PoolRequester,
  members: readonly PoolMemberNetwork[],
  options: PooledNetworkOptions,
): PoolAssembly {
  const o = checkArguments(requester, members, options);
  const pooled = members
    .filter((m) => m.level !== "off")
    .sort((a, b) => codeOrder(a.userId, b.userId));
  return new PoolAssembly(requester, pooled, o.teamId, o.teammateStrength);
}
