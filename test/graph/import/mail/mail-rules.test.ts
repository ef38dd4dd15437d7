import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ErrorCode } from "../../../../src/errors.js";
import {
  bulkReason,
  classifyMessage,
  isChatTranscript,
  isColleague,
  isNoReplyAddress,
  mailMessageOf,
  ownAddresses,
  type MailMessage,
} from "../../../../src/graph/import/mail/index.js";
import { expectError } from "../../../../src/testing/expect-error.js";

/** A message from its raw header lines (name: value), as mbox-reader gives them. */
function message(lines: Record<string, string | string[]>, labels: string[] = []): MailMessage {
  const headers = new Map<string, string[]>();
  for (const [k, v] of Object.entries(lines)) headers.set(k.toLowerCase(), [v].flat());
  return mailMessageOf(headers, labels);
}
const base = {
  from: "Ada <ada@partner.example>",
  to: "me@acme.example",
  date: "Sun, 1 Nov 2026 09:00:00 +0000",
};
const own = ownAddresses(["me@acme.example"], ["Me@Gmail.com"]);

describe("reading a message's headers", () => {
  it("decodes RFC 2047 names, raw UTF-8 and groups, and lower-cases addresses", () => {
    const m = message({
      from: "=?ISO-8859-1?Q?J=FCrgen_Gro=DF?= <Juergen@Example.DE>",
      to: Buffer.from(
        "Chloé Martin <chloe@example.fr>, Team: a@b.example, c@d.example;",
        "utf8",
      ).toString("latin1"),
      cc: "undisclosed-recipients:;",
      date: "Mon, 2 Nov 2026 10:30:00 +0100 (CET)",
      "message-id": " <abc@x.example> ",
      "in-reply-to": "<m1@acme.example> (comment)",
      references: "<a@x> <b@y>",
    });
    expect(m.from).toEqual({ address: "juergen@example.de", name: "Jürgen Groß" });
    expect(m.to).toEqual([
      { address: "chloe@example.fr", name: "Chloé Martin" },
      { address: "a@b.example", name: null },
      { address: "c@d.example", name: null },
    ]);
    expect(m.cc).toEqual([]);
    expect(m.date).toBe("2026-11-02T09:30:00.000Z");
    expect(m.messageId).toBe("<abc@x.example>");
    expect(m.inReplyTo).toBe("<m1@acme.example>");
    expect(m.references).toEqual(["<a@x>", "<b@y>"]);
  });

  it("falls back to the mbox From line's time, and leaves an unreadable date null", () => {
    const headers = new Map([
      ["from", ["a@b.example"]],
      ["date", ["not a date"]],
    ]);
    expect(mailMessageOf(headers, [], new Date("2026-01-02T03:04:05Z")).date).toBe(
      "2026-01-02T03:04:05.000Z",
    );
    expect(mailMessageOf(headers, [], false).date).toBeNull();
  });
});

describe("the rules", () => {
  it("knows the user's addresses from the profile and --me, and refuses a bad or missing one", async () => {
    expect([...own.addresses].sort()).toEqual(["me@acme.example", "me@gmail.com"]);
    expect([...own.domains]).toEqual(["acme.example"]);
    expect(() => ownAddresses([], [])).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field: "me" }),
    );
    await expectError(
      Promise.resolve().then(() => ownAddresses([], ["nope"])),
      ErrorCode.BAD_USER_INPUT,
      "me",
    );
  });

  it("marks same-domain correspondents as colleagues, but not for webmail domains", () => {
    expect(isColleague("eve@acme.example", own)).toBe(true);
    expect(isColleague("someone@gmail.com", own)).toBe(false);
    expect(isColleague("ada@partner.example", own)).toBe(false);
  });

  it("knows no-reply and robot senders", () => {
    for (const a of [
      "noreply@x.com",
      "no-reply+abc@x.com",
      "do_not_reply@x.com",
      "DoNotReply@x.com",
      "mailer-daemon@x.com",
      "bounce-123@x.com",
      "notifications@github.com",
    ])
      expect(isNoReplyAddress(a), a).toBe(true);
    for (const a of ["nora@x.com", "replies@x.com", "ada@x.com", "noah@x.com"])
      expect(isNoReplyAddress(a), a).toBe(false);
  });

  it("drops mailing lists, bulk precedence, automatic mail and no-reply senders", () => {
    expect(bulkReason(message({ ...base, "list-id": "<l.example>" }))).toBe("mailing_list");
    expect(bulkReason(message({ ...base, "list-unsubscribe": "<mailto:u@x>" }))).toBe(
      "mailing_list",
    );
    for (const p of ["bulk", "List", "junk"])
      expect(bulkReason(message({ ...base, precedence: p }))).toBe("bulk_precedence");
    expect(bulkReason(message({ ...base, precedence: "first-class" }))).toBeNull();
    expect(bulkReason(message({ ...base, "auto-submitted": "auto-replied" }))).toBe(
      "auto_submitted",
    );
    expect(bulkReason(message({ ...base, "auto-submitted": "No" }))).toBeNull();
    expect(bulkReason(message({ ...base, from: "noreply@shop.example" }))).toBe("no_reply_sender");
    expect(bulkReason(message(base))).toBeNull();
  });

  it("drops Takeout chat transcripts by their label", () => {
    expect(isChatTranscript(message(base, ["Chat"]))).toBe(true);
    expect(isChatTranscript(message(base, ["Inbox", "Chats"]))).toBe(true);
    expect(isChatTranscript(message(base, ["Inbox", "Chat groups"]))).toBe(false);
  });

  it("skips a message with more than 20 recipients, and counts one with 20", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@x.example`).join(", ");
    const from = { from: "me@acme.example", date: base.date };
    expect(classifyMessage(message({ ...from, to: list(15), cc: list(10) }), own)).toEqual({
      counted: false,
      reason: "too_many_recipients",
    });
    const ok = classifyMessage(message({ ...from, to: list(20) }), own);
    expect(ok.counted && ok.correspondents.length).toBe(20);
  });

  it("makes mail from the user outbound to the others, and any other mail inbound from its sender", () => {
    const out = classifyMessage(
      message({
        from: "ME@acme.example",
        to: "a@x.example, me@gmail.com",
        cc: "a@x.example, noreply@x.example, b@y.example",
        date: base.date,
      }),
      own,
    );
    expect(out).toEqual({
      counted: true,
      direction: "outbound",
      at: "2026-11-01T09:00:00.000Z",
      correspondents: [
        { address: "a@x.example", name: null },
        { address: "b@y.example", name: null },
      ],
    });
    const inbound = classifyMessage(message(base), own);
    expect(inbound).toMatchObject({
      counted: true,
      direction: "inbound",
      correspondents: [{ address: "ada@partner.example" }],
    });
    expect(
      classifyMessage(
        message({ from: "me@acme.example", to: "me@gmail.com", date: base.date }),
        own,
      ),
    ).toEqual({ counted: false, reason: "no_correspondent" });
    expect(classifyMessage(message({ to: "me@acme.example", date: base.date }), own)).toEqual({
      counted: false,
      reason: "no_sender",
    });
    expect(classifyMessage(message({ from: "a@x.example", to: "me@acme.example" }), own)).toEqual({
      counted: false,
      reason: "no_date",
    });
  });

  it("never counts the user as a correspondent, whatever the message", () => {
    const address = fc.constantFrom(
      "me@acme.example",
      "me@gmail.com",
      "a@x.example",
      "noreply@x.example",
      "b@acme.example",
    );
    fc.assert(
      fc.property(
        address,
        fc.array(address, { maxLength: 25 }),
        fc.array(address, { maxLength: 5 }),
        (from, to, cc) => {
          const outcome = classifyMessage(
            message({ from, to: to.join(", "), cc: cc.join(", "), date: base.date }),
            own,
          );
          if (!outcome.counted) return;
          for (const c of outcome.correspondents) {
            expect(own.addresses.has(c.address)).toBe(false);
            expect(isNoReplyAddress(c.address)).toBe(false);
          }
          expect(outcome.direction === "outbound").toBe(own.addresses.has(from));
        },
      ),
    );
  });
});
