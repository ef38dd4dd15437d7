/** The owner's elevator pitch: a two-minute summary of skills and goals that goes with every introduction request. */
import { badInput } from "../../errors.js";
import type { Person } from "../model/person.js";
import type { NetworkStore } from "../store/network-store.js";

/** About two minutes of speech, with room to spare; the person model stores at most this much. */
export const MAX_PITCH_LENGTH = 2_000;

/** Sets the owner's two-minute pitch on their own person (trimmed; empty -> badInput("pitch", ...); longer than 2,000 characters -> badInput("pitch", ...)). */
export async function setElevatorPitch(
  store: NetworkStore,
  ownerId: string,
  pitch: string,
): Promise<Person> {
  if (typeof pitch !== "string") throw badInput("pitch", "must be a string");
  const text = pitch.trim();
  if (text === "")
    throw badInput("pitch", "must not be empty: two minutes on your skills and goals");
  if (text.length > MAX_PITCH_LENGTH)
    throw badInput(
      "pitch",
      `must be at most ${MAX_PITCH_LENGTH} characters (about two minutes spoken); it has ${text.length}`,
    );
  const self = await store.getSelf(ownerId);
  return store.update(ownerId, "person", self.id, { elevatorPitch: text });
}
