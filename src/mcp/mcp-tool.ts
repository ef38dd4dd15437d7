/**
 * One MCP tool: its name, a short description, its input as a zod object, whether it
 * writes, and its work. `defineTool` checks the arguments itself (not the SDK), so a
 * bad argument comes back as BAD_USER_INPUT naming the field, like every other
 * warmpath error, rather than as the SDK's own message.
 */
import { z } from "zod";
import { badInput } from "../errors.js";
import type { McpContext } from "./mcp-context.js";

export interface McpToolSpec<S extends z.ZodObject> {
  name: string;
  description: string;
  input: S;
  /** True for the tools that change the network: they refuse unless called with `confirm: true`. */
  writes?: boolean;
  run(args: z.output<S>, context: McpContext): Promise<object>;
}

/** A tool with its argument type erased, as the registry holds it. */
export interface McpTool {
  readonly name: string;
  readonly description: string;
  readonly input: z.ZodObject;
  readonly writes: boolean;
  /** Checks `args` against `input`, then runs; throws WarmpathError. */
  call(args: unknown, context: McpContext): Promise<object>;
}

/** `exclude[1]`, `to`: where in the arguments an issue is. */
const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === "number"
        ? `${out}[${key}]`
        : out === ""
          ? String(key)
          : `${out}.${String(key)}`,
    "",
  ) || "arguments";

export function defineTool<S extends z.ZodObject>(spec: McpToolSpec<S>): McpTool {
  return Object.freeze({
    name: spec.name,
    description: spec.description,
    input: spec.input,
    writes: spec.writes ?? false,
    async call(args: unknown, context: McpContext) {
      const parsed = spec.input.safeParse(args ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw badInput(fieldOf(issue.path), issue.message);
      }
      return spec.run(parsed.data, context);
    },
  });
}
