/**
 * Passkeys end to end on a real SQLite store, with a software authenticator that makes the
 * WebAuthn responses a browser would send (test/support/software-authenticator.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  MAX_RESPONSE_BYTES,
  PASSKEY_SIGN_IN_FAILED,
  PasskeyCeremonies,
  PasskeyChallenges,
  parseCeremonyResponse,
  type RelyingParty,
} from "../../src/accounts/index.js";
import { ErrorCode, WarmpathError } from "../../src/errors.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { SoftwareAuthenticator } from "../support/software-authenticator.js";

const RP: RelyingParty = { id: "warmpath.test", origin: "https://warmpath.test" };
const NOW = new Date("2026-12-01T10:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** The error a promise or function failed with, for checks by code and field. */
async function failure(work: Promise<unknown> | (() => unknown)): Promise<WarmpathError> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    if (error instanceof WarmpathError) return error;
    throw error;
  }
  throw new Error("expected a WarmpathError, got success");
}

const text = (value: unknown) => JSON.stringify(value);

describe("PasskeyChallenges", () => {
  it("refuses a lifetime or bound that is not a whole number, 1 or more", async () => {
    expect((await failure(() => new PasskeyChallenges({ ttlMs: 0 }))).field).toBe("ttlMs");
    expect((await failure(() => new PasskeyChallenges({ maxPending: 1.5 }))).field).toBe(
      "maxPending",
    );
  });

  it("gives a challenge once, for the purpose it was issued for", () => {
    const challenges = new PasskeyChallenges();
    challenges.remember("c1", "authentication", NOW);
    expect(challenges.take("c1", "authentication", NOW)).toBe(true);
    expect(challenges.take("c1", "authentication", NOW)).toBe(false);
  });

  it("uses a challenge up when it is presented for another purpose", () => {
    const challenges = new PasskeyChallenges();
    challenges.remember("c1", "registration:user_a", NOW);
    expect(challenges.take("c1", "registration:user_b", NOW)).toBe(false);
    expect(challenges.take("c1", "registration:user_a", NOW)).toBe(false);
  });

  it("refuses a challenge after five minutes", () => {
    const challenges = new PasskeyChallenges();
    challenges.remember("c1", "authentication", NOW);
    challenges.remember("c2", "authentication", NOW);
    expect(challenges.take("c1", "authentication", later(5 * 60_000 - 1))).toBe(true);
    expect(challenges.take("c2", "authentication", later(5 * 60_000))).toBe(false);
  });

  it("drops the oldest challenge when more than maxPending wait", () => {
    const challenges = new PasskeyChallenges({ maxPending: 2 });
    for (const c of ["c1", "c2", "c3"]) challenges.remember(c, "authentication", NOW);
    expect(challenges.size).toBe(2);
    expect(challenges.take("c1", "authentication", NOW)).toBe(false);
    expect(challenges.take("c3", "authentication", NOW)).toBe(true);
  });

  it("forgets expired challenges as new ones arrive", () => {
    const challenges = new PasskeyChallenges({ ttlMs: 1_000 });
    for (const c of ["c1", "c2", "c3"]) challenges.remember(c, "authentication", NOW);
    challenges.remember("c4", "authentication", later(1_000));
    expect(challenges.size).toBe(1);
  });
});

describe("parseCeremonyResponse", () => {
  const clientData = (value: unknown) => Buffer.from(text(value)).toString("base64url");

  it.each([
    ["text that is not JSON", "{not json"],
    ["JSON that is not an object", "[1, 2]"],
    ["an object without an id", text({ response: { clientDataJSON: clientData({}) } })],
    ["a response without clientDataJSON", text({ id: "a", response: {} })],
    [
      "clientDataJSON that is not base64url JSON",
      text({ id: "a", response: { clientDataJSON: "!!" } }),
    ],
    [
      "clientDataJSON without a challenge",
      text({ id: "a", response: { clientDataJSON: clientData({ type: "webauthn.get" }) } }),
    ],
  ])("refuses %s as BAD_USER_INPUT on response", async (_, input) => {
    const error = await failure(() => parseCeremonyResponse(input));
    expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
  });

  it("refuses text over 64 KB", async () => {
    const input = text({ id: "a".repeat(MAX_RESPONSE_BYTES), response: {} });
    const error = await failure(() => parseCeremonyResponse(input));
    expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
    expect(error.message).toMatch(/64 KB/);
  });

  it("reads the challenge the browser signed", () => {
    const input = text({ id: "a", response: { clientDataJSON: clientData({ challenge: "xyz" }) } });
    expect(parseCeremonyResponse(input).challenge).toBe("xyz");
  });
});

describe("passkeys on a SQLite store", () => {
  let store: NetworkStore;
  let ceremonies: PasskeyCeremonies;
  let alice: User;
  let bob: User;

  beforeEach(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    ceremonies = new PasskeyCeremonies();
    alice = await store.createUser({ email: "alice@example.org", name: "Alice" });
    bob = await store.createUser({ email: "bob@example.org", name: "Bob" });
  });
  afterEach(() => store.close());

  /** Registers a new software authenticator for `user` and returns it. */
  async function registered(user: User, authenticator = new SoftwareAuthenticator()) {
    const options = await ceremonies.registrationOptions(store, user, RP, NOW);
    const response = authenticator.register(options, { origin: RP.origin });
    await ceremonies.verifyRegistration(store, user, text(response), "Laptop", RP, NOW);
    return authenticator;
  }

  const signInOptions = () => ceremonies.authenticationOptions(RP, NOW);

  describe("registration", () => {
    it("asks for user verification, a discoverable credential and no attestation", async () => {
      const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
      expect(options.rp).toEqual({ id: RP.id, name: "warmpath" });
      expect(options.user.name).toBe("alice@example.org");
      expect(options.user.displayName).toBe("Alice");
      expect(options.authenticatorSelection).toMatchObject({
        userVerification: "required",
        residentKey: "preferred",
      });
      expect(options.attestation).toBe("none");
      expect(options.excludeCredentials).toEqual([]);
    });

    it("stores the credential id, public key, counter, transports and backup state", async () => {
      const authenticator = await registered(alice);
      const [passkey] = await store.listPasskeys(alice.id);
      expect(passkey).toMatchObject({
        id: authenticator.credentialId,
        userId: alice.id,
        name: "Laptop",
        counter: 0,
        transports: ["internal"],
        deviceType: "singleDevice",
        backedUp: false,
        lastUsedAt: null,
      });
      expect(passkey!.publicKey).toBe(
        Buffer.from(authenticator.cosePublicKey()).toString("base64url"),
      );
    });

    it("records a synced passkey as multi-device and backed up", async () => {
      await registered(alice, new SoftwareAuthenticator({ synced: true }));
      const [passkey] = await store.listPasskeys(alice.id);
      expect([passkey!.deviceType, passkey!.backedUp]).toEqual(["multiDevice", true]);
    });

    it("excludes the user's passkeys from new options", async () => {
      const authenticator = await registered(alice);
      const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
      expect(options.excludeCredentials).toEqual([
        { id: authenticator.credentialId, type: "public-key", transports: ["internal"] },
      ]);
    });

    async function refusal(
      tweak: (options: Awaited<ReturnType<typeof ceremonies.registrationOptions>>) => unknown,
    ) {
      const error = await failure(async () => {
        const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
        const response = tweak(options);
        await ceremonies.verifyRegistration(store, alice, text(response), "Laptop", RP, NOW);
      });
      expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
      expect(await store.listPasskeys(alice.id)).toEqual([]);
      return error;
    }

    it("refuses a passkey made without user verification", async () => {
      const error = await refusal((options) =>
        new SoftwareAuthenticator().register(options, { origin: RP.origin, userVerified: false }),
      );
      expect(error.message).toMatch(/verif/i);
    });

    it("refuses a passkey made for another origin", async () => {
      await refusal((options) =>
        new SoftwareAuthenticator().register(options, { origin: "https://evil.test" }),
      );
    });

    it("refuses a passkey bound to another RP id", async () => {
      await refusal((options) =>
        new SoftwareAuthenticator().register(options, { origin: RP.origin, rpId: "evil.test" }),
      );
    });

    it("refuses a challenge that was never issued", async () => {
      await refusal((options) =>
        new SoftwareAuthenticator().register(options, {
          origin: RP.origin,
          challenge: Buffer.from("made up").toString("base64url"),
        }),
      );
    });

    it("refuses a challenge issued to another user", async () => {
      const forBob = await ceremonies.registrationOptions(store, bob, RP, NOW);
      await refusal((options) =>
        new SoftwareAuthenticator().register(options, {
          origin: RP.origin,
          challenge: forBob.challenge,
        }),
      );
    });

    it("refuses a challenge older than five minutes", async () => {
      const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
      const response = new SoftwareAuthenticator().register(options, { origin: RP.origin });
      const error = await failure(
        ceremonies.verifyRegistration(store, alice, text(response), "Laptop", RP, later(300_000)),
      );
      expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
    });

    it("uses the challenge up even when the answer fails, so a replay fails too", async () => {
      const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
      const authenticator = new SoftwareAuthenticator();
      const bad = authenticator.register(options, { origin: "https://evil.test" });
      const good = authenticator.register(options, { origin: RP.origin });
      await failure(ceremonies.verifyRegistration(store, alice, text(bad), "L", RP, NOW));
      const error = await failure(
        ceremonies.verifyRegistration(store, alice, text(good), "L", RP, NOW),
      );
      expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
      expect(error.message).toMatch(/challenge/);
    });

    it("refuses a replayed registration response", async () => {
      const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
      const response = text(new SoftwareAuthenticator().register(options, { origin: RP.origin }));
      await ceremonies.verifyRegistration(store, alice, response, "Laptop", RP, NOW);
      const error = await failure(
        ceremonies.verifyRegistration(store, alice, response, "Laptop", RP, NOW),
      );
      expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
    });

    it("refuses a blank name as BAD_USER_INPUT on name", async () => {
      const options = await ceremonies.registrationOptions(store, alice, RP, NOW);
      const response = new SoftwareAuthenticator().register(options, { origin: RP.origin });
      const error = await failure(
        ceremonies.verifyRegistration(store, alice, text(response), "  ", RP, NOW),
      );
      expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "name"]);
    });
  });

  describe("sign-in", () => {
    it("asks for user verification and names no credentials", async () => {
      const options = await signInOptions();
      expect(options.rpId).toBe(RP.id);
      expect(options.userVerification).toBe("required");
      expect(options.allowCredentials).toBeUndefined();
    });

    it("signs the user in and stores the new counter and the time", async () => {
      const authenticator = await registered(alice);
      const response = authenticator.authenticate(await signInOptions(), { origin: RP.origin });
      const user = await ceremonies.verifyAuthentication(store, text(response), RP, later(1_000));
      expect(user.id).toBe(alice.id);
      const [passkey] = await store.listPasskeys(alice.id);
      expect(passkey!.counter).toBe(1);
      expect(passkey!.lastUsedAt).toEqual(later(1_000));

      const again = authenticator.authenticate(await signInOptions(), { origin: RP.origin });
      await ceremonies.verifyAuthentication(store, text(again), RP, later(2_000));
      expect((await store.listPasskeys(alice.id))[0]!.counter).toBe(2);
    });

    it("signs in with an authenticator that keeps no counter", async () => {
      const authenticator = await registered(alice);
      for (const _ of [1, 2]) {
        const response = authenticator.authenticate(await signInOptions(), {
          origin: RP.origin,
          counter: 0,
        });
        await ceremonies.verifyAuthentication(store, text(response), RP, NOW);
      }
      expect((await store.listPasskeys(alice.id))[0]!.counter).toBe(0);
    });

    /** Expects the one sign-in failure and that the stored counter did not move. */
    async function refused(response: unknown, now = NOW) {
      const before = await store.listPasskeys(alice.id);
      const error = await failure(ceremonies.verifyAuthentication(store, text(response), RP, now));
      expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
      expect(error.message).toBe(PASSKEY_SIGN_IN_FAILED);
      expect(await store.listPasskeys(alice.id)).toEqual(before);
    }

    it("refuses an answer without user verification", async () => {
      const authenticator = await registered(alice);
      await refused(
        authenticator.authenticate(await signInOptions(), {
          origin: RP.origin,
          userVerified: false,
        }),
      );
    });

    it("refuses an answer from another origin", async () => {
      const authenticator = await registered(alice);
      await refused(
        authenticator.authenticate(await signInOptions(), { origin: "https://evil.test" }),
      );
    });

    it("refuses an answer for another RP id", async () => {
      const authenticator = await registered(alice);
      await refused(
        authenticator.authenticate(await signInOptions(), {
          origin: RP.origin,
          rpId: "evil.test",
        }),
      );
    });

    it("refuses a replayed answer", async () => {
      const authenticator = await registered(alice);
      const response = authenticator.authenticate(await signInOptions(), { origin: RP.origin });
      await ceremonies.verifyAuthentication(store, text(response), RP, NOW);
      await refused(response);
    });

    it("refuses a fresh signature over a challenge already used", async () => {
      const authenticator = await registered(alice);
      const options = await signInOptions();
      const first = authenticator.authenticate(options, { origin: RP.origin });
      await ceremonies.verifyAuthentication(store, text(first), RP, NOW);
      await refused(authenticator.authenticate(options, { origin: RP.origin }));
    });

    it("refuses a challenge older than five minutes", async () => {
      const authenticator = await registered(alice);
      await refused(
        authenticator.authenticate(await signInOptions(), { origin: RP.origin }),
        later(300_000),
      );
    });

    it("refuses a registration challenge", async () => {
      const authenticator = await registered(alice);
      const forRegistration = await ceremonies.registrationOptions(store, alice, RP, NOW);
      await refused(
        authenticator.authenticate(await signInOptions(), {
          origin: RP.origin,
          challenge: forRegistration.challenge,
        }),
      );
    });

    it("refuses an unknown credential", async () => {
      await registered(alice);
      await refused(
        new SoftwareAuthenticator().authenticate(await signInOptions(), { origin: RP.origin }),
      );
    });

    it("refuses a disabled user", async () => {
      const authenticator = await registered(alice);
      await store.disableUser(alice.id);
      await refused(authenticator.authenticate(await signInOptions(), { origin: RP.origin }));
    });

    it("refuses a counter that did not go up", async () => {
      const authenticator = await registered(alice);
      const first = authenticator.authenticate(await signInOptions(), { origin: RP.origin });
      await ceremonies.verifyAuthentication(store, text(first), RP, NOW);
      await refused(
        authenticator.authenticate(await signInOptions(), { origin: RP.origin, counter: 1 }),
      );
      await refused(
        authenticator.authenticate(await signInOptions(), { origin: RP.origin, counter: 0 }),
      );
    });

    it("refuses an answer naming another user's handle", async () => {
      const authenticator = await registered(alice);
      await refused(
        authenticator.authenticate(await signInOptions(), {
          origin: RP.origin,
          userHandle: Buffer.from(bob.id).toString("base64url"),
        }),
      );
    });

    it("refuses a signature made by another key", async () => {
      const authenticator = await registered(alice);
      const options = await signInOptions();
      const genuine = authenticator.authenticate(options, { origin: RP.origin });
      const forged = new SoftwareAuthenticator().authenticate(options, { origin: RP.origin });
      await refused({
        ...genuine,
        response: { ...genuine.response, signature: forged.response.signature },
      });
    });

    it("uses the challenge up when the answer fails", async () => {
      const authenticator = await registered(alice);
      const options = await signInOptions();
      await refused(
        authenticator.authenticate(options, { origin: RP.origin, userVerified: false }),
      );
      await refused(authenticator.authenticate(options, { origin: RP.origin }));
    });

    it("refuses text that is not a WebAuthn response as BAD_USER_INPUT on response", async () => {
      const error = await failure(ceremonies.verifyAuthentication(store, "{", RP, NOW));
      expect([error.code, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, "response"]);
    });
  });

  describe("the user's passkeys", () => {
    it("lists them oldest first and removes one", async () => {
      const first = await registered(alice);
      // Two passkeys stored in one millisecond have no order but their random ids'.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await registered(alice);
      expect((await store.listPasskeys(alice.id)).map((p) => p.id)).toEqual([
        first.credentialId,
        second.credentialId,
      ]);
      await store.deletePasskey(alice.id, first.credentialId);
      expect((await store.listPasskeys(alice.id)).map((p) => p.id)).toEqual([second.credentialId]);
    });

    it("answers NOT_FOUND for another user's passkey as for a missing one", async () => {
      const authenticator = await registered(alice);
      const theirs = await failure(store.deletePasskey(bob.id, authenticator.credentialId));
      const missing = await failure(store.deletePasskey(bob.id, "bm8tc3VjaC1rZXk"));
      expect([theirs.code, missing.code]).toEqual([ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND]);
      expect(await store.listPasskeys(alice.id)).toHaveLength(1);
    });

    it("no longer signs in with a removed passkey", async () => {
      const authenticator = await registered(alice);
      await store.deletePasskey(alice.id, authenticator.credentialId);
      const response = authenticator.authenticate(await signInOptions(), { origin: RP.origin });
      const error = await failure(ceremonies.verifyAuthentication(store, text(response), RP, NOW));
      expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    });
  });
});
