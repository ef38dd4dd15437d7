/** Settings with accounts: your sessions, passkeys and API tokens. */
import { graphql } from "../../api/typed-document";

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

export const SESSIONS = graphql<{ sessions: SessionRow[] }>(`
  query MySessions {
    sessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      userAgent
      current
    }
  }
`);

export const REVOKE_SESSION = graphql<{ revokeSession: boolean }, { id: string }>(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export interface PasskeyRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  deviceType: "SINGLE_DEVICE" | "MULTI_DEVICE";
  backedUp: boolean;
}

export const PASSKEYS = graphql<{ passkeys: PasskeyRow[] }>(`
  query MyPasskeys {
    passkeys {
      id
      name
      createdAt
      lastUsedAt
      deviceType
      backedUp
    }
  }
`);

export const REMOVE_PASSKEY = graphql<{ removePasskey: boolean }, { id: string }>(`
  mutation RemovePasskey($id: ID!) {
    removePasskey(id: $id)
  }
`);

/** Starts adding a passkey: the options (JSON text) for navigator.credentials.create(). */
export const PASSKEY_REGISTRATION_OPTIONS = graphql<{ passkeyRegistrationOptions: string }>(`
  mutation PasskeyRegistrationOptions {
    passkeyRegistrationOptions
  }
`);

/** Ends adding a passkey: the browser's answer (JSON text), checked and kept under `name`. */
export const REGISTER_PASSKEY = graphql<
  { registerPasskey: PasskeyRow },
  { name: string; response: string }
>(`
  mutation RegisterPasskey($name: String!, $response: String!) {
    registerPasskey(name: $name, response: $response) {
      id
      name
      createdAt
      lastUsedAt
      deviceType
      backedUp
    }
  }
`);

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  lastFour: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_FIELDS = `
  id
  name
  prefix
  lastFour
  scopes
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
`;

/** Your tokens, and the scopes you hold (a token gets at most those). */
export const API_TOKENS = graphql<{ apiTokens: ApiTokenRow[]; viewer: { scopes: string[] } }>(`
  query MyApiTokens {
    viewer {
      scopes
    }
    apiTokens {
      ${TOKEN_FIELDS}
    }
  }
`);

export interface NewTokenInput {
  name: string;
  scopes: string[];
  expiresInDays: number | null;
  neverExpires: boolean;
}

export const CREATE_API_TOKEN = graphql<
  { createApiToken: { token: string; apiToken: ApiTokenRow } },
  { input: NewTokenInput }
>(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ${TOKEN_FIELDS}
      }
    }
  }
`);

export const REVOKE_API_TOKEN = graphql<{ revokeApiToken: ApiTokenRow }, { id: string }>(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ${TOKEN_FIELDS}
    }
  }
`);
