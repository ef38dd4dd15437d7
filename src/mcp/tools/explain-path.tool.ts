/** explain_path: one chain of people told hop by hop, with each tie's strength and evidence. */
import { z } from "zod";
import { explainPath, MAX_HOPS_LIMIT } from "../../graph/index.js";
import { defineTool } from "../mcp-tool.js";
import { round3, type Named } from "../named-people.js";
import { personArg } from "../target-args.js";

export const explainPathTool = defineTool({
  name: "explain_path",
  description:
    "Explains a chain of people (ids or names, starting with me): each tie's strength 0-1 and evidence, the warmth and the weakest link.",
  input: z.strictObject({
    people: z
      .array(z.string().min(1).max(500))
      .min(2)
      .max(MAX_HOPS_LIMIT + 1),
  }),
  async run(args, context) {
    const people = await Promise.all(
      args.people.map((p, i) => personArg(context, p, `people[${i}]`)),
    );
    const path = await explainPath(
      context.store,
      context.ownerId,
      people.map((p) => p.id),
    );
    // The chain is the people just resolved, so their names are at hand: no second fetch.
    const byId = new Map(people.map((p): [string, Named] => [p.id, { id: p.id, name: p.name }]));
    const named = (id: string): Named => byId.get(id)!;
    const hop = (h: (typeof path.hops)[number]) => ({
      from: named(h.from).name,
      to: named(h.to).name,
      strength: round3(h.strength),
      inferred: h.inferred,
      evidence: h.evidence,
    });
    return {
      warmth: round3(path.warmth),
      label: path.label,
      people: path.people.map(named),
      hops: path.hops.map(hop),
      weakestLink: hop(path.weakestLink),
    };
  },
});
