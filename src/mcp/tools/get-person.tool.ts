/**
 * get_person: one person of my network, or, with teamId, one person of a team's pooled
 * network as the team's rules let me see them: a teammate's contact shows name, title,
 * company, a strength band and who knows them (or only "someone at <company>"), never
 * contact details, notes or interactions. My private notes are never returned.
 */
import { z } from "zod";
import { ErrorCode, isWarmpathError } from "../../errors.js";
import { currentEmployers, explainPath, type Person } from "../../graph/index.js";
import { teamPersonView } from "../../teams/index.js";
import type { McpContext } from "../mcp-context.js";
import { defineTool } from "../mcp-tool.js";
import { round3 } from "../named-people.js";
import { personArg } from "../target-args.js";
import { teamUser } from "../team-user.js";

/** My own contact: what I know of them, and our tie, without my private notes. */
async function ownView(context: McpContext, person: Person) {
  const { store, ownerId } = context;
  const [self, employers] = await Promise.all([
    store.getSelf(ownerId),
    currentEmployers(store, ownerId, [person.id]),
  ]);
  const tie =
    person.id === self.id
      ? null
      : await explainPath(store, ownerId, [self.id, person.id]).catch((error: unknown) => {
          // No direct tie: they are reached through others (find_intro_paths).
          if (isWarmpathError(error, ErrorCode.BAD_USER_INPUT)) return null;
          throw error;
        });
  return {
    kind: "own",
    id: person.id,
    name: person.name,
    isMe: person.isSelf,
    title: person.title,
    companies: employers.get(person.id) ?? [],
    location: person.location,
    emails: person.emails,
    phones: person.phones,
    profileUrl: person.profileUrl,
    categories: person.categories,
    tags: person.tags,
    interests: person.interests,
    hobbies: person.hobbies,
    news: person.news,
    seeking: person.seeking,
    tieToMe:
      tie === null
        ? null
        : { strength: round3(tie.hops[0]!.strength), evidence: tie.hops[0]!.evidence },
  };
}

/** A person of a team's pool, as the requester may see them; unknown, hidden and foreign ids alike are NOT_FOUND. */
async function teamView(context: McpContext, teamId: string, value: string) {
  const user = teamUser(context);
  const view = await teamPersonView(context.store, user, teamId, value, context.now());
  switch (view.kind) {
    case "own":
      return ownView(context, await context.store.get(context.ownerId, "person", view.personId));
    case "teammate":
      return { kind: "teammate", id: view.id, name: view.name };
    case "pooled":
      return {
        kind: "pooled",
        id: view.id,
        name: view.name,
        title: view.title,
        company: view.company,
        band: view.band,
        via: view.via,
      };
    case "opaque":
      return { kind: "opaque", id: view.id, company: view.company, via: view.via };
    default: {
      const never: never = view;
      return never;
    }
  }
}

export const getPersonTool = defineTool({
  name: "get_person",
  description:
    "One person: title, companies, contact details, interests, news and our tie. With teamId, a teammate's contact as the team's privacy rules allow.",
  input: z.strictObject({
    person: z.string().min(1).max(500).describe("id, name, e-mail or profile URL"),
    teamId: z.string().min(1).max(100).optional(),
  }),
  async run(args, context) {
    if (args.teamId !== undefined) return teamView(context, args.teamId, args.person);
    return ownView(context, await personArg(context, args.person, "person"));
  },
});
