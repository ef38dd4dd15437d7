/**
 * The Today lists over real HTTP, as the Today screen asks them: an Immediate Follow-up entry
 * from a due dated follow-up answers with `since` as an instant (the start of its due day), so
 * the whole list answers instead of failing on that one field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ webRoot: null });
});
afterAll(() => server?.close());

describe("immediateFollowUps over HTTP", () => {
  it("answers a due follow-up's since as the start of its due day, UTC", async () => {
    const response = await fetch(`${server.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ immediateFollowUps { since waitingDays reason followUp { due } } }`,
      }),
    });
    const answer = (await response.json()) as {
      data?: {
        immediateFollowUps: {
          since: string;
          waitingDays: number;
          reason: string;
          followUp: { due: string } | null;
        }[];
      };
      errors?: unknown[];
    };
    expect(answer.errors).toBeUndefined();
    const dated = answer.data!.immediateFollowUps.filter((e) => e.followUp !== null);
    expect(dated.length).toBeGreaterThan(0);
    for (const entry of dated) expect(entry.since).toBe(`${entry.followUp!.due}T00:00:00.000Z`);
  });
});
