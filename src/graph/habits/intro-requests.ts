/**
 * The double opt-in introduction pipeline: a request is drafted along the
 * path the engine chose, asked, accepted or declined by the target (through
 * the introducer), introduced, and met. The outcome feeds back into the
 * network: an introduction makes a tie and a favor owed, a meeting warms the tie.
 */
import { badInput } from "../../errors.js";
import * as f from "../model/fields.js";
import {
  INTRO_REQUEST_STATUSES,
  type IntroRequest,
  type IntroRequestStatus,
} from "../model/intro-request.js";
import { provenanceRank } from "../model/tie.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { findTie } from "../ties.js";
import { recordFavor } from "./favors.js";
import { planIntroRequest, type IntroRequestPlanInput } from "./intro-request-plan.js";
import { calendarDay, daysBetween } from "./calendar-days.js";

/** The allowed moves of the pipeline: drafted->asked; asked->accepted|declined; accepted->introduced|declined; introduced->met; declined and met are final. */
export const INTRO_REQUEST_TRANSITIONS: Readonly<
  Record<IntroRequestStatus, readonly IntroRequestStatus[]>
> = Object.freeze({
  drafted: Object.freeze(["asked"] as const),
  asked: Object.freeze(["accepted", "declined"] as const),
  accepted: Object.freeze(["introduced", "declined"] as const),
  declined: Object.freeze([] as const),
  introduced: Object.freeze(["met"] as const),
  met: Object.freeze([] as const),
});

export type CreateIntroRequestInput = Omit<IntroRequestPlanInput, "pitch">;

/** Creates a request from a path chosen by the engine: the warmest path to the target (findIntroPaths, default limits) whose first introducer is `introducerId` when given, else the warmest. No path -> badInput("targetId", <the engine's noPathReason>); an introducer that starts no path -> badInput("introducerId", ...); the owner has no elevator pitch -> badInput("elevatorPitch", "set your elevator pitch first"). Stores the drafted message (planIntroRequest makes it). */
export async function createIntroRequest(
  store: NetworkStore,
  ownerId: string,
  input: CreateIntroRequestInput,
  options: { now?: Date } = {},
): Promise<IntroRequest> {
  const now = options.now ?? new Date();
  const { target, introducer, path, message } = await planIntroRequest(store, ownerId, {
    targetId: input.targetId,
    introducerId: input.introducerId ?? null,
    note: input.note ?? null,
  });
  return store.create(ownerId, "introRequest", {
    targetId: target.id,
    introducerId: introducer.id,
    path: path.people,
    status: "drafted",
    message,
    statusChangedAt: now,
  });
}

/** Moves a request along the pipeline (a move not in INTRO_REQUEST_TRANSITIONS -> badInput("status", "cannot go from asked to met")). The outcome feeds back: on "introduced" the owner and the target get a tie with provenance "introduction" (created, or upgraded when weaker), and a favor received from the introducer (kind introduction) is recorded; on "met" a mutual meeting interaction with the target is logged at now and the tie's lastInteraction is set, so the tie warms. */
export async function setIntroRequestStatus(
  store: NetworkStore,
  ownerId: string,
  id: string,
  status: IntroRequestStatus,
  options: { outcome?: string | null; now?: Date } = {},
): Promise<IntroRequest> {
  f.oneOf("status", status, INTRO_REQUEST_STATUSES);
  const now = options.now ?? new Date();
  const request = await store.get(ownerId, "introRequest", id);
  if (!INTRO_REQUEST_TRANSITIONS[request.status].includes(status))
    throw badInput("status", `cannot go from ${request.status} to ${status}`);
  // The feedback is written before the status, so a failure leaves the request where it was and the move can be retried.
  if (status === "introduced") await feedBackIntroduction(store, ownerId, request, now);
  if (status === "met") await feedBackMeeting(store, ownerId, request, now);
  return store.update(ownerId, "introRequest", id, {
    status,
    statusChangedAt: now,
    ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
  });
}

/** Introduced: the owner now knows the target through an introduction, and owes the introducer one. */
async function feedBackIntroduction(
  store: NetworkStore,
  ownerId: string,
  request: IntroRequest,
  now: Date,
): Promise<void> {
  const today = calendarDay(now);
  const [self, target] = await Promise.all([
    store.getSelf(ownerId),
    store.get(ownerId, "person", request.targetId),
  ]);
  const tie = await findTie(store, ownerId, self.id, target.id);
  if (tie === null) {
    await store.create(ownerId, "tie", {
      personA: self.id,
      personB: target.id,
      provenance: "introduction",
      since: today,
    });
  } else if (provenanceRank(tie.provenance) > provenanceRank("introduction")) {
    await store.update(ownerId, "tie", tie.id, { provenance: "introduction" });
  }
  // Named after the request, so a retried move (the status write failed after this one) records the favor once.
  const summary = `Introduced you to ${target.name} (request ${request.id})`;
  const favors = await listAll(store, ownerId, "favor", {
    personId: request.introducerId,
    direction: "received",
    kind: "introduction",
  });
  if (favors.some((f) => f.summary === summary)) return;
  await recordFavor(
    store,
    ownerId,
    {
      personId: request.introducerId,
      direction: "received",
      kind: "introduction",
      date: today,
      summary,
    },
    { now },
  );
}

/** Met: a meeting is logged, and the tie's last interaction moves to today so its warmth rises. */
async function feedBackMeeting(
  store: NetworkStore,
  ownerId: string,
  request: IntroRequest,
  now: Date,
): Promise<void> {
  const today = calendarDay(now);
  const [self, target, introducer] = await Promise.all([
    store.getSelf(ownerId),
    store.get(ownerId, "person", request.targetId),
    store.get(ownerId, "person", request.introducerId),
  ]);
  await store.create(ownerId, "interaction", {
    personId: target.id,
    kind: "meeting",
    at: now,
    direction: "mutual",
    summary: `Met ${target.name}, introduced by ${introducer.name}`,
  });
  const tie = await findTie(store, ownerId, self.id, target.id);
  if (tie === null) {
    // The tie was removed after the introduction; the meeting proves it again.
    await store.create(ownerId, "tie", {
      personA: self.id,
      personB: target.id,
      provenance: "introduction",
      since: today,
      lastInteraction: today,
    });
  } else if (tie.lastInteraction === null || tie.lastInteraction < today) {
    await store.update(ownerId, "tie", tie.id, { lastInteraction: today });
  }
}

/** A request with how long it has waited in its current status: patience has a measure. */
export interface IntroRequestView extends IntroRequest {
  /** Whole calendar days since the status last changed. */
  waitingDays: number;
}

/** The owner's introduction requests, optionally in one status, newest status change first, each with its waiting days. */
export async function introRequests(
  store: NetworkStore,
  ownerId: string,
  options: { status?: IntroRequestStatus | null; now?: Date } = {},
): Promise<IntroRequestView[]> {
  const status = f.optionalOneOf("status", options.status, INTRO_REQUEST_STATUSES);
  const today = calendarDay(options.now ?? new Date());
  const requests = await listAll(store, ownerId, "introRequest", status === null ? {} : { status });
  return requests.map((r) => ({
    ...r,
    waitingDays: Math.max(0, daysBetween(calendarDay(r.statusChangedAt ?? r.createdAt), today)),
  }));
}
