import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import {
  draftsOf,
  draftUpdate,
  markUpdateSent,
  placeholderValues,
} from "../../../src/graph/habits/blanket-update.js";
import { draftAsEml, draftsAsText, exportUpdate } from "../../../src/graph/habits/draft-export.js";
import { recordNews } from "../../../src/graph/habits/news.js";
import {
  PLACEHOLDERS,
  parseTemplate,
  renderTemplate,
} from "../../../src/graph/habits/update-template.js";
import type { Draft } from "../../../src/graph/model/draft.js";
import type { PersonInput } from "../../../src/graph/model/person.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";
import { draftFixture } from "../../support/draft-fixture.js";
import { emlBody, emlFields } from "../../support/eml-reader.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const SUBJECT = "What I have been up to, {{firstName}}";
const TEMPLATE = [
  "Hi {{firstName}},",
  "",
  "A quick note on my year: I left Contoso and started consulting.",
  "How are things at {{company}}? Last I heard: {{latestNews}}.",
  "Still into {{sharedInterest}}? What is your news?",
].join("\n");

/** The unfolded, decoded value of one header of an .eml, or undefined. */
const headerValue = (eml: string, name: string): string | undefined =>
  emlFields(eml).find((f) => f.name === name)?.value;
const bodyOf = (eml: string): string => eml.slice(eml.indexOf("\r\n\r\n") + 4);

describe("update templates", () => {
  it("rejects an unknown placeholder, naming it and the field", async () => {
    const e = await expectError(
      Promise.reject(catchError(() => parseTemplate("Hi {{nickname}}!"))),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
    expect(e.message).toContain("{{nickname}}");
    expect(e.message).toContain("{{firstName}}");
  });

  it("rejects an unclosed placeholder, also when another one follows it", async () => {
    await expectError(
      Promise.reject(catchError(() => parseTemplate("Hi {{firstName"))),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
    await expectError(
      Promise.reject(catchError(() => parseTemplate("Hi {{firstName, {{name}}"))),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
  });

  it("names the field it was given", async () => {
    await expectError(
      Promise.reject(catchError(() => parseTemplate("{{Company}}", "subject"))),
      ErrorCode.BAD_USER_INPUT,
      "subject",
    );
  });

  it("fills every placeholder, allowing spaces inside the braces and stray closing braces", () => {
    const parsed = parseTemplate(
      "{{ firstName }} / {{name}} / {{company}} / {{latestNews}} / {{sharedInterest}} }} {{firstName}}",
    );
    expect(parsed.placeholders).toEqual([...PLACEHOLDERS]);
    const values = {
      firstName: "Ann",
      name: "Ann Lee",
      company: "Acme",
      latestNews: "moved",
      sharedInterest: "sailing",
    };
    expect(renderTemplate(parsed, values)).toBe("Ann / Ann Lee / Acme / moved / sailing }} Ann");
    expect(renderTemplate(parseTemplate("no placeholders"), values)).toBe("no placeholders");
  });
});

describe("the blanket update", () => {
  let store: NetworkStore;
  let owner: string;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    owner = `update-${randomUUID()}`;
    id.me = (await store.ensureOwner(owner, { name: "Me", emails: ["me@example.com"] })).id;
    await store.update(owner, "person", id.me, {
      interests: ["Sailing", "Chess"],
      hobbies: ["Jazz"],
      tags: ["newsletter"],
      categories: ["client"],
    });
    const person = async (key: string, input: PersonInput) =>
      (id[key] = (await store.create(owner, "person", input)).id);
    await person("ann", {
      name: "Ann Lee",
      emails: ["ann@acme.example", "ann@home.example"],
      categories: ["client"],
      tags: ["newsletter"],
      interests: ["Cooking", "sailing"],
      news: "you moved to Berlin",
    });
    await person("bob", {
      name: "Bob Stone",
      emails: ["bob@example.com"],
      categories: ["friend"],
      tags: ["Newsletter"],
      interests: ["Golf"],
      hobbies: ["jazz"],
    });
    await person("zoe", { name: "Zoë Müller", emails: ["zoe@example.de"], categories: ["client"] });
    await person("dan", { name: "Dan Ng" });
    await person("eve", {
      name: "Eve Park",
      categories: ["mentor"],
      interests: ["Pottery", "Running"],
    });
    const acme = await store.create(owner, "organization", { name: "Acme" });
    const old = await store.create(owner, "organization", { name: "Old Co" });
    const side = await store.create(owner, "organization", { name: "Side Gig" });
    await store.create(owner, "employment", {
      personId: id.ann!,
      organizationId: old.id,
      from: "2015-01-01",
      to: "2019-12-31",
    });
    await store.create(owner, "employment", {
      personId: id.ann!,
      organizationId: side.id,
      from: "2012-01-01",
    });
    await store.create(owner, "employment", {
      personId: id.ann!,
      organizationId: acme.id,
      from: "2020-02-01",
    });
  });
  afterAll(() => store.close());

  const draft = (recipients: object, subject = SUBJECT, template = TEMPLATE) =>
    draftUpdate(store, owner, { subject, template, recipients }, { now: NOW });
  const recipientsOf = async (recipients: object) =>
    (await draft(recipients)).drafts.map((d) => d.personId);
  const emailsTo = async (personId: string) =>
    (await store.list(owner, "interaction", { personId, kind: "email" })).edges.map((e) => e.node);

  it("rejects an update with nobody chosen", async () => {
    await expectError(draft({}), ErrorCode.BAD_USER_INPUT, "recipients");
    await expectError(
      draft({ category: null, tag: "", personIds: [] }),
      ErrorCode.BAD_USER_INPUT,
      "recipients",
    );
  });

  it("rejects recipients that match nobody but the owner", async () => {
    await expectError(draft({ category: "recruiter" }), ErrorCode.BAD_USER_INPUT, "recipients");
    await expectError(draft({ personIds: [id.me] }), ErrorCode.BAD_USER_INPUT, "recipients");
  });

  it("sends to everyone on a keep-in-touch list, and names an unknown list", async () => {
    // Two years on, everyone with a category is past their longest gap; Dan has none, so no cadence.
    const later = new Date(NOW.getTime() + 730 * 86_400_000);
    const { drafts } = await draftUpdate(
      store,
      owner,
      { subject: SUBJECT, template: TEMPLATE, recipients: { list: "losing_touch" } },
      { now: later },
    );
    expect(drafts.map((d) => d.personId)).toEqual([id.ann, id.bob, id.eve, id.zoe]);
    await expectError(draft({ list: "someday" }), ErrorCode.BAD_USER_INPUT, "recipients.list");
  });

  it("rejects an unknown category and an unknown person, naming them", async () => {
    await expectError(
      draft({ category: "aliens" }),
      ErrorCode.BAD_USER_INPUT,
      "recipients.category",
    );
    await expectError(
      draft({ personIds: [id.ann, "per_missing"] }),
      ErrorCode.NOT_FOUND,
      "recipients.personIds[1]",
    );
  });

  it("rejects an empty template or subject and an unknown placeholder in either", async () => {
    await expectError(
      draft({ category: "client" }, SUBJECT, "  \n "),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
    await expectError(
      draft({ category: "client" }, "", TEMPLATE),
      ErrorCode.BAD_USER_INPUT,
      "subject",
    );
    await expectError(
      draft({ category: "client" }, "Hello {{title}}", TEMPLATE),
      ErrorCode.BAD_USER_INPUT,
      "subject",
    );
    await expectError(
      draft({ category: "client" }, SUBJECT, "Hi {{firstname}}"),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
  });

  it("rejects a template or subject that renders too long, on the field it came from", async () => {
    await expectError(
      draft({ personIds: [id.ann] }, SUBJECT, "x".repeat(20_001)),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
    await expectError(
      draft({ personIds: [id.ann] }, `${"s".repeat(295)} {{name}}`, TEMPLATE),
      ErrorCode.BAD_USER_INPUT,
      "subject",
    );
  });

  it("rejects a template that renders empty for someone, writing no draft", async () => {
    await expectError(
      draft({ personIds: [id.ann, id.dan] }, SUBJECT, "{{latestNews}}"),
      ErrorCode.BAD_USER_INPUT,
      "template",
    );
    expect(
      (await store.list(owner, "draft", { personId: id.ann! })).edges.filter(
        (e) => e.node.body === "you moved to Berlin",
      ),
    ).toEqual([]);
  });

  it("chooses everyone in a category, but never the owner", async () => {
    expect(await recipientsOf({ category: "client" })).toEqual([id.ann, id.zoe]);
  });

  it("chooses everyone with a tag, ignoring its case", async () => {
    expect(await recipientsOf({ tag: "NewsLetter" })).toEqual([id.ann, id.bob]);
  });

  it("chooses the people named, leaving out the owner", async () => {
    expect(await recipientsOf({ personIds: [id.dan, id.me] })).toEqual([id.dan]);
  });

  it("unites category, tag and names without duplicates, ordered by name", async () => {
    expect(
      await recipientsOf({
        category: "client",
        tag: "newsletter",
        personIds: [id.dan, id.ann, id.dan],
      }),
    ).toEqual([id.ann, id.bob, id.dan, id.zoe]);
  });

  it("renders every placeholder per recipient into one draft each under one batch", async () => {
    const { batch, drafts } = await draft({
      category: "client",
      tag: "newsletter",
      personIds: [id.dan, id.eve],
    });
    expect(batch).toMatch(/^upd_/);
    expect(new Set(drafts.map((d) => d.batch))).toEqual(new Set([batch]));
    expect(drafts.every((d) => d.status === "drafted" && d.sentAt === null)).toBe(true);
    const ann = drafts.find((d) => d.personId === id.ann)!;
    expect(ann.to).toBe("ann@acme.example");
    expect(ann.subject).toBe("What I have been up to, Ann");
    // Company from the current job started last; the interest ann shares with the owner, in her spelling.
    expect(ann.body).toBe(
      [
        "Hi Ann,",
        "",
        "A quick note on my year: I left Contoso and started consulting.",
        "How are things at Acme? Last I heard: you moved to Berlin.",
        "Still into sailing? What is your news?",
      ].join("\n"),
    );
    // A shared hobby counts; without one, their first interest; without interests, nothing.
    expect(drafts.find((d) => d.personId === id.bob)!.body).toContain("Still into jazz?");
    expect(drafts.find((d) => d.personId === id.eve)!.body).toContain("Still into Pottery?");
    const dan = drafts.find((d) => d.personId === id.dan)!;
    expect(dan.to).toBeNull();
    expect(dan.body).toContain("How are things at ? Last I heard: .");
    expect(dan.body).toContain("Still into ? What");
    expect((await draftsOf(store, owner, batch)).map((d) => d.id)).toEqual(drafts.map((d) => d.id));
  });

  it("takes the first word of the name as the first name", async () => {
    const me = await store.getSelf(owner);
    const values = placeholderValues(
      { ...me, name: "  María José  Ortega", isSelf: false, interests: ["chess"], hobbies: [] },
      me,
      null,
    );
    expect(values).toEqual({
      firstName: "María",
      name: "  María José  Ortega",
      company: "",
      latestNews: "",
      sharedInterest: "chess",
    });
  });

  it("answers NOT_FOUND on batch for an unknown or another owner's batch", async () => {
    const { batch } = await draft({ personIds: [id.dan] });
    await expectError(
      markUpdateSent(store, owner, "upd_missing", { now: NOW }),
      ErrorCode.NOT_FOUND,
      "batch",
    );
    await expectError(
      draftsOf(store, `other-${randomUUID()}`, batch),
      ErrorCode.NOT_FOUND,
      "batch",
    );
    await expectError(
      exportUpdate(store, owner, "upd_missing", "text"),
      ErrorCode.NOT_FOUND,
      "batch",
    );
    await expectError(draftsOf(store, owner, ""), ErrorCode.BAD_USER_INPUT, "batch");
  });

  it("marks a batch sent: one outbound e-mail logged per recipient, each marked to ask for their news", async () => {
    const { batch } = await draft({ tag: "newsletter" });
    const before = {
      ann: (await emailsTo(id.ann!)).length,
      bob: (await emailsTo(id.bob!)).length,
      zoe: (await emailsTo(id.zoe!)).length,
    };
    const sent = await markUpdateSent(store, owner, batch, { now: NOW });
    expect(sent.map((d) => [d.personId, d.status, d.sentAt])).toEqual([
      [id.ann, "sent", NOW.toISOString()],
      [id.bob, "sent", NOW.toISOString()],
    ]);
    const annEmails = await emailsTo(id.ann!);
    expect(annEmails.length).toBe(before.ann + 1);
    expect(annEmails[0]).toMatchObject({
      direction: "outbound",
      at: NOW.toISOString(),
      summary: "Update: What I have been up to, Ann",
      needsReply: false,
    });
    expect((await emailsTo(id.bob!)).length).toBe(before.bob + 1);
    expect((await emailsTo(id.zoe!)).length).toBe(before.zoe);
    expect((await store.get(owner, "person", id.ann!)).askForNews).toBe(true);
    expect((await store.get(owner, "person", id.bob!)).askForNews).toBe(true);
    expect((await store.get(owner, "person", id.zoe!)).askForNews).toBe(false);

    // Marking again changes nothing and logs nothing twice.
    const again = await markUpdateSent(store, owner, batch, {
      now: new Date("2026-11-23T09:00:00Z"),
    });
    expect(again.map((d) => d.sentAt)).toEqual([NOW.toISOString(), NOW.toISOString()]);
    expect((await emailsTo(id.ann!)).length).toBe(before.ann + 1);
    expect((await emailsTo(id.bob!)).length).toBe(before.bob + 1);

    // Their news, once recorded, answers the mark.
    await recordNews(store, owner, { personId: id.ann!, text: "Opened a bakery" }, { now: NOW });
    expect((await store.get(owner, "person", id.ann!)).askForNews).toBe(false);
    expect((await store.get(owner, "person", id.bob!)).askForNews).toBe(true);
  });

  it("exports a batch as text with every recipient, saying who has no address", async () => {
    const { batch, drafts } = await draft({ category: "client", personIds: [id.dan] });
    const [file, ...rest] = await exportUpdate(store, owner, batch, "text");
    expect(rest).toEqual([]);
    expect(file!.mediaType).toBe("text/plain; charset=utf-8");
    expect(file!.filename).toBe(`update-${batch}.txt`);
    expect(file!.content).toContain(
      "To: Ann Lee <ann@acme.example>\nSubject: What I have been up to, Ann\n\nHi Ann,",
    );
    expect(file!.content).toContain("To: Zoë Müller <zoe@example.de>");
    expect(file!.content).toContain("To: Dan Ng (no e-mail address on file)");
    expect(file!.content.split(`\n${"-".repeat(72)}\n`)).toHaveLength(drafts.length);
    await expectError(
      exportUpdate(store, owner, batch, "pdf" as "text"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
  });

  it("exports one .eml draft per copy, with headers, CRLF lines and an encoded non-ASCII subject and body", async () => {
    const template = `Liebe {{firstName}}, herzliche Grüße aus Zürich! ${"Ein sehr langer Satz über das Jahr, mit Umlauten: äöü ß. ".repeat(4)}\nZweite Zeile mit = Zeichen und Leerzeichen am Ende   \n\nTschüss`;
    const { batch, drafts } = await draft(
      { personIds: [id.zoe, id.dan] },
      "Grüße aus Zürich, {{firstName}}",
      template,
    );
    const files = await exportUpdate(store, owner, batch, "eml", { now: NOW });
    expect(files.map((f) => f.filename)).toEqual(["dan-ng.eml", "zoe-muller.eml"]);
    const zoeDraft = drafts.find((d) => d.personId === id.zoe)!;
    const eml = files[1]!.content;
    expect(files[1]!.mediaType).toBe("message/rfc822");

    expect(eml.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(eml.endsWith("\r\n")).toBe(true);
    for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect(eml).toMatch(/^Date: Sun, 22 Nov 2026 12:00:00 \+0000\r\n/);
    expect(eml).toContain("\r\nFrom: Me <me@example.com>\r\n");
    expect(eml).toContain("\r\nMIME-Version: 1.0\r\n");
    expect(eml).toContain("\r\nContent-Type: text/plain; charset=utf-8\r\n");
    expect(eml).toContain("\r\nContent-Transfer-Encoding: quoted-printable\r\n");
    expect(eml).toContain("\r\nX-Unsent: 1\r\n");
    expect(eml).toMatch(/\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=/);
    expect(headerValue(eml, "Subject")).toBe("Grüße aus Zürich, Zoë");
    expect(headerValue(eml, "To")).toBe("Zoë Müller <zoe@example.de>");

    const body = bodyOf(eml);
    expect(body).toContain("Gr=C3=BC=C3=9Fe");
    expect(body).toContain("=3D Zeichen");
    expect(body).toMatch(/Ende {2}=20\r\n/);
    expect(body.split("\r\n").some((l) => l.endsWith("="))).toBe(true);
    expect(emlBody(eml)).toBe(`${zoeDraft.body}\n`);

    // No address: no To header, and the draft says whom it is for.
    const dan = files[0]!.content;
    expect(headerValue(dan, "To")).toBeUndefined();
    expect(headerValue(dan, "Comments")).toBe("no e-mail address on file for Dan Ng");
  });

  it("never lets a line break in the subject start a new header", () => {
    const copy: Draft = {
      ...draftFixture(NOW),
      subject: "Hello\r\nBcc: everyone@example.com",
      body: "Hi",
    };
    const eml = draftAsEml(copy, 'Ann "The Chef" Lee', { now: NOW }).content;
    expect(eml.split("\r\n").some((l) => l.startsWith("Bcc:"))).toBe(false);
    expect(headerValue(eml, "Subject")).toBe("Hello Bcc: everyone@example.com");
    expect(headerValue(eml, "To")).toBe('"Ann \\"The Chef\\" Lee" <ann@acme.example>');
    expect(headerValue(eml, "From")).toBeUndefined();
  });

  it("folds a long subject and keeps a long unbroken body line within 76 characters", () => {
    const copy: Draft = { ...draftFixture(NOW), subject: "ü".repeat(100), body: "é".repeat(200) };
    const eml = draftAsEml(copy, "Ann", { now: NOW }).content;
    for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    for (const line of bodyOf(eml).split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(headerValue(eml, "Subject")).toBe("ü".repeat(100));
    expect(emlBody(eml)).toBe(`${"é".repeat(200)}\n`);
  });

  it("lists copies in the given order in the text export, separated by dashes", () => {
    const a = { ...draftFixture(NOW), personId: "p1", subject: "S1", body: "B1" };
    const b = { ...draftFixture(NOW), personId: "p2", to: null, subject: "S2", body: "B2" };
    const file = draftsAsText(
      [a, b],
      new Map([
        ["p1", "One"],
        ["p2", "Two"],
      ]),
    );
    expect(file.content).toBe(
      `To: One <ann@acme.example>\nSubject: S1\n\nB1\n${"-".repeat(72)}\nTo: Two (no e-mail address on file)\nSubject: S2\n\nB2\n`,
    );
  });
});

/** The error a synchronous call throws, for expectError. */
function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}
