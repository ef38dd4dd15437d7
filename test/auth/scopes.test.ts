import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import {
  SCOPES,
  canGrant,
  effectiveScopes,
  hasScope,
  isScope,
  parseScopes,
  type Scope,
} from "../../src/auth/index.js";

describe("parseScopes", () => {
  it("refuses an unknown scope as BAD_USER_INPUT naming it and its position", () => {
    expect(() => parseScopes(["paths:read", "paths:write"])).toThrow(
      expect.objectContaining({
        code: ErrorCode.BAD_USER_INPUT,
        field: "scopes[1]",
        message: expect.stringContaining('"paths:write"'),
      }),
    );
  });

  it("refuses an empty list", () => {
    expect(() => parseScopes([])).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field: "scopes" }),
    );
  });

  it("returns each scope once, in the order of SCOPES", () => {
    expect(parseScopes(["mcp", "paths:read", "mcp"])).toEqual(["paths:read", "mcp"]);
  });

  it("knows exactly the scopes of issue 13", () => {
    expect([...SCOPES]).toEqual([
      "paths:read",
      "contacts:read",
      "contacts:write",
      "imports:write",
      "intros:write",
      "mcp",
      "admin",
    ]);
    expect(Object.isFrozen(SCOPES)).toBe(true);
    expect(isScope("admin")).toBe(true);
    expect(isScope("Admin")).toBe(false);
  });
});

describe("hasScope", () => {
  it("allows what a scope names and nothing else", () => {
    expect(hasScope(["contacts:read"], "contacts:read")).toBe(true);
    expect(hasScope(["contacts:write"], "contacts:read")).toBe(false);
    expect(hasScope([], "paths:read")).toBe(false);
  });

  it("lets admin do everything", () => {
    for (const scope of SCOPES) expect(hasScope(["admin"], scope)).toBe(true);
  });
});

const scopeSet = fc.subarray([...SCOPES]) as fc.Arbitrary<Scope[]>;

describe("canGrant", () => {
  it("lets a token grant a subset of its scopes and refuses anything wider", () => {
    expect(canGrant(["paths:read", "mcp"], ["mcp"])).toBe(true);
    expect(canGrant(["paths:read"], ["paths:read", "contacts:read"])).toBe(false);
    expect(canGrant(["contacts:read"], ["admin"])).toBe(false);
    expect(canGrant(["admin"], ["admin", "mcp"])).toBe(true);
  });

  it("is true exactly when the requested scopes are within the granter's effective scopes", () => {
    fc.assert(
      fc.property(scopeSet, scopeSet, (granter, requested) => {
        const effective = granter.includes("admin") ? SCOPES : granter;
        const oracle = requested.every((scope) => effective.includes(scope));
        expect(canGrant(granter, requested)).toBe(oracle);
      }),
    );
  });

  it("never lets a chain of tokens widen: every grant stays within the first token", () => {
    fc.assert(
      fc.property(scopeSet, fc.array(scopeSet, { maxLength: 6 }), (first, requests) => {
        let holder = first;
        for (const requested of requests) if (canGrant(holder, requested)) holder = requested;
        for (const scope of holder) expect(effectiveScopes(first).has(scope)).toBe(true);
      }),
    );
  });
});
