/**
 * The record kinds of a network, and the type maps that let the store port
 * speak of all of them with one set of generic operations.
 */
import {
  cadenceSpec,
  type Cadence,
  type CadenceFilter,
  type CadenceInput,
  type CadencePatch,
} from "./cadence.js";
import {
  draftSpec,
  type Draft,
  type DraftFilter,
  type DraftInput,
  type DraftPatch,
} from "./draft.js";
import {
  employmentSpec,
  type Employment,
  type EmploymentFilter,
  type EmploymentInput,
  type EmploymentPatch,
} from "./employment.js";
import {
  favorSpec,
  type Favor,
  type FavorFilter,
  type FavorInput,
  type FavorPatch,
} from "./favor.js";
import {
  followUpSpec,
  type FollowUp,
  type FollowUpFilter,
  type FollowUpInput,
  type FollowUpPatch,
} from "./follow-up.js";
import {
  interactionSpec,
  type Interaction,
  type InteractionFilter,
  type InteractionInput,
  type InteractionPatch,
} from "./interaction.js";
import {
  introRequestSpec,
  type IntroRequest,
  type IntroRequestFilter,
  type IntroRequestInput,
  type IntroRequestPatch,
} from "./intro-request.js";
import {
  membershipSpec,
  type Membership,
  type MembershipFilter,
  type MembershipInput,
  type MembershipPatch,
} from "./membership.js";
import { newsSpec, type News, type NewsFilter, type NewsInput, type NewsPatch } from "./news.js";
import {
  organizationSpec,
  type Organization,
  type OrganizationFilter,
  type OrganizationInput,
  type OrganizationPatch,
} from "./organization.js";
import {
  personSpec,
  type Person,
  type PersonFilter,
  type PersonInput,
  type PersonPatch,
} from "./person.js";
import type { RecordSpec } from "./record.js";
import { tieSpec, type Tie, type TieFilter, type TieInput, type TiePatch } from "./tie.js";

export interface Records {
  person: Person;
  organization: Organization;
  tie: Tie;
  employment: Employment;
  membership: Membership;
  interaction: Interaction;
  followUp: FollowUp;
  favor: Favor;
  introRequest: IntroRequest;
  news: News;
  cadence: Cadence;
  draft: Draft;
}
export interface Inputs {
  person: PersonInput;
  organization: OrganizationInput;
  tie: TieInput;
  employment: EmploymentInput;
  membership: MembershipInput;
  interaction: InteractionInput;
  followUp: FollowUpInput;
  favor: FavorInput;
  introRequest: IntroRequestInput;
  news: NewsInput;
  cadence: CadenceInput;
  draft: DraftInput;
}
export interface Patches {
  person: PersonPatch;
  organization: OrganizationPatch;
  tie: TiePatch;
  employment: EmploymentPatch;
  membership: MembershipPatch;
  interaction: InteractionPatch;
  followUp: FollowUpPatch;
  favor: FavorPatch;
  introRequest: IntroRequestPatch;
  news: NewsPatch;
  cadence: CadencePatch;
  draft: DraftPatch;
}
export interface Filters {
  person: PersonFilter;
  organization: OrganizationFilter;
  tie: TieFilter;
  employment: EmploymentFilter;
  membership: MembershipFilter;
  interaction: InteractionFilter;
  followUp: FollowUpFilter;
  favor: FavorFilter;
  introRequest: IntroRequestFilter;
  news: NewsFilter;
  cadence: CadenceFilter;
  draft: DraftFilter;
}

export type RecordKind = keyof Records;
/** Kinds with an identity, which imports can upsert. */
export type UpsertKind =
  "person" | "organization" | "tie" | "employment" | "membership" | "cadence";

export type SpecOf<K extends RecordKind> = RecordSpec<Records[K], Inputs[K], Patches[K]>;

export const SPECS: { readonly [K in RecordKind]: SpecOf<K> } = {
  person: personSpec,
  organization: organizationSpec,
  tie: tieSpec,
  employment: employmentSpec,
  membership: membershipSpec,
  interaction: interactionSpec,
  followUp: followUpSpec,
  favor: favorSpec,
  introRequest: introRequestSpec,
  news: newsSpec,
  cadence: cadenceSpec,
  draft: draftSpec,
};

export const RECORD_KINDS = Object.keys(SPECS) as RecordKind[];
export const UPSERT_KINDS: readonly UpsertKind[] = [
  "person",
  "organization",
  "tie",
  "employment",
  "membership",
  "cadence",
];
