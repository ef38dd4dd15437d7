/** follow_ups: the Immediate Follow-up list, what waits for my answer, longest-waiting first. */
import { z } from "zod";
import { immediateFollowUps } from "../../graph/index.js";
import { pageArgs, pageOf, pageRequest } from "../list-page.js";
import { defineTool } from "../mcp-tool.js";
import { namer } from "../named-people.js";

export const followUpsTool = defineTool({
  name: "follow_ups",
  description:
    "Immediate Follow-up list: messages and asks waiting for my answer, and stalled intro requests, longest-waiting first.",
  input: z.strictObject({ ...pageArgs }),
  async run(args, context) {
    const page = pageRequest(args);
    const all = await immediateFollowUps(context.store, context.ownerId, { now: context.now() });
    const { items, nextCursor } = pageOf(all, page);
    const named = await namer(
      context,
      items.map((f) => f.personId),
    );
    return {
      followUps: items.map((f) => ({
        person: named(f.personId),
        waitingDays: f.waitingDays,
        reason: f.reason,
      })),
      nextCursor,
    };
  },
});
