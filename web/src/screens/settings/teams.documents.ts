/** Settings with accounts: the teams you belong to, what you share, and your blocklist. */
import { graphql } from "../../api/typed-document";

export type SharingLevel = "OFF" | "COMPANY" | "FULL";
export type TeamRole = "OWNER" | "ADMIN" | "MEMBER" | "GUEST";

export interface MembershipRow {
  team: { id: string; name: string; reciprocity: boolean; approval: boolean };
  member: {
    userId: string;
    role: TeamRole;
    sharing: SharingLevel;
    sharingCap: SharingLevel;
    effectiveSharing: SharingLevel;
  };
}

const MEMBERSHIP_FIELDS = `
  team {
    id
    name
    reciprocity
    approval
  }
  member {
    userId
    role
    sharing
    sharingCap
    effectiveSharing
  }
`;

export const MY_TEAMS = graphql<{ teams: MembershipRow[] }>(`
  query MyTeams {
    teams {
      ${MEMBERSHIP_FIELDS}
    }
  }
`);

export const SET_TEAM_SHARING = graphql<
  { setTeamSharing: MembershipRow["member"] },
  { teamId: string; sharing: SharingLevel }
>(`
  mutation SetTeamSharing($teamId: ID!, $sharing: SharingLevel!) {
    setTeamSharing(teamId: $teamId, sharing: $sharing) {
      userId
      role
      sharing
      sharingCap
      effectiveSharing
    }
  }
`);

export const LEAVE_TEAM = graphql<
  { removeTeamMember: boolean },
  { teamId: string; userId: string }
>(`
  mutation LeaveTeam($teamId: ID!, $userId: ID!) {
    removeTeamMember(input: { teamId: $teamId, userId: $userId })
  }
`);

export const CREATE_TEAM = graphql<{ createTeam: MembershipRow }, { name: string }>(`
  mutation CreateTeam($name: String!) {
    createTeam(input: { name: $name }) {
      ${MEMBERSHIP_FIELDS}
    }
  }
`);

export const JOIN_TEAM = graphql<{ joinTeam: MembershipRow }, { invitation: string }>(`
  mutation JoinTeam($invitation: String!) {
    joinTeam(invitation: $invitation) {
      ${MEMBERSHIP_FIELDS}
    }
  }
`);

export const BLOCKED_LABELS = graphql<{ poolingSettings: { blockedLabels: string[] } }>(`
  query BlockedLabels {
    poolingSettings {
      blockedLabels
    }
  }
`);

export const SET_BLOCKED_LABELS = graphql<
  { setBlockedLabels: { blockedLabels: string[] } },
  { labels: string[] }
>(`
  mutation SetBlockedLabels($labels: [String!]!) {
    setBlockedLabels(labels: $labels) {
      blockedLabels
    }
  }
`);
