import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Employment } from "../../../src/graph/model/employment.js";
import { inferTies } from "../../../src/graph/projection/inferred-ties.js";

const TODAY = "2026-11-30";
const DATES = [null, "2012-01-01", "2016-06-30", "2021-12-31", "2026-11-30"];

const job = (personId: string, from: string | null, to: string | null, i: number) =>
  ({ id: `emp_${i}`, personId, organizationId: "org_acme", from, to }) as Employment;

describe("inferTies", () => {
  it("infers the same ties whatever order the store lists the stints in (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("per_a", "per_b", "per_c"),
            fc.constantFrom(...DATES),
            fc.constantFrom(...DATES),
          ),
          { maxLength: 8 },
        ),
        fc.nat(),
        (stints, seed) => {
          const jobs = stints.map(([p, x, y], i) =>
            x !== null && y !== null && y < x ? job(p, y, x, i) : job(p, x, y, i),
          );
          // Another order of the same records.
          const shuffled = [...jobs].sort((u, v) => (u.id + seed < v.id + seed ? 1 : -1));
          const byPair = (ties: ReturnType<typeof inferTies>) =>
            [...ties].sort((x, y) => (`${x.a}|${x.b}` < `${y.a}|${y.b}` ? -1 : 1));
          expect(byPair(inferTies("org_acme", shuffled, [], TODAY))).toEqual(
            byPair(inferTies("org_acme", jobs, [], TODAY)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
