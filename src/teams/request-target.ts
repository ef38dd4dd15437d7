/**
 * The target of a request through a teammate, as each side may see it now: the member sees
 * their own contact whole; the requester sees what the member shares today (name, title,
 * company and band at `full`, "someone at Acme" at `company`), and nothing once the member
 * stops sharing or hides the contact, as if the tie had never been pooled.
 */
import {
  effectiveLevel,
  hiddenReason,
  labelKey,
  pooledId,
  projectionFor,
  strengthBand,
  type NetworkStore,
  type Person,
  type PooledNodeView,
  type TeamIntroRequest,
  type User,
} from "../graph/index.js";

export type RequestTargetView = { kind: "own"; person: Person } | PooledNodeView;

export async function requestTarget(
  store: NetworkStore,
  user: User,
  request: TeamIntroRequest,
): Promise<RequestTargetView> {
  const memberUser = await store.getUser(request.memberUserId);
  const { ownerId } = memberUser;
  const person = await store.get(ownerId, "person", request.memberPersonId).catch(() => null);
  if (user.id === request.memberUserId && person !== null) return { kind: "own", person };
  const id = pooledId(request.teamId, ownerId, request.memberPersonId);
  const via = [memberUser.name];
  const viaUserIds = [memberUser.id];
  const nobody: PooledNodeView = { kind: "opaque", id, company: null, via, viaUserIds };
  const member = await store.getTeamMember(request.teamId, request.memberUserId);
  if (person === null || member === null) return nobody;
  const level = effectiveLevel(member);
  if (level === "off") return nobody;
  const [projection, settings] = await Promise.all([
    projectionFor(store, ownerId),
    store.getPoolingSettings(ownerId),
  ]);
  const employers = projection.currentEmployersOf(person.id);
  const override = settings.contacts.find((c) => c.personId === person.id)?.sharing;
  const blocked = new Set(settings.blockedLabels.map(labelKey));
  if (hiddenReason(person, employers, blocked, override) !== null) return nobody;
  const company = employers[0]?.name ?? null;
  if (level === "company") return { kind: "opaque", id, company, via, viaUserIds };
  const strength = projection.edgeBetween(projection.selfId, person.id)?.strength ?? 0;
  return {
    kind: "pooled",
    id,
    name: person.name,
    title: person.title,
    company,
    band: strengthBand(strength),
    via,
    viaUserIds,
  };
}
