/**
 * GraphQL enums for the domain's value lists. GraphQL names are upper case
 * (FORMER_COLLEAGUE); their values are the domain's (former_colleague).
 */
import { registerEnumType } from "type-graphql";
import {
  CATEGORIES,
  DIRECTIONS,
  FAVOR_DIRECTIONS,
  FAVOR_KINDS,
  FOLLOW_UP_LISTS,
  FOLLOW_UP_STATUSES,
  INTERACTION_KINDS,
  INTRO_REQUEST_STATUSES,
  ORGANIZATION_KINDS,
  PROVENANCES,
  TIE_CONTEXTS,
  DRAFT_STATUSES,
  RECIPIENT_LISTS,
  IMPORT_LAYOUTS,
  NETWORK_EXPORT_FORMATS,
  DRAFT_EXPORT_FORMATS,
  SHARING_LEVELS,
  TEAM_INTRO_STATUSES,
  TEAM_ROLES,
  AUDIT_KINDS,
} from "../graph/index.js";

function enumOf<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
): Record<string, T> {
  const object = Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<string, T>;
  registerEnumType(object, { name, description });
  return object;
}

export const Category = enumOf(
  CATEGORIES,
  "Category",
  "How the owner knows a person: client, family, former colleague, ...",
);
export const OrganizationKind = enumOf(
  ORGANIZATION_KINDS,
  "OrganizationKind",
  "A company, venture firm, school or community group.",
);
export const TieContext = enumOf(
  TIE_CONTEXTS,
  "TieContext",
  "Where two people know each other from.",
);
export const Provenance = enumOf(
  PROVENANCES,
  "Provenance",
  "Where a tie came from, most trusted first.",
);
export const InteractionKind = enumOf(
  INTERACTION_KINDS,
  "InteractionKind",
  "How the owner and a person were in touch.",
);
export const Direction = enumOf(
  DIRECTIONS,
  "Direction",
  "Who reached out: inbound (they did), outbound (the owner), mutual.",
);
export const FollowUpList = enumOf(
  FOLLOW_UP_LISTS,
  "FollowUpList",
  "The list a follow-up lands on when due.",
);
export const FollowUpStatus = enumOf(
  FOLLOW_UP_STATUSES,
  "FollowUpStatus",
  "Whether a follow-up is open, snoozed or done.",
);
export const FavorKind = enumOf(FAVOR_KINDS, "FavorKind", "What kind of help a favor was.");
export const FavorDirection = enumOf(
  FAVOR_DIRECTIONS,
  "FavorDirection",
  "Whether the owner gave or received a favor.",
);
export const IntroRequestStatus = enumOf(
  INTRO_REQUEST_STATUSES,
  "IntroRequestStatus",
  "Where a double opt-in introduction stands.",
);
export const CadenceSource = enumOf(
  ["person", "category", "default"] as const,
  "CadenceSource",
  "Where a keep-in-touch cadence comes from: the person's override, your cadence for a category, or the built-in default.",
);
export const DraftStatus = enumOf(
  DRAFT_STATUSES,
  "DraftStatus",
  "Whether an update's copy is still a draft or marked sent.",
);
export const DraftFormat = enumOf(
  DRAFT_EXPORT_FORMATS,
  "DraftFormat",
  "How drafts are exported: one plain-text file, or one .eml message per recipient.",
);
export const HelpKind = enumOf(
  ["asked", "can_reach"] as const,
  "HelpKind",
  "Why you could help: they asked you, or you can reach what they are looking for.",
);
export const RecipientList = enumOf(
  RECIPIENT_LISTS,
  "RecipientList",
  "A keep-in-touch list a blanket update can go to.",
);
export const ImportFormat = enumOf(
  [...IMPORT_LAYOUTS, "auto"] as const,
  "ImportFormat",
  "The layout of a contact file: LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV, vCard, warmpath's own CSV export, or AUTO to detect it.",
);
export const RowOutcome = enumOf(
  ["created", "updated", "unchanged", "skipped", "rejected"] as const,
  "RowOutcome",
  "What became of one imported row.",
);
export const ExportFormat = enumOf(
  NETWORK_EXPORT_FORMATS,
  "ExportFormat",
  "A format other tools read: CSV, vCard, GraphML and GEXF (Gephi), or warmpath's own JSON.",
);

export const TeamRoleEnum = enumOf(
  TEAM_ROLES,
  "TeamRole",
  "owner and admin manage the team; a member pools and searches; a guest searches only.",
);
export const SharingLevelEnum = enumOf(
  SHARING_LEVELS,
  "SharingLevel",
  "What the team may use of your network: OFF (the default), COMPANY (someone at Acme, via you), FULL (name, title, company, a strength band).",
);
export const TeamIntroStatusEnum = enumOf(
  TEAM_INTRO_STATUSES,
  "TeamIntroStatus",
  "awaiting approval, pending, accepted, introduced, met; or declined, withdrawn.",
);
export const AuditKindEnum = enumOf(AUDIT_KINDS, "AuditKind", "A pooled search or a request.");
