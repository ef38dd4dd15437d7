/**
 * The template language of a blanket update: plain text with `{{placeholder}}`
 * slots that personalize each copy slightly. Deliberately tiny (no logic, no
 * escapes), so a template that parses can always be rendered for anyone.
 */
import { badInput } from "../../errors.js";

/** The placeholders a blanket update may use, written {{firstName}}. */
export const PLACEHOLDERS = [
  "firstName",
  "name",
  "company",
  "latestNews",
  "sharedInterest",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A template split into literal text and placeholders, checked once and rendered per recipient. */
export interface ParsedTemplate {
  readonly parts: readonly (string | { readonly placeholder: Placeholder })[];
  /** The distinct placeholders used, in first-use order. */
  readonly placeholders: readonly Placeholder[];
}

const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);
const USE_ONE_OF = `use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`;

/** Parses a template; an unknown placeholder or a malformed one (an unclosed "{{") is badInput(field, ...), naming it. */
export function parseTemplate(template: string, field = "template"): ParsedTemplate {
  if (typeof template !== "string") throw badInput(field, "must be a string");
  const parts: (string | { placeholder: Placeholder })[] = [];
  const used: Placeholder[] = [];
  let at = 0;
  for (let open = template.indexOf("{{"); open !== -1; open = template.indexOf("{{", at)) {
    const close = template.indexOf("}}", open + 2);
    const nextOpen = template.indexOf("{{", open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw badInput(
        field,
        `unclosed "{{" at character ${open + 1}; write placeholders as {{firstName}} and ${USE_ONE_OF}`,
      );
    }
    const name = template.slice(open + 2, close).trim();
    if (!isPlaceholder(name))
      throw badInput(field, `unknown placeholder {{${name}}}; ${USE_ONE_OF}`);
    if (open > at) parts.push(template.slice(at, open));
    parts.push({ placeholder: name });
    if (!used.includes(name)) used.push(name);
    at = close + 2;
  }
  if (at < template.length) parts.push(template.slice(at));
  return { parts, placeholders: used };
}

/** Fills a parsed template's placeholders with one recipient's values. */
export function renderTemplate(
  template: ParsedTemplate,
  values: Readonly<Record<Placeholder, string>>,
): string {
  return template.parts
    .map((part) => (typeof part === "string" ? part : values[part.placeholder]))
    .join("");
}
