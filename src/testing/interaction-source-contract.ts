/**
 * Contract: imported interactions carry a source key (a message's Message-ID and
 * correspondent, an event's UID and occurrence) unique per owner, so a re-import
 * finds what it wrote instead of adding it again. Run by store-contract.ts
 * against every adapter.
 */
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { ImportWrites, NetworkStore } from "../graph/index.js";
import { expectError } from "./expect-error.js";

const SCOPE = { identityKeys: [], nameKeys: [], organizationKeys: [] };

export function interactionSourceContract(
  getStore: () => NetworkStore,
  newOwner: () => Promise<{ owner: string; selfId: string }>,
): void {
  describe("imported interactions", () => {
    it("keeps a source key unique per owner: CONFLICT on sourceKey for a second one, free for another owner and for hand-logged ones", async () => {
      const store = getStore();
      const a = await newOwner();
      const b = await newOwner();
      const ada = await store.create(a.owner, "person", { name: "Ada" });
      const bo = await store.create(b.owner, "person", { name: "Bo" });
      const at = "2026-11-02T09:30:00.000Z";
      const first = await store.create(a.owner, "interaction", {
        personId: ada.id,
        kind: "email",
        at,
        direction: "inbound",
        sourceKey: "mail:<m1@example.org>>ada@example.org",
        colleague: true,
      });
      expect(first.sourceKey).toBe("mail:<m1@example.org>>ada@example.org");
      expect(first.colleague).toBe(true);
      expect(await store.get(a.owner, "interaction", first.id)).toEqual(first);
      await expectError(
        store.create(a.owner, "interaction", {
          personId: ada.id,
          kind: "email",
          at,
          sourceKey: first.sourceKey,
        }),
        ErrorCode.CONFLICT,
        "sourceKey",
      );
      const other = await store.create(b.owner, "interaction", {
        personId: bo.id,
        kind: "email",
        at,
        sourceKey: first.sourceKey,
      });
      expect(other.colleague).toBe(false);
      for (let i = 0; i < 2; i++) {
        const logged = await store.create(a.owner, "interaction", {
          personId: ada.id,
          kind: "call",
          at,
        });
        expect(logged.sourceKey).toBeNull();
      }
      // The source key is what the interaction was imported from: a patch leaves it.
      const patched = await store.update(a.owner, "interaction", first.id, {
        summary: "lunch",
        sourceKey: "mail:other",
      } as never);
      expect(patched.sourceKey).toBe(first.sourceKey);
      expect((await store.list(a.owner, "interaction")).totalCount).toBe(3);
    });

    it("shows a batch the source keys already stored, of its owner only, and writes the new interactions with it", async () => {
      const store = getStore();
      const a = await newOwner();
      const b = await newOwner();
      const ada = await store.create(a.owner, "person", { name: "Ada" });
      const stored = await store.create(a.owner, "interaction", {
        personId: ada.id,
        kind: "meeting",
        at: "2026-10-01T10:00:00.000Z",
        direction: "mutual",
        sourceKey: "ics:uid-1|2026-10-01T10:00:00.000Z|ada@example.org",
      });
      await store.create(b.owner, "person", { name: "Bo" }).then((bo) =>
        store.create(b.owner, "interaction", {
          personId: bo.id,
          kind: "email",
          at: "2026-10-01T10:00:00.000Z",
          sourceKey: "mail:b-only",
        }),
      );
      const scope = {
        ...SCOPE,
        sourceKeys: [stored.sourceKey!, "mail:b-only", "mail:new"],
      };
      const view = await store.readImportView(a.owner, scope);
      expect(view.storedSourceKeys).toEqual([stored.sourceKey]);

      const version = await store.version(a.owner);
      const written = await store.importBatch(a.owner, scope, (seen) => {
        const now = "2026-11-30T00:00:00.000Z";
        const writes: ImportWrites = {
          newPeople: [],
          changedPeople: [],
          organizations: [],
          newEmployments: [],
          changedEmployments: [],
          ties: [],
          followUps: [],
          interactions: scope.sourceKeys
            .filter((k) => !seen.storedSourceKeys.includes(k))
            .map((sourceKey, i) => ({
              id: `int_contract_${a.owner}_${i}`,
              ownerId: a.owner,
              createdAt: now,
              updatedAt: now,
              personId: ada.id,
              kind: "email",
              at: "2026-11-01T08:00:00.000Z",
              direction: "outbound",
              summary: null,
              needsReply: false,
              sourceKey,
              colleague: false,
            })),
        };
        return { writes, result: writes.interactions!.length };
      });
      expect(written).toBe(2);
      expect(await store.version(a.owner)).toBeGreaterThan(version);
      const again = await store.readImportView(a.owner, scope);
      expect([...again.storedSourceKeys].sort()).toEqual(
        [stored.sourceKey!, "mail:b-only", "mail:new"].sort(),
      );
      const list = await store.list(a.owner, "interaction", { personId: ada.id });
      expect(list.totalCount).toBe(3);
    });
  });
}
