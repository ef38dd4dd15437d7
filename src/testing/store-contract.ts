/**
 * The storage contract: every adapter of `NetworkStore` runs this same suite
 * (same tests, same count) against a real database. Errors are checked by
 * code and field, never by message. Each test works in fresh owners, so the
 * suite can share one database with other suites.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore } from "../graph/index.js";
import { accountContract } from "./account-contract.js";
import { expectError } from "./expect-error.js";
import { idempotencyContract } from "./idempotency-contract.js";
import { importConcurrencyContract } from "./import-concurrency-contract.js";
import { importViewContract } from "./import-view-contract.js";
import { interactionSourceContract } from "./interaction-source-contract.js";
import { invitationContract } from "./invitation-contract.js";
import { passkeyContract } from "./passkey-contract.js";
import { poolingContract } from "./pooling-contract.js";
import { teamContract } from "./team-contract.js";

export type StoreFactory = () => Promise<NetworkStore>;

const { BAD_USER_INPUT, NOT_FOUND, CONFLICT } = ErrorCode;

export function storeContract(name: string, makeStore: StoreFactory): void {
  describe(`${name} satisfies the store contract`, () => {
    let store: NetworkStore;
    beforeAll(async () => {
      store = await makeStore();
      await store.init();
    });
    afterAll(async () => {
      await store?.close();
    });

    /** A fresh owner with a self person named Me. */
    async function newOwner(): Promise<{ owner: string; selfId: string }> {
      const owner = `owner-${randomUUID()}`;
      const self = await store.ensureOwner(owner, { name: "Me" });
      return { owner, selfId: self.id };
    }
    const person = (owner: string, name: string, extra: object = {}) =>
      store.create(owner, "person", { name, ...extra });

    importConcurrencyContract(() => store, newOwner);
    importViewContract(() => store, newOwner);
    interactionSourceContract(() => store, newOwner);
    idempotencyContract(() => store, newOwner);
    accountContract(() => store, newOwner);
    invitationContract(() => store);
    passkeyContract(() => store);
    teamContract(() => store);
    poolingContract(() => store);

    describe("owners", () => {
      it("creates the owner's self person once and returns it on later calls", async () => {
        const owner = `owner-${randomUUID()}`;
        const first = await store.ensureOwner(owner, {
          name: "Ada Lovelace",
          emails: ["ada@example.org"],
        });
        const again = await store.ensureOwner(owner, { name: "Someone Else" });
        expect(first.isSelf).toBe(true);
        expect(again.id).toBe(first.id);
        expect(again.name).toBe("Ada Lovelace");
        expect((await store.getSelf(owner)).id).toBe(first.id);
        expect(await store.version(owner)).toBe(1);
        // Reachable, and init() may run again at every start-up.
        await store.ping();
        await store.init();
        expect((await store.getSelf(owner)).id).toBe(first.id);
      });

      it("answers NOT_FOUND for the self of an unknown owner, and nothing for its lists", async () => {
        const stranger = `owner-${randomUUID()}`;
        await expectError(store.getSelf(stranger), NOT_FOUND);
        await expectError(store.create(stranger, "person", { name: "X" }), NOT_FOUND);
        expect((await store.list(stranger, "person")).totalCount).toBe(0);
        expect(await store.version(stranger)).toBe(0);
      });

      it("rejects an empty owner id, naming ownerId", async () => {
        await expectError(store.ensureOwner("  ", { name: "Me" }), BAD_USER_INPUT, "ownerId");
        await expectError(store.list("", "person"), BAD_USER_INPUT, "ownerId");
      });
    });

    describe("validation at the boundary", () => {
      it("rejects a person without a name, naming the field", async () => {
        const { owner } = await newOwner();
        await expectError(person(owner, "   "), BAD_USER_INPUT, "name");
        await expectError(store.create(owner, "person", {} as never), BAD_USER_INPUT, "name");
      });

      it("rejects malformed e-mails and phone numbers, naming the list item", async () => {
        const { owner } = await newOwner();
        await expectError(
          person(owner, "A", { emails: ["a@example.org", "not-an-email"] }),
          BAD_USER_INPUT,
          "emails[1]",
        );
        await expectError(person(owner, "A", { phones: ["call me"] }), BAD_USER_INPUT, "phones[0]");
      });

      it("rejects strengths outside (0, 1] and impossible dates", async () => {
        const { owner, selfId } = await newOwner();
        const b = await person(owner, "B");
        for (const strength of [0, -0.1, 1.01, Number.NaN]) {
          await expectError(
            store.create(owner, "tie", { personA: selfId, personB: b.id, strength }),
            BAD_USER_INPUT,
            "strength",
          );
        }
        await expectError(
          store.create(owner, "tie", { personA: selfId, personB: b.id, since: "2023-02-30" }),
          BAD_USER_INPUT,
          "since",
        );
        await expectError(
          store.create(owner, "tie", { personA: selfId, personB: b.id, since: "1850-01-01" }),
          BAD_USER_INPUT,
          "since",
        );
        await expectError(
          store.create(owner, "interaction", { personId: b.id, kind: "call", at: "yesterday" }),
          BAD_USER_INPUT,
          "at",
        );
      });

      it("rejects unknown categories and kinds, naming the field", async () => {
        const { owner } = await newOwner();
        await expectError(
          person(owner, "A", { categories: ["friend", "frenemy"] }),
          BAD_USER_INPUT,
          "categories[1]",
        );
        await expectError(
          store.create(owner, "organization", { name: "Acme", kind: "cartel" as never }),
          BAD_USER_INPUT,
          "kind",
        );
      });

      it("rejects an employment that ends before it starts", async () => {
        const { owner } = await newOwner();
        const p = await person(owner, "A");
        const org = await store.create(owner, "organization", { name: "Acme" });
        await expectError(
          store.create(owner, "employment", {
            personId: p.id,
            organizationId: org.id,
            from: "2022-01-01",
            to: "2021-01-01",
          }),
          BAD_USER_INPUT,
          "to",
        );
      });

      it("normalizes profile URLs so two spellings of one profile are one identity", async () => {
        const { owner } = await newOwner();
        const grace = await person(owner, "Grace Hopper", {
          profileUrl: "HTTP://www.LinkedIn.com/in/GraceHopper/",
        });
        expect(grace.profileUrl).toBe("https://linkedin.com/in/gracehopper");
        const found = await store.findPeople(owner, { profileUrl: "linkedin.com/in/gracehopper" });
        expect(found.map((p) => p.id)).toEqual([grace.id]);
        await expectError(
          person(owner, "G. Hopper", { profileUrl: "https://linkedin.com/in/gracehopper" }),
          CONFLICT,
          "profileUrl",
        );
      });

      it("stores e-mails in lower case and refuses one e-mail on two people", async () => {
        const { owner } = await newOwner();
        const a = await person(owner, "A", { emails: ["Ada@Example.ORG"] });
        expect(a.emails).toEqual(["ada@example.org"]);
        expect(
          (await store.findPeople(owner, { email: "ADA@example.org" })).map((p) => p.id),
        ).toEqual([a.id]);
        await expectError(person(owner, "B", { emails: ["ada@example.org"] }), CONFLICT, "emails");
        const b = await person(owner, "B");
        await expectError(
          store.update(owner, "person", b.id, { emails: ["ada@EXAMPLE.org"] }),
          CONFLICT,
          "emails",
        );
      });
    });

    describe("records", () => {
      it("creates, reads, updates and deletes a person, keeping every field", async () => {
        const { owner } = await newOwner();
        const input = {
          name: "Émile Zola",
          emails: ["emile@example.fr"],
          phones: ["+33 1 23 45 67 89"],
          profileUrl: "linkedin.com/in/ezola",
          title: "Writer",
          location: "Paris",
          categories: ["friend" as const, "mentor" as const],
          tags: ["Naturalism"],
          interests: ["novels"],
          hobbies: ["cycling"],
          notes: "Met at the salon",
          news: "New book out",
          newsAt: "2026-10-01T10:00:00Z",
        };
        const created = await store.create(owner, "person", input);
        expect(created).toMatchObject({
          ...input,
          profileUrl: "https://linkedin.com/in/ezola",
          tags: ["naturalism"],
          newsAt: "2026-10-01T10:00:00.000Z",
          isSelf: false,
        });
        expect(created.id).toMatch(/^per_/);
        expect(await store.get(owner, "person", created.id)).toEqual(created);

        const updated = await store.update(owner, "person", created.id, {
          title: "Novelist",
          notes: null,
        });
        expect(updated).toMatchObject({ title: "Novelist", notes: null, location: "Paris" });
        expect(updated.updatedAt >= created.updatedAt).toBe(true);
        expect(await store.get(owner, "person", created.id)).toEqual(updated);

        await store.delete(owner, "person", created.id);
        await expectError(store.get(owner, "person", created.id), NOT_FOUND);
      });

      it("refuses a second organization with the same name in another case", async () => {
        const { owner } = await newOwner();
        const acme = await store.create(owner, "organization", {
          name: "Acme Corp",
          kind: "company",
          domain: "https://www.acme.com/about",
        });
        expect(acme.domain).toBe("acme.com");
        await expectError(
          store.create(owner, "organization", { name: "ACME  corp" }),
          CONFLICT,
          "name",
        );
        const renamed = await store.update(owner, "organization", acme.id, {
          kind: "venture_firm",
        });
        expect(renamed.kind).toBe("venture_firm");
      });

      it("keeps one tie per pair, stored in id order, and names a missing end", async () => {
        const { owner, selfId } = await newOwner();
        const b = await person(owner, "B");
        const tie = await store.create(owner, "tie", {
          personA: b.id,
          personB: selfId,
          strength: 0.8,
          context: "worked_together",
          since: "2019-05-01",
        });
        expect([tie.personA, tie.personB]).toEqual([selfId, b.id].sort());
        expect(tie).toMatchObject({
          strength: 0.8,
          context: "worked_together",
          since: "2019-05-01",
          provenance: "manual",
        });
        await expectError(
          store.create(owner, "tie", { personA: selfId, personB: b.id }),
          CONFLICT,
          "personB",
        );
        await expectError(
          store.create(owner, "tie", { personA: selfId, personB: selfId }),
          BAD_USER_INPUT,
          "personB",
        );
        await expectError(
          store.create(owner, "tie", { personA: selfId, personB: "per_missing" }),
          NOT_FOUND,
          "personB",
        );
        // Stored in id order, but errors name the field the caller used.
        await expectError(
          store.create(owner, "tie", { personA: "per_zzz_missing", personB: selfId }),
          NOT_FOUND,
          "personA",
        );
        const patched = await store.update(owner, "tie", tie.id, {
          strength: null,
          lastInteraction: "2026-11-01",
        });
        expect(patched).toMatchObject({
          strength: null,
          lastInteraction: "2026-11-01",
          since: "2019-05-01",
        });
      });

      it("records employment and membership, current and former", async () => {
        const { owner } = await newOwner();
        const p = await person(owner, "P");
        const acme = await store.create(owner, "organization", { name: "Acme" });
        const chamber = await store.create(owner, "organization", {
          name: "Scottsdale Chamber",
          kind: "chamber",
        });
        const old = await store.create(owner, "employment", {
          personId: p.id,
          organizationId: acme.id,
          title: "Engineer",
          from: "2019-01-01",
          to: "2022-06-30",
        });
        const now = await store.create(owner, "employment", {
          personId: p.id,
          organizationId: acme.id,
          title: "Lead",
          from: "2022-07-01",
        });
        await store.create(owner, "membership", {
          personId: p.id,
          organizationId: chamber.id,
          since: "2020-01-01",
        });
        const current = await store.list(owner, "employment", { personId: p.id, current: true });
        expect(current.edges.map((e) => e.node.id)).toEqual([now.id]);
        const former = await store.list(owner, "employment", { personId: p.id, current: false });
        expect(former.edges.map((e) => e.node.id)).toEqual([old.id]);
        expect(
          (await store.list(owner, "membership", { organizationId: chamber.id })).totalCount,
        ).toBe(1);
        await expectError(
          store.create(owner, "membership", { personId: p.id, organizationId: chamber.id }),
          CONFLICT,
          "organizationId",
        );
      });

      it("creates, updates and lists interactions, follow-ups, favors and introduction requests", async () => {
        const { owner, selfId } = await newOwner();
        const introducer = await person(owner, "Introducer");
        const target = await person(owner, "Target");
        const interaction = await store.create(owner, "interaction", {
          personId: introducer.id,
          kind: "email",
          at: "2026-11-01T09:30:00+01:00",
          direction: "inbound",
          needsReply: true,
        });
        expect(interaction).toMatchObject({
          at: "2026-11-01T08:30:00.000Z",
          needsReply: true,
          direction: "inbound",
        });
        const followUp = await store.create(owner, "followUp", {
          personId: target.id,
          due: "2027-05-20",
          reason: "not hiring for six months",
        });
        expect(followUp).toMatchObject({ list: "next_contact", status: "open" });
        expect(
          (
            await store.update(owner, "followUp", followUp.id, {
              status: "snoozed",
              snoozedUntil: "2027-06-01",
            })
          ).status,
        ).toBe("snoozed");
        const favor = await store.create(owner, "favor", {
          personId: introducer.id,
          direction: "received",
          kind: "referral",
          date: "2026-09-09",
        });
        expect(favor.kind).toBe("referral");
        const request = await store.create(owner, "introRequest", {
          targetId: target.id,
          introducerId: introducer.id,
          path: [selfId, introducer.id, target.id],
        });
        expect(request).toMatchObject({
          status: "drafted",
          path: [selfId, introducer.id, target.id],
        });
        const asked = await store.update(owner, "introRequest", request.id, { status: "asked" });
        expect(asked.status).toBe("asked");
        await expectError(
          store.create(owner, "introRequest", {
            targetId: target.id,
            introducerId: introducer.id,
            path: [selfId, introducer.id],
          }),
          BAD_USER_INPUT,
          "path",
        );
        expect(
          (await store.list(owner, "interaction", { needsReply: true })).edges.map(
            (e) => e.node.id,
          ),
        ).toEqual([interaction.id]);
        expect((await store.list(owner, "followUp", { status: "snoozed" })).totalCount).toBe(1);
        expect((await store.list(owner, "favor", { direction: "received" })).totalCount).toBe(1);
        expect((await store.list(owner, "introRequest", { status: "asked" })).totalCount).toBe(1);
      });

      it("answers NOT_FOUND for updates and deletes of missing ids", async () => {
        const { owner } = await newOwner();
        await expectError(store.update(owner, "person", "per_missing", { title: "X" }), NOT_FOUND);
        await expectError(store.delete(owner, "organization", "org_missing"), NOT_FOUND);
        await expectError(store.get(owner, "tie", "tie_missing"), NOT_FOUND);
      });

      it("changes nothing, not even the version, for an update that changes nothing", async () => {
        const { owner } = await newOwner();
        const p = await person(owner, "Same", { title: "CTO" });
        const before = await store.version(owner);
        const after = await store.update(owner, "person", p.id, { title: "CTO" });
        expect(after).toEqual(p);
        expect(await store.version(owner)).toBe(before);
      });

      it("gets many records in the order asked, with null where missing", async () => {
        const { owner } = await newOwner();
        const a = await person(owner, "A");
        const b = await person(owner, "B");
        const got = await store.getMany(owner, "person", [b.id, "per_missing", a.id]);
        expect(got.map((p) => p?.id ?? null)).toEqual([b.id, null, a.id]);
      });

      it("lists the records about many people or organizations in one call, in list order", async () => {
        const { owner, selfId } = await newOwner();
        const [a, b, c] = [
          await person(owner, "A"),
          await person(owner, "B"),
          await person(owner, "C"),
        ];
        const org = await store.create(owner, "organization", { name: "Org" });
        const ab = await store.create(owner, "tie", { personA: a.id, personB: b.id });
        const bc = await store.create(owner, "tie", { personA: c.id, personB: b.id });
        await store.create(owner, "tie", { personA: selfId, personB: c.id });
        const job = await store.create(owner, "employment", {
          personId: b.id,
          organizationId: org.id,
          to: "2020-01-01",
        });
        const now = await store.create(owner, "employment", {
          personId: a.id,
          organizationId: org.id,
        });
        const calls = [
          await store.create(owner, "interaction", {
            personId: a.id,
            kind: "call",
            at: "2026-01-01T00:00:00Z",
          }),
          await store.create(owner, "interaction", {
            personId: b.id,
            kind: "call",
            at: "2026-02-01T00:00:00Z",
          }),
        ];
        const tieIds = (await store.listByRefs(owner, "tie", "person", [a.id, b.id])).map(
          (t) => t.id,
        );
        expect([...tieIds].sort()).toEqual([ab.id, bc.id].sort());
        expect(
          (await store.listByRefs(owner, "employment", "organization", [org.id])).map((e) => e.id),
        ).toEqual([now.id, job.id]);
        expect(
          (await store.listByRefs(owner, "interaction", "person", [a.id, b.id, "per_missing"])).map(
            (i) => i.id,
          ),
        ).toEqual([calls[1]!.id, calls[0]!.id]);
        expect(await store.listByRefs(owner, "tie", "person", [])).toEqual([]);
        const stranger = await newOwner();
        expect(await store.listByRefs(stranger.owner, "tie", "person", [a.id, b.id])).toEqual([]);
      });

      it("finds people by e-mail, profile URL and name", async () => {
        const { owner } = await newOwner();
        const a = await person(owner, "Alan Turing", {
          emails: ["alan@example.org"],
          profileUrl: "https://linkedin.com/in/aturing",
        });
        await person(owner, "Alan Kay");
        expect(
          (await store.findPeople(owner, { email: "Alan@example.org" })).map((p) => p.id),
        ).toEqual([a.id]);
        expect(
          (await store.findPeople(owner, { profileUrl: "www.linkedin.com/in/ATuring/" })).map(
            (p) => p.id,
          ),
        ).toEqual([a.id]);
        expect((await store.findPeople(owner, { name: "alan  TURING" })).map((p) => p.id)).toEqual([
          a.id,
        ]);
        expect(await store.findPeople(owner, { email: "nobody@example.org" })).toEqual([]);
        await expectError(
          store.findPeople(owner, { email: "not an email" }),
          BAD_USER_INPUT,
          "email",
        );
      });
    });

    describe("lists", () => {
      it("orders people by name and pages through all of them with cursors", async () => {
        const { owner } = await newOwner();
        const names = ["delta", "Alpha", "charlie", "Bravo", "echo", "alpha"];
        for (const n of names) await person(owner, n);
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<typeof store.list<"person">>> = await store.list(
            owner,
            "person",
            {},
            { first: 2, after },
          );
          expect(page.totalCount).toBe(names.length + 1);
          seen.push(...page.edges.map((e) => e.node.name));
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          pages++;
        } while (after !== null);
        expect(pages).toBe(4);
        expect(seen.map((n) => n.toLowerCase())).toEqual([
          "alpha",
          "alpha",
          "bravo",
          "charlie",
          "delta",
          "echo",
          "me",
        ]);
      });

      it("pages newest first through kinds ordered by date", async () => {
        const { owner } = await newOwner();
        const p = await person(owner, "P");
        const days = ["2026-01-05", "2026-03-01", "2026-02-10", "2026-03-01", "2025-12-31"];
        for (const d of days)
          await store.create(owner, "interaction", {
            personId: p.id,
            kind: "call",
            at: `${d}T12:00:00Z`,
          });
        const first = await store.list(owner, "interaction", {}, { first: 3 });
        const rest = await store.list(
          owner,
          "interaction",
          {},
          { first: 3, after: first.pageInfo.endCursor },
        );
        const ats = [...first.edges, ...rest.edges].map((e) => e.node.at.slice(0, 10));
        expect(ats).toEqual([...days].sort().reverse());
        expect(rest.pageInfo.hasNextPage).toBe(false);
        expect(new Set([...first.edges, ...rest.edges].map((e) => e.node.id)).size).toBe(5);
      });

      it("filters people by text over name, title and employer, by category, tag, organization and location", async () => {
        const { owner } = await newOwner();
        const korn = await store.create(owner, "organization", { name: "Korn Ferry" });
        const club = await store.create(owner, "organization", {
          name: "Toastmasters",
          kind: "club",
        });
        const ann = await person(owner, "Ann", {
          title: "Partner",
          categories: ["recruiter"],
          tags: ["exec-search"],
          location: "Scottsdale, AZ",
        });
        const bob = await person(owner, "Bob", {
          title: "Engineer",
          categories: ["friend"],
          location: "Berlin",
        });
        const cyd = await person(owner, "Cyd Ferris", { title: "Chef" });
        await store.create(owner, "employment", { personId: ann.id, organizationId: korn.id });
        await store.create(owner, "employment", {
          personId: bob.id,
          organizationId: korn.id,
          from: "2010-01-01",
          to: "2012-01-01",
        });
        await store.create(owner, "membership", { personId: bob.id, organizationId: club.id });
        const ids = async (filter: object) =>
          (await store.list(owner, "person", filter)).edges.map((e) => e.node.id).sort();
        expect(await ids({ text: "korn" })).toEqual([ann.id]);
        expect(await ids({ text: "FERR" })).toEqual([ann.id, cyd.id].sort());
        expect(await ids({ text: "engin" })).toEqual([bob.id]);
        expect(await ids({ category: "recruiter" })).toEqual([ann.id]);
        expect(await ids({ tag: "exec-search" })).toEqual([ann.id]);
        expect(await ids({ organizationId: korn.id })).toEqual([ann.id]);
        expect(await ids({ organizationId: club.id })).toEqual([bob.id]);
        expect(await ids({ location: "scottsdale" })).toEqual([ann.id]);
        expect(await ids({ text: "korn", category: "friend" })).toEqual([]);
      });

      it("matches people and organizations by text ignoring accents and case, and by current group", async () => {
        const { owner } = await newOwner();
        const chloe = await person(owner, "Chloé Dubois", { title: "Directrice générale" });
        const jurgen = await person(owner, "Jürgen Groß");
        const lena = await person(owner, "Lena Ørsted");
        const societe = await store.create(owner, "organization", { name: "Société Générale" });
        const chamber = await store.create(owner, "organization", {
          name: "Scottsdale Chamber",
          kind: "chamber",
        });
        await store.create(owner, "employment", { personId: lena.id, organizationId: societe.id });
        await store.create(owner, "membership", {
          personId: jurgen.id,
          organizationId: chamber.id,
        });
        await store.create(owner, "membership", {
          personId: chloe.id,
          organizationId: chamber.id,
          since: "2010-01-01",
          until: "2012-01-01",
        });
        const ids = async (text: string) =>
          (await store.list(owner, "person", { text })).edges.map((e) => e.node.id).sort();
        expect(await ids("chloe")).toEqual([chloe.id]);
        expect(await ids("jurgen")).toEqual([jurgen.id]);
        expect(await ids("GROSS")).toEqual([jurgen.id]);
        expect(await ids("orsted")).toEqual([lena.id]);
        expect(await ids("generale")).toEqual([chloe.id, lena.id].sort());
        expect(await ids("chamber")).toEqual([jurgen.id]);
        await store.update(owner, "person", chloe.id, { name: "Chloë Martin" });
        expect(await ids("chloe martin")).toEqual([chloe.id]);
        expect(await ids("dubois")).toEqual([]);
        const orgs = await store.list(owner, "organization", { text: "SOCIETE" });
        expect(orgs.edges.map((e) => e.node.id)).toEqual([societe.id]);
      });

      it("rejects a cursor it did not issue and page sizes out of range", async () => {
        const { owner } = await newOwner();
        await expectError(
          store.list(owner, "person", {}, { after: "garbage" }),
          BAD_USER_INPUT,
          "after",
        );
        await expectError(store.list(owner, "person", {}, { first: -1 }), BAD_USER_INPUT, "first");
        await expectError(
          store.list(owner, "person", {}, { first: 100_000 }),
          BAD_USER_INPUT,
          "first",
        );
      });
    });

    describe("upserts", () => {
      it("upserts a person by profile URL idempotently, without a new version for a repeat", async () => {
        const { owner } = await newOwner();
        const input = {
          name: "Grace Hopper",
          profileUrl: "https://www.linkedin.com/in/grace/",
          title: "Rear Admiral",
        };
        const first = await store.upsert(owner, "person", input);
        const version = await store.version(owner);
        const second = await store.upsert(owner, "person", {
          ...input,
          profileUrl: "linkedin.com/in/GRACE",
        });
        expect(first.outcome).toBe("created");
        expect(second).toEqual({ outcome: "unchanged", record: first.record });
        expect(await store.version(owner)).toBe(version);
        expect((await store.list(owner, "person", { text: "grace" })).totalCount).toBe(1);
      });

      it("merges an upsert into the person with the same e-mail: new values replace, lists unite", async () => {
        const { owner } = await newOwner();
        const p = await person(owner, "Linus", {
          emails: ["linus@example.org"],
          tags: ["kernel"],
          location: "Portland",
        });
        const merged = await store.upsert(owner, "person", {
          name: "Linus Torvalds",
          emails: ["LINUS@example.org", "lt@example.org"],
          tags: ["git"],
          title: "Fellow",
        });
        expect(merged.outcome).toBe("updated");
        expect(merged.record).toMatchObject({
          id: p.id,
          name: "Linus Torvalds",
          emails: ["linus@example.org", "lt@example.org"],
          tags: ["kernel", "git"],
          title: "Fellow",
          location: "Portland",
        });
        expect(
          (await store.findPeople(owner, { email: "lt@example.org" })).map((x) => x.id),
        ).toEqual([p.id]);
      });

      it("bulk-upserts in input order and merges repeats inside one batch", async () => {
        const { owner, selfId } = await newOwner();
        const result = await store.bulkUpsert(owner, "person", [
          { name: "A", emails: ["a@example.org"] },
          { name: "B", profileUrl: "linkedin.com/in/b" },
          { name: "A", emails: ["a@example.org"], title: "CEO" },
        ]);
        expect(result.outcomes).toEqual(["created", "created", "updated"]);
        expect(result.ids[2]).toBe(result.ids[0]);
        const ties = await store.bulkUpsert(owner, "tie", [
          { personA: selfId, personB: result.ids[0]!, provenance: "linkedin", since: "2020-01-01" },
          { personA: selfId, personB: result.ids[1]!, provenance: "linkedin" },
        ]);
        expect(ties.outcomes).toEqual(["created", "created"]);
        const again = await store.bulkUpsert(owner, "tie", [
          { personA: result.ids[0]!, personB: selfId, provenance: "linkedin", since: "2020-01-01" },
        ]);
        expect(again).toEqual({ ids: [ties.ids[0]], outcomes: ["unchanged"] });
        expect(await store.bulkUpsert(owner, "person", [])).toEqual({ ids: [], outcomes: [] });
      });

      it("ends 8 concurrent upserts of one identity as one record", async () => {
        const { owner } = await newOwner();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.upsert(owner, "person", {
              name: "Same Person",
              profileUrl: "linkedin.com/in/same",
              tags: [`t${i}`],
            }),
          ),
        );
        expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
        expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
        const stored = await store.findPeople(owner, { profileUrl: "linkedin.com/in/same" });
        expect(stored).toHaveLength(1);
        expect([...stored[0]!.tags].sort()).toEqual([
          "t0",
          "t1",
          "t2",
          "t3",
          "t4",
          "t5",
          "t6",
          "t7",
        ]);
        expect((await store.list(owner, "person", { text: "same person" })).totalCount).toBe(1);
      });

      it("writes nothing of a bulk upsert with one bad input, and names the input", async () => {
        const { owner, selfId } = await newOwner();
        const version = await store.version(owner);
        await expectError(
          store.bulkUpsert(owner, "person", [
            { name: "Good" },
            { name: "Also good" },
            { name: "" },
          ]),
          BAD_USER_INPUT,
          "inputs[2].name",
        );
        const a = await person(owner, "A");
        const afterA = await store.version(owner);
        await expectError(
          store.bulkUpsert(owner, "tie", [
            { personA: selfId, personB: a.id },
            { personA: selfId, personB: "per_missing" },
          ]),
          NOT_FOUND,
          "inputs[1].personB",
        );
        expect((await store.list(owner, "person")).totalCount).toBe(2);
        expect((await store.list(owner, "tie")).totalCount).toBe(0);
        expect(afterA).toBe(version + 1);
        expect(await store.version(owner)).toBe(afterA);
      });

      it("merges a re-imported tie: earliest since, latest contact, the more trusted provenance", async () => {
        const { owner, selfId } = await newOwner();
        const b = await person(owner, "B");
        await store.upsert(owner, "tie", {
          personA: selfId,
          personB: b.id,
          provenance: "linkedin",
          since: "2021-01-01",
          lastInteraction: "2024-01-01",
        });
        const merged = await store.upsert(owner, "tie", {
          personA: b.id,
          personB: selfId,
          provenance: "manual",
          since: "2019-01-01",
          lastInteraction: "2023-01-01",
          strength: 0.9,
        });
        expect(merged.outcome).toBe("updated");
        expect(merged.record).toMatchObject({
          provenance: "manual",
          since: "2019-01-01",
          lastInteraction: "2024-01-01",
          strength: 0.9,
        });
        expect((await store.list(owner, "tie")).totalCount).toBe(1);
      });
    });

    describe("deletes", () => {
      it("deletes a person with their ties and every record about them, and nobody else", async () => {
        const { owner, selfId } = await newOwner();
        const gone = await person(owner, "Gone", { emails: ["gone@example.org"] });
        const stays = await person(owner, "Stays");
        const org = await store.create(owner, "organization", { name: "Org" });
        await store.create(owner, "tie", { personA: selfId, personB: gone.id });
        await store.create(owner, "tie", { personA: stays.id, personB: gone.id });
        const kept = await store.create(owner, "tie", { personA: selfId, personB: stays.id });
        await store.create(owner, "employment", { personId: gone.id, organizationId: org.id });
        await store.create(owner, "membership", { personId: gone.id, organizationId: org.id });
        await store.create(owner, "interaction", {
          personId: gone.id,
          kind: "call",
          at: "2026-01-01T00:00:00Z",
        });
        await store.create(owner, "followUp", { personId: gone.id, due: "2027-01-01" });
        await store.create(owner, "favor", {
          personId: gone.id,
          direction: "given",
          kind: "advice",
          date: "2026-01-01",
        });
        await store.create(owner, "introRequest", { targetId: gone.id, introducerId: stays.id });
        await store.delete(owner, "person", gone.id);
        expect((await store.list(owner, "tie")).edges.map((e) => e.node.id)).toEqual([kept.id]);
        for (const kind of [
          "employment",
          "membership",
          "interaction",
          "followUp",
          "favor",
          "introRequest",
        ] as const) {
          expect((await store.list(owner, kind)).totalCount, kind).toBe(0);
        }
        expect(await store.findPeople(owner, { email: "gone@example.org" })).toEqual([]);
        expect((await store.get(owner, "organization", org.id)).name).toBe("Org");
        // The e-mail is free again.
        expect((await person(owner, "New", { emails: ["gone@example.org"] })).emails).toEqual([
          "gone@example.org",
        ]);
      });

      it("deletes an organization with its employment and membership records", async () => {
        const { owner } = await newOwner();
        const p = await person(owner, "P");
        const org = await store.create(owner, "organization", { name: "Org" });
        await store.create(owner, "employment", { personId: p.id, organizationId: org.id });
        await store.create(owner, "membership", { personId: p.id, organizationId: org.id });
        await store.delete(owner, "organization", org.id);
        expect((await store.list(owner, "employment")).totalCount).toBe(0);
        expect((await store.list(owner, "membership")).totalCount).toBe(0);
        expect((await store.get(owner, "person", p.id)).name).toBe("P");
      });

      it("refuses to delete the owner's own person", async () => {
        const { owner, selfId } = await newOwner();
        await expectError(store.delete(owner, "person", selfId), CONFLICT, "id");
        expect((await store.getSelf(owner)).id).toBe(selfId);
      });
    });

    describe("change feed", () => {
      it("raises the version with each write and lists what changed, cascades included", async () => {
        const { owner, selfId } = await newOwner();
        const v0 = await store.version(owner);
        const b = await person(owner, "B");
        const tie = await store.create(owner, "tie", { personA: selfId, personB: b.id });
        await store.update(owner, "person", b.id, { title: "T" });
        await store.delete(owner, "person", b.id);
        const feed = await store.changesSince(owner, v0);
        expect(feed.version).toBe(v0 + 4);
        expect(await store.version(owner)).toBe(v0 + 4);
        const summary = feed.changes.map(
          (c) => `${c.version - v0}:${c.kind}:${c.op}:${c.ids.join(",")}`,
        );
        expect(summary.slice(0, 3)).toEqual([
          `1:person:upsert:${b.id}`,
          `2:tie:upsert:${tie.id}`,
          `3:person:upsert:${b.id}`,
        ]);
        expect(summary.slice(3).sort()).toEqual(
          [`4:person:delete:${b.id}`, `4:tie:delete:${tie.id}`].sort(),
        );
        expect((await store.changesSince(owner, feed.version)).changes).toEqual([]);
      });

      it("does not move the version on a failed write", async () => {
        const { owner } = await newOwner();
        const v = await store.version(owner);
        await expectError(
          store.create(owner, "employment", {
            personId: "per_missing",
            organizationId: "org_missing",
          }),
          NOT_FOUND,
          "personId",
        );
        await expectError(store.delete(owner, "person", "per_missing"), NOT_FOUND);
        expect(await store.version(owner)).toBe(v);
      });
    });

    describe("snapshots", () => {
      it("loads the owner's whole network in one call", async () => {
        const { owner, selfId } = await newOwner();
        const a = await person(owner, "A");
        const b = await person(owner, "B");
        const org = await store.create(owner, "organization", { name: "Org" });
        await store.create(owner, "tie", { personA: selfId, personB: a.id, strength: 0.5 });
        await store.create(owner, "tie", { personA: a.id, personB: b.id });
        await store.create(owner, "employment", { personId: b.id, organizationId: org.id });
        await store.create(owner, "membership", { personId: a.id, organizationId: org.id });
        const net = await store.loadNetwork(owner);
        expect(net.selfId).toBe(selfId);
        expect(net.version).toBe(await store.version(owner));
        expect(net.people.map((p) => p.id).sort()).toEqual([selfId, a.id, b.id].sort());
        expect(net.ties).toHaveLength(2);
        expect(net.ties.find((t) => t.strength === 0.5)).toBeDefined();
        expect(net.organizations.map((o) => o.id)).toEqual([org.id]);
        expect(net.employments).toHaveLength(1);
        expect(net.memberships).toHaveLength(1);
        await expectError(store.loadNetwork(`owner-${randomUUID()}`), NOT_FOUND);
      });

      it("streams the ties to onTie as rows equal to the records, and returns none", async () => {
        const { owner, selfId } = await newOwner();
        const [a, b, c] = [
          await person(owner, "A"),
          await person(owner, "B"),
          await person(owner, "C"),
        ];
        await store.create(owner, "tie", {
          personA: selfId,
          personB: a.id,
          strength: 0.25,
          context: "worked_together",
          since: "2019-03-01",
          lastInteraction: "2026-10-02",
          provenance: "introduction",
          notes: "private",
        });
        await store.create(owner, "tie", { personA: b.id, personB: a.id });
        await store.bulkUpsert(owner, "tie", [
          { personA: c.id, personB: a.id, strength: 1, context: "family", provenance: "linkedin" },
          { personA: c.id, personB: b.id, since: "2001-01-01" },
        ]);
        const whole = await store.loadNetwork(owner);
        const rows: unknown[] = [];
        const streamed = await store.loadNetwork(owner, {
          // The row may be reused between calls: copy it.
          onTie: (row) => rows.push({ ...row }),
        });
        const fields = ["personA", "personB", "strength", "context", "since", "lastInteraction"];
        const expected = whole.ties.map((tie) => {
          const { id, provenance } = tie;
          const row: Record<string, unknown> = { id, provenance };
          for (const field of fields) row[field] = tie[field as keyof typeof tie];
          return row;
        });
        const byId = (x: unknown, y: unknown) =>
          (x as { id: string }).id < (y as { id: string }).id ? -1 : 1;
        expect(expected).toHaveLength(4);
        expect(rows.sort(byId)).toEqual(expected.sort(byId));
        expect(streamed.ties).toEqual([]);
        expect(streamed.version).toBe(whole.version);
        expect(streamed.selfId).toBe(whole.selfId);
        expect(streamed.people).toEqual(whole.people);
        expect(streamed.employments).toEqual(whole.employments);
        await expectError(
          store.loadNetwork(`owner-${randomUUID()}`, { onTie: () => undefined }),
          NOT_FOUND,
        );
      });

      it("loads the neighborhood of a person to a given depth", async () => {
        const { owner, selfId } = await newOwner();
        const [a, b, c] = [
          await person(owner, "A"),
          await person(owner, "B"),
          await person(owner, "C"),
        ];
        const org = await store.create(owner, "organization", { name: "Org" });
        await store.create(owner, "tie", { personA: selfId, personB: a.id });
        await store.create(owner, "tie", { personA: a.id, personB: b.id });
        await store.create(owner, "tie", { personA: b.id, personB: c.id });
        await store.create(owner, "tie", { personA: selfId, personB: b.id });
        await store.create(owner, "employment", { personId: b.id, organizationId: org.id });
        const ids = async (depth: number) =>
          (await store.loadNeighborhood(owner, a.id, depth)).people.map((p) => p.id).sort();
        expect(await ids(0)).toEqual([a.id]);
        expect(await ids(1)).toEqual([selfId, a.id, b.id].sort());
        expect(await ids(2)).toEqual([selfId, a.id, b.id, c.id].sort());
        const one = await store.loadNeighborhood(owner, a.id, 1);
        expect(one.ties).toHaveLength(3);
        expect(one.organizations.map((o) => o.id)).toEqual([org.id]);
        await expectError(store.loadNeighborhood(owner, a.id, 7), BAD_USER_INPUT, "depth");
        await expectError(store.loadNeighborhood(owner, "per_missing", 1), NOT_FOUND);
      });
    });

    describe("owner isolation", () => {
      it("treats another owner's ids exactly like missing ones", async () => {
        const a = await newOwner();
        const b = await newOwner();
        const secret = await person(a.owner, "Secret", {
          emails: ["secret@example.org"],
          notes: "private",
        });
        const missing = `per_${randomUUID()}`;
        for (const id of [secret.id, missing]) {
          const errors = await Promise.all([
            expectError(store.get(b.owner, "person", id), NOT_FOUND),
            expectError(store.update(b.owner, "person", id, { notes: "mine now" }), NOT_FOUND),
            expectError(store.delete(b.owner, "person", id), NOT_FOUND),
            expectError(
              store.create(b.owner, "tie", { personA: b.selfId, personB: id }),
              NOT_FOUND,
              "personB",
            ),
            expectError(store.loadNeighborhood(b.owner, id, 1), NOT_FOUND),
          ]);
          expect(errors.map((e) => e.message.replace(id, "<id>"))).toEqual([
            'person "<id>" not found',
            'person "<id>" not found',
            'person "<id>" not found',
            'person "<id>" not found',
            'person "<id>" not found',
          ]);
        }
        expect(await store.getMany(b.owner, "person", [secret.id])).toEqual([null]);
        expect(await store.get(a.owner, "person", secret.id)).toEqual(secret);
      });

      it("never lists, finds or merges into another owner's records", async () => {
        const a = await newOwner();
        const b = await newOwner();
        const secret = await person(a.owner, "Shared Name", {
          emails: ["shared@example.org"],
          profileUrl: "linkedin.com/in/shared",
        });
        expect((await store.list(b.owner, "person", { text: "shared" })).totalCount).toBe(0);
        expect(await store.findPeople(b.owner, { email: "shared@example.org" })).toEqual([]);
        expect(await store.findPeople(b.owner, { name: "Shared Name" })).toEqual([]);
        const mine = await store.upsert(b.owner, "person", {
          name: "Shared Name",
          emails: ["shared@example.org"],
          profileUrl: "linkedin.com/in/shared",
          notes: "B's notes",
        });
        expect(mine.outcome).toBe("created");
        expect(mine.record.id).not.toBe(secret.id);
        expect(await store.get(a.owner, "person", secret.id)).toEqual(secret);
        expect((await store.loadNetwork(b.owner)).people.map((p) => p.id).sort()).toEqual(
          [b.selfId, mine.record.id].sort(),
        );
        expect((await store.changesSince(b.owner, 0)).changes.flatMap((c) => c.ids)).not.toContain(
          secret.id,
        );
      });
    });
  });
}
