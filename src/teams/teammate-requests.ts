/**
 * Introductions asked through a teammate (issue 14). The requester asks the member whose tie
 * reaches the target; the member accepts or declines with a reason, or leaves it pending with
 * no reminder and no penalty. On acceptance the member gets a double opt-in note to send the
 * target from their own mailbox: the requester never receives the target's details through
 * warmpath. The outcome feeds back as for one's own requests: the favor in both ledgers
 * (teammates are members who joined, so they may be added to each other's networks), and the
 * tie to the person met in the requester's network, with what they could already see of them.
 */
import { badInput, ErrorCode, notFound, WarmpathError } from "../errors.js";
import {
  findTie,
  introRequestDraft,
  recordFavor,
  teammateIntroDraft,
  viewName,
  type NetworkStore,
  type Person,
  type TeamIntroRequest,
  type TeamIntroStatus,
  type User,
} from "../graph/index.js";
import { membership } from "./team-access.js";
import { memberPool } from "./team-pool.js";
import { requestTarget } from "./request-target.js";

/** Who may move a request from each status, and to which. */
const MOVES: Readonly<
  Record<string, { by: "member" | "requester" | "manager"; to: TeamIntroStatus[] }[]>
> = {
  awaiting_approval: [
    { by: "manager", to: ["pending", "declined"] },
    { by: "requester", to: ["withdrawn"] },
  ],
  pending: [
    { by: "member", to: ["accepted", "declined"] },
    { by: "requester", to: ["withdrawn"] },
  ],
  accepted: [
    { by: "member", to: ["introduced"] },
    { by: "requester", to: ["withdrawn"] },
  ],
  introduced: [
    { by: "requester", to: ["met"] },
    { by: "member", to: ["met"] },
  ],
};

export interface AskTeammate {
  /** The target as the requester's pooled search named it (a pooled id). */
  personId: string;
  /** The member to ask, when several know the target; default the one whose tie is strongest. */
  memberUserId?: string | null;
  note?: string | null;
}

/** Asks the teammate who knows the target; NOT_FOUND for a target the requester cannot see. */
export async function askTeammate(
  store: NetworkStore,
  user: User,
  teamId: string,
  ask: AskTeammate,
  now: Date,
): Promise<TeamIntroRequest> {
  const { team, pool } = await memberPool(store, user, teamId);
  const node = pool.nodeOf(ask.personId);
  if (node === undefined) throw notFound("person", ask.personId, "personId");
  const holders = pool.holdersOf(node).filter((h) => h.userId !== user.id);
  const holder =
    ask.memberUserId == null ? holders[0] : holders.find((h) => h.userId === ask.memberUserId);
  if (holder === undefined) {
    if (ask.memberUserId != null) throw notFound("member", ask.memberUserId, "memberUserId");
    throw badInput("personId", "no teammate shares this person: they are yours to ask");
  }
  const request = await store.createTeamIntroRequest({
    teamId,
    requesterUserId: user.id,
    memberUserId: holder.userId,
    memberPersonId: holder.personId,
    note: ask.note?.trim() || null,
    status: team.approval ? "awaiting_approval" : "pending",
  });
  await store.appendTeamAudit({
    teamId,
    at: now,
    kind: "intro_request",
    actorUserId: user.id,
    memberUserIds: [holder.userId],
    summary: `asked ${pool.memberName(holder.userId) ?? "a teammate"} to introduce ${viewName(pool, pool.view(node))}`,
  });
  return request;
}

type Part = "member" | "requester" | "manager";

async function partsOf(
  store: NetworkStore,
  user: User,
  request: TeamIntroRequest,
): Promise<Set<Part>> {
  const parts = new Set<Part>();
  if (request.memberUserId === user.id) parts.add("member");
  if (request.requesterUserId === user.id) parts.add("requester");
  const me = await membership(store, request.teamId, user);
  if (me.role === "owner" || me.role === "admin") parts.add("manager");
  return parts;
}

/** A request the user made, was asked, or manages; NOT_FOUND like a missing one otherwise. */
export async function visibleRequest(
  store: NetworkStore,
  user: User,
  teamId: string,
  id: string,
): Promise<TeamIntroRequest> {
  await membership(store, teamId, user);
  const request = await store.getTeamIntroRequest(teamId, id);
  const parts = await partsOf(store, user, request);
  const waiting = request.status === "awaiting_approval";
  // A manager sees others' requests only while they wait for approval (the rest is between two
  // people), and the teammate asked sees a request only once it is approved.
  const sees =
    parts.has("requester") ||
    (parts.has("member") && !waiting) ||
    (parts.has("manager") && waiting);
  if (!sees) throw notFound("request", id, "id");
  return request;
}

export interface RequestAnswer {
  status: TeamIntroStatus;
  reason?: string | null;
}

/** Moves a request on; FORBIDDEN when the user may not make this move from its status. */
export async function moveTeammateRequest(
  store: NetworkStore,
  user: User,
  teamId: string,
  id: string,
  answer: RequestAnswer,
  now: Date,
): Promise<TeamIntroRequest> {
  const request = await visibleRequest(store, user, teamId, id);
  const parts = await partsOf(store, user, request);
  const allowed = (MOVES[request.status] ?? []).some(
    (move) => parts.has(move.by) && move.to.includes(answer.status),
  );
  if (!allowed)
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      `You cannot move this request from ${request.status} to ${answer.status}.`,
    );
  const patch = {
    status: answer.status,
    ...(answer.status === "declined" ? { reason: answer.reason?.trim() || null } : {}),
    ...(answer.status === "pending" ? { approvedBy: user.id } : {}),
    ...(answer.status === "accepted" ? { draft: await draftFor(store, request) } : {}),
  };
  const moved = await store.updateTeamIntroRequest(teamId, id, patch);
  if (answer.status === "introduced") await recordIntroduction(store, moved, now);
  if (answer.status === "met") await recordMeeting(store, user, moved);
  return moved;
}

/** The double opt-in note the member sends the target, with the requester's forwardable blurb. */
async function draftFor(store: NetworkStore, request: TeamIntroRequest): Promise<string> {
  const [requester, member, team] = await Promise.all([
    store.getUser(request.requesterUserId),
    store.getUser(request.memberUserId),
    store.getTeam(request.teamId),
  ]);
  const [requesterSelf, memberSelf, target] = await Promise.all([
    store.getSelf(requester.ownerId),
    store.getSelf(member.ownerId),
    store.get(member.ownerId, "person", request.memberPersonId),
  ]);
  const { blurb } = introRequestDraft({
    owner: requesterSelf,
    introducer: memberSelf,
    target,
    targetCompany: null,
    note: request.note,
  });
  return teammateIntroDraft({
    member: { name: member.name },
    target,
    requester: { name: requester.name, title: requesterSelf.title },
    blurb,
    team: team.name,
  });
}

/** A teammate as a person of one's own network: found by their address, or added. */
async function teammateIn(store: NetworkStore, ownerId: string, teammate: User): Promise<Person> {
  const [found] = await store.findPeople(ownerId, { email: teammate.email });
  if (found) return found;
  const { record } = await store.upsert(ownerId, "person", {
    name: teammate.name,
    emails: [teammate.email],
  });
  return record;
}

/** The introduction made: a favor given in the member's ledger, received in the requester's. */
async function recordIntroduction(store: NetworkStore, request: TeamIntroRequest, now: Date) {
  const [requester, member] = await Promise.all([
    store.getUser(request.requesterUserId),
    store.getUser(request.memberUserId),
  ]);
  const date = now.toISOString().slice(0, 10);
  const given = await teammateIn(store, member.ownerId, requester);
  const received = await teammateIn(store, requester.ownerId, member);
  await recordFavor(
    store,
    member.ownerId,
    {
      personId: given.id,
      direction: "given",
      kind: "introduction",
      date,
    },
    { now },
  );
  await recordFavor(
    store,
    requester.ownerId,
    {
      personId: received.id,
      direction: "received",
      kind: "introduction",
      date,
    },
    { now },
  );
}

/**
 * The meeting happened: the requester's network gains the person they met, with what the
 * teammate shares of them today and no more (name and title at `full`; at `company`, or once
 * hidden, nothing: the requester adds them by hand), and a tie from an introduction.
 */
async function recordMeeting(store: NetworkStore, user: User, request: TeamIntroRequest) {
  if (user.id !== request.requesterUserId) return;
  const seen = await requestTarget(store, user, request);
  if (seen.kind !== "pooled") return;
  const [self, met] = await Promise.all([
    store.getSelf(user.ownerId),
    store.create(user.ownerId, "person", { name: seen.name, title: seen.title }),
  ]);
  if ((await findTie(store, user.ownerId, self.id, met.id)) === null)
    await store.create(user.ownerId, "tie", {
      personA: self.id,
      personB: met.id,
      context: "met_once",
      provenance: "introduction",
    });
}

/**
 * The requests the user made or was asked, newest first; for owners and admins also those
 * waiting for their approval (the only ones they see of others').
 */
export async function teammateRequests(
  store: NetworkStore,
  user: User,
  teamId: string,
): Promise<TeamIntroRequest[]> {
  const me = await membership(store, teamId, user);
  // A request waiting for approval has not reached the teammate asked yet.
  const mine = (await store.listTeamIntroRequests(teamId, user.id)).filter(
    (r) => r.status !== "awaiting_approval" || r.requesterUserId === user.id,
  );
  if (me.role !== "owner" && me.role !== "admin") return mine;
  const members = await store.listTeamMembers(teamId);
  const theirs = await Promise.all(
    members.map((m) => store.listTeamIntroRequests(teamId, m.userId)),
  );
  const waiting = theirs.flat().filter((r) => r.status === "awaiting_approval");
  const byId = new Map([...mine, ...waiting].map((r) => [r.id, r]));
  return [...byId.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
