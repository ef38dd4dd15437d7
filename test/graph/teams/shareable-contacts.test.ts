import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { Person } from "../../../src/graph/index.js";
import type { PoolingSettings } from "../../../src/graph/store/teams.js";
import {
  isPersonalAddress,
  isPersonalDomain,
} from "../../../src/graph/teams/personal-mail-domains.js";
import {
  shareableContacts,
  type ContactSource,
} from "../../../src/graph/teams/shareable-contacts.js";
import { expectError } from "../../../src/testing.js";
import { memoryStore, Network } from "./team-fixture.js";

let n = 0;
function person(input: Partial<Person>): Person {
  return {
    id: `per_${++n}`,
    ownerId: "o",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    name: "Someone",
    emails: [],
    phones: [],
    profileUrl: null,
    title: null,
    location: null,
    categories: [],
    tags: [],
    interests: [],
    hobbies: [],
    notes: null,
    news: null,
    newsAt: null,
    pressMentions: [],
    seeking: [],
    cadenceIdealDays: null,
    cadenceMaxDays: null,
    askForNews: false,
    elevatorPitch: null,
    isSelf: false,
    ...input,
  } as Person;
}

/** A network of people; `employers` names the current employers of some of them. */
function source(people: Person[], employers: Record<string, string[]> = {}): ContactSource {
  const self = person({ name: "Me", isSelf: true });
  return {
    selfId: self.id,
    people: new Map([self, ...people].map((p) => [p.id, p])),
    currentEmployersOf: (id) => (employers[id] ?? []).map((name) => ({ name })),
  };
}

const settings = (s: Partial<PoolingSettings> = {}): PoolingSettings => ({
  contacts: [],
  blockedLabels: [],
  ...s,
});

describe("isPersonalAddress", () => {
  it("knows the personal mail providers, in any case, and not company domains", () => {
    for (const a of ["ada@gmail.com", "Ada@Outlook.COM", "x@gmx.de", "y@proton.me", "z@icloud.com"])
      expect(isPersonalAddress(a), a).toBe(true);
    for (const a of ["ada@acme.com", "ada@microsoft.com", "no-at-sign", "x@google.com"])
      expect(isPersonalAddress(a), a).toBe(false);
    expect(isPersonalDomain("hotmail.com.")).toBe(true);
  });
});

describe("shareableContacts", () => {
  it("refuses an unknown level or settings without lists", async () => {
    await expectError(
      (async () => shareableContacts(source([]), settings(), "most" as never))(),
      ErrorCode.BAD_USER_INPUT,
      "level",
    );
    await expectError(
      (async () => shareableContacts(source([]), {} as PoolingSettings, "full"))(),
      ErrorCode.BAD_USER_INPUT,
      "settings",
    );
  });

  it("shares nothing at level off, not even the member's own person", () => {
    const s = source([person({ title: "CTO" })]);
    expect(shareableContacts(s, settings(), "off").size).toBe(0);
  });

  it("shares the member's own person and professional contacts at company and full", () => {
    const cto = person({ title: "CTO", emails: ["cto@acme.com"] });
    const s = source([cto]);
    for (const level of ["company", "full"] as const)
      expect(shareableContacts(s, settings(), level)).toEqual(new Set([s.selfId, cto.id]));
  });

  it("hides a contact whose addresses are all at personal mail domains, but not one with no address", () => {
    const personal = person({ title: "CTO", emails: ["a@gmail.com", "a@yahoo.com"] });
    const mixed = person({ title: "CTO", emails: ["b@gmail.com", "b@acme.com"] });
    const none = person({ title: "CTO" });
    const shared = shareableContacts(source([personal, mixed, none]), settings(), "full");
    expect(shared.has(personal.id)).toBe(false);
    expect(shared.has(mixed.id)).toBe(true);
    expect(shared.has(none.id)).toBe(true);
  });

  it("hides a contact without a professional identity: no current employer, title or profile", () => {
    const bare = person({ emails: ["x@acme.com"] });
    const blankTitle = person({ title: "  " });
    const employed = person({});
    const titled = person({ title: "Engineer" });
    const profiled = person({ profileUrl: "https://linkedin.com/in/x" });
    const shared = shareableContacts(
      source([bare, blankTitle, employed, titled, profiled], { [employed.id]: ["Acme"] }),
      settings(),
      "full",
    );
    expect([bare, blankTitle, employed, titled, profiled].map((p) => shared.has(p.id))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it("hides a contact with a blocked category or tag, ignoring case and spacing", () => {
    const family = person({ title: "CTO", categories: ["family"] });
    const doctor = person({ title: "GP", tags: ["my doctor"] });
    const other = person({ title: "CTO", tags: ["golf"] });
    const shared = shareableContacts(
      source([family, doctor, other]),
      settings({ blockedLabels: ["Family", "My-Doctor"] }),
      "full",
    );
    expect(shared.has(family.id)).toBe(false);
    expect(shared.has(doctor.id)).toBe(false);
    expect(shared.has(other.id)).toBe(true);
  });

  it("lets the member share a hidden contact or hide a shared one; a blocked label always wins", () => {
    const personal = person({ emails: ["p@gmail.com"] });
    const cto = person({ title: "CTO" });
    const blocked = person({ title: "CTO", categories: ["family"] });
    const shared = shareableContacts(
      source([personal, cto, blocked]),
      settings({
        blockedLabels: ["family"],
        contacts: [
          { personId: personal.id, sharing: "shared" },
          { personId: cto.id, sharing: "hidden" },
          { personId: blocked.id, sharing: "shared" },
        ],
      }),
      "full",
    );
    expect(shared.has(personal.id)).toBe(true);
    expect(shared.has(cto.id)).toBe(false);
    expect(shared.has(blocked.id)).toBe(false);
  });

  it("reads a projection's current employers (the projection is a contact source)", async () => {
    const store = await memoryStore();
    try {
      const net = await Network.create(store, { name: "Ada" });
      await net.person("employed", { name: "E", at: ["Acme"] });
      await net.person("former", { name: "F" });
      await store.create(net.ownerId, "employment", {
        personId: net.id.former!,
        organizationId: await net.organization("Acme"),
        from: "2018-01-01",
        to: "2020-01-01",
      });
      const projection = await net.projection();
      expect(projection.currentEmployersOf(net.id.employed!).map((o) => o.name)).toEqual(["Acme"]);
      expect(shareableContacts(projection, settings(), "full")).toEqual(
        new Set([net.id.self, net.id.employed]),
      );
      // Kept in step by sync: a new job makes the former colleague shareable.
      await store.create(net.ownerId, "employment", {
        personId: net.id.former!,
        organizationId: await net.organization("Contoso"),
        from: "2021-01-01",
      });
      await projection.sync();
      expect(projection.currentEmployersOf(net.id.former!).map((o) => o.name)).toEqual(["Contoso"]);
      expect(shareableContacts(projection, settings(), "full").has(net.id.former!)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
