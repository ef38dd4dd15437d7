/** next_contacts: the Next Contact list, whom to get in touch with soon, overdue first. */
import { z } from "zod";
import { NEXT_CONTACTS_DEFAULTS, nextContacts } from "../../graph/index.js";
import { pageArgs, pageOf, pageRequest } from "../list-page.js";
import { defineTool } from "../mcp-tool.js";
import { namer } from "../named-people.js";

export const nextContactsTool = defineTool({
  name: "next_contacts",
  description:
    "Next Contact list: whom I should get in touch with within the coming days (default 30), by due date, with why.",
  input: z.strictObject({
    withinDays: z.number().int().min(0).max(NEXT_CONTACTS_DEFAULTS.maxWithinDays).optional(),
    ...pageArgs,
  }),
  async run(args, context) {
    const page = pageRequest(args);
    const all = await nextContacts(context.store, context.ownerId, {
      now: context.now(),
      ...(args.withinDays === undefined ? {} : { withinDays: args.withinDays }),
    });
    const { items, nextCursor } = pageOf(all, page);
    const named = await namer(
      context,
      items.map((c) => c.personId),
    );
    return {
      contacts: items.map((c) => ({
        person: named(c.personId),
        due: c.due,
        overdue: c.overdue,
        reason: c.reason,
      })),
      nextCursor,
    };
  },
});
