/**
 * The habits on the command line, through the real binary on a throwaway SQLite file: tag,
 * categorize, rate, log, followup, news, favor, intro and update, each checked in what it
 * prints and in what the store holds afterwards, and each bad input named by its option.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDist, json, scratchDir, warmpath, withFile } from "./warmpath-binary.js";

const dir = scratchDir();
const db = join(dir, "habits.db");
const ids: Record<string, string> = {};

beforeAll(async () => {
  await buildDist();
  await withFile(db, async (store, self) => {
    ids.self = self.id;
    const person = async (key: string, name: string, extra: object = {}) =>
      (ids[key] = (await store.create("me", "person", { name, ...extra })).id);
    await person("chloe", "Chloé Dubois", { emails: ["chloe@example.com"] });
    await person("tom", "Tom Target", { emails: ["tom@fabrikam.example"], title: "CFO" });
    await person("bob", "Bob Stone", { tags: ["scottsdale"], emails: ["bob@example.com"] });
    const fabrikam = await store.create("me", "organization", { name: "Fabrikam" });
    await store.create("me", "employment", { personId: ids.tom!, organizationId: fabrikam.id });
    const know = (a: string, b: string, strength: number) =>
      store.create("me", "tie", {
        personA: ids[a]!,
        personB: ids[b]!,
        strength,
        context: "friend",
        provenance: "linkedin",
      });
    await know("self", "chloe", 0.7);
    await know("self", "bob", 0.5);
    await know("chloe", "tom", 0.9);
  });
}, 240_000);

/** Reads the file the way the commands left it. */
const stored = <T>(work: Parameters<typeof withFile<T>>[1]) => withFile(db, work);

describe("every new command", () => {
  it.each([
    "tag",
    "categorize",
    "rate",
    "log",
    "followup",
    "news",
    "favor",
    "intro",
    "update",
    "next",
    "followups",
  ])("%s has --help with its usage and --json", async (command) => {
    const out = await warmpath(db, [command, "--help"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Usage: warmpath ${command} `));
    expect(out.stdout).toContain("--json");
    for (const line of out.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});

describe("warmpath tag and categorize", () => {
  it("adds tags once each, in lower case, and takes them off with --remove", async () => {
    const added = await json(db, ["tag", "chloe", "Exec-Search", "lyon", "lyon"]);
    expect(added).toEqual({
      person: { id: ids.chloe, name: "Chloé Dubois" },
      tags: ["exec-search", "lyon"],
    });
    const removed = await json(db, ["tag", "chloe", "lyon", "--remove"]);
    expect(removed.tags).toEqual(["exec-search"]);
    const person = await stored((store) => store.get("me", "person", ids.chloe!));
    expect(person.tags).toEqual(["exec-search"]);
  });

  it("puts a person in categories typed with spaces, and names an unknown one", async () => {
    const out = await warmpath(db, ["categorize", "chloe", "former colleague", "Mentor"]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toBe("Chloé Dubois: categories former_colleague, mentor\n");
    const bad = await warmpath(db, ["categorize", "chloe", "bestie"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /BAD_USER_INPUT \(<category>\): unknown "bestie"; give one of client/,
    );
  });

  it("says NOT_FOUND on <person> naming the store for someone not there", async () => {
    const out = await warmpath(db, ["tag", "Zed", "x"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /NOT_FOUND \(<person>\): no one named "Zed" in SQLite at .*habits\.db/,
    );
  });
});

describe("warmpath rate", () => {
  it("rates your tie, confirming it by hand", async () => {
    const rated = await json(db, ["rate", "chloe", "0.8", "--context", "worked together"]);
    expect(rated.tie).toMatchObject({
      strength: 0.8,
      context: "worked_together",
      provenance: "manual",
    });
    expect(rated.created).toBe(false);
  });

  it("rates a tie between two other people with --with, and creates a missing one", async () => {
    const between = await json(db, ["rate", "tom", "0.6", "--with", "chloe"]);
    expect(between.tie.people.map((p: { name: string }) => p.name)).toEqual([
      "Chloé Dubois",
      "Tom Target",
    ]);
    expect(between.tie.strength).toBe(0.6);
    const fresh = await json(db, ["rate", "tom", "0.3", "--with", "bob"]);
    expect(fresh.created).toBe(true);
  });

  it("refuses a strength outside (0, 1] on <strength>", async () => {
    for (const strength of ["1.5", "0", "strong"]) {
      const out = await warmpath(db, ["rate", "chloe", strength]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain("BAD_USER_INPUT (<strength>)");
    }
  });
});

describe("warmpath log", () => {
  it("logs a coffee on a day with a note, both ways", async () => {
    const logged = await json(db, [
      "log",
      "coffee",
      "chloe@example.com",
      "--date",
      "2026-11-20",
      "--note",
      "the Fabrikam role",
    ]);
    expect(logged.interaction).toMatchObject({
      person: { name: "Chloé Dubois" },
      kind: "coffee",
      at: "2026-11-20T12:00:00.000Z",
      direction: "mutual",
      summary: "the Fabrikam role",
    });
    const kept = await stored((store) => store.get("me", "interaction", logged.interaction.id));
    expect(kept.summary).toBe("the Fabrikam role");
  });

  it("takes e-mail as a kind, outbound by default", async () => {
    const out = await warmpath(db, ["log", "e-mail", "bob", "--date", "yesterday"]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Logged email with Bob Stone on \d{4}-\d{2}-\d{2} \(outbound\)\n$/);
  });

  it("names the option of a bad kind, date or direction", async () => {
    const kind = await warmpath(db, ["log", "tweet", "bob"]);
    expect(kind.stderr).toContain("BAD_USER_INPUT (<kind>)");
    const date = await warmpath(db, ["log", "call", "bob", "--date", "2026-02-30"]);
    expect(date.stderr).toContain("BAD_USER_INPUT (--date)");
    const future = await warmpath(db, ["log", "call", "bob", "--date", "2099-01-01"]);
    expect(future.stderr).toContain("BAD_USER_INPUT (--date)");
    const direction = await warmpath(db, ["log", "call", "bob", "--direction", "sideways"]);
    expect(direction.stderr).toContain("BAD_USER_INPUT (--direction)");
    for (const out of [kind, date, future, direction]) expect(out.code).toBe(2);
  });
});

describe("warmpath followup", () => {
  it("adds a follow-up six months out, snoozes it, and marks it done", async () => {
    const added = await json(db, [
      "followup",
      "add",
      "Tom",
      "--in",
      "6m",
      "--reason",
      "not hiring until spring",
    ]);
    expect(added.followUp).toMatchObject({
      person: { name: "Tom Target" },
      reason: "not hiring until spring",
      list: "next_contact",
      status: "open",
    });
    const inSixMonths = new Date();
    inSixMonths.setUTCMonth(inSixMonths.getUTCMonth() + 6);
    expect(added.followUp.due).toBe(inSixMonths.toISOString().slice(0, 10));
    const snoozed = await json(db, ["followup", "snooze", "tom", "--until", "2099-01-01"]);
    expect(snoozed.followUp).toMatchObject({ status: "snoozed", snoozedUntil: "2099-01-01" });
    const done = await warmpath(db, ["followup", "done", "tom"]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toBe("Done: follow-up with Tom Target: not hiring until spring\n");
    const kept = await stored((store) => store.get("me", "followUp", added.followUp.id));
    expect(kept.status).toBe("done");
  });

  it("says when a person has no open follow-up, and asks for an id when there are several", async () => {
    const none = await warmpath(db, ["followup", "done", "tom"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("NOT_FOUND (<person>): Tom Target has no open follow-up");
    const first = await json(db, ["followup", "add", "bob", "--due", "today"]);
    await json(db, ["followup", "add", "bob", "--in", "2w", "--immediate"]);
    const two = await warmpath(db, ["followup", "done", "bob"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`[${first.followUp.id}]`);
    const byId = await json(db, ["followup", "done", first.followUp.id]);
    expect(byId.followUp.status).toBe("done");
  });

  it("names the option of a missing or bad day", async () => {
    const missing = await warmpath(db, ["followup", "add", "bob"]);
    expect(missing.stderr).toContain("BAD_USER_INPUT (--due)");
    const past = await warmpath(db, ["followup", "add", "bob", "--due", "2001-01-01"]);
    expect(past.stderr).toContain("BAD_USER_INPUT (--due): must not be in the past");
    const span = await warmpath(db, ["followup", "snooze", "bob", "--for", "soon"]);
    expect(span.stderr).toContain("BAD_USER_INPUT (--for)");
    const sub = await warmpath(db, ["followup", "postpone", "bob"]);
    expect(sub.stderr).toContain("BAD_USER_INPUT (subcommand)");
  });
});

describe("warmpath news and favor", () => {
  it("records news, which becomes the person's latest, and lists it newest first", async () => {
    await json(db, ["news", "chloe", "ran", "the", "Lyon", "marathon", "--date", "2026-10-01"]);
    const news = await json(db, ["news", "chloe", "joined Fabrikam as CFO"]);
    expect(news.news.map((n: { text: string }) => n.text)).toEqual([
      "joined Fabrikam as CFO",
      "ran the Lyon marathon",
    ]);
    const person = await stored((store) => store.get("me", "person", ids.chloe!));
    expect(person.news).toBe("joined Fabrikam as CFO");
  });

  it("records favors both ways and prints the balance", async () => {
    await json(db, ["favor", "given", "bob", "--kind", "referral", "--note", "sent his CV"]);
    const balance = await warmpath(db, ["favor", "received", "bob", "--kind", "advice"]);
    expect(balance.stdout).toBe(
      "Recorded a favor received. With Bob Stone: 1 given, 1 received (even).\n",
    );
    const only = await json(db, ["favor", "balance", "bob"]);
    expect(only).toMatchObject({ given: 1, received: 1, balance: 0 });
    expect(only.favors).toHaveLength(2);
    const bad = await warmpath(db, ["favor", "given", "bob", "--kind", "bribe"]);
    expect(bad.stderr).toContain("BAD_USER_INPUT (--kind)");
  });
});

describe("warmpath intro", () => {
  it("asks for an elevator pitch on --pitch before the first request", async () => {
    const out = await warmpath(db, ["intro", "--to", "Tom Target"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("BAD_USER_INPUT (--pitch): set your elevator pitch first");
  });

  it("drafts a request along the warmest path, then moves it along its statuses", async () => {
    const drafted = await json(db, [
      "intro",
      "--to",
      "tom target",
      "--pitch",
      "Product lead, ten years in payments, looking for a finance role.",
    ]);
    expect(drafted.request).toMatchObject({
      status: "drafted",
      target: { name: "Tom Target" },
      introducer: { name: "Chloé Dubois" },
    });
    expect(drafted.request.path.map((p: { name: string }) => p.name)).toEqual([
      "Me",
      "Chloé Dubois",
      "Tom Target",
    ]);
    expect(drafted.request.message).toContain("Tom");
    const asked = await json(db, ["intro", "status", "Tom", "asked"]);
    expect(asked.request.status).toBe("asked");
    const list = await warmpath(db, ["intro", "status"]);
    expect(list.stdout).toMatch(/asked +Tom Target via Chloé Dubois, 0 days/);
    const jump = await warmpath(db, ["intro", "status", drafted.request.id, "met"]);
    expect(jump.code).toBe(2);
    expect(jump.stderr).toContain("BAD_USER_INPUT (<status>): cannot go from asked to met");
  });

  it("says NOT_FOUND on --to for someone not in the network", async () => {
    const out = await warmpath(db, ["intro", "--to", "Nobody Here"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/NOT_FOUND \(--to\): no one named "Nobody Here" in SQLite at/);
  });
});

describe("warmpath update", () => {
  it("writes one .eml draft per recipient, personalized, and marks the batch sent", async () => {
    const out = join(dir, "update-1");
    const drafted = await json(db, [
      "update",
      "--tag",
      "scottsdale",
      "--to",
      "chloe",
      "--subject",
      "News from me, {{firstName}}",
      "--template",
      "Hi {{firstName}}, I have a new role. How is {{company}}?",
      "--out",
      out,
    ]);
    expect(drafted.drafts.map((d: { person: { name: string } }) => d.person.name)).toEqual([
      "Bob Stone",
      "Chloé Dubois",
    ]);
    expect(readdirSync(out).sort()).toEqual(
      drafted.drafts.map((d: { file: string }) => d.file.slice(out.length + 1)).sort(),
    );
    const eml = readFileSync(drafted.drafts[0].file, "utf8");
    expect(eml).toContain("To: Bob Stone <bob@example.com>");
    expect(eml).toContain("Subject: News from me, Bob");
    expect(eml).toContain("X-Unsent: 1");
    const sent = await json(db, ["update", "sent", drafted.batch]);
    expect(sent).toEqual({ batch: drafted.batch, sent: 2 });
    const bob = await stored((store) => store.get("me", "person", ids.bob!));
    expect(bob.askForNews).toBe(true);
  });

  it("names the option of what is missing or wrong", async () => {
    const noRecipients = await warmpath(db, ["update", "--subject", "Hi", "--template", "Hello"]);
    expect(noRecipients.code).toBe(2);
    expect(noRecipients.stderr).toContain("BAD_USER_INPUT (--to)");
    const placeholder = await warmpath(db, [
      "update",
      "--tag",
      "scottsdale",
      "--subject",
      "Hi",
      "--template",
      "Hello {{nickname}}",
    ]);
    expect(placeholder.stderr).toContain("BAD_USER_INPUT (--template)");
    const list = await warmpath(db, [
      "update",
      "--list",
      "everyone",
      "--subject",
      "s",
      "--template",
      "t",
    ]);
    expect(list.stderr).toContain("BAD_USER_INPUT (--list)");
  });
});
