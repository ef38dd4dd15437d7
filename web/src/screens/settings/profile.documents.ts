/** Settings: your own person (where paths start) and your elevator pitch. */
import { graphql } from "../../api/typed-document";

export interface Profile {
  id: string;
  name: string;
  title: string | null;
  location: string | null;
  profileUrl: string | null;
  emails: string[];
  elevatorPitch: string | null;
}

const PROFILE_FIELDS = `
  id
  name
  title
  location
  profileUrl
  emails
  elevatorPitch
`;

export const MY_PROFILE = graphql<{ me: Profile }>(`
  query MyProfile {
    me {
      ${PROFILE_FIELDS}
    }
  }
`);

export interface ProfileChanges {
  id: string;
  name: string;
  title: string | null;
  location: string | null;
  profileUrl: string | null;
  emails: string[];
}

export const UPDATE_PROFILE = graphql<{ updatePerson: Profile }, { input: ProfileChanges }>(`
  mutation UpdateProfile($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      ${PROFILE_FIELDS}
    }
  }
`);

export const SET_PITCH = graphql<{ setElevatorPitch: Profile }, { pitch: string }>(`
  mutation SetPitch($pitch: String!) {
    setElevatorPitch(pitch: $pitch) {
      ${PROFILE_FIELDS}
    }
  }
`);
