import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { SCOPES } from "../../src/auth/index.js";
import { buildWarmpathSchema } from "../../src/build-schema.js";
import { NEED_EXTENSION } from "../../src/resolvers/index.js";

/** The operations anyone may call without signing in: only the ways to sign up and in. */
const PUBLIC = [
  "signIn",
  "signUp",
  "setUp",
  "signOut",
  "passkeySignInOptions",
  "signInWithPasskey",
];

const rootFields = () => {
  const schema = buildWarmpathSchema();
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
    (type) => (type ? Object.values(type.getFields()) : []),
  );
};

describe("what each operation needs", () => {
  it("declares a scope, identity or public on every query and mutation", () => {
    const fields = rootFields();
    expect(fields.length).toBeGreaterThan(60);
    const missing = fields.filter((field) => field.extensions[NEED_EXTENSION] === undefined);
    expect(missing.map((field) => field.name)).toEqual([]);
    const known = new Set<unknown>([...SCOPES, "identity", "public"]);
    for (const field of fields) expect(known.has(field.extensions[NEED_EXTENSION])).toBe(true);
  });

  it("leaves only the sign-up and sign-in operations public", () => {
    const open = rootFields()
      .filter((field) => field.extensions[NEED_EXTENSION] === "public")
      .map((field) => field.name);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it("asks admin for invitations, and never only a read scope for a mutation", () => {
    const mutations = Object.values(buildWarmpathSchema().getMutationType()!.getFields());
    const needs = new Map(mutations.map((field) => [field.name, field.extensions[NEED_EXTENSION]]));
    expect(needs.get("createInvitation")).toBe("admin");
    expect(needs.get("importContacts")).toBe("imports:write");
    expect(needs.get("createIntroRequest")).toBe("intros:write");
    const reads = new Set<unknown>(["paths:read", "contacts:read"]);
    expect([...needs].filter(([, need]) => reads.has(need))).toEqual([]);
  });
});
