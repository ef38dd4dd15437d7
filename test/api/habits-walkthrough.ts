/**
 * The whole networking habit over GraphQL, with a fixed clock: build a small
 * network, send an update to the former colleagues, log a reply and its news,
 * ask for an introduction to someone at a target company through the warmest
 * path, move it to "met", and see the ties and the favors ledger change.
 * Run against SQLite and the real Neo4j.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import { graphqlHarness } from "./graphql-harness.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

export function habitsWalkthrough(name: string, makeStore: () => Promise<NetworkStore>): void {
  describe(`the networking habit over GraphQL on ${name}`, () => {
    // The time the next request runs at: the walk-through spans a few days.
    let clock = NOW;
    const harness = graphqlHarness(makeStore, () => clock);
    const run = harness.run;

    /** Runs an operation that must succeed, and returns its data. */
    async function ok(
      owner: string,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<Record<string, any>> {
      const r = await run(owner, query, variables);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data!;
    }

    it("updates the former colleagues, hears back, asks for an introduction along the warmest path, and meets", async () => {
      const owner = `habit-${randomUUID()}`;
      await harness.store().ensureOwner(owner, { name: "Mo Owner", interests: ["sailing"] });
      const me = (await ok(owner, "{ me { id } }")).me.id as string;
      const person = async (input: Record<string, unknown>) =>
        (
          await ok(
            owner,
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",
            { input },
          )
        ).createPerson.id as string;
      const ann = await person({
        name: "Ann Lee",
        emails: ["ann@example.com"],
        categories: ["FORMER_COLLEAGUE"],
        interests: ["Sailing"],
      });
      const bob = await person({
        name: "Bob Park",
        emails: ["bob@example.com"],
        categories: ["FORMER_COLLEAGUE"],
      });
      const cat = await person({ name: "Cat Diaz", categories: ["FRIEND"] });
      const tara = await person({ name: "Tara Singh", title: "VP Engineering" });
      const target = (
        await ok(owner, `mutation { createOrganization(input: { name: "Target Co" }) { id } }`)
      ).createOrganization.id as string;
      await ok(
        owner,
        'mutation($p: ID!, $o: ID!) { setEmployment(input: { personId: $p, organizationId: $o, from: "2021-01-01" }) { id } }',
        { p: tara, o: target },
      );
      const connect = (a: string, b: string, strength: number) =>
        ok(
          owner,
          "mutation($a: ID!, $b: ID!, $s: Float) { connect(input: { personA: $a, personB: $b, strength: $s }) { id } }",
          { a, b, s: strength },
        );
      await connect(me, ann, 0.9);
      await connect(ann, tara, 0.8);
      await connect(me, bob, 0.4);
      await connect(bob, tara, 0.9);
      await connect(me, cat, 0.7);
      await ok(
        owner,
        `mutation { setElevatorPitch(pitch: "I build developer tools and want to lead a platform team.") { id } }`,
      );

      // Three days ago: the blanket update to the "former colleague" category, rendered per person, exported, sent.
      clock = new Date(NOW.getTime() - 3 * 86_400_000);
      const drafted = (
        await ok(
          owner,
          `mutation { draftUpdate(input: { subject: "News from Mo", template: "Hi {{firstName}}, still {{sharedInterest}}? Here is my news.", recipients: { category: FORMER_COLLEAGUE } }) { batch drafts { person { name } to body status } } }`,
        )
      ).draftUpdate;
      expect(drafted.drafts.map((d: { person: { name: string } }) => d.person.name).sort()).toEqual(
        ["Ann Lee", "Bob Park"],
      );
      expect(drafted.drafts.find((d: { to: string }) => d.to === "ann@example.com").body).toContain(
        "Hi Ann, still Sailing?",
      );
      const emls = (
        await ok(
          owner,
          "query($b: String!) { exportUpdate(batch: $b, format: EML) { filename content } }",
          { b: drafted.batch },
        )
      ).exportUpdate;
      expect(emls).toHaveLength(2);
      expect(emls[0].content).toContain("X-Unsent: 1");
      const sent = (
        await ok(
          owner,
          "mutation($b: String!) { markUpdateSent(batch: $b) { status person { id askForNews interactions { kind direction } } } }",
          { b: drafted.batch },
        )
      ).markUpdateSent;
      expect(sent.every((d: { status: string }) => d.status === "SENT")).toBe(true);
      const annSent = sent.find((d: { person: { id: string } }) => d.person.id === ann).person;
      expect(annSent.askForNews).toBe(true);
      expect(annSent.interactions).toEqual([{ kind: "EMAIL", direction: "OUTBOUND" }]);

      // Ann replies with her news and a question: it waits on Immediate Follow-up until answered.
      clock = NOW;
      await ok(
        owner,
        'mutation($p: ID!, $at: DateTimeISO!) { logInteraction(input: { personId: $p, kind: EMAIL, at: $at, direction: INBOUND, needsReply: true, summary: "Moved to Lisbon; coffee?" }) { id } }',
        { p: ann, at: hoursAgo(30) },
      );
      const waiting = (await ok(owner, "{ immediateFollowUps { person { id } waitingDays } }"))
        .immediateFollowUps;
      expect(waiting).toContainEqual({ person: { id: ann }, waitingDays: 1 });
      const news = (
        await ok(
          owner,
          'mutation($p: ID!) { recordNews(personId: $p, text: "Moved to Lisbon") { text date } }',
          { p: ann },
        )
      ).recordNews;
      expect(news).toEqual({ text: "Moved to Lisbon", date: "2026-11-22" });
      expect(
        (await ok(owner, "query($p: ID!) { person(id: $p) { news askForNews } }", { p: ann }))
          .person,
      ).toEqual({ news: "Moved to Lisbon", askForNews: false });
      await ok(
        owner,
        "mutation($p: ID!, $at: DateTimeISO!) { logInteraction(input: { personId: $p, kind: EMAIL, at: $at, direction: OUTBOUND }) { id } }",
        { p: ann, at: hoursAgo(1) },
      );
      expect(
        (await ok(owner, "{ immediateFollowUps { person { id } } }")).immediateFollowUps,
      ).not.toContainEqual({ person: { id: ann } });

      // A dated follow-up for Cat lands on Next Contact.
      await ok(
        owner,
        'mutation($p: ID!) { addFollowUp(input: { personId: $p, due: "2026-12-01", reason: "ask about the conference" }) { id } }',
        { p: cat },
      );
      const next = (await ok(owner, "{ nextContacts { person { id } due reason } }")).nextContacts;
      expect(next).toContainEqual({
        person: { id: cat },
        due: "2026-12-01",
        reason: "ask about the conference",
      });

      // The introduction: the warmest path to Target Co runs through Ann (0.9 x 0.8), not Bob (0.4 x 0.9).
      const paths = (
        await ok(
          owner,
          "query($o: ID!) { introPaths(to: { organizationId: $o }) { paths { warmth people { id } } } }",
          { o: target },
        )
      ).introPaths.paths;
      expect(paths[0].people.map((p: { id: string }) => p.id)).toEqual([me, ann, tara]);
      const request = (
        await ok(
          owner,
          "mutation($t: ID!) { createIntroRequest(targetId: $t) { id status introducer { id } path { id } message } }",
          { t: tara },
        )
      ).createIntroRequest;
      expect(request).toMatchObject({
        status: "DRAFTED",
        introducer: { id: ann },
        path: [{ id: me }, { id: ann }, { id: tara }],
      });
      expect(request.message).toContain("I build developer tools");
      for (const status of ["ASKED", "ACCEPTED", "INTRODUCED", "MET"]) {
        const moved = await ok(
          owner,
          "mutation($id: ID!, $s: IntroRequestStatus!) { setIntroRequestStatus(id: $id, status: $s) { status } }",
          { id: request.id, s: status },
        );
        expect(moved.setIntroRequestStatus.status).toBe(status);
      }
      const backwards = await run(
        owner,
        "mutation($id: ID!) { setIntroRequestStatus(id: $id, status: ASKED) { status } }",
        { id: request.id },
      );
      expect(backwards.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "status",
      });

      // The outcome fed back: a tie to Tara from the introduction, warm and recent; Ann's favor in the ledger.
      const knows = (
        await ok(owner, "{ me { knows { person { id } provenance lastInteraction } } }")
      ).me.knows;
      expect(knows).toContainEqual({
        person: { id: tara },
        provenance: "INTRODUCTION",
        lastInteraction: "2026-11-22",
      });
      const ledger = (
        await ok(
          owner,
          "query($p: ID!) { favorBalance(personId: $p) { given received balance favors { kind direction } } }",
          { p: ann },
        )
      ).favorBalance;
      expect(ledger).toEqual({
        given: 0,
        received: 1,
        balance: -1,
        favors: [{ kind: "INTRODUCTION", direction: "RECEIVED" }],
      });
      const after = (
        await ok(
          owner,
          "query($t: ID!) { introPaths(to: { personId: $t }) { paths { people { id } hops { evidence } } } }",
          { t: tara },
        )
      ).introPaths.paths;
      const direct = after.find((p: { people: { id: string }[] }) => p.people.length === 2);
      expect(direct.people.map((p: { id: string }) => p.id)).toEqual([me, tara]);
      // The path engine measures recency by the real clock, so the meeting reads "met today" or "met N days ago".
      expect(direct.hops[0].evidence).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^met (today|\d+ \w+ ago)$/),
          "introduced through a past introduction",
        ]),
      );
      expect(
        (await ok(owner, "{ introRequests(status: MET) { id waitingDays } }")).introRequests,
      ).toEqual([{ id: request.id, waitingDays: 0 }]);
    });

    it("answers bad habit input with the field: an unknown placeholder, a follow-up in the past", async () => {
      clock = NOW;
      const owner = `habit-${randomUUID()}`;
      await harness.store().ensureOwner(owner, { name: "Mo Owner" });
      const p = (
        await ok(
          owner,
          `mutation { createPerson(input: { name: "Ann Lee", categories: [FRIEND] }) { id } }`,
        )
      ).createPerson.id;
      const template = await run(
        owner,
        `mutation { draftUpdate(input: { subject: "Hi", template: "Hi {{nickname}}", recipients: { category: FRIEND } }) { batch } }`,
      );
      expect(template.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "template",
      });
      expect(template.errors?.[0]?.message).toContain("nickname");
      const past = await run(
        owner,
        'mutation($p: ID!) { addFollowUp(input: { personId: $p, due: "2026-11-01" }) { id } }',
        { p },
      );
      expect(past.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "due" });
      const category = await run(
        owner,
        `mutation { setCadence(category: NOT_A_CATEGORY, idealDays: 10, maxDays: 20) { idealDays } }`,
      );
      expect(category.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(category.errors?.[0]?.message).toContain("NOT_A_CATEGORY");
      expect(
        (await ok(owner, "{ nextContacts { person { id } } losingTouch { person { id } } }"))
          .nextContacts,
      ).toEqual([]);
    });
  });
}
