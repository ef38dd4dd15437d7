/**
 * Reads the JSON text a browser sends at the end of a WebAuthn ceremony (what
 * `@simplewebauthn/browser` returns, stringified) just far enough to know which challenge it
 * answers. @simplewebauthn/server checks everything else; this only makes sure that hostile
 * text fails as BAD_USER_INPUT on `response`, never as an internal error.
 */
import { badInput } from "../errors.js";

/** The largest response text accepted; real ones are a few kilobytes. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface CeremonyResponse {
  /** The parsed JSON, an object with a string `id` and a `response.clientDataJSON`. */
  json: Record<string, unknown> & { id: string; response: Record<string, unknown> };
  /** The challenge the browser signed, from clientDataJSON. */
  challenge: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const SHAPE = "must be the JSON of a WebAuthn response (the credential the browser returned)";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badInput("response", SHAPE);
  }
}

/** The challenge in a base64url clientDataJSON, or null when it is not one. */
function challengeOf(clientDataJSON: string): string | null {
  if (clientDataJSON.length > MAX_RESPONSE_BYTES) return null;
  let clientData: unknown;
  try {
    clientData = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!isObject(clientData)) return null;
  const { challenge } = clientData;
  return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 1_000
    ? challenge
    : null;
}

/** The response in `text` and the challenge it answers; BAD_USER_INPUT on `response` otherwise. */
export function parseCeremonyResponse(text: string): CeremonyResponse {
  if (typeof text !== "string") throw badInput("response", SHAPE);
  if (Buffer.byteLength(text, "utf8") > MAX_RESPONSE_BYTES)
    throw badInput("response", `must be at most ${MAX_RESPONSE_BYTES / 1024} KB`);
  const json = parseJson(text);
  if (!isObject(json) || typeof json.id !== "string" || !isObject(json.response))
    throw badInput("response", SHAPE);
  const clientDataJSON = json.response.clientDataJSON;
  const challenge = typeof clientDataJSON === "string" ? challengeOf(clientDataJSON) : null;
  if (challenge === null) throw badInput("response", "has no readable clientDataJSON challenge");
  return { json: json as CeremonyResponse["json"], challenge };
}
