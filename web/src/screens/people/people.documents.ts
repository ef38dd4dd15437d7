/**
 * The People screen's documents: the search (searchPeople folds case and accents, so "chloe"
 * finds Chloé), one person's page, the warmest way to them with its evidence, and the edit in
 * place (updatePerson). Types are written by hand beside them; test/web/documents.test.ts
 * validates the documents against schema.graphql.
 */
import type { CategoryName } from "../../api/category";
import { graphql } from "../../api/typed-document";

export type { CategoryName };

export interface FoundPerson {
  id: string;
  name: string;
  title: string | null;
  isSelf: boolean;
  employment: { current: boolean; organization: { name: string } }[];
}

export const PEOPLE_SEARCH = graphql<
  { searchPeople: { totalCount: number; people: FoundPerson[] } },
  { text: string; first: number }
>(`
  query PeopleSearch($text: String!, $first: Int) {
    searchPeople(text: $text, first: $first) {
      totalCount
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
    }
  }
`);

/** The fields edited in place, as the page and updatePerson's answer both carry them. */
export interface PersonDetails {
  id: string;
  name: string;
  title: string | null;
  location: string | null;
  emails: string[];
  phones: string[];
  profileUrl: string | null;
  categories: CategoryName[];
  tags: string[];
  interests: string[];
  hobbies: string[];
  seeking: string[];
  notes: string | null;
  news: string | null;
  newsAt: string | null;
  cadenceIdealDays: number | null;
  cadenceMaxDays: number | null;
  askForNews: boolean;
  isSelf: boolean;
  updatedAt: string;
}

const DETAILS = `
  fragment PersonDetailsFields on Person {
    id
    name
    title
    location
    emails
    phones
    profileUrl
    categories
    tags
    interests
    hobbies
    seeking
    notes
    news
    newsAt
    cadenceIdealDays
    cadenceMaxDays
    askForNews
    isSelf
    updatedAt
  }
`;

export interface PersonTie {
  id: string;
  strength: number | null;
  context: string | null;
  since: string | null;
  lastInteraction: string | null;
  provenance: string;
  notes: string | null;
  person: { id: string; name: string; title: string | null; isSelf: boolean };
}

export interface PersonRecords {
  knows: PersonTie[];
  employment: {
    id: string;
    title: string | null;
    from: string | null;
    to: string | null;
    current: boolean;
    organization: { id: string; name: string };
  }[];
  memberships: {
    id: string;
    role: string | null;
    since: string | null;
    until: string | null;
    organization: { id: string; name: string; kind: string };
  }[];
  interactions: {
    id: string;
    kind: string;
    at: string;
    direction: string;
    summary: string | null;
  }[];
}

export interface PersonPageData {
  person: PersonDetails & PersonRecords;
  newsHistory: { id: string; text: string; date: string }[];
  favorBalance: {
    given: number;
    received: number;
    balance: number;
    favors: {
      id: string;
      direction: "GIVEN" | "RECEIVED";
      kind: string;
      date: string;
      summary: string | null;
    }[];
  };
}

export const PERSON_PAGE = graphql<PersonPageData, { id: string }>(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      ...PersonDetailsFields
      knows {
        id
        strength
        context
        since
        lastInteraction
        provenance
        notes
        person {
          id
          name
          title
          isSelf
        }
      }
      employment {
        id
        title
        from
        to
        current
        organization {
          id
          name
        }
      }
      memberships {
        id
        role
        since
        until
        organization {
          id
          name
          kind
        }
      }
      interactions {
        id
        kind
        at
        direction
        summary
      }
    }
    newsHistory(personId: $id) {
      id
      text
      date
    }
    favorBalance(personId: $id) {
      given
      received
      balance
      favors {
        id
        direction
        kind
        date
        summary
      }
    }
  }
  ${DETAILS}
`);

export interface WayIn {
  introPaths: {
    noPathReason: string | null;
    paths: {
      warmth: number;
      label: string;
      hops: {
        strength: number;
        inferred: boolean;
        evidence: string[];
        from: { id: string; name: string };
        to: { id: string; name: string };
      }[];
    }[];
  };
  conversationStarters: {
    introducer: { id: string; name: string } | null;
    sharedInterests: string[];
    sharedGroups: string[];
    sharedEmployers: string[];
    starters: string[];
  };
}

/** How you reach them (the warmest path, each tie with its evidence) and what to talk about. */
export const PERSON_WAY_IN = graphql<WayIn, { id: string }>(`
  query PersonWayIn($id: ID!) {
    introPaths(to: { personId: $id }, k: 1) {
      noPathReason
      paths {
        warmth
        label
        hops {
          strength
          inferred
          evidence
          from {
            id
            name
          }
          to {
            id
            name
          }
        }
      }
    }
    conversationStarters(personId: $id) {
      introducer {
        id
        name
      }
      sharedInterests
      sharedGroups
      sharedEmployers
      starters
    }
  }
`);

/** Omitted fields stay as they are; null clears one. */
export type PersonPatch = Partial<
  Omit<PersonDetails, "id" | "isSelf" | "updatedAt" | "askForNews" | "newsAt" | "news">
>;

export const UPDATE_PERSON = graphql<
  { updatePerson: PersonDetails },
  { input: PersonPatch & { id: string } }
>(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      ...PersonDetailsFields
    }
  }
  ${DETAILS}
`);

export interface CadenceRule {
  idealDays: number;
  maxDays: number;
  source: "PERSON" | "CATEGORY" | "DEFAULT";
  category: CategoryName | null;
}

/** Their own keep-in-touch cadence; both null clears it (their categories' cadence applies). */
export const SET_PERSON_CADENCE = graphql<
  { setCadence: CadenceRule | null },
  { personId: string; idealDays: number | null; maxDays: number | null }
>(`
  mutation SetPersonCadence($personId: ID!, $idealDays: Int, $maxDays: Int) {
    setCadence(personId: $personId, idealDays: $idealDays, maxDays: $maxDays) {
      idealDays
      maxDays
      source
      category
    }
  }
`);

export interface CategoryCadence {
  category: CategoryName;
  idealDays: number;
  maxDays: number;
}

export const CATEGORY_CADENCES = graphql<{ cadences: CategoryCadence[] }>(`
  query CategoryCadences {
    cadences {
      category
      idealDays
      maxDays
    }
  }
`);
