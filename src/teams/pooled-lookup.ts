/**
 * One person of a team's pool, looked up by pooled id or by the words their view shows, as the
 * requester may see them. Seeing a teammate's contact uses that teammate's shared ties, so the
 * lookup goes in the audit log for the members it used, as a pooled search does (rule 9).
 */
import { notFound } from "../errors.js";
import {
  ambiguous,
  viewName,
  type NetworkStore,
  type PooledNodeView,
  type User,
} from "../graph/index.js";
import { memberPool } from "./team-pool.js";

/**
 * The view of the pool's person `text` names (a pooled id, or words of what their view shows):
 * NOT_FOUND for an unknown, hidden or foreign one alike, and BAD_USER_INPUT listing the names
 * when the words match several.
 */
export async function teamPersonView(
  store: NetworkStore,
  user: User,
  teamId: string,
  text: string,
  now: Date,
): Promise<PooledNodeView> {
  const { pool } = await memberPool(store, user, teamId);
  const words = text.trim();
  let node = pool.nodeOf(words);
  if (node === undefined) {
    const found = pool.matching(words);
    if (found.length > 1) {
      const names = found.map((n) => pool.view(n)).map((v) => ("name" in v ? v.name : v.kind));
      throw ambiguous("person", words, names, "Give the pooled id (pp_...) instead.");
    }
    node = found[0];
  }
  if (node === undefined) throw notFound("person", words, "person");
  const view = pool.view(node);
  if (view.kind === "pooled" || view.kind === "opaque")
    await store.appendTeamAudit({
      teamId,
      at: now,
      kind: "pooled_search",
      actorUserId: user.id,
      memberUserIds: view.viaUserIds,
      summary: `looked up ${viewName(pool, view)}`,
    });
  return view;
}
