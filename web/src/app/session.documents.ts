/** The shell's own documents: who is asking, signing in and out. */
import { graphql } from "../api/typed-document";

export interface Viewer {
  id: string;
  /** "owner" on a single-user install (no accounts), else "session" or "token". */
  kind: string;
  name: string | null;
  email: string | null;
  admin: boolean;
}

export const VIEWER = graphql<{ viewer: Viewer }>(`
  query Viewer {
    viewer {
      id
      kind
      name
      email
      admin
    }
  }
`);

export const SIGN_IN = graphql<{ signIn: Viewer }, { email: string; password: string }>(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(input: { email: $email, password: $password }) {
      id
      kind
      name
      email
      admin
    }
  }
`);

export const SIGN_OUT = graphql<{ signOut: boolean }>(`
  mutation SignOut {
    signOut
  }
`);
