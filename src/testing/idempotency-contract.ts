/**
 * Contract: idempotency keys. A key is claimed per owner with a fingerprint of
 * its request's input; a retry gets the first result and writes nothing, another
 * input or a key still held is CONFLICT on `idempotencyKey`. Run by
 * store-contract.ts against every adapter.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore } from "../graph/index.js";
import { expectError } from "./expect-error.js";

const { BAD_USER_INPUT, CONFLICT, NOT_FOUND } = ErrorCode;

export function idempotencyContract(
  getStore: () => NetworkStore,
  newOwner: () => Promise<{ owner: string; selfId: string }>,
): void {
  describe("idempotency keys", () => {
    const claim = (fingerprint = "fp-1") => ({ key: `key-${randomUUID()}`, fingerprint });

    it("returns the first record for a create retried with the same key, and writes nothing", async () => {
      const store = getStore();
      const { owner, selfId } = await newOwner();
      const idempotency = claim();
      const input = {
        personId: selfId,
        kind: "call" as const,
        at: "2026-11-01T10:00:00Z",
        summary: "catch-up",
      };
      const first = await store.create(owner, "interaction", input, { idempotency });
      const version = await store.version(owner);
      const again = await store.create(owner, "interaction", input, { idempotency });
      expect(again).toEqual(first);
      expect(await store.version(owner)).toBe(version);
      expect((await store.list(owner, "interaction")).totalCount).toBe(1);
    });

    it("answers CONFLICT on idempotencyKey for the same key with another input", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      const key = `key-${randomUUID()}`;
      await store.create(
        owner,
        "person",
        { name: "Ada" },
        { idempotency: { key, fingerprint: "ada" } },
      );
      await expectError(
        store.create(
          owner,
          "person",
          { name: "Bea" },
          { idempotency: { key, fingerprint: "bea" } },
        ),
        CONFLICT,
        "idempotencyKey",
      );
      await expectError(
        store.claimKey(owner, { key, fingerprint: "bea" }),
        CONFLICT,
        "idempotencyKey",
      );
      expect((await store.findPeople(owner, { name: "Bea" })).length).toBe(0);
    });

    it("keeps keys per owner: another owner's same key runs", async () => {
      const store = getStore();
      const a = await newOwner();
      const b = await newOwner();
      const idempotency = claim();
      const mine = await store.create(a.owner, "person", { name: "Ada" }, { idempotency });
      const theirs = await store.create(b.owner, "person", { name: "Ada" }, { idempotency });
      expect(theirs.id).not.toBe(mine.id);
      expect(theirs.ownerId).toBe(b.owner);
      expect(await store.claimKey(b.owner, claim())).toEqual({ state: "run" });
    });

    it("writes one record when two creates with the same key run at the same time", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      const idempotency = claim();
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          store.create(owner, "organization", { name: "Acme" }, { idempotency }),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect((await store.list(owner, "organization")).totalCount).toBe(1);
    });

    it("stores nothing for a create that failed, so its retry runs", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      const idempotency = claim();
      await expectError(
        store.create(
          owner,
          "interaction",
          { personId: "per_missing", kind: "call", at: "2026-11-01T10:00:00Z" },
          { idempotency },
        ),
        NOT_FOUND,
      );
      expect(await store.claimKey(owner, idempotency)).toEqual({ state: "run" });
    });

    it("claims a key once: the holder settles it, later claims get its result and write nothing", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      const c = claim();
      const version = await store.version(owner);
      expect(await store.claimKey(owner, c)).toEqual({ state: "run" });
      await expectError(store.claimKey(owner, c), CONFLICT, "idempotencyKey");
      await store.settleKey(owner, c, JSON.stringify({ created: 3 }));
      expect(await store.claimKey(owner, c)).toEqual({ state: "done", result: '{"created":3}' });
      // A settled key is kept when released by mistake.
      await store.releaseKey(owner, c.key);
      expect(await store.claimKey(owner, c)).toEqual({ state: "done", result: '{"created":3}' });
      expect(await store.version(owner)).toBe(version);
    });

    it("lets a released key run again (a failed first attempt)", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      const c = claim();
      expect(await store.claimKey(owner, c)).toEqual({ state: "run" });
      await store.releaseKey(owner, c.key);
      expect(await store.claimKey(owner, c)).toEqual({ state: "run" });
    });

    it("rejects keys that are empty, blank, longer than 200 characters or hold control characters", async () => {
      const store = getStore();
      const { owner } = await newOwner();
      for (const key of ["", "   ", "k".repeat(201), "line\nbreak", "nul\u0000"]) {
        await expectError(
          store.claimKey(owner, { key, fingerprint: "fp" }),
          BAD_USER_INPUT,
          "idempotencyKey",
        );
        await expectError(
          store.create(owner, "person", { name: "X" }, { idempotency: { key, fingerprint: "fp" } }),
          BAD_USER_INPUT,
          "idempotencyKey",
        );
      }
      expect(await store.claimKey(owner, { key: "k".repeat(200), fingerprint: "fp" })).toEqual({
        state: "run",
      });
      expect(await store.claimKey(owner, { key: "clé ✓ 鍵", fingerprint: "fp" })).toEqual({
        state: "run",
      });
      await expectError(store.claimKey(`owner-${randomUUID()}`, claim()), NOT_FOUND);
    });
  });
}
