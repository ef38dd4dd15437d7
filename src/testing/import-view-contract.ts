/**
 * Contract: `readImportView` reads what an import batch is planned against (the
 * people its keys name, their current jobs and employers, the owner's ties to
 * them and their open follow-ups) and writes nothing. Run by store-contract.ts
 * against every adapter.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore } from "../graph/index.js";
import { expectError } from "./expect-error.js";

const sortedIds = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();

export function importViewContract(
  getStore: () => NetworkStore,
  newOwner: () => Promise<{ owner: string; selfId: string }>,
): void {
  describe("import views", () => {
    it("reads the people a batch can match by key or name, their current jobs, employers, ties from the owner and open follow-ups, writing nothing", async () => {
      const store = getStore();
      const { owner, selfId } = await newOwner();
      const ada = await store.create(owner, "person", {
        name: "Ada Park",
        profileUrl: "https://www.linkedin.com/in/ada-park/",
        emails: ["Ada@Example.org"],
      });
      const ben = await store.create(owner, "person", { name: "Ben  Okafor" });
      const cy = await store.create(owner, "person", {
        name: "Cy Lund",
        emails: ["cy@example.org"],
      });
      const acme = await store.create(owner, "organization", { name: "Acme" });
      const former = await store.create(owner, "organization", { name: "Northwind" });
      const named = await store.create(owner, "organization", { name: "Globex" });
      const job = await store.create(owner, "employment", {
        personId: ada.id,
        organizationId: acme.id,
      });
      await store.create(owner, "employment", {
        personId: ada.id,
        organizationId: former.id,
        from: "2019-01-01",
        to: "2020-01-01",
      });
      await store.create(owner, "employment", { personId: cy.id, organizationId: acme.id });
      const tie = await store.create(owner, "tie", { personA: selfId, personB: ada.id });
      await store.create(owner, "tie", { personA: ada.id, personB: ben.id });
      await store.create(owner, "tie", { personA: selfId, personB: cy.id });
      const open = await store.create(owner, "followUp", {
        personId: ada.id,
        due: "2026-12-01",
        list: "next_contact",
      });
      await store.create(owner, "followUp", {
        personId: ada.id,
        due: "2026-12-02",
        status: "done",
      });
      await store.create(owner, "followUp", { personId: cy.id, due: "2026-12-03" });
      const version = await store.version(owner);

      const view = await store.readImportView(owner, {
        // Ada by her URL and e-mail (both name her: she comes once), Ben by his name key.
        identityKeys: [
          `url:${ada.profileUrl}`,
          "email:ada@example.org",
          "email:nobody@example.org",
        ],
        nameKeys: ["ben okafor"],
        organizationKeys: ["org:globex"],
      });

      expect(view.selfId).toBe(selfId);
      expect(sortedIds(view.people)).toEqual(sortedIds([ada, ben]));
      expect(view.people.find((p) => p.id === ada.id)).toEqual(ada);
      expect(view.employments).toEqual([job]);
      expect(sortedIds(view.organizations)).toEqual(sortedIds([acme, named]));
      expect(view.ties).toEqual([tie]);
      expect(view.followUps).toEqual([open]);
      expect(await store.version(owner)).toBe(version);
    });

    it("sees no record of another owner, and answers NOT_FOUND for an unknown owner", async () => {
      const store = getStore();
      const a = await newOwner();
      const b = await newOwner();
      await store.create(a.owner, "person", { name: "Ada Park", emails: ["ada@example.org"] });
      await store.create(a.owner, "organization", { name: "Acme" });
      const view = await store.readImportView(b.owner, {
        identityKeys: ["email:ada@example.org"],
        nameKeys: ["ada park"],
        organizationKeys: ["org:acme"],
      });
      expect(view).toEqual({
        selfId: b.selfId,
        people: [],
        organizations: [],
        employments: [],
        ties: [],
        followUps: [],
        storedSourceKeys: [],
      });
      await expectError(
        store.readImportView(`nobody-${randomUUID()}`, {
          identityKeys: [],
          nameKeys: [],
          organizationKeys: [],
        }),
        ErrorCode.NOT_FOUND,
      );
    });
  });
}
