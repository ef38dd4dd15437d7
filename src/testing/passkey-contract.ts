/**
 * Contract: passkeys. A WebAuthn credential is stored under its own id (unique across the store)
 * with its public key, signature counter and transports; it is found with its user, and another
 * user's credential id behaves exactly like a missing one. Run by store-contract.ts against
 * every adapter, with fresh users and credential ids.
 */
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore, PasskeyInput } from "../graph/index.js";
import { address, credentialId, nextMillisecond } from "./account-fixtures.js";
import { expectError } from "./expect-error.js";

const { BAD_USER_INPUT, CONFLICT, NOT_FOUND } = ErrorCode;

export function passkeyContract(getStore: () => NetworkStore): void {
  describe("passkeys", () => {
    const newUser = () => getStore().createUser({ email: address(), name: "Ada" });
    const passkeyInput = (userId: string, extra: Partial<PasskeyInput> = {}): PasskeyInput => ({
      id: credentialId(),
      userId,
      name: "YubiKey",
      publicKey: "pQECAyYgASFYIBf0hYVqmeL3nNq-Mf3sA4_xF0Zpd4iE0EoQ",
      counter: 5,
      transports: ["usb", "nfc"],
      deviceType: "multiDevice",
      backedUp: true,
      ...extra,
    });

    it("round-trips a passkey with its user, records a sign-in and removes it", async () => {
      const store = getStore();
      const user = await newUser();
      const input = passkeyInput(user.id);
      const passkey = await store.createPasskey(input);
      expect(passkey).toEqual({ ...input, createdAt: passkey.createdAt, lastUsedAt: null });
      expect(passkey.createdAt).toBeInstanceOf(Date);
      expect(await store.findPasskey(input.id)).toEqual({ passkey, user });
      expect(await store.listPasskeys(user.id)).toEqual([passkey]);

      const usedAt = new Date(Date.now() + 1000);
      await store.usePasskey(passkey.id, 6, usedAt);
      expect((await store.findPasskey(passkey.id))?.passkey).toEqual({
        ...passkey,
        counter: 6,
        lastUsedAt: usedAt,
      });

      await store.deletePasskey(user.id, passkey.id);
      expect(await store.findPasskey(passkey.id)).toBeNull();
      expect(await store.listPasskeys(user.id)).toEqual([]);
      await expectError(store.deletePasskey(user.id, passkey.id), NOT_FOUND);
    });

    it("keeps a single-device passkey without transports, counter 0, not backed up", async () => {
      const store = getStore();
      const user = await newUser();
      const input = passkeyInput(user.id, {
        counter: 0,
        transports: [],
        deviceType: "singleDevice",
        backedUp: false,
      });
      await store.createPasskey(input);
      expect((await store.findPasskey(input.id))?.passkey).toMatchObject({
        counter: 0,
        transports: [],
        deviceType: "singleDevice",
        backedUp: false,
      });
    });

    it("lists a user's passkeys oldest first, and no one else's", async () => {
      const store = getStore();
      const user = await newUser();
      const other = await newUser();
      const first = await store.createPasskey(passkeyInput(user.id, { name: "laptop" }));
      await nextMillisecond();
      const second = await store.createPasskey(passkeyInput(user.id, { name: "phone" }));
      await store.createPasskey(passkeyInput(other.id));
      expect(await store.listPasskeys(user.id)).toEqual([first, second]);
      expect(await store.listPasskeys(other.id)).toHaveLength(1);
    });

    it("answers NOT_FOUND for another user's passkey id exactly as for a missing one", async () => {
      const store = getStore();
      const alice = await newUser();
      const bob = await newUser();
      const passkey = await store.createPasskey(passkeyInput(alice.id));
      const missing = credentialId();
      const errors = [
        await expectError(store.deletePasskey(bob.id, passkey.id), NOT_FOUND),
        await expectError(store.deletePasskey(bob.id, missing), NOT_FOUND),
      ];
      expect(errors[0]?.field).toBe(errors[1]?.field);
      expect(errors[0]?.message.replace(passkey.id, "<id>")).toBe(
        errors[1]?.message.replace(missing, "<id>"),
      );
      expect(await store.listPasskeys(alice.id)).toEqual([passkey]);
      expect(await store.findPasskey(missing)).toBeNull();
      await expectError(store.usePasskey(missing, 1, new Date()), NOT_FOUND);
    });

    it("answers CONFLICT on id for a registered credential, whoever registered it", async () => {
      const store = getStore();
      const alice = await newUser();
      const bob = await newUser();
      const input = passkeyInput(alice.id);
      await store.createPasskey(input);
      await expectError(store.createPasskey(input), CONFLICT, "id");
      await expectError(store.createPasskey({ ...input, userId: bob.id }), CONFLICT, "id");
      expect(await store.listPasskeys(bob.id)).toEqual([]);
    });

    it("refuses an unknown user and bad input, naming the field", async () => {
      const store = getStore();
      const user = await newUser();
      const create = (extra: object) => store.createPasskey(passkeyInput(user.id, extra));
      await expectError(create({ userId: "usr_missing" }), NOT_FOUND, "userId");
      await expectError(create({ id: "not base64url!" }), BAD_USER_INPUT, "id");
      await expectError(create({ publicKey: "" }), BAD_USER_INPUT, "publicKey");
      await expectError(create({ name: " " }), BAD_USER_INPUT, "name");
      await expectError(create({ counter: -1 }), BAD_USER_INPUT, "counter");
      await expectError(create({ counter: 1.5 }), BAD_USER_INPUT, "counter");
      await expectError(create({ deviceType: "laptop" }), BAD_USER_INPUT, "deviceType");
      await expectError(create({ transports: "usb" }), BAD_USER_INPUT, "transports");
      const passkey = await create({});
      await expectError(store.usePasskey(passkey.id, -1, new Date()), BAD_USER_INPUT, "counter");
      await expectError(
        store.usePasskey(passkey.id, 6, new Date(Number.NaN)),
        BAD_USER_INPUT,
        "usedAt",
      );
      expect((await store.findPasskey(passkey.id))?.passkey.counter).toBe(5);
    });

    it("keeps a disabled user's passkeys and finds them with the user, who is disabled", async () => {
      const store = getStore();
      const user = await newUser();
      const passkey = await store.createPasskey(passkeyInput(user.id));
      const disabled = await store.disableUser(user.id);
      expect(await store.findPasskey(passkey.id)).toEqual({ passkey, user: disabled });
    });
  });
}
