/**
 * Idempotency keys over GraphQL, on any store: a retried mutation with the same
 * key returns the first result and writes nothing; another input with the key is
 * CONFLICT on `idempotencyKey`; a failed first attempt lets its retry run.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import { graphqlHarness, type Result } from "./graphql-harness.js";

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id kind summary person { id } } }`;
const IMPORT = `mutation($text: String!, $key: String) { importContacts(format: LINKEDIN, text: $text, idempotencyKey: $key) { created updated unchanged rejected rows { line outcome personId } } }`;
const CSV = [
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  "Ada,Park,,,Acme,CEO,15 Mar 2024",
  "Ben,Okafor,https://linkedin.com/in/ben-okafor,,Acme,CTO,16 Mar 2024",
  "Cy,Lund,,cy@example.org,,,17 Mar 2024",
].join("\r\n");

const errorOf = (r: Result) => ({
  code: r.errors?.[0]?.extensions?.code,
  field: r.errors?.[0]?.extensions?.field,
});

export function idempotencySuite(name: string, makeStore: () => Promise<NetworkStore>): void {
  describe(`idempotency keys over GraphQL on ${name}`, () => {
    const harness = graphqlHarness(makeStore);
    const run = harness.run;
    async function newOwner(): Promise<{ owner: string; selfId: string }> {
      const owner = `idem-${randomUUID()}`;
      const self = await harness.store().ensureOwner(owner, { name: "Me" });
      return { owner, selfId: self.id };
    }

    it("creates one interaction for a logInteraction retried with the same key, and returns the same id", async () => {
      const { owner, selfId } = await newOwner();
      const key = `log-${randomUUID()}`;
      const input = {
        personId: selfId,
        kind: "CALL",
        at: "2026-11-20T09:30:00Z",
        summary: "lost response",
        idempotencyKey: key,
      };
      const first = await run(owner, LOG, { input });
      expect(first.errors).toBeUndefined();
      const version = await harness.store().version(owner);
      const retry = await run(owner, LOG, { input });
      expect(retry.errors).toBeUndefined();
      expect(retry.data?.logInteraction).toEqual(first.data?.logInteraction);
      expect(await harness.store().version(owner)).toBe(version);
      expect((await harness.store().list(owner, "interaction")).totalCount).toBe(1);
      // Without a key, the same input is a second interaction.
      const { idempotencyKey: _k, ...unkeyed } = input;
      await run(owner, LOG, { input: unkeyed });
      expect((await harness.store().list(owner, "interaction")).totalCount).toBe(2);
    });

    it("answers CONFLICT on idempotencyKey for the same key with another input", async () => {
      const { owner, selfId } = await newOwner();
      const key = `log-${randomUUID()}`;
      const input = {
        personId: selfId,
        kind: "CALL",
        at: "2026-11-20T09:30:00Z",
        idempotencyKey: key,
      };
      expect((await run(owner, LOG, { input })).errors).toBeUndefined();
      const other = await run(owner, LOG, { input: { ...input, kind: "COFFEE" } });
      expect(errorOf(other)).toEqual({ code: "CONFLICT", field: "idempotencyKey" });
      // The key belongs to logInteraction's input: another mutation with it is another input too.
      const person = await run(
        owner,
        `mutation($key: String) { createPerson(input: { name: "Ada", idempotencyKey: $key }) { id } }`,
        { key },
      );
      expect(errorOf(person)).toEqual({ code: "CONFLICT", field: "idempotencyKey" });
      expect((await harness.store().list(owner, "interaction")).totalCount).toBe(1);
      expect((await harness.store().findPeople(owner, { name: "Ada" })).length).toBe(0);
    });

    it("returns the same report for a retried importContacts and writes nothing", async () => {
      const { owner } = await newOwner();
      const key = `import-${randomUUID()}`;
      const first = await run(owner, IMPORT, { text: CSV, key });
      expect(first.errors).toBeUndefined();
      expect(first.data?.importContacts).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
      const version = await harness.store().version(owner);
      const retry = await run(owner, IMPORT, { text: CSV, key });
      expect(retry.data?.importContacts).toEqual(first.data?.importContacts);
      expect(await harness.store().version(owner)).toBe(version);
      // A new key runs the import again, which finds everyone.
      const fresh = await run(owner, IMPORT, { text: CSV, key: `import-${randomUUID()}` });
      expect(fresh.data?.importContacts).toMatchObject({ created: 0, unchanged: 3 });
      const other = await run(owner, IMPORT, { text: CSV.replace("CEO", "Chair"), key });
      expect(errorOf(other)).toEqual({ code: "CONFLICT", field: "idempotencyKey" });
    });

    it("runs one of two concurrent imports with the same key; the other returns its report or CONFLICT while it runs", async () => {
      const { owner } = await newOwner();
      const key = `import-${randomUUID()}`;
      const results = await Promise.all([
        run(owner, IMPORT, { text: CSV, key }),
        run(owner, IMPORT, { text: CSV, key }),
      ]);
      const ok = results.filter((r) => r.errors === undefined);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const r of ok) expect(r.data?.importContacts).toEqual(ok[0]!.data?.importContacts);
      expect(ok[0]!.data?.importContacts.created).toBe(3);
      for (const r of results.filter((r) => r.errors !== undefined))
        expect(errorOf(r)).toEqual({ code: "CONFLICT", field: "idempotencyKey" });
      expect((await harness.store().list(owner, "person")).totalCount).toBe(4);
      // Once the first has finished, the retry gets its report.
      expect((await run(owner, IMPORT, { text: CSV, key })).data?.importContacts).toEqual(
        ok[0]!.data?.importContacts,
      );
    });

    it("records a favor once per key, through the claim-and-settle path", async () => {
      const { owner } = await newOwner();
      const ada = (await run(owner, `mutation { createPerson(input: { name: "Ada" }) { id } }`))
        .data?.createPerson.id;
      const FAVOR = `mutation($input: RecordFavorInput!) { recordFavor(input: $input) { id } }`;
      const input = {
        personId: ada,
        direction: "GIVEN",
        kind: "INTRODUCTION",
        date: "2026-11-01",
        idempotencyKey: `favor-${randomUUID()}`,
      };
      const first = await run(owner, FAVOR, { input });
      expect(first.errors).toBeUndefined();
      const retry = await run(owner, FAVOR, { input });
      expect(retry.data?.recordFavor.id).toBe(first.data?.recordFavor.id);
      expect((await harness.store().list(owner, "favor")).totalCount).toBe(1);
    });

    it("lets a retry run when the first attempt failed", async () => {
      const { owner, selfId } = await newOwner();
      const person = async (name: string) =>
        (
          await run(
            owner,
            `mutation($name: String!) { createPerson(input: { name: $name }) { id } }`,
            { name },
          )
        ).data?.createPerson.id as string;
      const [ada, tara] = [await person("Ada"), await person("Tara")];
      for (const [a, b] of [
        [selfId, ada],
        [ada, tara],
      ])
        await run(
          owner,
          `mutation($a: ID!, $b: ID!) { connect(input: { personA: $a, personB: $b, strength: 0.8 }) { id } }`,
          { a, b },
        );
      const ASK = `mutation($t: ID!, $key: String) { createIntroRequest(targetId: $t, idempotencyKey: $key) { id introducer { id } } }`;
      const key = `intro-${randomUUID()}`;
      // Fails: no elevator pitch yet. The key is released.
      expect(errorOf(await run(owner, ASK, { t: tara, key }))).toEqual({
        code: "BAD_USER_INPUT",
        field: "elevatorPitch",
      });
      await run(owner, `mutation { setElevatorPitch(pitch: "I build warm paths.") { id } }`);
      const second = await run(owner, ASK, { t: tara, key });
      expect(second.errors).toBeUndefined();
      expect(second.data?.createIntroRequest.introducer.id).toBe(ada);
      const version = await harness.store().version(owner);
      expect((await run(owner, ASK, { t: tara, key })).data?.createIntroRequest.id).toBe(
        second.data?.createIntroRequest.id,
      );
      expect(await harness.store().version(owner)).toBe(version);
    });

    it("rejects a key that is empty, too long or holds control characters with BAD_USER_INPUT on idempotencyKey", async () => {
      const { owner, selfId } = await newOwner();
      for (const key of ["", "k".repeat(201), "tab\there"]) {
        const r = await run(owner, LOG, {
          input: {
            personId: selfId,
            kind: "CALL",
            at: "2026-11-20T09:30:00Z",
            idempotencyKey: key,
          },
        });
        expect(errorOf(r)).toEqual({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
        expect(errorOf(await run(owner, IMPORT, { text: CSV, key }))).toEqual({
          code: "BAD_USER_INPUT",
          field: "idempotencyKey",
        });
      }
      expect((await harness.store().list(owner, "interaction")).totalCount).toBe(0);
      expect((await harness.store().list(owner, "person")).totalCount).toBe(1);
    });
  });
}
