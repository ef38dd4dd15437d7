/**
 * who_knows: who in my network gets me to someone at a company, or with a role (or both:
 * "recruiter at Fabrikam"): one entry per first introducer, warmest first, with whom
 * they reach. The engine's diverse search does this: no two paths share an introducer.
 */
import { z } from "zod";
import { badInput } from "../../errors.js";
import { findIntroPaths, MAX_K_LIMIT, type IntroTarget } from "../../graph/index.js";
import { pageArgs, pageOf, pageRequest } from "../list-page.js";
import { defineTool } from "../mcp-tool.js";
import { namerWithRole, round3 } from "../named-people.js";
import { organizationArg } from "../target-args.js";
import { teamWhoKnows } from "../team-paths.js";

export const whoKnowsTool = defineTool({
  name: "who_knows",
  description:
    "Who of mine can introduce me to someone at a company and/or with a role (title words): one entry per introducer, warmest first.",
  input: z.strictObject({
    company: z.string().min(1).max(500).optional().describe("organization: id or name"),
    role: z.string().min(1).max(200).optional().describe("words of a title, e.g. recruiter"),
    teamId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("through this team's shared networks too (company or role, not both)"),
    ...pageArgs,
  }),
  async run(args, context) {
    if (args.company === undefined && args.role === undefined)
      throw badInput("company", "give a company, a role, or both");
    const page = pageRequest(args);
    if (args.teamId !== undefined)
      return teamWhoKnows(context, { ...args, teamId: args.teamId }, page);
    const org =
      args.company === undefined ? null : await organizationArg(context, args.company, "company");
    const to: IntroTarget =
      args.role === undefined
        ? { organizationId: org!.id }
        : { filter: { text: args.role, ...(org === null ? {} : { organizationId: org.id }) } };
    const { paths, noPathReason } = await findIntroPaths(context.store, context.ownerId, to, {
      k: Math.min(page.offset + page.limit + 1, MAX_K_LIMIT),
    });
    const { items, nextCursor } = pageOf(paths, page);
    const named = await namerWithRole(
      context,
      items.flatMap((p) => [p.people[1]!, p.people.at(-1)!]),
    );
    return {
      introducers: items.map((p) => ({
        // Two people on the path: I know them myself, nobody needs to introduce me.
        introducer: p.people.length > 2 ? named(p.people[1]!) : null,
        reaches: named(p.people.at(-1)!),
        warmth: round3(p.warmth),
        label: p.label,
        people: p.people,
      })),
      noPathReason: paths.length === 0 ? noPathReason : null,
      nextCursor,
    };
  },
});
