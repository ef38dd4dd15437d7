import { describe, expect, it } from "vitest";
import {
  date,
  dateTime,
  email,
  nameKey,
  profileUrl,
  strength,
} from "../../../src/graph/model/fields.js";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof WarmpathError && e.code === ErrorCode.BAD_USER_INPUT) return e.field;
    throw e;
  }
  return undefined;
}

describe("profile URL normalization", () => {
  it("writes every spelling of one LinkedIn profile the same way", () => {
    const spellings = [
      "https://www.linkedin.com/in/grace-hopper/",
      "http://linkedin.com/in/Grace-Hopper",
      "HTTPS://WWW.LINKEDIN.COM/in/grace-hopper//",
      "www.linkedin.com/in/grace-hopper",
      "linkedin.com/in/grace-hopper?trk=public_profile#about",
      "  https://linkedin.com/in/grace-hopper  ",
    ];
    expect(new Set(spellings.map((s) => profileUrl("profileUrl", s)))).toEqual(
      new Set(["https://linkedin.com/in/grace-hopper"]),
    );
  });

  it("keeps percent-encoded non-Latin profile paths comparable", () => {
    expect(profileUrl("u", "https://www.linkedin.com/in/%E6%9D%8E%E9%9B%B7/")).toBe(
      "https://linkedin.com/in/李雷",
    );
    expect(profileUrl("u", "linkedin.com/in/李雷")).toBe("https://linkedin.com/in/李雷");
  });

  it("treats blank as no URL and rejects what is not a web address", () => {
    expect(profileUrl("u", "  ")).toBeNull();
    expect(fieldOf(() => profileUrl("profileUrl", "mailto:someone@example.org"))).toBe(
      "profileUrl",
    );
    expect(fieldOf(() => profileUrl("profileUrl", "not a url"))).toBe("profileUrl");
  });
});

describe("other field rules", () => {
  it("lower-cases e-mails and rejects malformed ones", () => {
    expect(email(" Ada@Example.ORG ", "e")).toBe("ada@example.org");
    for (const bad of [
      "ada",
      "ada@",
      "@example.org",
      "ada@example",
      "a da@example.org",
      "ada@@example.org",
      "ada..x@example.org",
    ]) {
      expect(
        fieldOf(() => email(bad, "emails[0]")),
        bad,
      ).toBe("emails[0]");
    }
  });

  it("accepts strengths in (0, 1] only", () => {
    expect(strength("s", 1)).toBe(1);
    expect(strength("s", 0.01)).toBe(0.01);
    expect(strength("s", null)).toBeNull();
    for (const bad of [0, -1, 1.0001, Number.POSITIVE_INFINITY, "0.5"])
      expect(fieldOf(() => strength("strength", bad))).toBe("strength");
  });

  it("accepts real calendar dates between 1900 and 2100", () => {
    expect(date("d", "2024-02-29")).toBe("2024-02-29");
    expect(date("d", new Date("2024-03-15T23:00:00Z"))).toBe("2024-03-15");
    for (const bad of ["2023-02-29", "2024-13-01", "15 Mar 2024", "1899-12-31", "2101-01-01"])
      expect(
        fieldOf(() => date("since", bad)),
        bad,
      ).toBe("since");
    expect(dateTime("t", "2026-11-01T09:30:00+01:00")).toBe("2026-11-01T08:30:00.000Z");
  });

  it("compares names ignoring case and spacing", () => {
    expect(nameKey("  Ada   LOVELACE ")).toBe("ada lovelace");
  });
});
