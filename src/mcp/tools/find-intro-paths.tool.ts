/** find_intro_paths: the warmest chains of introducers to a person or to anyone at an organization. */
import { z } from "zod";
import { badInput } from "../../errors.js";
import { findIntroPaths, MAX_K_LIMIT, type IntroTarget } from "../../graph/index.js";
import { pageArgs, pageOf, pageRequest } from "../list-page.js";
import { defineTool } from "../mcp-tool.js";
import { namerWithRole, round3 } from "../named-people.js";
import { organizationArg, personArg } from "../target-args.js";
import { teamPaths } from "../team-paths.js";

const person = z.string().min(1).max(500);

export const findIntroPathsTool = defineTool({
  name: "find_intro_paths",
  description:
    "Warmest introduction paths from me to a person (to) or anyone now at an organization (org), best first, each with a different first introducer. Pass a path's people to explain_path.",
  input: z.strictObject({
    to: person.optional().describe("person: id, name, e-mail or profile URL"),
    org: person.optional().describe("organization: id or name"),
    maxHops: z.number().int().min(1).max(6).optional().describe("most ties per path (default 4)"),
    minWarmth: z.number().min(0).max(1).optional(),
    exclude: z.array(person).max(50).optional().describe("people not to ask"),
    teamId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("through this team's shared networks too; to then matches name, title, company"),
    ...pageArgs,
  }),
  async run(args, context) {
    if ((args.to === undefined) === (args.org === undefined))
      throw badInput("to", "give exactly one of to (a person) or org (an organization)");
    const page = pageRequest(args);
    if (args.teamId !== undefined)
      return teamPaths(context, { ...args, teamId: args.teamId }, page);
    const [target, exclude] = await Promise.all([
      args.to !== undefined
        ? personArg(context, args.to, "to").then((p) => ({
            kind: "person",
            id: p.id,
            name: p.name,
          }))
        : organizationArg(context, args.org!, "org").then((o) => ({
            kind: "organization",
            id: o.id,
            name: o.name,
          })),
      Promise.all((args.exclude ?? []).map((e, i) => personArg(context, e, `exclude[${i}]`))),
    ]);
    const to: IntroTarget =
      target.kind === "person" ? { personId: target.id } : { organizationId: target.id };
    const { paths, noPathReason } = await findIntroPaths(context.store, context.ownerId, to, {
      k: Math.min(page.offset + page.limit + 1, MAX_K_LIMIT),
      ...(args.maxHops === undefined ? {} : { maxHops: args.maxHops }),
      ...(args.minWarmth === undefined ? {} : { minWarmth: args.minWarmth }),
      exclude: exclude.map((p) => p.id),
    });
    const { items, nextCursor } = pageOf(paths, page);
    const named = await namerWithRole(
      context,
      items.flatMap((p) => p.people),
    );
    return {
      target,
      paths: items.map((p) => ({
        warmth: round3(p.warmth),
        label: p.label,
        people: p.people.map((id) => ({ id, name: named(id).name })),
        // For an organization, who there the path reaches and in what role.
        ...(target.kind === "organization" ? { reaches: named(p.people.at(-1)!) } : {}),
        weakestLink: {
          from: named(p.weakestLink.from).name,
          to: named(p.weakestLink.to).name,
          strength: round3(p.weakestLink.strength),
        },
      })),
      noPathReason: paths.length === 0 ? noPathReason : null,
      nextCursor,
    };
  },
});
