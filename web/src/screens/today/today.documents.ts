/**
 * The Today screen's documents: the three keep-in-touch lists, and the one-click actions on an
 * entry (log a contact, snooze or finish a follow-up, add a dated follow-up, record news). The
 * blanket update's are in update.documents.ts. Types are written by hand beside them;
 * test/web/documents.test.ts validates the documents against schema.graphql.
 */
import { graphql } from "../../api/typed-document";

export interface EntryPerson {
  id: string;
  name: string;
  title: string | null;
  news: string | null;
  newsAt: string | null;
}

export interface EntryFollowUp {
  id: string;
  due: string;
  status: "OPEN" | "SNOOZED" | "DONE";
}

export interface NextContactEntry {
  person: EntryPerson;
  due: string;
  reason: string;
  overdue: boolean;
  pathsThrough: number;
  followUp: EntryFollowUp | null;
}

export interface ImmediateEntry {
  person: EntryPerson;
  since: string;
  waitingDays: number;
  reason: string;
  interaction: { id: string; kind: string } | null;
  followUp: EntryFollowUp | null;
  introRequest: { id: string; status: string } | null;
}

export interface LosingTouchEntry {
  person: EntryPerson;
  lastContact: string | null;
  maxDays: number;
  daysSince: number;
}

export interface TodayLists {
  nextContacts: NextContactEntry[];
  immediateFollowUps: ImmediateEntry[];
  losingTouch: LosingTouchEntry[];
}

/** The three lists in one request, as the screen shows them together. */
export const TODAY_LISTS = graphql<TodayLists>(`
  query TodayLists {
    nextContacts {
      person {
        ...EntryPersonFields
      }
      due
      reason
      overdue
      pathsThrough
      followUp {
        id
        due
        status
      }
    }
    immediateFollowUps {
      person {
        ...EntryPersonFields
      }
      since
      waitingDays
      reason
      interaction {
        id
        kind
      }
      followUp {
        id
        due
        status
      }
      introRequest {
        id
        status
      }
    }
    losingTouch {
      person {
        ...EntryPersonFields
      }
      lastContact
      maxDays
      daysSince
    }
  }

  fragment EntryPersonFields on Person {
    id
    name
    title
    news
    newsAt
  }
`);

export type ContactKind = "CALL" | "COFFEE" | "EMAIL";

export const LOG_CONTACT = graphql<
  { logInteraction: { id: string } },
  { personId: string; kind: ContactKind; at: string; idempotencyKey: string }
>(`
  mutation LogContact(
    $personId: ID!
    $kind: InteractionKind!
    $at: DateTimeISO!
    $idempotencyKey: String
  ) {
    logInteraction(
      input: {
        personId: $personId
        kind: $kind
        at: $at
        direction: OUTBOUND
        idempotencyKey: $idempotencyKey
      }
    ) {
      id
    }
  }
`);

export const SNOOZE_FOLLOW_UP = graphql<
  { snoozeFollowUp: EntryFollowUp },
  { id: string; until: string }
>(`
  mutation SnoozeFollowUp($id: ID!, $until: LocalDate!) {
    snoozeFollowUp(id: $id, until: $until) {
      id
      due
      status
    }
  }
`);

export const COMPLETE_FOLLOW_UP = graphql<{ completeFollowUp: EntryFollowUp }, { id: string }>(`
  mutation CompleteFollowUp($id: ID!) {
    completeFollowUp(id: $id) {
      id
      due
      status
    }
  }
`);

export type FollowUpListName = "NEXT_CONTACT" | "IMMEDIATE_FOLLOW_UP";

export const ADD_FOLLOW_UP = graphql<
  { addFollowUp: EntryFollowUp },
  {
    personId: string;
    due: string;
    reason: string | null;
    list: FollowUpListName;
    idempotencyKey: string;
  }
>(`
  mutation AddFollowUp(
    $personId: ID!
    $due: LocalDate!
    $reason: String
    $list: FollowUpList
    $idempotencyKey: String
  ) {
    addFollowUp(
      input: {
        personId: $personId
        due: $due
        reason: $reason
        list: $list
        idempotencyKey: $idempotencyKey
      }
    ) {
      id
      due
      status
    }
  }
`);

export const RECORD_NEWS = graphql<
  { recordNews: { id: string; text: string; date: string } },
  { personId: string; text: string; idempotencyKey: string }
>(`
  mutation RecordNews($personId: ID!, $text: String!, $idempotencyKey: String) {
    recordNews(personId: $personId, text: $text, idempotencyKey: $idempotencyKey) {
      id
      text
      date
    }
  }
`);
