/**
 * Which of a member's contacts the team may pool (issue 14, after TeamLink, WhoKnows and
 * Affinity's defaults): nothing at level `off`; otherwise the member's own person (it is how
 * the member appears in the pool) and every contact not hidden. A contact is hidden by
 * default when all its e-mail addresses are at personal mail domains (a contact with no
 * address is not), when it has no professional identity (no current employer, no title, no
 * profile URL), or when one of its categories or tags is a blocked label. The member's
 * per-contact choice overrides the default: "hidden" hides, "shared" shares, except that a
 * blocked label always wins.
 */
import { nameKey } from "../model/fields.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import { badInput } from "../../errors.js";
import { SHARING_LEVELS, type PoolingSettings, type SharingLevel } from "../store/teams.js";
import { isPersonalAddress } from "./personal-mail-domains.js";

/** What the policy reads of a member's network; a NetworkProjection is one. */
export interface ContactSource {
  readonly selfId: string;
  readonly people: ReadonlyMap<string, Person>;
  currentEmployersOf(personId: string): readonly Pick<Organization, "name">[];
}

/** Why a contact is not pooled, the first rule that applies. */
export type HiddenReason =
  "blocked_label" | "hidden_by_member" | "personal_mail_only" | "no_professional_identity";

/** A label as blocking compares it: case, spaces, hyphens and underscores do not matter. */
export const labelKey = (label: string): string => nameKey(label).replace(/[\s_-]+/g, "_");

/**
 * The policy for one contact: null when it may be pooled, else the reason it is not.
 * `blocked` holds the member's blocked labels as `labelKey` gives them.
 */
export function hiddenReason(
  person: Person,
  currentEmployers: readonly unknown[],
  blocked: ReadonlySet<string>,
  override: "shared" | "hidden" | undefined,
): HiddenReason | null {
  if ([...person.categories, ...person.tags].some((label) => blocked.has(labelKey(label))))
    return "blocked_label";
  if (override === "hidden") return "hidden_by_member";
  if (override === "shared") return null;
  if (person.emails.length > 0 && person.emails.every(isPersonalAddress))
    return "personal_mail_only";
  const titled = person.title !== null && person.title.trim() !== "";
  if (currentEmployers.length === 0 && !titled && person.profileUrl === null)
    return "no_professional_identity";
  return null;
}

/** The person ids of one member's network that the team may pool at `level`. */
export function shareableContacts(
  source: ContactSource,
  settings: PoolingSettings,
  level: SharingLevel,
): Set<string> {
  if (!SHARING_LEVELS.includes(level)) throw badInput("level", `unknown sharing level ${level}`);
  if (!Array.isArray(settings.contacts) || !Array.isArray(settings.blockedLabels))
    throw badInput("settings", "needs contacts and blockedLabels lists");
  const shared = new Set<string>();
  if (level === "off") return shared;
  const blocked = new Set(settings.blockedLabels.map(labelKey));
  const overrides = new Map(settings.contacts.map((c) => [c.personId, c.sharing]));
  for (const [id, person] of source.people) {
    const self = id === source.selfId;
    if (
      self ||
      hiddenReason(person, source.currentEmployersOf(id), blocked, overrides.get(id)) === null
    )
      shared.add(id);
  }
  return shared;
}
