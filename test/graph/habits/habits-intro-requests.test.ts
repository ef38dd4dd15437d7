import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import {
  findTie,
  type IntroRequestStatus,
  type NetworkStore,
  type Person,
} from "../../../src/graph/index.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { setElevatorPitch } from "../../../src/graph/habits/elevator-pitch.js";
import { introRequestDraft, sentenceCount } from "../../../src/graph/habits/intro-request-draft.js";
import {
  createIntroRequest,
  introRequests,
  INTRO_REQUEST_TRANSITIONS,
  setIntroRequestStatus,
} from "../../../src/graph/habits/intro-requests.js";
import { listAll } from "../../../src/graph/store/list-all.js";
import { newRecord } from "../../../src/graph/store/record-ops.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const PITCH =
  "I build payment systems that do not go down. Ten years at Initech; now looking for a staff role in fintech.";

let store: NetworkStore;
beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
});
afterAll(() => store.close());

/**
 * A fresh owner: me-ann-target (0.9 * 0.8 = 0.72), me-bob-target (0.5 * 0.9 = 0.45),
 * carl whom the owner knows and who knows nobody else, and loner with no ties.
 * The target is a VP at Acme.
 */
async function network(options: { pitch?: boolean } = {}) {
  const owner = `intro-${randomUUID()}`;
  const id: Record<string, string> = {
    me: (await store.ensureOwner(owner, { name: "Maya Lopez", title: "Staff Engineer" })).id,
  };
  for (const name of ["Ann Lee", "Bob Ray", "Tara Singh", "Carl Diaz", "Lone Wolf"])
    id[name.split(" ")[0]!.toLowerCase()] = (await store.create(owner, "person", { name })).id;
  await store.update(owner, "person", id.tara!, { title: "VP Engineering" });
  const acme = await store.create(owner, "organization", { name: "Acme" });
  await store.create(owner, "employment", {
    personId: id.tara!,
    organizationId: acme.id,
    from: "2021-01-01",
  });
  const tie = (a: string, b: string, strength: number) =>
    store.create(owner, "tie", { personA: id[a]!, personB: id[b]!, strength });
  await tie("me", "ann", 0.9);
  await tie("ann", "tara", 0.8);
  await tie("me", "bob", 0.5);
  await tie("bob", "tara", 0.9);
  await tie("me", "carl", 0.9);
  if (options.pitch !== false) await setElevatorPitch(store, owner, PITCH);
  return { owner, id };
}

describe("setElevatorPitch", () => {
  it("stores the trimmed pitch on the owner's own person", async () => {
    const { owner } = await network({ pitch: false });
    const self = await setElevatorPitch(store, owner, `  ${PITCH}\n`);
    expect(self.isSelf).toBe(true);
    expect(self.elevatorPitch).toBe(PITCH);
    expect((await store.getSelf(owner)).elevatorPitch).toBe(PITCH);
  });

  it("rejects an empty pitch and one longer than 2,000 characters on the field pitch", async () => {
    const { owner } = await network({ pitch: false });
    await expectError(setElevatorPitch(store, owner, "   "), ErrorCode.BAD_USER_INPUT, "pitch");
    await expectError(
      setElevatorPitch(store, owner, "x".repeat(2_001)),
      ErrorCode.BAD_USER_INPUT,
      "pitch",
    );
    expect(
      (await setElevatorPitch(store, owner, ` ${"x".repeat(2_000)} `)).elevatorPitch,
    ).toHaveLength(2_000);
  });
});

describe("sentenceCount", () => {
  it("counts sentences by their ends, and a last one without a full stop", () => {
    expect(sentenceCount("")).toBe(0);
    expect(sentenceCount("   ")).toBe(0);
    expect(sentenceCount("One.")).toBe(1);
    expect(sentenceCount("No full stop")).toBe(1);
    expect(sentenceCount("One. Two! Three?")).toBe(3);
    expect(sentenceCount('She said "yes." Then left')).toBe(2);
    expect(sentenceCount("Worth 3.5 million at acme.com. Really")).toBe(2);
    expect(sentenceCount("Wait... what?!")).toBe(2);
  });
});

describe("introRequestDraft", () => {
  // A person as the store would hold it, built by the model itself.
  const person = (name: string, extra: Partial<Person> = {}): Person => ({
    ...newRecord("o", "person", { name }),
    ...extra,
  });
  const owner = person("Maya Lopez", {
    title: "Staff Engineer",
    elevatorPitch: PITCH,
    isSelf: true,
    notes: "PRIVATE",
  });
  const ann = person("Ann Lee");
  const tara = person("Tara Singh", { title: "VP Engineering" });

  it("asks the introducer to check with the target first, and carries the pitch and the blurb", () => {
    const { message, blurb } = introRequestDraft({
      owner,
      introducer: ann,
      target: tara,
      targetCompany: "Acme",
    });
    expect(message.startsWith("Hi Ann,")).toBe(true);
    expect(message).toContain("introduce me to Tara Singh (VP Engineering at Acme)");
    expect(message).toContain("check with Tara first");
    expect(message).toContain(PITCH);
    expect(message).toContain(blurb);
    expect(message).not.toContain("PRIVATE");
    expect(blurb).toBe(
      "I'm Maya Lopez, Staff Engineer. I would be grateful for twenty minutes of your time to hear about your work at Acme. I am reaching out because of your role as VP Engineering at Acme.",
    );
    expect(sentenceCount(blurb)).toBe(3);
  });

  it("uses a one-sentence note as the blurb's reason, and keeps a longer one for the introducer only", () => {
    const short = introRequestDraft({
      owner,
      introducer: ann,
      target: tara,
      targetCompany: null,
      note: "Your team's work on payments is the best I know.",
    });
    expect(short.blurb.endsWith("Your team's work on payments is the best I know.")).toBe(true);
    const note = "I am moving into fintech. Acme leads it. Any pointers help!";
    const long = introRequestDraft({
      owner,
      introducer: ann,
      target: tara,
      targetCompany: "Acme",
      note,
    });
    expect(long.message).toContain(note);
    expect(long.blurb).not.toContain("fintech");
    expect(sentenceCount(long.blurb)).toBe(3);
  });

  it("never lets the blurb run past three sentences, whatever the names, titles and note say", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "b", " ", ".", "!", "?", '"', ")", "\n", "\u2019"),
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        text,
        fc.option(text),
        text,
        fc.option(text),
        fc.option(text),
        (name, title, targetName, company, note) => {
          const { blurb } = introRequestDraft({
            owner: person(`M${name}`, { title, elevatorPitch: PITCH }),
            introducer: ann,
            target: person(`T${targetName}`, { title }),
            targetCompany: company,
            note,
          });
          expect(sentenceCount(blurb)).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 500 },
    );
    const odd = introRequestDraft({
      owner: person("Dr. Ann Smith Jr.", { title: "Sr. Engineer. Ex-Google!" }),
      introducer: ann,
      target: tara,
      targetCompany: 'Acme Inc." Europe.',
      note: null,
    });
    expect(sentenceCount(odd.blurb)).toBe(3);
  });
});

describe("createIntroRequest", () => {
  it("drafts a request along the warmest path, first introducer ann, with the pitch in the message", async () => {
    const { owner, id } = await network();
    const request = await createIntroRequest(store, owner, { targetId: id.tara! }, { now: NOW });
    expect(request).toMatchObject({
      targetId: id.tara,
      introducerId: id.ann,
      path: [id.me, id.ann, id.tara],
      status: "drafted",
      statusChangedAt: NOW.toISOString(),
      outcome: null,
    });
    expect(request.message).toContain(PITCH);
    expect(request.message).toContain("Hi Ann,");
    expect(request.message).toContain("VP Engineering at Acme");
    expect((await store.get(owner, "introRequest", request.id)).message).toBe(request.message);
  });

  it("takes the named introducer's path instead", async () => {
    const { owner, id } = await network();
    const request = await createIntroRequest(
      store,
      owner,
      { targetId: id.tara!, introducerId: id.bob!, note: "We met at PyCon." },
      { now: NOW },
    );
    expect(request.introducerId).toBe(id.bob);
    expect(request.path).toEqual([id.me, id.bob, id.tara]);
    expect(request.message).toContain("Hi Bob,");
    expect(request.message).toContain("We met at PyCon.");
  });

  it("rejects a target without a path, a known target, and an introducer who starts no path, each by field", async () => {
    const { owner, id } = await network();
    const none = await expectError(
      createIntroRequest(store, owner, { targetId: id.lone! }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "targetId",
    );
    expect(none.message).toMatch(/no warm path to Lone Wolf/);
    await expectError(
      createIntroRequest(store, owner, { targetId: id.carl! }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "targetId",
    );
    await expectError(
      createIntroRequest(store, owner, { targetId: id.me! }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "targetId",
    );
    await expectError(
      createIntroRequest(
        store,
        owner,
        { targetId: id.tara!, introducerId: id.carl! },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "introducerId",
    );
    await expectError(
      createIntroRequest(
        store,
        owner,
        { targetId: id.tara!, introducerId: id.tara! },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "introducerId",
    );
    await expectError(
      createIntroRequest(store, owner, { targetId: id.tara!, introducerId: id.me! }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "introducerId",
    );
    await expectError(
      createIntroRequest(store, owner, { targetId: "per_missing" }, { now: NOW }),
      ErrorCode.NOT_FOUND,
    );
    await expectError(
      createIntroRequest(
        store,
        owner,
        { targetId: id.tara!, introducerId: "per_missing" },
        { now: NOW },
      ),
      ErrorCode.NOT_FOUND,
    );
    expect(await listAll(store, owner, "introRequest")).toEqual([]);
  });

  it("asks for the elevator pitch first", async () => {
    const { owner, id } = await network({ pitch: false });
    await expectError(
      createIntroRequest(store, owner, { targetId: id.tara! }, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "elevatorPitch",
    );
  });
});

describe("setIntroRequestStatus", () => {
  /** The moves that bring a fresh request to each status. */
  const ROUTE: Record<IntroRequestStatus, IntroRequestStatus[]> = {
    drafted: [],
    asked: ["asked"],
    accepted: ["asked", "accepted"],
    declined: ["asked", "declined"],
    introduced: ["asked", "accepted", "introduced"],
    met: ["asked", "accepted", "introduced", "met"],
  };
  const requestIn = async (status: IntroRequestStatus) => {
    const { owner, id } = await network();
    let request = await createIntroRequest(store, owner, { targetId: id.tara! }, { now: NOW });
    for (const step of ROUTE[status])
      request = await setIntroRequestStatus(store, owner, request.id, step, { now: NOW });
    return { owner, id, request };
  };

  it("knows the pipeline: drafted, asked, accepted or declined, introduced, met", () => {
    expect(INTRO_REQUEST_TRANSITIONS).toEqual({
      drafted: ["asked"],
      asked: ["accepted", "declined"],
      accepted: ["introduced", "declined"],
      declined: [],
      introduced: ["met"],
      met: [],
    });
    expect(Object.isFrozen(INTRO_REQUEST_TRANSITIONS)).toBe(true);
  });

  it("allows every move of the pipeline and stamps the time of the move", async () => {
    for (const [from, tos] of Object.entries(INTRO_REQUEST_TRANSITIONS) as [
      IntroRequestStatus,
      IntroRequestStatus[],
    ][]) {
      for (const to of tos) {
        const { owner, request } = await requestIn(from);
        const later = new Date("2026-11-25T08:00:00Z");
        const moved = await setIntroRequestStatus(store, owner, request.id, to, {
          now: later,
          outcome: `${from} to ${to}`,
        });
        expect([moved.status, moved.statusChangedAt, moved.outcome]).toEqual([
          to,
          later.toISOString(),
          `${from} to ${to}`,
        ]);
      }
    }
  });

  it("refuses moves outside the pipeline on the field status", async () => {
    const forbidden: [IntroRequestStatus, IntroRequestStatus][] = [
      ["drafted", "accepted"],
      ["drafted", "drafted"],
      ["asked", "met"],
      ["asked", "introduced"],
      ["declined", "asked"],
      ["met", "introduced"],
    ];
    for (const [from, to] of forbidden) {
      const { owner, request } = await requestIn(from);
      const e = await expectError(
        setIntroRequestStatus(store, owner, request.id, to, { now: NOW }),
        ErrorCode.BAD_USER_INPUT,
        "status",
      );
      expect(e.message).toContain(`cannot go from ${from} to ${to}`);
      expect((await store.get(owner, "introRequest", request.id)).status).toBe(from);
    }
    const { owner, request } = await requestIn("asked");
    await expectError(
      setIntroRequestStatus(store, owner, request.id, "lost" as never, { now: NOW }),
      ErrorCode.BAD_USER_INPUT,
      "status",
    );
    await expectError(
      setIntroRequestStatus(store, owner, "irq_missing", "accepted", { now: NOW }),
      ErrorCode.NOT_FOUND,
    );
  });

  it("after an introduction, the owner and the target share a tie by introduction and the introducer's favor is recorded", async () => {
    const { owner, id } = await requestIn("introduced");
    const tie = await findTie(store, owner, id.me!, id.tara!);
    expect(tie).toMatchObject({ provenance: "introduction", since: "2026-11-22" });
    const favors = await listAll(store, owner, "favor", { personId: id.ann! });
    expect(favors).toHaveLength(1);
    expect(favors[0]).toMatchObject({
      direction: "received",
      kind: "introduction",
      date: "2026-11-22",
    });
    expect(favors[0]!.summary).toContain("Tara Singh");
  });

  it("upgrades a weaker tie to the target on introduction, and keeps one entered by hand", async () => {
    for (const [before, after] of [
      ["linkedin", "introduction"],
      ["manual", "manual"],
    ] as const) {
      const { owner, id } = await network();
      await store.create(owner, "tie", {
        personA: id.me!,
        personB: id.tara!,
        provenance: before,
        since: "2019-05-01",
      });
      let request = await createIntroRequest(
        store,
        owner,
        { targetId: id.tara!, introducerId: id.ann! },
        { now: NOW },
      );
      for (const step of ROUTE.introduced)
        request = await setIntroRequestStatus(store, owner, request.id, step, { now: NOW });
      expect(await findTie(store, owner, id.me!, id.tara!)).toMatchObject({
        provenance: after,
        since: "2019-05-01",
      });
    }
  });

  it("after a meeting, a mutual meeting with the target is logged and the tie's last interaction is today", async () => {
    const { owner, id } = await requestIn("met");
    const meetings = await listAll(store, owner, "interaction", { personId: id.tara! });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      kind: "meeting",
      direction: "mutual",
      at: NOW.toISOString(),
    });
    expect((await findTie(store, owner, id.me!, id.tara!))!.lastInteraction).toBe("2026-11-22");
  });
});

describe("introRequests", () => {
  it("lists requests with the days each has waited in its status, optionally by status", async () => {
    const { owner, id } = await network();
    const old = await createIntroRequest(
      store,
      owner,
      { targetId: id.tara! },
      { now: new Date("2026-11-01T09:00:00Z") },
    );
    await setIntroRequestStatus(store, owner, old.id, "asked", {
      now: new Date("2026-11-02T23:30:00Z"),
    });
    const fresh = await createIntroRequest(
      store,
      owner,
      { targetId: id.tara!, introducerId: id.bob! },
      { now: NOW },
    );
    const all = await introRequests(store, owner, { now: NOW });
    expect(all.map((r) => [r.id, r.status, r.waitingDays])).toEqual([
      [fresh.id, "drafted", 0],
      [old.id, "asked", 20],
    ]);
    expect(
      (await introRequests(store, owner, { status: "asked", now: NOW })).map((r) => r.id),
    ).toEqual([old.id]);
    expect(await introRequests(store, owner, { status: "met", now: NOW })).toEqual([]);
    await expectError(
      introRequests(store, owner, { status: "lost" as never }),
      ErrorCode.BAD_USER_INPUT,
      "status",
    );
  });

  it("keeps the status time given to the model, and rejects one that is not a date-time", async () => {
    const { owner, id } = await network();
    const base = { targetId: id.tara!, introducerId: id.ann!, path: [id.me!, id.ann!, id.tara!] };
    const stored = await store.create(owner, "introRequest", {
      ...base,
      statusChangedAt: "2026-10-01T10:00:00Z",
    });
    expect(stored.statusChangedAt).toBe("2026-10-01T10:00:00.000Z");
    // A patch that leaves the status alone leaves its time alone.
    expect(
      (await store.update(owner, "introRequest", stored.id, { outcome: "pending" }))
        .statusChangedAt,
    ).toBe("2026-10-01T10:00:00.000Z");
    await expectError(
      store.create(owner, "introRequest", { ...base, statusChangedAt: "yesterday" }),
      ErrorCode.BAD_USER_INPUT,
      "statusChangedAt",
    );
    await expectError(
      store.update(owner, "introRequest", stored.id, { status: "asked", statusChangedAt: "soon" }),
      ErrorCode.BAD_USER_INPUT,
      "statusChangedAt",
    );
  });
});
