import * as argon2 from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { ErrorCode, isWarmpathError } from "../../src/errors.js";
import {
  PASSWORD_HASH_DEFAULTS,
  PASSWORD_POLICY_DEFAULTS,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  passwordLength,
  verifyPassword,
} from "../../src/auth/index.js";

const PASSWORD = "correct horse battery staple";

// The package's enums are `const enum`s that isolatedModules cannot read; src/auth writes their
// values as numbers, and these runtime objects pin them.
const { Algorithm, Version } = argon2 as unknown as {
  Algorithm: { Argon2id: number };
  Version: { V0x13: number };
};

function policyError(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (e) {
    if (isWarmpathError(e)) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error("expected a policy error");
}

describe("checkPasswordPolicy", () => {
  it("refuses a password shorter than 15 characters as BAD_USER_INPUT on password", () => {
    expect(policyError(() => checkPasswordPolicy("a".repeat(14)))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: "password",
    });
  });

  it("refuses a password longer than 256 characters", () => {
    expect(policyError(() => checkPasswordPolicy("a".repeat(257)))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: "password",
    });
  });

  it("names the field it is given", () => {
    expect(policyError(() => checkPasswordPolicy("short", "newPassword")).field).toBe(
      "newPassword",
    );
  });

  it("accepts 15 and 256 characters with no composition rules", () => {
    expect(() => checkPasswordPolicy("a".repeat(15))).not.toThrow();
    expect(() => checkPasswordPolicy("a".repeat(256))).not.toThrow();
  });

  it("counts an emoji or a decomposed accent as one character", () => {
    expect(passwordLength("😀")).toBe(1);
    expect(passwordLength("e\u0301")).toBe(1);
    expect(() => checkPasswordPolicy("😀".repeat(15))).not.toThrow();
    expect(() => checkPasswordPolicy("😀".repeat(14))).toThrow();
  });

  it("keeps its bounds in frozen defaults", () => {
    expect(PASSWORD_POLICY_DEFAULTS).toEqual({ minLength: 15, maxLength: 256 });
    expect(Object.isFrozen(PASSWORD_POLICY_DEFAULTS)).toBe(true);
  });
});

describe("hashPassword and verifyPassword", () => {
  it("refuses to hash a password that breaks the policy", async () => {
    await expect(hashPassword("too short")).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: "password",
    });
  });

  it("stores argon2id with m=19456, t=2, p=1 in the encoded hash", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(stored).not.toContain(PASSWORD);
    const used = argon2.parseOptions(stored);
    expect(Algorithm.Argon2id).toBe(2);
    expect(Version.V0x13).toBe(1);
    expect(used.algorithm).toBe(Algorithm.Argon2id);
    expect(used.version).toBe(Version.V0x13);
    expect(used).toMatchObject(PASSWORD_HASH_DEFAULTS);
  });

  it("salts every hash, so one password hashes differently twice", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, PASSWORD + "!")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("verifies a password typed in another Unicode form (NFKC)", async () => {
    const stored = await hashPassword("café au lait, s'il vous plaît");
    expect(await verifyPassword(stored, "cafe\u0301 au lait, s'il vous plai\u0302t")).toBe(true);
  });

  it("answers false, never throws, for a malformed stored hash", async () => {
    for (const stored of ["", "not a hash", "$argon2id$v=19$m=19456,t=2,p=1$", "$2b$10$abc"])
      expect(await verifyPassword(stored, PASSWORD)).toBe(false);
  });

  it("answers false for a password over the maximum length without hashing it", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, "a".repeat(100_000))).toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made with today's defaults", async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  it("is true for a hash with other parameters, another variant, or a malformed one", () => {
    const salt = "c29tZXNhbHRzb21lc2FsdA";
    const digest = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY";
    expect(needsRehash(`$argon2id$v=19$m=19456,t=2,p=1$${salt}$${digest}`)).toBe(false);
    expect(needsRehash(`$argon2id$v=19$m=65536,t=2,p=1$${salt}$${digest}`)).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=19456,t=3,p=1$${salt}$${digest}`)).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=19456,t=2,p=4$${salt}$${digest}`)).toBe(true);
    expect(needsRehash(`$argon2i$v=19$m=19456,t=2,p=1$${salt}$${digest}`)).toBe(true);
    expect(needsRehash("not a hash")).toBe(true);
  });
});
