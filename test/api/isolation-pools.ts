/**
 * The clock of the isolation suite and the pools of values both owners draw from, so their
 * data look alike: names, e-mails, profile URLs, organization names, tags and idempotency keys.
 */

/**
 * The clock of every request: the minute the suite was loaded. Generated times are whole hours
 * before it, so what still reads the wall clock (a path hop's "3 weeks ago") says the same all
 * through a run shorter than an hour.
 */
export const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const DAY_MS = 86_400_000;
export const dayIso = (offsetDays: number): string =>
  new Date(NOW.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
export const instantIso = (offsetHours: number): string =>
  new Date(NOW.getTime() + offsetHours * 3_600_000).toISOString();

export const FIRST = ["Ada", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"] as const;
export const LAST = ["Park", "Okafor", "Lund", "Diaz", "Singh"] as const;
export const ORG_NAMES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Toastmasters",
] as const;
export const ORG_KINDS = ["COMPANY", "VENTURE_FIRM", "SCHOOL", "CLUB", "CHAMBER", "OTHER"] as const;
export const TAGS = ["vip", "sailing", "angel", "alumni"] as const;
export const CATEGORIES = ["CLIENT", "FRIEND", "FORMER_COLLEAGUE", "MENTOR", "INVESTOR"] as const;
export const CONTEXTS = ["WORKED_TOGETHER", "FRIEND", "SCHOOL", "CLIENT", "MET_ONCE"] as const;
export const INTERACTION_KINDS = ["EMAIL", "CALL", "COFFEE", "MEETING", "MESSAGE"] as const;
export const DIRECTIONS = ["INBOUND", "OUTBOUND", "MUTUAL"] as const;
export const FAVOR_KINDS = ["INTRODUCTION", "REFERRAL", "ADVICE", "HELP"] as const;
/** Keys both owners use: a key is the owner's own, so B's key never answers with A's record. */
export const KEYS = ["k-1", "k-2", "k-3", "k-4"] as const;
/** A person's e-mail and profile URL follow their place in the plan, so A's and B's collide. */
export const emailOf = (i: number) => `p${i}@example.org`;
export const profileOf = (i: number) => `https://linkedin.com/in/p${i}`;
