/**
 * Teams over real HTTP (issue 14), for a store factory so the walk-through runs on SQLite and
 * on the real Neo4j: three members with overlapping networks; one opts out, one hides a
 * contact; a pooled search finds a path through a teammate; the request goes pending →
 * accepted → introduced → met; the audit log shows it to the teammate whose tie was used.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintApiToken, userScopes } from "../../src/accounts/index.js";
import { effectiveScopes, SCOPES } from "../../src/auth/index.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { bearer } from "../support/owner-token.js";
import { codes, graphql } from "./auth-client.js";

const PATHS = `query ($team: ID!, $to: TeamTargetInput!) {
  teamIntroPaths(teamId: $team, to: $to) {
    noPathReason
    paths {
      label
      people {
        __typename
        ... on Person { name }
        ... on Teammate { name }
        ... on PooledPerson { id name title company band via }
        ... on OpaquePerson { id company via }
      }
      hops { band pooled evidence }
    }
  }
}`;

export function teamWalkthroughSuite(name: string, open: () => Promise<NetworkStore>): void {
  describe(`a team's walk-through over HTTP on ${name}`, () => {
    let store: NetworkStore;
    let server: RunningServer;
    let port: number;
    const run = randomUUID().slice(0, 8);
    const tokens = new Map<string, string>();
    const users = new Map<string, User>();
    let teamId = "";

    /** One member's GraphQL call with their token; the answer's data, failing on any error. */
    const as = async (who: string, query: string, variables: object = {}) => {
      const answer = await graphql(port, query, { variables, headers: bearer(tokens.get(who)!) });
      expect(answer.json.errors, JSON.stringify(answer.json.errors)).toBeUndefined();
      return answer.json.data;
    };
    const person = async (who: string, input: object) =>
      (
        await as(who, "mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id } }", {
          i: input,
        })
      ).createPerson.id as string;
    const company = async (who: string, name: string) =>
      (
        await as(
          who,
          `mutation { createOrganization(input: { name: "${name}", kind: COMPANY }) { id } }`,
        )
      ).createOrganization.id as string;
    const knows = async (who: string, id: string, strength: number) => {
      const me = (await as(who, "{ me { id } }")).me.id;
      await as(
        who,
        `mutation { connect(input: { personA: "${me}", personB: "${id}", strength: ${strength}, context: WORKED_TOGETHER }) { strength } }`,
      );
    };
    const worksAt = (who: string, personId: string, orgId: string, title: string) =>
      as(
        who,
        `mutation { setEmployment(input: { personId: "${personId}", organizationId: "${orgId}", title: "${title}" }) { current } }`,
      );

    beforeAll(async () => {
      store = await open();
      for (const who of ["Ada", "Bea", "Cy"]) {
        const user = await store.createUser({
          email: `${who.toLowerCase()}-${run}@example.org`,
          name: who,
        });
        users.set(who, user);
        const { token } = await mintApiToken(
          store,
          { user, scopes: effectiveScopes(userScopes(user)) },
          { name: "walk-through", scopes: SCOPES.filter((s) => s !== "admin") },
          new Date(),
        );
        tokens.set(who, token);
      }
      server = await startHttpServer({
        store,
        ownerId: `unused-${run}`,
        port: 0,
        host: "127.0.0.1",
        logger: pino({ level: "silent" }),
      });
      port = server.port;

      // Ada knows Olga at Fabrikam. Bea knows Olga too (one person: the same profile URL), Lena
      // at Contoso, and Hugo, whom she hides. Cy knows Lena (the same address) but shares nothing.
      const fabrikam = await company("Ada", "Fabrikam");
      const olga = await person("Ada", {
        name: "Olga Petrova",
        profileUrl: `linkedin.com/in/olga-${run}`,
      });
      await worksAt("Ada", olga, fabrikam, "CTO");
      await knows("Ada", olga, 0.9);

      const contoso = await company("Bea", "Contoso");
      const lena = await person("Bea", {
        name: "Lena Fischer",
        title: "VP Engineering",
        emails: [`lena-${run}@contoso.com`],
        notes: "private: met at a wedding",
        phones: ["+49 30 1234"],
      });
      await worksAt("Bea", lena, contoso, "VP Engineering");
      await knows("Bea", lena, 0.8);
      const hugo = await person("Bea", { name: "Hugo Hidden", title: "Recruiter" });
      await worksAt("Bea", hugo, contoso, "Recruiter");
      await knows("Bea", hugo, 0.9);
      await as("Bea", `mutation { setContactSharing(personId: "${hugo}", sharing: HIDDEN) }`);
      const olgaB = await person("Bea", {
        name: "Olga Petrova",
        profileUrl: `https://www.linkedin.com/in/olga-${run}/`,
      });
      await knows("Bea", olgaB, 0.5);

      const contosoC = await company("Cy", "Contoso");
      const lenaC = await person("Cy", {
        name: "Lena Fischer",
        emails: [`LENA-${run}@contoso.com`],
      });
      await worksAt("Cy", lenaC, contosoC, "VP Engineering");
      await knows("Cy", lenaC, 0.95);

      // Ada makes the team and invites the others; each joins sharing nothing.
      teamId = (
        await as("Ada", `mutation { createTeam(input: { name: "Talent ${run}" }) { team { id } } }`)
      ).createTeam.team.id;
      for (const who of ["Bea", "Cy"]) {
        const { token } = (
          await as("Ada", `mutation { inviteToTeam(input: { teamId: "${teamId}" }) { token } }`)
        ).inviteToTeam;
        await as(
          who,
          `mutation ($t: String!) { joinTeam(invitation: $t) { member { sharing } } }`,
          { t: token },
        );
      }
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await store?.close();
    });

    const search = (who: string, to: object) => as(who, PATHS, { team: teamId, to });

    it("shares nothing until a member turns sharing on", async () => {
      const found = (await search("Ada", { organizationName: "Contoso" })).teamIntroPaths;
      expect(found.paths).toEqual([]);
      expect(found.noPathReason).not.toMatch(/Hugo|Lena/);
    });

    it("finds a path through the teammate who shares, showing only name, title, company and a band", async () => {
      await as(
        "Ada",
        `mutation { setTeamSharing(teamId: "${teamId}", sharing: FULL) { effectiveSharing } }`,
      );
      await as(
        "Bea",
        `mutation { setTeamSharing(teamId: "${teamId}", sharing: FULL) { effectiveSharing } }`,
      );
      await as(
        "Cy",
        `mutation { setTeamSharing(teamId: "${teamId}", sharing: OFF) { effectiveSharing } }`,
      );
      const found = (await search("Ada", { organizationName: "contoso" })).teamIntroPaths;
      expect(found.paths).toHaveLength(1);
      const [path] = found.paths;
      expect(path.people.map((p: any) => [p.__typename, p.name])).toEqual([
        ["Person", "Ada"],
        ["Teammate", "Bea"],
        ["PooledPerson", "Lena Fischer"],
      ]);
      expect(path.people[2]).toMatchObject({
        title: "VP Engineering",
        company: "Contoso",
        band: "STRONG",
        via: ["Bea"],
      });
      expect(path.hops.map((h: any) => h.evidence)).toEqual([
        ["your teammate Bea"],
        ["Bea knows them well"],
      ]);
      // Bea's hidden contact, and Cy's tie to Lena (Cy shares nothing), are nowhere.
      expect(JSON.stringify(found)).not.toMatch(/Hugo|private|1234|@contoso/);
    });

    it("cannot even ask for a teammate's contact's e-mail: the type has no such field", async () => {
      const answer = await graphql(
        port,
        `query { teamIntroPaths(teamId: "${teamId}", to: { text: "Lena" }) { paths { people { ... on PooledPerson { emails } } } } }`,
        { headers: bearer(tokens.get("Ada")!) },
      );
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    });

    it("merges one person known to two members, and a member who shares nothing sees only their own network", async () => {
      const olga = (await search("Bea", { text: "Olga" })).teamIntroPaths.paths;
      expect(olga[0].people.at(-1)).toMatchObject({ __typename: "Person", name: "Olga Petrova" });
      const cy = (await search("Cy", { organizationName: "Fabrikam" })).teamIntroPaths;
      expect(cy.paths).toEqual([]);
    });

    it("counts reach, connectors and coverage over the pool, Bea's hidden Hugo nowhere", async () => {
      const data = await as(
        "Ada",
        `query ($team: ID!, $targets: [TeamTargetInput!]!, $names: [String!]!) {
          teamReach(teamId: $team) { hops people warm }
          teamTopConnectors(teamId: $team, targets: $targets) {
            person { __typename ... on Person { name } ... on Teammate { name } }
            targets paths warmth
          }
          teamCoverage(teamId: $team, organizationNames: $names) {
            organizationName people warmth label noPathReason
            firstIntroducer { __typename ... on Person { name } ... on Teammate { name } }
          }
        }`,
        {
          team: teamId,
          targets: [{ organizationName: "Contoso" }, { organizationName: "Fabrikam" }],
          names: ["Contoso", "Fabrikam", "Initech"],
        },
      );
      // Olga and Bea at one tie, Lena (through Bea) at two; Hugo is hidden, Cy shares nothing.
      expect(data.teamReach).toEqual([
        { hops: 1, people: 2, warm: 2 },
        { hops: 2, people: 1, warm: 1 },
        { hops: 3, people: 0, warm: 0 },
      ]);
      // Bea opens Contoso (Lena) and Fabrikam (Olga, whom Ada also knows herself: no introducer).
      expect(data.teamTopConnectors).toEqual([
        {
          person: { __typename: "Teammate", name: "Bea" },
          targets: 2,
          paths: 2,
          warmth: expect.closeTo(0.9 * 0.8 + 0.9 * 0.5, 9),
        },
      ]);
      expect(data.teamCoverage).toEqual([
        {
          organizationName: "Contoso",
          people: 1,
          warmth: expect.closeTo(0.72, 9),
          label: "warm",
          noPathReason: null,
          firstIntroducer: { __typename: "Teammate", name: "Bea" },
        },
        {
          organizationName: "Fabrikam",
          people: 1,
          warmth: expect.closeTo(0.9, 9),
          label: expect.any(String),
          noPathReason: null,
          firstIntroducer: null,
        },
        {
          organizationName: "Initech",
          people: 0,
          warmth: null,
          label: null,
          noPathReason: expect.stringMatching(/works at Initech/),
          firstIntroducer: null,
        },
      ]);
      expect(JSON.stringify(data)).not.toMatch(/Hugo|Lena|private|1234|@contoso/);
      // Each answer is in the audit log for Bea, whose ties it used.
      const audit = (
        await as("Bea", `query { teamAudit(teamId: "${teamId}") { summary actorUserId } }`)
      ).teamAudit.filter((e: any) => e.actorUserId === users.get("Ada")!.id);
      expect(audit.map((e: any) => e.summary)).toEqual(
        expect.arrayContaining([
          "reach within 3 ties",
          "top connectors to 2 targets",
          "coverage of Contoso, Fabrikam, Initech",
        ]),
      );
    });

    it("asks Bea for an introduction: pending, accepted with a draft for Bea only, introduced, met", async () => {
      const [path] = (await search("Ada", { organizationName: "Contoso" })).teamIntroPaths.paths;
      const lena = path.people[2].id as string;
      const asked = (
        await as(
          "Ada",
          `mutation ($i: AskTeammateInput!) { askTeammate(input: $i) { id status member { name } } }`,
          {
            i: { teamId, personId: lena, note: "I am exploring a move into platform engineering." },
          },
        )
      ).askTeammate;
      expect(asked).toMatchObject({ status: "PENDING", member: { name: "Bea" } });
      const LIST = `query { teamIntroRequests(teamId: "${teamId}") { id status draft target { __typename ... on Person { name emails } ... on PooledPerson { name } } } }`;
      const beaSees = (await as("Bea", LIST)).teamIntroRequests[0];
      expect(beaSees.target).toEqual({
        __typename: "Person",
        name: "Lena Fischer",
        emails: [`lena-${run}@contoso.com`],
      });
      const move = (who: string, status: string, reason?: string) =>
        as(
          who,
          `mutation ($i: MoveTeamRequestInput!) { moveTeamIntroRequest(input: $i) { status draft } }`,
          {
            i: { teamId, id: asked.id, status, ...(reason ? { reason } : {}) },
          },
        );
      const denied = await graphql(
        port,
        `mutation { moveTeamIntroRequest(input: { teamId: "${teamId}", id: "${asked.id}", status: ACCEPTED }) { status } }`,
        { headers: bearer(tokens.get("Ada")!) },
      );
      expect(codes(denied)).toEqual(["FORBIDDEN"]);
      const accepted = (await move("Bea", "ACCEPTED")).moveTeamIntroRequest;
      expect(accepted.status).toBe("ACCEPTED");
      expect(accepted.draft).toMatch(/^Hi Lena,/);
      expect(accepted.draft).toContain("Ada");
      const adaSees = (await as("Ada", LIST)).teamIntroRequests[0];
      expect(adaSees).toMatchObject({
        status: "ACCEPTED",
        draft: null,
        target: { __typename: "PooledPerson", name: "Lena Fischer" },
      });
      expect((await move("Bea", "INTRODUCED")).moveTeamIntroRequest.status).toBe("INTRODUCED");
      expect((await move("Ada", "MET")).moveTeamIntroRequest.status).toBe("MET");
      // The outcome feeds back: the favor in both ledgers, and Ada's new tie to Lena (name and title only).
      const FAVORS = (name: string) =>
        `{ people(filter: { text: "${name}" }) { edges { node { favors { direction kind } } } } }`;
      const adaLedger = (await as("Ada", FAVORS("Bea"))).people.edges[0].node.favors;
      const beaLedger = (await as("Bea", FAVORS("Ada"))).people.edges[0].node.favors;
      expect([adaLedger, beaLedger]).toEqual([
        [{ direction: "RECEIVED", kind: "INTRODUCTION" }],
        [{ direction: "GIVEN", kind: "INTRODUCTION" }],
      ]);
      const met = (
        await as(
          "Ada",
          `{ people(filter: { text: "Lena" }) { edges { node { name title emails profileUrl knows { provenance } } } } }`,
        )
      ).people.edges;
      expect(met.map((e: any) => e.node)).toEqual([
        {
          name: "Lena Fischer",
          title: "VP Engineering",
          emails: [],
          profileUrl: null,
          knows: [{ provenance: "INTRODUCTION" }],
        },
      ]);
    });

    it("shows Bea the searches and the request that used her ties, and Cy none of them", async () => {
      const AUDIT = `query { teamAudit(teamId: "${teamId}") { kind summary actorUserId memberUserIds } }`;
      const bea = (await as("Bea", AUDIT)).teamAudit;
      const adaId = users.get("Ada")!.id;
      const beaId = users.get("Bea")!.id;
      expect(bea).toContainEqual({
        kind: "POOLED_SEARCH",
        summary: "paths to anyone at contoso",
        actorUserId: adaId,
        memberUserIds: [beaId],
      });
      expect(bea).toContainEqual({
        kind: "INTRO_REQUEST",
        summary: "asked Bea to introduce Lena Fischer",
        actorUserId: adaId,
        memberUserIds: [beaId],
      });
      // Cy sees her own searches, and nothing of anyone else's: her ties were never used.
      const cy = (await as("Cy", AUDIT)).teamAudit;
      const cyId = users.get("Cy")!.id;
      expect(cy.filter((e: any) => e.actorUserId !== cyId)).toEqual([]);
    });

    it("takes a hidden contact away at the next search, as if the tie had never existed", async () => {
      const lena = (
        await as("Bea", `{ people(filter: { text: "Lena" }) { edges { node { id } } } }`)
      ).people.edges[0].node.id;
      await as("Bea", `mutation { setContactSharing(personId: "${lena}", sharing: HIDDEN) }`);
      const found = (await search("Ada", { organizationName: "Contoso" })).teamIntroPaths;
      expect(found.paths).toEqual([]);
    });
  });
}
