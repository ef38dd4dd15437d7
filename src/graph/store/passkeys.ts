/**
 * Passkeys (WebAuthn credentials) as the stores keep them. Only public material is stored: the
 * credential's id and public key (both base64url), the authenticator's signature counter and
 * transports. The ceremonies themselves (challenges, verification) live in src/accounts.
 */
import { badInput, conflict } from "../../errors.js";
import { requiredText } from "../model/fields.js";
import type { User } from "./accounts.js";

export interface Passkey {
  /** The credential id, base64url, as the authenticator made it; unique across the store. */
  id: string;
  userId: string;
  /** A label the user gives it ("MacBook", "YubiKey"). */
  name: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The signature counter last seen (0 for authenticators that keep none). */
  counter: number;
  /** Hints for the browser: "usb", "nfc", "ble", "internal", "hybrid", ... */
  transports: string[];
  /** Whether the credential may be synced to other devices, and whether it is backed up. */
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export type PasskeyInput = Omit<Passkey, "createdAt" | "lastUsedAt">;

export interface PasskeyWithUser {
  passkey: Passkey;
  user: User;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function base64url(field: string, value: unknown, max: number): string {
  if (typeof value !== "string" || !BASE64URL.test(value) || value.length > max)
    throw badInput(field, "must be base64url text");
  return value;
}

/** An authenticator's signature counter: BAD_USER_INPUT on `counter` unless a whole number, 0 or more. */
export function checkCounter(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw badInput("counter", "must be a whole number, 0 or more");
  return value;
}

/** CONFLICT on `id` when a credential with this id is registered (to anyone). */
export function checkPasskeyFree(found: unknown): void {
  if (found) throw conflict("id", "this passkey is registered");
}

/** A validated new passkey. */
export function newPasskey(input: PasskeyInput, now = new Date()): Passkey {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  if (!Array.isArray(input.transports) || input.transports.length > 10)
    throw badInput("transports", "must be a list of at most 10");
  if (input.deviceType !== "singleDevice" && input.deviceType !== "multiDevice")
    throw badInput("deviceType", "must be singleDevice or multiDevice");
  return {
    id: base64url("id", input.id, 1_400),
    userId: requiredText("userId", input.userId, 200),
    name: requiredText("name", input.name, 100),
    publicKey: base64url("publicKey", input.publicKey, 4_000),
    counter: checkCounter(input.counter),
    transports: input.transports.map((t) => requiredText("transports", t, 20)),
    deviceType: input.deviceType,
    backedUp: input.backedUp === true,
    createdAt: now,
    lastUsedAt: null,
  };
}
