/**
 * The Find screen's documents for a member of a team: their teams, and the warmest paths
 * through the team's pooled network (teamIntroPaths), whose people are a union (HopPerson):
 * yours, a teammate, a teammate's shared contact, or company-only.
 */
import { graphql } from "../../api/typed-document";
import type { PathLimits, PathsAnswer } from "./find.documents";

export interface MyTeam {
  team: { id: string; name: string };
}

/** The teams you belong to (accounts only: a single-user install has none to ask about). */
export const FIND_TEAMS = graphql<{ teams: MyTeam[] }>(`
  query FindTeams {
    teams {
      team {
        id
        name
      }
    }
  }
`);

export type HopPerson =
  | { __typename: "Person"; id: string; name: string; title: string | null; isSelf: boolean }
  | { __typename: "Teammate"; userId: string; name: string }
  | {
      __typename: "PooledPerson";
      id: string;
      name: string;
      title: string | null;
      company: string | null;
      band: string;
      via: string[];
    }
  | { __typename: "OpaquePerson"; id: string; company: string | null; via: string[] };

export interface TeamHop {
  strength: number;
  band: string;
  pooled: boolean;
  inferred: boolean;
  evidence: string[];
  from: HopPerson;
  to: HopPerson;
}

export interface TeamPath {
  warmth: number;
  label: string;
  people: HopPerson[];
  hops: TeamHop[];
  weakestLink: { from: HopPerson; to: HopPerson };
}

export type TeamTarget = { personId: string } | { organizationId: string } | { text: string };

export const FIND_TEAM_PATHS = graphql<
  { teamIntroPaths: PathsAnswer<TeamPath> },
  PathLimits & { teamId: string; to: TeamTarget }
>(`
  query FindTeamPaths(
    $teamId: ID!
    $to: TeamTargetInput!
    $maxHops: Int
    $minWarmth: Float
    $exclude: [ID!]
    $k: Int
  ) {
    teamIntroPaths(
      teamId: $teamId
      to: $to
      maxHops: $maxHops
      minWarmth: $minWarmth
      exclude: $exclude
      k: $k
    ) {
      noPathReason
      paths {
        warmth
        label
        people {
          ...HopPersonFields
        }
        hops {
          strength
          band
          pooled
          inferred
          evidence
          from {
            ...HopPersonFields
          }
          to {
            ...HopPersonFields
          }
        }
        weakestLink {
          from {
            ...HopPersonFields
          }
          to {
            ...HopPersonFields
          }
        }
      }
    }
  }

  fragment HopPersonFields on HopPerson {
    __typename
    ... on Person {
      id
      name
      title
      isSelf
    }
    ... on Teammate {
      userId
      name
    }
    ... on PooledPerson {
      id
      name
      title
      company
      band
      via
    }
    ... on OpaquePerson {
      id
      company
      via
    }
  }
`);
