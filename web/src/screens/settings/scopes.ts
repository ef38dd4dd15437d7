/** The scopes a token may carry (the README's table), in words; `admin` implies every other. */
export const SCOPE_WORDS: readonly { scope: string; words: string }[] = [
  { scope: "paths:read", words: "find paths and read the analyses" },
  { scope: "contacts:read", words: "read people, lists and exports" },
  { scope: "contacts:write", words: "change people, ties and the rest" },
  { scope: "imports:write", words: "import contact files" },
  { scope: "intros:write", words: "draft and move introduction requests" },
  { scope: "mcp", words: "the assistants’ (MCP) server" },
  { scope: "admin", words: "everything, and invitations (administrators only)" },
];

/** The scopes you may hand to a token: those you hold (all of them when you are an admin). */
export const grantable = (held: readonly string[]): string[] =>
  held.includes("admin") ? SCOPE_WORDS.map((s) => s.scope) : [...held];
