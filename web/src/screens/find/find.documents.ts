/**
 * The Find screen's documents in your own network: what a typed search may name
 * (organizations and people) and the warmest paths (introPaths); a team's are in
 * find-team.documents.ts. Their types are written by hand next to them;
 * test/web/documents.test.ts validates the documents against schema.graphql.
 */
import { graphql } from "../../api/typed-document";

export interface CandidatePerson {
  id: string;
  name: string;
  title: string | null;
  isSelf: boolean;
  employment: { current: boolean; organization: { name: string } }[];
}

export interface Candidates {
  organizations: { totalCount: number; edges: { node: { id: string; name: string } }[] };
  people: { totalCount: number; edges: { node: CandidatePerson }[] };
}

/** What a search text may name: up to five organizations and six people (less you, if there). */
export const FIND_TARGETS = graphql<Candidates, { text: string }>(`
  query FindTargets($text: String!) {
    organizations(first: 5, filter: { text: $text }) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    people(first: 6, filter: { text: $text }) {
      totalCount
      edges {
        node {
          id
          name
          title
          isSelf
          employment {
            current
            organization {
              name
            }
          }
        }
      }
    }
  }
`);

/** The options both path searches take. */
export interface PathLimits {
  maxHops: number;
  minWarmth: number | null;
  exclude: string[];
  k: number;
}

export interface PathPerson {
  id: string;
  name: string;
  title: string | null;
  isSelf: boolean;
  employment: { current: boolean; organization: { name: string } }[];
}

export interface PersonalHop {
  strength: number;
  inferred: boolean;
  evidence: string[];
  from: { id: string };
  to: { id: string };
}

export interface PersonalPath {
  warmth: number;
  label: string;
  people: PathPerson[];
  hops: PersonalHop[];
  weakestLink: { from: { id: string }; to: { id: string } };
}

export interface PathsAnswer<P> {
  paths: P[];
  noPathReason: string | null;
}

export type IntroTarget =
  { personId: string } | { organizationId: string } | { filter: { text: string } };

export const FIND_PATHS = graphql<
  { introPaths: PathsAnswer<PersonalPath> },
  PathLimits & { to: IntroTarget }
>(`
  query FindPaths(
    $to: IntroTargetInput!
    $maxHops: Int
    $minWarmth: Float
    $exclude: [ID!]
    $k: Int
  ) {
    introPaths(to: $to, maxHops: $maxHops, minWarmth: $minWarmth, exclude: $exclude, k: $k) {
      noPathReason
      paths {
        warmth
        label
        people {
          id
          name
          title
          isSelf
          employment {
            current
            organization {
              name
            }
          }
        }
        hops {
          strength
          inferred
          evidence
          from {
            id
          }
          to {
            id
          }
        }
        weakestLink {
          from {
            id
          }
          to {
            id
          }
        }
      }
    }
  }
`);
