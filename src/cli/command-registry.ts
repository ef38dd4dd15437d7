/**
 * The commands of `warmpath`, with a one-line summary each for the general
 * help, and a loader so that only the command being run is imported.
 */
import type { Command } from "./command.js";

export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** Every command by name, in the order the general help lists them. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = Object.freeze({
  demo: {
    summary: "load a small demo network to try every command on",
    load: async () => (await import("./demo-command.js")).demoCommand,
  },
  people: {
    summary: "find people by name, title or employer",
    load: async () => (await import("./people-command.js")).peopleCommand,
  },
  path: {
    summary: "the warmest introduction paths to a person, a company, a role",
    load: async () => (await import("./path-command.js")).pathCommand,
  },
  next: {
    summary: "the Next Contact list: whom to get in touch with soon",
    load: async () => (await import("./next-command.js")).nextCommand,
  },
  followups: {
    summary: "the Immediate Follow-up list: what needs your answer now",
    load: async () => (await import("./followups-command.js")).followupsCommand,
  },
  tag: {
    summary: "add (or --remove) free tags on a person",
    load: async () => (await import("./tag-command.js")).tagCommand,
  },
  categorize: {
    summary: "put a person in categories (client, mentor, recruiter, ...)",
    load: async () => (await import("./categorize-command.js")).categorizeCommand,
  },
  rate: {
    summary: "rate how strong a tie is (0-1), confirming it by hand",
    load: async () => (await import("./rate-command.js")).rateCommand,
  },
  log: {
    summary: "log a call, coffee, e-mail, meeting... on a day, with a note",
    load: async () => (await import("./log-command.js")).logCommand,
  },
  followup: {
    summary: "add, snooze or complete a dated follow-up",
    load: async () => (await import("./followup-command.js")).followupCommand,
  },
  news: {
    summary: "record a person's news, or read it",
    load: async () => (await import("./news-command.js")).newsCommand,
  },
  favor: {
    summary: "record a favor given or received, and the balance with a person",
    load: async () => (await import("./favor-command.js")).favorCommand,
  },
  intro: {
    summary: "draft an introduction request on the warmest path; follow it",
    load: async () => (await import("./intro-command.js")).introCommand,
  },
  update: {
    summary: "draft a blanket update as .eml files, one per contact",
    load: async () => (await import("./update-command.js")).updateCommand,
  },
  import: {
    summary: "import contacts, mail (mbox) or calendars (.ics)",
    load: async () => (await import("./import-command.js")).importCommand,
  },
  export: {
    summary: "export the network (CSV, vCard, GraphML, GEXF, JSON)",
    load: async () => (await import("./export-command.js")).exportCommand,
  },
  user: {
    summary: "the store's accounts: create, list, disable, reset a password",
    load: async () => (await import("./user-command.js")).userCommand,
  },
  token: {
    summary: "a user's API tokens: create (shown once), list, revoke",
    load: async () => (await import("./token-command.js")).tokenCommand,
  },
  team: {
    summary: "teams on a server: members, sharing, pooled paths, the audit log",
    load: async () => (await import("./team-command.js")).teamCommand,
  },
  hide: {
    summary: "keep one of your contacts out of every team (on a server)",
    load: async () => (await import("./pooling-command.js")).hideCommand,
  },
  unhide: {
    summary: "return a hidden contact to the defaults for your teams",
    load: async () => (await import("./pooling-command.js")).unhideCommand,
  },
  share: {
    summary: "share a contact the defaults keep from your teams",
    load: async () => (await import("./pooling-command.js")).shareCommand,
  },
  blocklist: {
    summary: "the categories and tags your teams never see: show or --set",
    load: async () => (await import("./pooling-command.js")).blocklistCommand,
  },
  mcp: {
    summary: "serve your network to an AI assistant (MCP, on stdio)",
    load: async () => (await import("./mcp-command.js")).mcpCommand,
  },
  serve: {
    summary: "serve the GraphQL API (the same as npm start)",
    load: async () => (await import("./serve-command.js")).serveCommand,
  },
});
