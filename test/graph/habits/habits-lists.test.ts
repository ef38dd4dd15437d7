import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { Category } from "../../../src/graph/model/person.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import {
  addFollowUp,
  completeFollowUp,
  snoozeFollowUp,
} from "../../../src/graph/habits/follow-ups.js";
import { immediateFollowUps } from "../../../src/graph/habits/immediate-follow-ups.js";
import {
  introRequestReminders,
  REMINDER_AFTER_DAYS,
} from "../../../src/graph/habits/intro-request-reminders.js";
import { addDays } from "../../../src/graph/habits/calendar-days.js";
import { nextContacts } from "../../../src/graph/habits/next-contacts.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const TODAY = "2026-11-22";
const DAY = 86_400_000;
/** An instant `offset` days from today, mid-morning. */
const at = (offset: number): string => `${addDays(TODAY, offset)}T10:00:00.000Z`;
/** The fixed clock moved by `offset` days. */
const later = (offset: number) => ({ now: new Date(NOW.getTime() + offset * DAY) });

describe("the keep-in-touch lists", () => {
  let store: NetworkStore;
  let owner: string;
  let self: string;

  const person = async (name: string, categories: Category[] = []) =>
    (await store.create(owner, "person", { name, categories })).id;
  const log = (
    personId: string,
    when: string,
    direction: "inbound" | "outbound" | "mutual" = "outbound",
    extra: object = {},
  ) =>
    store.create(owner, "interaction", { personId, kind: "email", at: when, direction, ...extra });

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    owner = `lists-${randomUUID()}`;
    self = (await store.ensureOwner(owner, { name: "Me" })).id;
  });

  describe("nextContacts", () => {
    it("rejects a window outside 0 to 366 days, or not whole", async () => {
      for (const withinDays of [-1, 367, 1.5, Number.NaN]) {
        await expectError(
          nextContacts(store, owner, { withinDays, now: NOW }),
          ErrorCode.BAD_USER_INPUT,
          "withinDays",
        );
      }
    });

    it("shows an overdue person as overdue", async () => {
      const mum = await person("Mum", ["family"]);
      await log(mum, at(-20));
      const list = await nextContacts(store, owner, { now: NOW });
      expect(list).toEqual([
        {
          personId: mum,
          due: addDays(TODAY, -6),
          reason: "keep in touch every 14 days (family)",
          followUpId: null,
          pathsThrough: 0,
          overdue: true,
        },
      ]);
    });

    it("includes people due on the last day of the window and not the day after", async () => {
      const client = await person("Client", ["client"]);
      await log(client, at(0));
      expect(await nextContacts(store, owner, { withinDays: 30, now: NOW })).toMatchObject([
        { personId: client, due: addDays(TODAY, 30), overdue: false },
      ]);
      expect(await nextContacts(store, owner, { withinDays: 29, now: NOW })).toEqual([]);
    });

    it("includes a person due today with a zero-day window, not overdue", async () => {
      const client = await person("Client", ["client"]);
      await log(client, at(-30));
      expect(await nextContacts(store, owner, { withinDays: 0, now: NOW })).toMatchObject([
        { personId: client, due: TODAY, overdue: false },
      ]);
    });

    it("moves a person off the list when an interaction is logged", async () => {
      const mum = await person("Mum", ["family"]);
      await log(mum, at(-20));
      await log(mum, at(-1), "inbound");
      expect(await nextContacts(store, owner, { withinDays: 7, now: NOW })).toEqual([]);
    });

    it("shows a six-month follow-up only once it falls in the window", async () => {
      const recruiter = await person("Recruiter");
      const followUp = await addFollowUp(
        store,
        owner,
        { personId: recruiter, due: "2027-05-22", reason: "not hiring for six months" },
        { now: NOW },
      );
      expect(followUp).toMatchObject({ list: "next_contact", status: "open" });
      expect(await nextContacts(store, owner, { now: NOW })).toEqual([]);
      expect(await nextContacts(store, owner, { withinDays: 180, now: NOW })).toEqual([]);
      const expected = {
        personId: recruiter,
        due: "2027-05-22",
        reason: "not hiring for six months",
        followUpId: followUp.id,
        pathsThrough: 0,
        overdue: false,
      };
      expect(await nextContacts(store, owner, { withinDays: 181, now: NOW })).toEqual([expected]);
      expect(await nextContacts(store, owner, { now: new Date("2027-05-01T12:00:00Z") })).toEqual([
        expected,
      ]);
    });

    it("lists a dated follow-up and the cadence entry of the same person side by side", async () => {
      const mum = await person("Mum", ["family"]);
      await log(mum, at(-20));
      const followUp = await addFollowUp(
        store,
        owner,
        { personId: mum, due: addDays(TODAY, 3), reason: "birthday" },
        { now: NOW },
      );
      const list = await nextContacts(store, owner, { now: NOW });
      expect(list.map((e) => [e.personId, e.followUpId, e.overdue])).toEqual([
        [mum, null, true],
        [mum, followUp.id, false],
      ]);
    });

    it("hides a snoozed follow-up until the snooze date, then shows it due that day", async () => {
      const ann = await person("Ann");
      const followUp = await addFollowUp(
        store,
        owner,
        { personId: ann, due: TODAY, reason: "send the deck" },
        { now: NOW },
      );
      expect(await nextContacts(store, owner, { now: NOW })).toMatchObject([
        { followUpId: followUp.id, due: TODAY },
      ]);
      expect(
        await snoozeFollowUp(store, owner, followUp.id, addDays(TODAY, 7), { now: NOW }),
      ).toMatchObject({ status: "snoozed", snoozedUntil: addDays(TODAY, 7) });
      expect(await nextContacts(store, owner, { now: NOW })).toEqual([]);
      expect(await nextContacts(store, owner, later(6))).toEqual([]);
      expect(await nextContacts(store, owner, later(7))).toMatchObject([
        { followUpId: followUp.id, due: addDays(TODAY, 7), overdue: false },
      ]);
      expect(await nextContacts(store, owner, later(9))).toMatchObject([
        { followUpId: followUp.id, due: addDays(TODAY, 7), overdue: true },
      ]);
    });

    it("drops a follow-up once it is done", async () => {
      const ann = await person("Ann");
      const followUp = await addFollowUp(
        store,
        owner,
        { personId: ann, due: addDays(TODAY, 2) },
        { now: NOW },
      );
      expect(await nextContacts(store, owner, { now: NOW })).toMatchObject([
        { followUpId: followUp.id, reason: "follow up" },
      ]);
      expect(await completeFollowUp(store, owner, followUp.id)).toMatchObject({ status: "done" });
      expect(await nextContacts(store, owner, later(5))).toEqual([]);
      expect(await completeFollowUp(store, owner, followUp.id)).toMatchObject({ status: "done" });
    });

    it("orders by due date, then by how many paths to open introduction targets pass through the person, then by name", async () => {
      // Zoe lies on the path to the target of an open request; Adam only on the path to a declined one.
      const zoe = await person("Zoe", ["family"]);
      const adam = await person("Adam", ["family"]);
      const early = await person("Yan", ["family"]);
      const target = await person("Hiring manager");
      const other = await person("Other target");
      await store.create(owner, "tie", { personA: self, personB: zoe, strength: 0.9 });
      await store.create(owner, "tie", { personA: zoe, personB: target, strength: 0.8 });
      await store.create(owner, "tie", { personA: self, personB: adam, strength: 0.9 });
      await store.create(owner, "tie", { personA: adam, personB: other, strength: 0.8 });
      await store.create(owner, "introRequest", {
        targetId: target,
        introducerId: zoe,
        path: [self, zoe, target],
        status: "asked",
      });
      await store.create(owner, "introRequest", {
        targetId: other,
        introducerId: adam,
        path: [self, adam, other],
        status: "declined",
      });
      await log(zoe, at(-10));
      await log(adam, at(-10));
      await log(early, at(-12));
      const list = await nextContacts(store, owner, { now: NOW });
      expect(list.map((e) => [e.personId, e.due, e.pathsThrough])).toEqual([
        [early, addDays(TODAY, 2), 0],
        [zoe, addDays(TODAY, 4), 1],
        [adam, addDays(TODAY, 4), 0],
      ]);
    });
  });

  describe("follow-ups", () => {
    it("rejects a due date in the past, and accepts today", async () => {
      const ann = await person("Ann");
      await expectError(
        addFollowUp(store, owner, { personId: ann, due: addDays(TODAY, -1) }, { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "due",
      );
      await expectError(
        addFollowUp(store, owner, { personId: ann, due: "next week" }, { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "due",
      );
      expect(
        await addFollowUp(store, owner, { personId: ann, due: TODAY }, { now: NOW }),
      ).toMatchObject({ due: TODAY, status: "open" });
    });

    it("answers NOT_FOUND for an unknown person or follow-up", async () => {
      await expectError(
        addFollowUp(store, owner, { personId: "per_missing", due: TODAY }, { now: NOW }),
        ErrorCode.NOT_FOUND,
        "personId",
      );
      await expectError(
        snoozeFollowUp(store, owner, "fup_missing", addDays(TODAY, 1), { now: NOW }),
        ErrorCode.NOT_FOUND,
      );
      await expectError(completeFollowUp(store, owner, "fup_missing"), ErrorCode.NOT_FOUND);
    });

    it("only snoozes to a day after today, and never a done follow-up", async () => {
      const ann = await person("Ann");
      const followUp = await addFollowUp(store, owner, { personId: ann, due: TODAY }, { now: NOW });
      await expectError(
        snoozeFollowUp(store, owner, followUp.id, TODAY, { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "until",
      );
      await expectError(
        snoozeFollowUp(store, owner, followUp.id, "soon", { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "until",
      );
      await completeFollowUp(store, owner, followUp.id);
      await expectError(
        snoozeFollowUp(store, owner, followUp.id, addDays(TODAY, 3), { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "id",
      );
    });
  });

  describe("immediateFollowUps", () => {
    it("shows a message that needs a reply with how long it has waited, until an outbound reply is logged", async () => {
      const ann = await person("Ann");
      const message = await log(ann, at(-3), "inbound", {
        needsReply: true,
        summary: "can we talk about the role?",
      });
      await log(ann, at(-5), "outbound");
      expect(await immediateFollowUps(store, owner, { now: NOW })).toEqual([
        {
          personId: ann,
          since: at(-3),
          waitingDays: 3,
          reason: "can we talk about the role?",
          interactionId: message.id,
          followUpId: null,
          introRequestId: null,
        },
      ]);
      await log(ann, at(-1), "outbound");
      expect(await immediateFollowUps(store, owner, { now: NOW })).toEqual([]);
    });

    it("counts a meeting as an answer, but not an inbound message without needsReply", async () => {
      const ann = await person("Ann");
      const bob = await person("Bob");
      await log(ann, at(-4), "inbound", { needsReply: true });
      await log(ann, at(-2), "mutual");
      await log(bob, at(-4), "inbound");
      await log(bob, at(-2), "inbound", { needsReply: true });
      expect(await immediateFollowUps(store, owner, { now: NOW })).toMatchObject([
        { personId: bob, waitingDays: 2, reason: "their email needs a reply" },
      ]);
    });

    it("shows immediate follow-ups once due, and not next-contact ones", async () => {
      const ann = await person("Ann");
      const urgent = await addFollowUp(
        store,
        owner,
        { personId: ann, due: addDays(TODAY, 2), reason: "send CV", list: "immediate_follow_up" },
        { now: NOW },
      );
      await addFollowUp(
        store,
        owner,
        { personId: ann, due: TODAY, list: "next_contact" },
        { now: NOW },
      );
      expect(await immediateFollowUps(store, owner, { now: NOW })).toEqual([]);
      expect(await immediateFollowUps(store, owner, later(3))).toEqual([
        {
          personId: ann,
          since: `${addDays(TODAY, 2)}T00:00:00.000Z`,
          waitingDays: 1,
          reason: "send CV",
          interactionId: null,
          followUpId: urgent.id,
          introRequestId: null,
        },
      ]);
    });

    it("puts the longest wait first", async () => {
      const ann = await person("Ann");
      const bob = await person("Bob");
      await log(ann, at(-2), "inbound", { needsReply: true });
      await log(bob, at(-9), "inbound", { needsReply: true });
      expect(
        (await immediateFollowUps(store, owner, { now: NOW })).map((f) => [
          f.personId,
          f.waitingDays,
        ]),
      ).toEqual([
        [bob, 9],
        [ann, 2],
      ]);
    });
  });

  describe("introduction request reminders", () => {
    it("reminds after 7 days asked or accepted and 14 days introduced", () => {
      expect(REMINDER_AFTER_DAYS).toEqual({ asked: 7, accepted: 7, introduced: 14 });
      expect(Object.isFrozen(REMINDER_AFTER_DAYS)).toBe(true);
    });

    it("shows a request asked 8 days ago, naming the introducer to chase, and not one asked 3 days ago", async () => {
      const introducer = await person("Introducer");
      const target = await person("Target");
      const request = await store.create(owner, "introRequest", {
        targetId: target,
        introducerId: introducer,
        path: [self, introducer, target],
        status: "asked",
      });
      // The model stamps statusChangedAt with the real clock, so the test clock runs ahead of it.
      const realNow = Date.now();
      const eightDaysOn = { now: new Date(realNow + 8 * DAY) };
      const threeDaysOn = { now: new Date(realNow + 3 * DAY) };
      expect(await introRequestReminders(store, owner, eightDaysOn)).toMatchObject([
        { introRequestId: request.id, status: "asked", waitingDays: 8, personId: introducer },
      ]);
      expect(await introRequestReminders(store, owner, threeDaysOn)).toEqual([]);
      expect(await immediateFollowUps(store, owner, eightDaysOn)).toMatchObject([
        {
          personId: introducer,
          waitingDays: 8,
          introRequestId: request.id,
          interactionId: null,
          followUpId: null,
        },
      ]);
      expect(await immediateFollowUps(store, owner, threeDaysOn)).toEqual([]);
    });

    it("chases the target once introduced, after 14 days, and forgets met requests", async () => {
      const introducer = await person("Introducer");
      const target = await person("Target");
      const request = await store.create(owner, "introRequest", {
        targetId: target,
        introducerId: introducer,
        status: "introduced",
      });
      await store.create(owner, "introRequest", {
        targetId: introducer,
        introducerId: target,
        status: "met",
      });
      const realNow = Date.now();
      expect(
        await introRequestReminders(store, owner, { now: new Date(realNow + 13 * DAY) }),
      ).toEqual([]);
      expect(
        await introRequestReminders(store, owner, { now: new Date(realNow + 15 * DAY) }),
      ).toMatchObject([
        { introRequestId: request.id, status: "introduced", waitingDays: 15, personId: target },
      ]);
    });
  });
});
