/**
 * log_interaction: the one tool that writes to the network. Without `confirm: true` it
 * writes nothing and answers what it would log, so the assistant can ask the user first.
 */
import { z } from "zod";
import { badInput } from "../../errors.js";
import { DIRECTIONS, INTERACTION_KINDS } from "../../graph/index.js";
import { defineTool } from "../mcp-tool.js";
import { personArg } from "../target-args.js";

export const logInteractionTool = defineTool({
  name: "log_interaction",
  description:
    "Logs a contact with a person (writes). Refused unless confirm is true: first ask the user.",
  writes: true,
  input: z.strictObject({
    person: z.string().min(1).max(500),
    kind: z.enum(INTERACTION_KINDS),
    direction: z.enum(DIRECTIONS).optional().describe("default outbound"),
    at: z.string().max(40).optional().describe("ISO date or date-time; default now"),
    summary: z.string().max(2000).optional(),
    needsReply: z.boolean().optional(),
    confirm: z.boolean().optional(),
  }),
  async run(args, context) {
    const person = await personArg(context, args.person, "person");
    const at = args.at === undefined ? context.now() : new Date(args.at);
    if (Number.isNaN(at.getTime())) throw badInput("at", "must be an ISO-8601 date or date-time");
    const direction = args.direction ?? "outbound";
    if (args.confirm !== true) {
      const what = `a ${args.kind} with ${person.name} (${direction}) at ${at.toISOString()}${args.summary ? `: ${JSON.stringify(args.summary)}` : ""}`;
      throw badInput(
        "confirm",
        `nothing written: this would log ${what}. Ask the user, then call again with confirm: true.`,
      );
    }
    const logged = await context.store.create(context.ownerId, "interaction", {
      personId: person.id,
      kind: args.kind,
      at,
      direction,
      summary: args.summary ?? null,
      needsReply: args.needsReply ?? false,
    });
    return {
      logged: {
        id: logged.id,
        person: { id: person.id, name: person.name },
        kind: logged.kind,
        direction: logged.direction,
        at: logged.at,
        summary: logged.summary,
        needsReply: logged.needsReply,
      },
    };
  },
});
