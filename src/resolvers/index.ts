/** Every resolver class, for building the schema. */
import { EmploymentResolver } from "./employment.resolver.js";
import { MembershipResolver } from "./membership.resolver.js";
import { InteractionResolver } from "./interaction.resolver.js";
import {
  AnalyticsResolver,
  BridgeResolver,
  BrokerResolver,
  CommunityResolver,
  ConnectorResolver,
  CoverageResolver,
} from "./analytics.resolver.js";
import { IntroHopResolver, IntroPathResolver } from "./intro-path.resolver.js";
import { FavorResolver } from "./favor.resolver.js";
import { IntroRequestResolver } from "./intro-request.resolver.js";
import { KeepInTouchResolver } from "./keep-in-touch.resolver.js";
import { UpdateResolver } from "./update.resolver.js";
import { ImportExportResolver } from "./import-export.resolver.js";
import { MailImportResolver } from "./mail-import.resolver.js";
import { OrganizationResolver } from "./organization.resolver.js";
import { PersonResolver } from "./person.resolver.js";
import { PeopleSearchResolver } from "./people-search.resolver.js";
import { TieResolver } from "./tie.resolver.js";
import { AccountResolver } from "./account.resolver.js";
import { SessionResolver } from "./session.resolver.js";
import { ApiTokenResolver } from "./api-token.resolver.js";
import { InvitationResolver } from "./invitation.resolver.js";
import { PasskeyResolver } from "./passkey.resolver.js";
import { TeamResolver } from "./team.resolver.js";
import { PoolingResolver } from "./pooling.resolver.js";
import { TeamPathResolver } from "./team-path.resolver.js";
import { TeamRequestResolver } from "./team-request.resolver.js";
import { TeamAnalyticsResolver } from "./team-analytics.resolver.js";
import { NetworkGraphResolver } from "./network-graph.resolver.js";

export const RESOLVERS = [
  PersonResolver,
  PeopleSearchResolver,
  OrganizationResolver,
  TieResolver,
  EmploymentResolver,
  MembershipResolver,
  InteractionResolver,
  IntroPathResolver,
  IntroHopResolver,
  AnalyticsResolver,
  ConnectorResolver,
  BrokerResolver,
  CommunityResolver,
  BridgeResolver,
  CoverageResolver,
  NetworkGraphResolver,
  KeepInTouchResolver,
  UpdateResolver,
  FavorResolver,
  IntroRequestResolver,
  ImportExportResolver,
  MailImportResolver,
  AccountResolver,
  SessionResolver,
  ApiTokenResolver,
  InvitationResolver,
  PasskeyResolver,
  TeamResolver,
  PoolingResolver,
  TeamPathResolver,
  TeamRequestResolver,
  TeamAnalyticsResolver,
] as const;
export {
  createContext,
  type RequestServices,
  type RequestSide,
  type WarmpathContext,
} from "./context.js";
export { authChecker } from "./auth-checker.js";
export { NEED_EXTENSION } from "./needs.js";
export { formatWarmpathError, type ErrorLogger } from "./format-error.js";
