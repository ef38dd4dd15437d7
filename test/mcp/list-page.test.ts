import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import { cursorAt, pageOf, pageRequest, PAGE_DEFAULTS } from "../../src/mcp/list-page.js";
import { expectError } from "../../src/testing.js";

describe("paging a tool's list", () => {
  it("refuses a cursor this server did not make, on the cursor field", async () => {
    for (const cursor of ["", "x", Buffer.from("o-1").toString("base64url"), "bzE=garbage"])
      await expectError(
        (async () => pageRequest({ cursor }))(),
        ErrorCode.BAD_USER_INPUT,
        "cursor",
      );
  });

  it("starts at the beginning with the default limit", () => {
    expect(pageRequest({})).toEqual({ offset: 0, limit: PAGE_DEFAULTS.limit });
  });

  it("walks any list in pages of at most `limit`, whole and in order, the last one saying so", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 200 }),
        fc.integer({ min: 1, max: PAGE_DEFAULTS.maxLimit }),
        (list, limit) => {
          const seen: number[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = pageOf(list, pageRequest({ limit, ...(cursor ? { cursor } : {}) }));
            expect(page.items.length).toBeLessThanOrEqual(limit);
            if (page.nextCursor !== null) expect(page.items.length).toBe(limit);
            seen.push(...page.items);
            cursor = page.nextCursor ?? undefined;
            pages++;
          } while (cursor !== undefined);
          expect(seen).toEqual(list);
          expect(pages).toBe(Math.max(1, Math.ceil(list.length / limit)));
        },
      ),
    );
  });

  it("reads back every offset it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (offset) => {
        expect(pageRequest({ cursor: cursorAt(offset) }).offset).toBe(offset);
      }),
    );
  });
});
