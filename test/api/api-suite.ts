/**
 * The GraphQL API, run in process (executeOperation) against a store factory,
 * so the same tests run on SQLite and on the real Neo4j.
 */
import { randomUUID } from "node:crypto";
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import type { WarmpathContext } from "../../src/resolvers/index.js";
import { contextFor, createWarmpathServer } from "../../src/server.js";
import { countingStore } from "./counting-store.js";

type Result = {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

export function apiSuite(name: string, makeStore: () => Promise<NetworkStore>): void {
  describe(`the GraphQL API on ${name}`, () => {
    let store: NetworkStore;
    let server: ApolloServer<WarmpathContext>;
    const masked: unknown[] = [];
    beforeAll(async () => {
      store = await makeStore();
      await store.init();
      server = createWarmpathServer({ logError: (e) => masked.push(e) });
      await server.start();
    });
    afterAll(async () => {
      await server?.stop();
      await store?.close();
    });

    async function newOwner(): Promise<string> {
      const owner = `api-${randomUUID()}`;
      await store.ensureOwner(owner, { name: "Me Myself" });
      return owner;
    }

    async function run(
      owner: string,
      query: string,
      variables: Record<string, unknown> = {},
      on: NetworkStore = store,
    ): Promise<Result> {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: contextFor(on, owner) },
      );
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as Result;
    }
    const code = (r: Result) => r.errors?.[0]?.extensions?.code;
    const field = (r: Result) => r.errors?.[0]?.extensions?.field;

    const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name emails profileUrl categories } }`;

    it("answers me with the owner's own person", async () => {
      const owner = await newOwner();
      const r = await run(owner, "{ me { name isSelf knows { id } } }");
      expect(r.errors).toBeUndefined();
      expect(r.data?.me).toEqual({ name: "Me Myself", isSelf: true, knows: [] });
    });

    it("creates, reads, lists, updates and deletes people", async () => {
      const owner = await newOwner();
      const created = await run(owner, CREATE, {
        input: {
          name: "Grace Hopper",
          emails: ["Grace@Navy.mil"],
          profileUrl: "www.linkedin.com/in/Grace/",
          categories: ["MENTOR"],
        },
      });
      expect(created.errors).toBeUndefined();
      const grace = created.data?.createPerson;
      expect(grace).toMatchObject({
        name: "Grace Hopper",
        emails: ["grace@navy.mil"],
        profileUrl: "https://linkedin.com/in/grace",
        categories: ["MENTOR"],
      });
      await run(owner, CREATE, { input: { name: "Alan Turing", title: "Mathematician" } });

      const one = await run(owner, `query($id: ID!) { person(id: $id) { name } }`, {
        id: grace.id,
      });
      expect(one.data?.person.name).toBe("Grace Hopper");

      const page = await run(
        owner,
        `{ people(first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`,
      );
      expect(page.data?.people.totalCount).toBe(3);
      expect(page.data?.people.edges.map((e: any) => e.node.name)).toEqual([
        "Alan Turing",
        "Grace Hopper",
      ]);
      expect(page.data?.people.pageInfo.hasNextPage).toBe(true);
      const next = await run(
        owner,
        `query($after: String) { people(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
        {
          after: page.data?.people.pageInfo.endCursor,
        },
      );
      expect(next.data?.people.edges.map((e: any) => e.node.name)).toEqual(["Me Myself"]);
      const filtered = await run(
        owner,
        `{ people(filter: { text: "mathem" }) { totalCount edges { node { name } } } }`,
      );
      expect(filtered.data?.people.edges.map((e: any) => e.node.name)).toEqual(["Alan Turing"]);

      const updated = await run(
        owner,
        `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { title location } }`,
        {
          input: { id: grace.id, title: "Rear Admiral", location: null },
        },
      );
      expect(updated.data?.updatePerson).toEqual({ title: "Rear Admiral", location: null });
      const deleted = await run(owner, `mutation($id: ID!) { deletePerson(input: { id: $id }) }`, {
        id: grace.id,
      });
      expect(deleted.data?.deletePerson).toBe(grace.id);
      expect(
        code(await run(owner, `query($id: ID!) { person(id: $id) { name } }`, { id: grace.id })),
      ).toBe("NOT_FOUND");
    });

    it("answers bad input with BAD_USER_INPUT naming the field, and changes nothing", async () => {
      const owner = await newOwner();
      const version = await store.version(owner);
      const empty = await run(owner, CREATE, { input: { name: "  " } });
      expect([code(empty), field(empty)]).toEqual(["BAD_USER_INPUT", "name"]);
      const email = await run(owner, CREATE, {
        input: { name: "X", emails: ["x@example.org", "nope"] },
      });
      expect([code(email), field(email)]).toEqual(["BAD_USER_INPUT", "emails[1]"]);
      const me = (await run(owner, "{ me { id } }")).data?.me.id;
      const strength = await run(
        owner,
        `mutation($a: ID!, $b: ID!) { connect(input: { personA: $a, personB: $b, strength: 1.5 }) { id } }`,
        { a: me, b: me },
      );
      expect(code(strength)).toBe("BAD_USER_INPUT");
      const enumValue = await run(owner, CREATE, { input: { name: "X", categories: ["FRENEMY"] } });
      expect(code(enumValue)).toBe("BAD_USER_INPUT");
      expect(await store.version(owner)).toBe(version);
      expect((await store.list(owner, "person")).totalCount).toBe(1);
    });

    it("answers NOT_FOUND and CONFLICT by code, with nothing from other owners", async () => {
      const owner = await newOwner();
      const other = await newOwner();
      const theirs = (await run(other, CREATE, { input: { name: "Secret" } })).data?.createPerson
        .id;
      const foreign = await run(owner, `query($id: ID!) { person(id: $id) { name notes } }`, {
        id: theirs,
      });
      const missing = await run(owner, `query($id: ID!) { person(id: $id) { name notes } }`, {
        id: "per_missing",
      });
      expect([code(foreign), code(missing)]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
      expect(foreign.data).toBeNull();
      const org = `mutation($name: String!) { createOrganization(input: { name: $name }) { id } }`;
      expect((await run(owner, org, { name: "Acme" })).errors).toBeUndefined();
      expect(code(await run(owner, org, { name: "ACME" }))).toBe("CONFLICT");
    });

    it("connects and disconnects people, and shows the tie from either side", async () => {
      const owner = await newOwner();
      const me = (await run(owner, "{ me { id } }")).data?.me.id;
      const ada = (await run(owner, CREATE, { input: { name: "Ada" } })).data?.createPerson.id;
      const tie = await run(
        owner,
        `mutation($a: ID!, $b: ID!) { connect(input: { personA: $a, personB: $b, strength: 0.8, context: WORKED_TOGETHER, since: "2019-05-01" }) { strength context since provenance person { name } } }`,
        { a: me, b: ada },
      );
      expect(tie.errors).toBeUndefined();
      expect(tie.data?.connect).toEqual({
        strength: 0.8,
        context: "WORKED_TOGETHER",
        since: "2019-05-01",
        provenance: "MANUAL",
        person: { name: "Ada" },
      });
      const fromAda = await run(
        owner,
        `query($id: ID!) { person(id: $id) { knows { strength person { name isSelf } } } }`,
        { id: ada },
      );
      expect(fromAda.data?.person.knows).toEqual([
        { strength: 0.8, person: { name: "Me Myself", isSelf: true } },
      ]);
      const gone = await run(
        owner,
        `mutation($a: ID!, $b: ID!) { disconnect(input: { personA: $a, personB: $b }) { person { name } } }`,
        { a: ada, b: me },
      );
      expect(gone.data?.disconnect.person.name).toBe("Me Myself");
      expect((await run(owner, "{ me { knows { id } } }")).data?.me.knows).toEqual([]);
      expect(
        code(
          await run(
            owner,
            `mutation($a: ID!, $b: ID!) { disconnect(input: { personA: $a, personB: $b }) { id } }`,
            { a: ada, b: me },
          ),
        ),
      ).toBe("NOT_FOUND");
    });

    it("records employment, membership and interactions, and shows an organization's current and former people", async () => {
      const owner = await newOwner();
      const ann = (await run(owner, CREATE, { input: { name: "Ann" } })).data?.createPerson.id;
      const bob = (await run(owner, CREATE, { input: { name: "Bob" } })).data?.createPerson.id;
      const acme = (
        await run(
          owner,
          `mutation { createOrganization(input: { name: "Acme", kind: COMPANY }) { id } }`,
        )
      ).data?.createOrganization.id;
      const club = (
        await run(
          owner,
          `mutation { createOrganization(input: { name: "Toastmasters", kind: CLUB }) { id } }`,
        )
      ).data?.createOrganization.id;
      const job = `mutation($input: SetEmploymentInput!) { setEmployment(input: $input) { title current organization { name } } }`;
      expect(
        (
          await run(owner, job, {
            input: { personId: ann, organizationId: acme, title: "CTO", from: "2021-01-01" },
          })
        ).data?.setEmployment,
      ).toEqual({
        title: "CTO",
        current: true,
        organization: { name: "Acme" },
      });
      await run(owner, job, {
        input: { personId: bob, organizationId: acme, from: "2015-01-01", to: "2019-12-31" },
      });
      const member = await run(
        owner,
        `mutation($p: ID!, $o: ID!) { addMembership(input: { personId: $p, organizationId: $o, role: "VP Education" }) { role person { name } } }`,
        { p: bob, o: club },
      );
      expect(member.data?.addMembership).toEqual({ role: "VP Education", person: { name: "Bob" } });
      const logged = await run(
        owner,
        `mutation($p: ID!) { logInteraction(input: { personId: $p, kind: COFFEE, at: "2026-11-01T09:00:00Z", direction: MUTUAL }) { kind person { name } } }`,
        { p: ann },
      );
      expect(logged.data?.logInteraction).toEqual({ kind: "COFFEE", person: { name: "Ann" } });
      const org = await run(
        owner,
        `query($id: ID!) { organization(id: $id) { currentPeople { name } formerPeople { name } } }`,
        { id: acme },
      );
      expect(org.data?.organization).toEqual({
        currentPeople: [{ name: "Ann" }],
        formerPeople: [{ name: "Bob" }],
      });
      const annView = await run(
        owner,
        `query($id: ID!) { person(id: $id) { employment { title } interactions { kind } } }`,
        { id: ann },
      );
      expect(annView.data?.person).toEqual({
        employment: [{ title: "CTO" }],
        interactions: [{ kind: "COFFEE" }],
      });
      expect(
        (await run(owner, `{ people(filter: { text: "acme" }) { totalCount } }`)).data?.people
          .totalCount,
      ).toBe(1);
    });

    it("lists 50 people with their ties and employers in a bounded number of store calls", async () => {
      const owner = await newOwner();
      const me = await store.getSelf(owner);
      const { ids } = await store.bulkUpsert(
        owner,
        "person",
        Array.from({ length: 50 }, (_, i) => ({ name: `Person ${String(i).padStart(2, "0")}` })),
      );
      const org = await store.create(owner, "organization", { name: "Acme" });
      await store.bulkUpsert(
        owner,
        "tie",
        ids.map((id) => ({ personA: me.id, personB: id })),
      );
      await store.bulkUpsert(
        owner,
        "employment",
        ids.map((id) => ({ personId: id, organizationId: org.id })),
      );
      const counted = countingStore(store);
      const r = await run(
        owner,
        `{ people(first: 50, filter: { text: "person" }) { edges { node { name knows { person { name } } employment { organization { name } } } } } }`,
        {},
        counted.store,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.people.edges).toHaveLength(50);
      expect(r.data?.people.edges[0].node.knows[0].person.name).toBe("Me Myself");
      expect(r.data?.people.edges[49].node.employment[0].organization.name).toBe("Acme");
      // One list, one batch of ties, one of employment, one of the people at the ties' other ends, one of organizations.
      expect(counted.calls()).toBeGreaterThan(0);
      expect(counted.calls()).toBeLessThanOrEqual(6);
    });

    it("finds the warmest introduction paths, explained, and sees the writes made just before", async () => {
      const owner = await newOwner();
      const me = (await run(owner, "{ me { id } }")).data?.me.id;
      const person = async (name: string) =>
        (await run(owner, CREATE, { input: { name } })).data?.createPerson.id as string;
      const [ann, bob, target, loner] = [
        await person("Ann"),
        await person("Bob"),
        await person("Target"),
        await person("Loner"),
      ];
      const connect = (a: string, b: string, strength: number) =>
        run(
          owner,
          `mutation($a: ID!, $b: ID!, $s: Float) { connect(input: { personA: $a, personB: $b, strength: $s, context: WORKED_TOGETHER }) { id } }`,
          { a, b, s: strength },
        );
      await connect(me, ann, 0.9);
      await connect(ann, target, 0.8);
      await connect(me, bob, 0.5);
      await connect(bob, target, 0.9);
      const PATHS = `query($to: ID!) { introPaths(to: { personId: $to }) { noPathReason paths { warmth label people { name } weakestLink { strength } hops { from { name } to { name } strength inferred evidence } } } }`;
      const first = await run(owner, PATHS, { to: target });
      expect(first.errors).toBeUndefined();
      const paths = first.data?.introPaths.paths;
      expect(paths.map((p: any) => p.people.map((x: any) => x.name).join(" > "))).toEqual([
        "Me Myself > Ann > Target",
        "Me Myself > Bob > Target",
      ]);
      expect(paths[0].warmth).toBeCloseTo(0.72, 12);
      expect(paths[0].label).toBe("warm");
      expect(paths[1].weakestLink.strength).toBe(0.5);
      expect(paths[0].hops[0]).toMatchObject({
        from: { name: "Me Myself" },
        to: { name: "Ann" },
        strength: 0.9,
        inferred: false,
      });
      expect(paths[0].hops[0].evidence).toEqual(["worked together", "you rated this tie 0.9"]);
      // A write, then a query: the query sees it (Bob's tie to Target grows warmer than Ann's path).
      await connect(me, bob, 0.95);
      const second = await run(owner, PATHS, { to: target });
      expect(second.data?.introPaths.paths[0].people.map((x: any) => x.name)).toEqual([
        "Me Myself",
        "Bob",
        "Target",
      ]);
      const none = await run(owner, PATHS, { to: loner });
      expect(none.data?.introPaths).toMatchObject({ paths: [] });
      expect(none.data?.introPaths.noPathReason).toMatch(/no warm path to Loner within 4 ties/);
      const shortest = await run(owner, `query($to: ID!) { shortestPath(to: $to) { name } }`, {
        to: target,
      });
      expect(shortest.data?.shortestPath.map((x: any) => x.name)).toHaveLength(3);
      expect(
        (await run(owner, `query($to: ID!) { shortestPath(to: $to) { name } }`, { to: loner })).data
          ?.shortestPath,
      ).toBeNull();
      const both = await run(
        owner,
        `query($to: ID!) { introPaths(to: { personId: $to, organizationId: $to }) { noPathReason } }`,
        { to: target },
      );
      expect([code(both), field(both)]).toEqual(["BAD_USER_INPUT", "to"]);
    });

    it("answers reach, top connectors, communities, bridges and coverage", async () => {
      const owner = await newOwner();
      const me = (await store.getSelf(owner)).id;
      const { ids } = await store.bulkUpsert(
        owner,
        "person",
        ["Ann", "Bob", "Cat", "Dan", "Eve"].map((name) => ({ name })),
      );
      const [ann, bob, cat, dan, eve] = ids as [string, string, string, string, string];
      const ties: [string, string, number][] = [
        [me, ann, 0.9],
        [me, bob, 0.3],
        [ann, cat, 0.8],
        [bob, cat, 0.9],
        [cat, dan, 0.9],
        [dan, eve, 0.9],
      ];
      await store.bulkUpsert(
        owner,
        "tie",
        ties.map(([personA, personB, strength]) => ({ personA, personB, strength })),
      );
      const acme = await store.create(owner, "organization", { name: "Acme" });
      await store.create(owner, "employment", { personId: dan, organizationId: acme.id });
      const r = await run(
        owner,
        `query($t: ID!, $org: ID!) {
          reach { hops people warm }
          topConnectors(targets: [{ personId: $t }]) { person { name } paths }
          communities { size people { name } }
          bridges { from { name } to { name } }
          brokers(limit: 2) { person { name } score }
          coverage(organizationIds: [$org]) { organization { name } path { people { name } } noPathReason }
        }`,
        { t: eve, org: acme.id },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.reach).toEqual([
        // Bob's own tie is cold (0.3), but his warmest way within 3 ties (via Ann and Cat, 0.65) is warm.
        { hops: 1, people: 2, warm: 2 },
        { hops: 2, people: 1, warm: 1 },
        { hops: 3, people: 1, warm: 1 },
      ]);
      expect(r.data?.topConnectors.map((c: any) => c.person.name)).toEqual([
        "Cat",
        "Dan",
        "Ann",
        "Bob",
      ]);
      expect(r.data?.communities.reduce((n: number, c: any) => n + c.size, 0)).toBe(6);
      expect(r.data?.coverage).toEqual([
        {
          organization: { name: "Acme" },
          path: {
            people: [{ name: "Me Myself" }, { name: "Ann" }, { name: "Cat" }, { name: "Dan" }],
          },
          noPathReason: null,
        },
      ]);
      expect(Array.isArray(r.data?.bridges)).toBe(true);
      // Cat joins Me, Ann and Bob to Dan and Eve: 6 pairs, and half of Ann-Bob.
      expect(r.data?.brokers).toEqual([
        { person: { name: "Cat" }, score: 6.5 },
        { person: { name: "Dan" }, score: 4 },
      ]);
    });

    it("turns introspection off in production", async () => {
      const owner = await newOwner();
      const production = createWarmpathServer({ production: true, logError: () => undefined });
      await production.start();
      try {
        const response = await production.executeOperation(
          { query: "{ __schema { queryType { name } } }" },
          { contextValue: contextFor(store, owner) },
        );
        const result =
          response.body.kind === "single" ? (response.body.singleResult as Result) : {};
        expect(result.errors?.[0]?.message).toMatch(/introspection/i);
        expect(
          (await run(owner, "{ __schema { queryType { name } } }")).data?.__schema.queryType.name,
        ).toBe("Query");
      } finally {
        await production.stop();
      }
    });

    it("masks unexpected errors and logs them", async () => {
      const owner = await newOwner();
      const broken = {
        ...countingStore(store).store,
        getSelf: async () => {
          throw new Error("disk on fire at /var/secret");
        },
      } as NetworkStore;
      const before = masked.length;
      const r = await run(owner, "{ me { id } }", {}, broken);
      expect(r.errors?.[0]?.message).toBe("Internal error");
      expect(code(r)).toBe("INTERNAL");
      expect(JSON.stringify(r)).not.toContain("secret");
      expect(masked.length).toBe(before + 1);
    });
  });
}
