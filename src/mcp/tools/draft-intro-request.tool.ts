/**
 * draft_intro_request: the double opt-in message to the first introducer of the warmest
 * path (or of the introducer named). A draft only: nothing is stored and warmpath never
 * sends anything; the user sends it from their own mail.
 */
import { z } from "zod";
import { isWarmpathError, WarmpathError } from "../../errors.js";
import { planIntroRequest } from "../../graph/index.js";
import { defineTool } from "../mcp-tool.js";
import { round3 } from "../named-people.js";
import { personArg } from "../target-args.js";

/** The plan's fields as this tool names its arguments. */
const ARGUMENT: Readonly<Record<string, string>> = {
  targetId: "to",
  introducerId: "introducer",
  elevatorPitch: "pitch",
};

const asArgument = (error: unknown): never => {
  if (!isWarmpathError(error) || error.field === undefined || !(error.field in ARGUMENT))
    throw error;
  throw new WarmpathError(error.code, error.message.replace(error.field, ARGUMENT[error.field]!), {
    field: ARGUMENT[error.field]!,
  });
};

export const draftIntroRequestTool = defineTool({
  name: "draft_intro_request",
  description:
    "Drafts the message asking the first introducer of the warmest path (or a named one) to introduce me. Never sends or saves.",
  input: z.strictObject({
    to: z.string().min(1).max(500).describe("person: id, name, e-mail or profile URL"),
    introducer: z.string().min(1).max(500).optional(),
    note: z.string().max(2000).optional().describe("why I ask, in my words"),
    pitch: z.string().max(2000).optional().describe("default: my saved elevator pitch"),
  }),
  async run(args, context) {
    const [target, introducer] = await Promise.all([
      personArg(context, args.to, "to"),
      args.introducer === undefined ? null : personArg(context, args.introducer, "introducer"),
    ]);
    const plan = await planIntroRequest(context.store, context.ownerId, {
      targetId: target.id,
      introducerId: introducer?.id ?? null,
      note: args.note ?? null,
      pitch: args.pitch ?? null,
    }).catch(asArgument);
    return {
      to: { id: plan.target.id, name: plan.target.name },
      introducer: { id: plan.introducer.id, name: plan.introducer.name },
      path: { warmth: round3(plan.path.warmth), label: plan.path.label, people: plan.path.people },
      message: plan.message,
      blurb: plan.blurb,
      sent: false,
    };
  },
});
