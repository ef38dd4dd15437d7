import { describe, expect, it } from "vitest";
import {
  generateApiToken,
  generateSessionToken,
  generateTeamInvitationToken,
  hashToken,
  lastFour,
  sameHash,
  tokenPrefix,
} from "../../src/auth/index.js";

const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

describe("generateSessionToken", () => {
  it("returns 32 random bytes as 43 base64url characters", () => {
    const token = generateSessionToken();
    expect(token).toMatch(BASE64URL_43);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("never repeats a token across a thousand draws", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    expect(tokens.size).toBe(1000);
  });

  it("uses about all 256 bits: each bit position is set in roughly half of the tokens", () => {
    const draws = 2000;
    const ones = new Array<number>(256).fill(0);
    for (let d = 0; d < draws; d++) {
      const bytes = Buffer.from(generateSessionToken(), "base64url");
      for (let bit = 0; bit < 256; bit++) if ((bytes[bit >> 3]! >> (bit & 7)) & 1) ones[bit]!++;
    }
    // 2000 fair coin flips: mean 1000, sd about 22; 8 sd either way never fails by chance.
    for (const count of ones) expect(Math.abs(count - draws / 2)).toBeLessThan(180);
  });
});

describe("generateApiToken", () => {
  it("returns wp_ and 32 random bytes in base64url", () => {
    const token = generateApiToken();
    expect(token.startsWith("wp_")).toBe(true);
    expect(token.slice(3)).toMatch(BASE64URL_43);
    expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
  });

  it("never repeats a token", () => {
    expect(new Set(Array.from({ length: 1000 }, generateApiToken)).size).toBe(1000);
  });
});

describe("generateTeamInvitationToken", () => {
  it("returns wpi_ and 32 random bytes, so a command line never reads it as an option", () => {
    const tokens = Array.from({ length: 1000 }, generateTeamInvitationToken);
    for (const token of tokens) {
      expect(token).toMatch(/^wpi_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(1000);
  });
});

describe("hashToken", () => {
  it("returns 64 lowercase hex digits that never equal the token", () => {
    const token = generateApiToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(token);
    expect(hash).not.toContain(token.slice(3));
  });

  it("returns the same hash for the same token and different ones for different tokens", () => {
    const token = generateSessionToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(generateSessionToken()));
  });

  it("is SHA-256 of the UTF-8 text", () => {
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("tokenPrefix and lastFour", () => {
  it("show the start and the last four characters of a token", () => {
    const token = "wp_ABCDEfghijklmnopqrstuvwxyz0123456789-_WXYZ";
    expect(tokenPrefix(token)).toBe("wp_ABCDE");
    expect(lastFour(token)).toBe("WXYZ");
  });
});

describe("sameHash", () => {
  it("is true for equal hashes", () => {
    const token = generateApiToken();
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
  });

  it("is false for different hashes of the same length", () => {
    expect(sameHash(hashToken("a"), hashToken("b"))).toBe(false);
  });

  it("is false, without throwing, for hashes of different lengths", () => {
    const hash = hashToken("a");
    expect(sameHash(hash, hash.slice(0, 63))).toBe(false);
    expect(sameHash("", hash)).toBe(false);
  });
});
