/**
 * What an introduction request would say, without storing it: the warmest path
 * to the target (or the one through the named introducer), and the double opt-in
 * message to its first introducer. createIntroRequest stores this plan; an
 * assistant shows it as a draft (warmpath never sends anything).
 */
import { badInput } from "../../errors.js";
import * as f from "../model/fields.js";
import type { Person } from "../model/person.js";
import { findIntroPaths } from "../paths/find-paths.js";
import type { IntroPath } from "../paths/intro-path.js";
import { MAX_K_LIMIT } from "../paths/intro-paths.js";
import type { NetworkStore } from "../store/network-store.js";
import { currentEmployers } from "../current-employers.js";
import { MAX_PITCH_LENGTH } from "./elevator-pitch.js";
import { introRequestDraft } from "./intro-request-draft.js";

export interface IntroRequestPlanInput {
  targetId: string;
  /** Whom to ask; default: the first introducer of the warmest path. */
  introducerId?: string | null;
  /** The owner's own words on why they ask; goes into the message. */
  note?: string | null;
  /** A pitch for this message only; default: the owner's stored elevator pitch. */
  pitch?: string | null;
}

export interface IntroRequestPlan {
  target: Person;
  introducer: Person;
  path: IntroPath;
  message: string;
  /** The forwardable part of the message, at most three sentences. */
  blurb: string;
}

/**
 * The plan of a request (see createIntroRequest for the rules and their errors). No path ->
 * badInput("targetId", <the engine's noPathReason>); an introducer that starts no path ->
 * badInput("introducerId", ...); no pitch given or stored -> badInput("elevatorPitch", ...).
 */
export async function planIntroRequest(
  store: NetworkStore,
  ownerId: string,
  input: IntroRequestPlanInput,
): Promise<IntroRequestPlan> {
  const note = f.optionalText("note", input.note, 2_000);
  const pitch = f.optionalText("pitch", input.pitch, MAX_PITCH_LENGTH);
  const [self, target] = await Promise.all([
    store.getSelf(ownerId),
    store.get(ownerId, "person", input.targetId),
  ]);
  if (target.id === self.id) throw badInput("targetId", "that is you");
  const wanted = input.introducerId ?? null;
  if (wanted !== null) {
    await store.get(ownerId, "person", wanted);
    if (wanted === self.id)
      throw badInput("introducerId", "the introducer is someone other than you");
    if (wanted === target.id) throw badInput("introducerId", "must differ from the target");
  }
  // One path per first introducer; when the owner names one, look at all of them so theirs is found.
  const { paths, noPathReason } = await findIntroPaths(
    store,
    ownerId,
    { personId: target.id },
    wanted === null ? {} : { k: MAX_K_LIMIT },
  );
  if (paths.length === 0)
    throw badInput("targetId", noPathReason ?? `there is no path to ${target.name}`);
  const path =
    wanted === null ? paths[0]! : paths.find((p) => p.people.length > 2 && p.people[1] === wanted);
  if (path === undefined)
    throw badInput(
      "introducerId",
      `they start no path to ${target.name} within the default limits; pick one of the suggested introducers`,
    );
  if (path.people.length === 2)
    throw badInput(
      "targetId",
      "you already know them: write to them directly, or name an introducer",
    );
  const elevatorPitch = pitch ?? self.elevatorPitch;
  if (!elevatorPitch) throw badInput("elevatorPitch", "set your elevator pitch first");

  const [introducer, employers] = await Promise.all([
    store.get(ownerId, "person", path.people[1]!),
    currentEmployers(store, ownerId, [target.id]),
  ]);
  const targetCompany = employers.get(target.id)?.[0] ?? null;
  const { message, blurb } = introRequestDraft({
    owner: { ...self, elevatorPitch },
    introducer,
    target,
    targetCompany,
    note,
  });
  return { target, introducer, path, message, blurb };
}
