import { describe, expect, it } from "vitest";
import { placeholderValues } from "../../../src/graph/habits/blanket-update.js";
import { draftAsEml, draftsAsText } from "../../../src/graph/habits/draft-export.js";
import { parseTemplate, renderTemplate } from "../../../src/graph/habits/update-template.js";
import type { Draft } from "../../../src/graph/model/draft.js";
import type { Person } from "../../../src/graph/model/person.js";
import { emlBody, emlFields } from "../../support/eml-reader.js";
import { HOSTILE, UNPRINTABLE } from "../../support/hostile-network.js";
import { draftFixture } from "../../support/draft-fixture.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const SEPARATOR = "-".repeat(72);
const FORGED_BODY = "Hi\r\nthere\u2028second\u0000\ttabbed\u0085third\u202E line\rend";
const CLEAN_BODY = "Hi\nthere\nsecond\ttabbed\nthird line\nend";

const draft = (fields: Partial<Draft> = {}): Draft => draftFixture(NOW, fields);

/** The display name of a mailbox header value, unquoted: `"A \"B\"" <a@b>` reads as `A "B"`. */
function displayName(value: string): string {
  const name = /^(.*?) ?<[^<>]*>$/.exec(value)![1]!;
  return /^".*"$/.test(name) ? name.slice(1, -1).replace(/\\(.)/g, "$1") : name;
}

describe("the text export of a blanket update", () => {
  it("writes a recipient's name on its To: line whatever line breaks and controls it holds", () => {
    for (const { raw, clean } of HOSTILE) {
      const file = draftsAsText([draft()], new Map([["per_1", raw]]));
      expect(file.content, JSON.stringify(raw)).toBe(
        `To: ${clean.trim()} <ann@acme.example>\nSubject: S\n\nB\n`,
      );
    }
  });

  it("keeps a hostile subject and address on their own header lines", () => {
    const copy = draft({
      subject: "Hello\r\nBcc: evil@example.com\u0000",
      to: "ann@acme.example\u2028Bcc: evil@example.com",
    });
    const file = draftsAsText([copy], new Map([["per_1", "Ann"]]));
    expect(file.content).toBe(
      "To: Ann <ann@acme.example Bcc: evil@example.com>\nSubject: Hello Bcc: evil@example.com\n\nB\n",
    );
  });

  it("keeps the body's lines and tabs, writes every kind of line break as \\n, and drops control characters", () => {
    const file = draftsAsText([draft({ body: FORGED_BODY })], new Map([["per_1", "Ann"]]));
    expect(file.content).toBe(`To: Ann <ann@acme.example>\nSubject: S\n\n${CLEAN_BODY}\n`);
  });

  it("has, for a batch of hostile recipients, exactly one To: and one Subject: line per copy and one separator between copies", () => {
    const drafts = HOSTILE.map((_, i) =>
      draft({
        personId: `per_${i}`,
        subject: HOSTILE[(i + 1) % HOSTILE.length]!.raw,
        body: FORGED_BODY,
      }),
    );
    const names = new Map(HOSTILE.map((h, i) => [`per_${i}`, h.raw]));
    const lines = draftsAsText(drafts, names).content.split("\n");
    expect(lines.filter((l) => l.startsWith("To: "))).toHaveLength(HOSTILE.length);
    expect(lines.filter((l) => l.startsWith("Subject: "))).toHaveLength(HOSTILE.length);
    expect(lines.filter((l) => l === SEPARATOR)).toHaveLength(HOSTILE.length - 1);
    expect(lines.filter((l) => /^(Bcc|Cc|From|FN):/.test(l))).toEqual([]);
    expect(lines.join("").replace(/\t/g, "")).not.toMatch(UNPRINTABLE);
  });

  it("renders placeholder values as one line, so a person's news cannot forge a separator or another copy", () => {
    const news = `moved\r\n${SEPARATOR}\nTo: Evil <evil@example.com>\u2029Subject: forged`;
    const person = { name: "Ann\nLee", news, interests: [], hobbies: [] } as unknown as Person;
    const owner = { interests: [], hobbies: [] } as unknown as Person;
    const values = placeholderValues(person, owner, "Acme\r\nInc");
    expect(values).toEqual({
      firstName: "Ann",
      name: "Ann Lee",
      company: "Acme Inc",
      latestNews: `moved ${SEPARATOR} To: Evil <evil@example.com> Subject: forged`,
      sharedInterest: "",
    });
    const body = renderTemplate(
      parseTemplate("Hi {{firstName}},\nLast I heard: {{latestNews}}.\nBye"),
      values,
    );
    const lines = draftsAsText([draft({ body })], new Map([["per_1", "Ann"]])).content.split("\n");
    expect(lines.filter((l) => l.startsWith("To: ") || l === SEPARATOR)).toEqual([
      "To: Ann <ann@acme.example>",
    ]);
    expect(lines).toHaveLength(2 + 1 + 3 + 1);
  });
});

describe("the .eml export of a blanket update", () => {
  const HEADERS = [
    "Date",
    "From",
    "To",
    "Subject",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "X-Unsent",
  ];

  it("has only warmpath's headers, whatever the names, subject and address hold, and shows each value as one clean line", () => {
    for (const [i, { raw, clean }] of HOSTILE.entries()) {
      const subject = HOSTILE[(i + 1) % HOSTILE.length]!;
      const copy = draft({ subject: subject.raw, body: FORGED_BODY });
      const eml = draftAsEml(copy, raw, {
        now: NOW,
        from: "me@example.com",
        fromName: raw,
      }).content;
      // Nothing but printable ASCII, CRLF and the body's tab: names and subjects travel as encoded words, the body as quoted-printable.
      expect(eml.replace(/\r\n/g, ""), JSON.stringify(raw)).toMatch(/^[\t\x20-\x7e]*$/);
      const fields = emlFields(eml);
      expect(fields.map((f) => f.name)).toEqual(HEADERS);
      const value = (name: string) => fields.find((f) => f.name === name)!.value;
      expect(displayName(value("To"))).toBe(clean.trim());
      expect(value("To").endsWith("<ann@acme.example>")).toBe(true);
      expect(displayName(value("From"))).toBe(clean.trim());
      // Folding may join the subject's words with single spaces.
      expect(value("Subject").replace(/ +/g, " ")).toBe(subject.clean.trim().replace(/ +/g, " "));
      expect(emlBody(eml)).toBe(`${CLEAN_BODY}\n`);
    }
  });

  it("keeps an address holding a line break inside its To: header", () => {
    const eml = draftAsEml(draft({ to: "ann@acme.example\r\nBcc: evil@example.com" }), "Ann", {
      now: NOW,
    }).content;
    expect(emlFields(eml).map((f) => f.name)).toEqual(HEADERS.filter((h) => h !== "From"));
    expect(eml.split("\r\n").filter((l) => l.startsWith("Bcc:"))).toEqual([]);
  });
});
