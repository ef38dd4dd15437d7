/**
 * Dated follow-ups: "not hiring for six months" becomes a reminder on a day,
 * which can be snoozed to a later day or marked done.
 */
import { badInput } from "../../errors.js";
import * as f from "../model/fields.js";
import type { FollowUp, FollowUpList } from "../model/follow-up.js";
import type { NetworkStore } from "../store/network-store.js";
import { calendarDay } from "./calendar-days.js";

/**
 * The day a follow-up is due on the lists, or null while it is hidden: done ones
 * never show, and a snoozed one counts as due on max(due, snoozedUntil) once that day has come.
 */
export function followUpDueOn(followUp: FollowUp, today: string): string | null {
  if (followUp.status === "done") return null;
  if (followUp.status === "snoozed" && followUp.snoozedUntil !== null) {
    if (followUp.snoozedUntil > today) return null;
    return followUp.snoozedUntil > followUp.due ? followUp.snoozedUntil : followUp.due;
  }
  return followUp.due;
}

/** A dated follow-up ("not hiring for six months: come back on 2027-05-20"); the due date may not be in the past (today is allowed). */
export async function addFollowUp(
  store: NetworkStore,
  ownerId: string,
  input: { personId: string; due: string; reason?: string | null; list?: FollowUpList | null },
  options: { now?: Date } = {},
): Promise<FollowUp> {
  const due = f.requiredDate("due", input.due);
  if (due < calendarDay(options.now ?? new Date()))
    throw badInput("due", "must not be in the past");
  return store.create(ownerId, "followUp", {
    personId: input.personId,
    due,
    reason: input.reason ?? null,
    list: input.list ?? "next_contact",
  });
}

/** Hides a follow-up until a later date (after today); it comes back on the lists then. */
export async function snoozeFollowUp(
  store: NetworkStore,
  ownerId: string,
  id: string,
  until: string,
  options: { now?: Date } = {},
): Promise<FollowUp> {
  const day = f.requiredDate("until", until);
  if (day <= calendarDay(options.now ?? new Date())) throw badInput("until", "must be after today");
  const current = await store.get(ownerId, "followUp", id);
  if (current.status === "done") throw badInput("id", "the follow-up is already done");
  return store.update(ownerId, "followUp", id, { status: "snoozed", snoozedUntil: day });
}

/** Marks a follow-up done, so it never shows again; completing a done one changes nothing. */
export async function completeFollowUp(
  store: NetworkStore,
  ownerId: string,
  id: string,
): Promise<FollowUp> {
  const current = await store.get(ownerId, "followUp", id);
  if (current.status === "done") return current;
  return store.update(ownerId, "followUp", id, { status: "done" });
}
