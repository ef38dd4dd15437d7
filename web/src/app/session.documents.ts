/** The shell's own documents: who is asking, signing in (password or passkey) and out. */
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

/** Starts a passkey sign-in: the options (JSON text) for navigator.credentials.get(). */
export const PASSKEY_SIGN_IN_OPTIONS = graphql<{ passkeySignInOptions: string }>(`
  mutation PasskeySignInOptions {
    passkeySignInOptions
  }
`);

/** Ends a passkey sign-in with the browser's answer (JSON text); sets the session cookie. */
export const SIGN_IN_WITH_PASSKEY = graphql<{ signInWithPasskey: Viewer }, { response: string }>(`
  mutation SignInWithPasskey($response: String!) {
    signInWithPasskey(response: $response) {
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
