/**
 * The team mutations that answer with data, run as A with every field selected (the walk's
 * selection), for the leak search: sharing, settings, invitations, joining another team,
 * capping and roles, asking about every id A can name, and one request carried through to
 * "met" (approved when the team asks for it, accepted and made by the teammate asked), the
 * rest withdrawn. Answers every response A got, by mutation.
 */
import type { GraphQLSchema } from "graphql";
import type { Result } from "./graphql-harness.js";
import type { RunAs } from "./team-privacy-harness.js";
import { LABELS } from "./team-privacy-plan.js";
import { documentFor, type Fill } from "./team-privacy-walk.js";
import { M, attempt, must, type World } from "./team-privacy-world.js";

export async function teamMutations(
  schema: GraphQLSchema,
  runAs: RunAs,
  world: World,
  fill: Fill,
  depth: number,
): Promise<{ name: string; answer: Result }[]> {
  const [a, b] = world.members as [World["members"][number], World["members"][number]];
  const fields = schema.getMutationType()!.getFields();
  const team = JSON.stringify(world.teamId);
  const answers: { name: string; answer: Result }[] = [];
  /** One mutation as A, with every field of its answer. */
  const asA = async (name: string, args: string) => {
    const r = await attempt(
      runAs,
      a.user,
      documentFor(schema, "mutation", fields[name]!, args, depth),
    );
    answers.push({ name, answer: r });
    return r;
  };
  const creatorIndex = world.plan.creator % world.members.length;
  const creator = world.members[creatorIndex]!;
  const roleOf = (j: number) => (j === creatorIndex ? "OWNER" : world.plan.members[j]!.role);

  await asA("setTeamSharing", `teamId: ${team}, sharing: FULL`);
  await asA("updateTeam", `input: { teamId: ${team} }`);
  await asA("inviteToTeam", `input: { teamId: ${team} }`);
  for (const [j, m] of world.members.entries()) {
    if (j === 0) continue;
    const member = `teamId: ${team}, userId: ${JSON.stringify(m.user.id)}`;
    // The caps and roles they have already: answers to read, and nothing changes.
    await asA("capMemberSharing", `input: { ${member}, cap: FULL }`);
    await asA("setMemberRole", `input: { ${member}, role: ${roleOf(j)} }`);
  }
  const labels = LABELS.filter((_, i) => world.plan.members[0]!.blocked[i]).map((l) => l.blocked);
  await asA("setBlockedLabels", `labels: ${JSON.stringify(labels)}`);

  // Another team, B's, which A joins, shares with, and leaves.
  const side = (await must(runAs, b.user, M.createTeam, { i: { name: "Side" } })).createTeam.team
    .id;
  const { token } = (await must(runAs, b.user, M.inviteToTeam, { i: { teamId: side } }))
    .inviteToTeam;
  await asA("joinTeam", `invitation: ${JSON.stringify(token)}`);
  await asA("setTeamSharing", `teamId: ${JSON.stringify(side)}, sharing: FULL`);
  await asA(
    "removeTeamMember",
    `input: { teamId: ${JSON.stringify(side)}, userId: ${JSON.stringify(a.user.id)} }`,
  );
  await asA("createTeam", `input: { name: "Mine" }`);

  const asked: { id: string; member: string }[] = [];
  for (const id of fill.ids) {
    const r = await asA(
      "askTeammate",
      `input: { teamId: ${team}, personId: ${JSON.stringify(id)}, note: "hello" }`,
    );
    const request = r.data?.askTeammate;
    if (request) asked.push({ id: request.id, member: request.member.userId });
  }
  const move = (id: string, status: string) =>
    `input: { teamId: ${team}, id: ${JSON.stringify(id)}, status: ${status} }`;
  const [first, ...rest] = asked;
  if (first !== undefined) {
    const member = world.members.find((m) => m.user.id === first.member)!;
    if (world.plan.approval) {
      if (creator === a) await asA("moveTeamIntroRequest", move(first.id, "PENDING"));
      else
        await must(runAs, creator.user, M.moveRequest, {
          i: { teamId: world.teamId, id: first.id, status: "PENDING" },
        });
    }
    for (const status of ["ACCEPTED", "INTRODUCED"])
      await must(runAs, member.user, M.moveRequest, {
        i: { teamId: world.teamId, id: first.id, status },
      });
    await asA("moveTeamIntroRequest", move(first.id, "MET"));
  }
  for (const { id } of rest) await asA("moveTeamIntroRequest", move(id, "WITHDRAWN"));
  const own = a.contacts[0]!.id;
  await asA("setContactSharing", `personId: ${JSON.stringify(own)}, sharing: null`);
  return answers;
}
