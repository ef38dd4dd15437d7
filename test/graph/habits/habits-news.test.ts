import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { newsHistory, recordNews } from "../../../src/graph/habits/news.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T12:00:00Z");

describe("recordNews and newsHistory", () => {
  let store: NetworkStore;
  let owner: string;

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    owner = `news-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
  });
  afterAll(() => store.close());

  const person = async (name: string, extra: object = {}) =>
    (await store.create(owner, "person", { name, ...extra })).id;

  it("rejects news dated in the future, naming the date field", async () => {
    const ann = await person("Ann");
    await expectError(
      recordNews(
        store,
        owner,
        { personId: ann, text: "Starts at Acme", date: "2026-11-23" },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "date",
    );
    expect(await newsHistory(store, owner, ann)).toEqual([]);
  });

  it("rejects a date that is not a calendar date", async () => {
    const ann = await person("Ann");
    await expectError(
      recordNews(store, owner, { personId: ann, text: "x", date: "22/11/2026" }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "date",
    );
  });

  it("rejects empty news text", async () => {
    const ann = await person("Ann");
    await expectError(
      recordNews(store, owner, { personId: ann, text: "  " }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "text",
    );
  });

  it("answers NOT_FOUND on personId for an unknown person", async () => {
    await expectError(
      recordNews(store, owner, { personId: "per_missing", text: "x" }, { now: NOW }),
      ErrorCode.NOT_FOUND,
      "personId",
    );
    await expectError(newsHistory(store, owner, "per_missing"), ErrorCode.NOT_FOUND, "personId");
  });

  it("dates news today by default and makes it the person's latest news", async () => {
    const ann = await person("Ann");
    const news = await recordNews(
      store,
      owner,
      { personId: ann, text: "Moved to Berlin" },
      { now: NOW },
    );
    expect(news).toMatchObject({ personId: ann, text: "Moved to Berlin", date: "2026-11-22" });
    const after = await store.get(owner, "person", ann);
    expect(after.news).toBe("Moved to Berlin");
    expect(after.newsAt?.slice(0, 10)).toBe("2026-11-22");
  });

  it("keeps older news in the history without replacing the latest news", async () => {
    const ann = await person("Ann");
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Raised a seed round", date: "2026-10-01" },
      { now: NOW },
    );
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Had a daughter", date: "2025-03-15" },
      { now: NOW },
    );
    const after = await store.get(owner, "person", ann);
    expect(after.news).toBe("Raised a seed round");
    expect(after.newsAt?.slice(0, 10)).toBe("2026-10-01");
    expect((await newsHistory(store, owner, ann)).map((n) => n.text)).toEqual([
      "Raised a seed round",
      "Had a daughter",
    ]);
  });

  it("replaces the latest news when news of the same day or later arrives, and lists the history newest first", async () => {
    const ann = await person("Ann");
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Joined Acme", date: "2025-01-10" },
      { now: NOW },
    );
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Ran a marathon", date: "2024-05-01" },
      { now: NOW },
    );
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Promoted to VP", date: "2026-09-30" },
      { now: NOW },
    );
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Back from Japan", date: "2026-09-30" },
      { now: NOW },
    );
    expect((await store.get(owner, "person", ann)).news).toBe("Back from Japan");
    const history = await newsHistory(store, owner, ann);
    expect(history.map((n) => n.date)).toEqual([
      "2026-09-30",
      "2026-09-30",
      "2025-01-10",
      "2024-05-01",
    ]);
    // Two pieces from one day may be recorded within one millisecond, so only the set is certain.
    expect(new Set(history.slice(0, 2).map((n) => n.text))).toEqual(
      new Set(["Back from Japan", "Promoted to VP"]),
    );
    expect(history.slice(2).map((n) => n.text)).toEqual(["Joined Acme", "Ran a marathon"]);
  });

  it("does not mix one person's news into another's history", async () => {
    const ann = await person("Ann");
    const bob = await person("Bob");
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Ann's news", date: "2026-01-01" },
      { now: NOW },
    );
    expect(await newsHistory(store, owner, bob)).toEqual([]);
  });

  it("clears the ask-for-their-news mark, even for news older than the latest", async () => {
    const ann = await person("Ann", {
      askForNews: true,
      news: "Started a PhD",
      newsAt: "2026-06-01T00:00:00Z",
    });
    await recordNews(
      store,
      owner,
      { personId: ann, text: "Won a chess open", date: "2026-02-01" },
      { now: NOW },
    );
    const after = await store.get(owner, "person", ann);
    expect(after.askForNews).toBe(false);
    expect(after.news).toBe("Started a PhD");
  });
});
