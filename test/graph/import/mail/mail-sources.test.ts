import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../../src/errors.js";
import { mailSources, readMail } from "../../../../src/graph/import/mail/index.js";
import { expectError } from "../../../../src/testing/expect-error.js";
import { zipBytes } from "../../../support/zip-writer.js";

const dir = mkdtempSync(join(tmpdir(), "warmpath-mail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mbox = (...ids: string[]) =>
  ids
    .map(
      (id) =>
        `From x@y Sun Nov  1 09:00:00 2026\nFrom: a@x.example\nTo: me@acme.example\nMessage-ID: <${id}>\nDate: Sun, 1 Nov 2026 09:00:00 +0000\n\nbody\n>From the escaped line\n\n`,
    )
    .join("");

async function ids(path: string): Promise<string[]> {
  const { sources, close } = await mailSources(path);
  try {
    const out: string[] = [];
    for await (const { message } of readMail(sources)) out.push(message.messageId!);
    return out;
  } finally {
    close();
  }
}

describe("mail sources", () => {
  it("reads one mbox file, where an escaped >From line stays in the body and starts no message", async () => {
    const file = join(dir, "one.mbox");
    writeFileSync(file, mbox("a1", "a2", "a3"));
    expect(await ids(file)).toEqual(["<a1>", "<a2>", "<a3>"]);
  });

  it("reads every mbox in a folder, an Apple Mail .mbox package and Thunderbird's extension-less files included", async () => {
    const root = join(dir, "folder");
    mkdirSync(join(root, "Inbox.mbox"), { recursive: true });
    writeFileSync(join(root, "Inbox.mbox", "mbox"), mbox("p1"));
    writeFileSync(join(root, "Inbox.mbox", "Info.plist"), "<plist/>");
    mkdirSync(join(root, "Thunderbird"));
    writeFileSync(join(root, "Thunderbird", "Sent"), mbox("t1", "t2"));
    writeFileSync(join(root, "Thunderbird", "Sent.msf"), "// index");
    writeFileSync(join(root, ".hidden"), mbox("h1"));
    expect(await ids(root)).toEqual(["<p1>", "<t1>", "<t2>"]);
  });

  it("reads the .mbox files of a zipped Google Takeout, and names an archive without one", async () => {
    const zip = join(dir, "takeout.zip");
    writeFileSync(
      zip,
      zipBytes([
        { name: "Takeout/archive_browser.html", data: "<html/>" },
        { name: "Takeout/Mail/All mail Including Spam and Trash.mbox", data: mbox("z1", "z2") },
      ]),
    );
    expect(await ids(zip)).toEqual(["<z1>", "<z2>"]);
    const none = join(dir, "none.zip");
    writeFileSync(none, zipBytes([{ name: "Takeout/Calendar/a.ics", data: "BEGIN:VCALENDAR" }]));
    await expectError(mailSources(none), ErrorCode.BAD_USER_INPUT, "file");
  });

  it("refuses a file that is neither mbox nor ZIP, and reads an empty one as no messages", async () => {
    const text = join(dir, "notes.txt");
    writeFileSync(text, "Dear diary");
    await expectError(mailSources(text), ErrorCode.BAD_USER_INPUT, "file");
    const empty = join(dir, "empty.mbox");
    writeFileSync(empty, "");
    expect(await ids(empty)).toEqual([]);
  });
});
