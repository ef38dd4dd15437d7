/**
 * The Ask screen's documents: your pitch, drafting an introduction request along a path
 * (createIntroRequest), your requests and their moves (setIntroRequestStatus), and in a team,
 * asking a teammate (askTeammate) and following those requests (teamIntroRequests).
 */
import { graphql } from "../../api/typed-document";

export interface AskPerson {
  id: string;
  name: string;
  title: string | null;
  emails: string[];
}

export const ASK_PEOPLE = graphql<
  {
    me: { id: string; name: string; elevatorPitch: string | null };
    introducer: AskPerson;
    target: AskPerson;
  },
  { introducerId: string; targetId: string }
>(`
  query AskPeople($introducerId: ID!, $targetId: ID!) {
    me {
      id
      name
      elevatorPitch
    }
    introducer: person(id: $introducerId) {
      id
      name
      title
      emails
    }
    target: person(id: $targetId) {
      id
      name
      title
      emails
    }
  }
`);

export const SET_PITCH = graphql<
  { setElevatorPitch: { id: string; elevatorPitch: string | null } },
  { pitch: string }
>(`
  mutation SetPitch($pitch: String!) {
    setElevatorPitch(pitch: $pitch) {
      id
      elevatorPitch
    }
  }
`);

export type IntroStatus = "DRAFTED" | "ASKED" | "ACCEPTED" | "DECLINED" | "INTRODUCED" | "MET";

export interface IntroRequest {
  id: string;
  status: IntroStatus;
  message: string | null;
  outcome: string | null;
  statusChangedAt: string | null;
  waitingDays: number;
  target: AskPerson;
  introducer: AskPerson;
  path: { id: string; name: string; isSelf: boolean }[];
}

const REQUEST_FIELDS = `
  id
  status
  message
  outcome
  statusChangedAt
  waitingDays
  target {
    id
    name
    title
    emails
  }
  introducer {
    id
    name
    title
    emails
  }
  path {
    id
    name
    isSelf
  }
`;

export const CREATE_REQUEST = graphql<
  { createIntroRequest: IntroRequest },
  { targetId: string; introducerId: string; note: string | null; idempotencyKey: string }
>(`
  mutation CreateRequest($targetId: ID!, $introducerId: ID, $note: String, $idempotencyKey: String) {
    createIntroRequest(
      targetId: $targetId
      introducerId: $introducerId
      note: $note
      idempotencyKey: $idempotencyKey
    ) {
      ${REQUEST_FIELDS}
    }
  }
`);

export const INTRO_REQUESTS = graphql<{ introRequests: IntroRequest[] }>(`
  query IntroRequests {
    introRequests {
      ${REQUEST_FIELDS}
    }
  }
`);

export const SET_STATUS = graphql<
  { setIntroRequestStatus: IntroRequest },
  { id: string; status: IntroStatus; outcome: string | null }
>(`
  mutation SetRequestStatus($id: ID!, $status: IntroRequestStatus!, $outcome: String) {
    setIntroRequestStatus(id: $id, status: $status, outcome: $outcome) {
      ${REQUEST_FIELDS}
    }
  }
`);

export type TeamStatus =
  "AWAITING_APPROVAL" | "PENDING" | "ACCEPTED" | "INTRODUCED" | "MET" | "DECLINED" | "WITHDRAWN";

export interface TeamRequest {
  id: string;
  status: TeamStatus;
  note: string | null;
  reason: string | null;
  updatedAt: string;
  requester: { userId: string; name: string };
  member: { userId: string; name: string };
  target:
    | { __typename: "Person"; id: string; name: string }
    | { __typename: "PooledPerson"; id: string; name: string }
    | { __typename: "Teammate"; userId: string; name: string }
    | { __typename: "OpaquePerson"; id: string; company: string | null };
}

const TEAM_REQUEST_FIELDS = `
  id
  status
  note
  reason
  updatedAt
  requester {
    userId
    name
  }
  member {
    userId
    name
  }
  target {
    __typename
    ... on Person {
      id
      name
    }
    ... on PooledPerson {
      id
      name
    }
    ... on Teammate {
      userId
      name
    }
    ... on OpaquePerson {
      id
      company
    }
  }
`;

export const ASK_TEAMMATE = graphql<
  { askTeammate: TeamRequest },
  { teamId: string; personId: string; memberUserId: string | null; note: string | null }
>(`
  mutation AskTeammate($teamId: ID!, $personId: ID!, $memberUserId: ID, $note: String) {
    askTeammate(
      input: { teamId: $teamId, personId: $personId, memberUserId: $memberUserId, note: $note }
    ) {
      ${TEAM_REQUEST_FIELDS}
    }
  }
`);

export const TEAM_REQUESTS = graphql<{ teamIntroRequests: TeamRequest[] }, { teamId: string }>(`
  query TeamRequests($teamId: ID!) {
    teamIntroRequests(teamId: $teamId) {
      ${TEAM_REQUEST_FIELDS}
    }
  }
`);

export const MOVE_TEAM_REQUEST = graphql<
  { moveTeamIntroRequest: TeamRequest },
  { teamId: string; id: string; status: TeamStatus }
>(`
  mutation MoveTeamRequest($teamId: ID!, $id: ID!, $status: TeamIntroStatus!) {
    moveTeamIntroRequest(input: { teamId: $teamId, id: $id, status: $status }) {
      ${TEAM_REQUEST_FIELDS}
    }
  }
`);
