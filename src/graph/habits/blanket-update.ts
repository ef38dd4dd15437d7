/**
 * The blanket update: one short note on what the owner has been up to,
 * personalized slightly for each person and sent to many. warmpath renders one
 * draft per recipient and never sends e-mail itself; when the owner says the
 * batch went out, each recipient gets an outbound e-mail logged and is marked
 * "ask for their news".
 */
import { badInput, isWarmpathError, notFound } from "../../errors.js";
import type { Draft, DraftInput } from "../model/draft.js";
import { draftSpec } from "../model/draft.js";
import * as f from "../model/fields.js";
import { CATEGORIES, type Category, type Person } from "../model/person.js";
import { currentEmployers } from "../current-employers.js";
import { printableText } from "../export/printable-text.js";
import { newId } from "../store/ids.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { losingTouch } from "./losing-touch.js";
import { nextContacts } from "./next-contacts.js";
import { parseTemplate, renderTemplate, type Placeholder } from "./update-template.js";

/** The keep-in-touch lists an update can go to. */
export const RECIPIENT_LISTS = ["next_contact", "losing_touch"] as const;
export type RecipientList = (typeof RECIPIENT_LISTS)[number];

/** Who gets the update: the union of everyone in the category, everyone with the tag, everyone on the list and the people named. */
export interface UpdateRecipients {
  category?: Category | null;
  tag?: string | null;
  list?: RecipientList | null;
  personIds?: readonly string[] | null;
}

export interface DraftUpdateInput {
  subject: string;
  template: string;
  recipients: UpdateRecipients;
}

/** The copies rendered by one draftUpdate, under the batch id that names the update. */
export interface DraftedUpdate {
  batch: string;
  drafts: Draft[];
}

export interface UpdateOptions {
  now?: Date;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Renders a template (subject and body may both use placeholders) for every chosen recipient into drafts, one per person, under a new batch id. */
export async function draftUpdate(
  store: NetworkStore,
  ownerId: string,
  input: DraftUpdateInput,
  options: UpdateOptions = {},
): Promise<DraftedUpdate> {
  const now = options.now ?? new Date();
  if (typeof input.subject !== "string" || input.subject.trim() === "")
    throw badInput("subject", "must not be empty");
  if (typeof input.template !== "string" || input.template.trim() === "")
    throw badInput("template", "must not be empty");
  const subject = parseTemplate(input.subject, "subject");
  const body = parseTemplate(input.template, "template");
  const recipients = await chooseRecipients(store, ownerId, input.recipients ?? {}, now);
  const self = await store.getSelf(ownerId);
  const companies = await currentEmployers(
    store,
    ownerId,
    recipients.map((p) => p.id),
  );
  const batch = newId("upd", now.getTime());

  // Render and validate every copy before writing any, so a bad template leaves no half batch behind.
  const inputs: DraftInput[] = recipients.map((person) => {
    const values = placeholderValues(person, self, companies.get(person.id)?.[0] ?? null);
    const copy: DraftInput = {
      batch,
      personId: person.id,
      to: person.emails[0] ?? null,
      subject: renderTemplate(subject, values),
      body: renderTemplate(body, values),
    };
    if (copy.subject.trim() === "")
      throw badInput(
        "subject",
        `renders empty for ${person.name}; add text around the placeholders`,
      );
    if (copy.body.trim() === "")
      throw badInput(
        "template",
        `renders empty for ${person.name}; add text around the placeholders`,
      );
    checkCopy(copy, person.name);
    return copy;
  });
  const drafts: Draft[] = [];
  for (const copy of inputs) drafts.push(await store.create(ownerId, "draft", copy));
  return { batch, drafts };
}

/** The draft model's own checks (lengths), reported on the API's field names: the body comes from `template`. */
function checkCopy(copy: DraftInput, name: string): void {
  try {
    draftSpec.create(copy);
  } catch (e) {
    if (isWarmpathError(e) && (e.field === "body" || e.field === "subject"))
      throw badInput(
        e.field === "body" ? "template" : "subject",
        `${e.message} (rendered for ${name})`,
      );
    throw e;
  }
}

/**
 * The values for one recipient: first name, full name, current company, latest
 * news and an interest shared with the owner (each "" when unknown). Each is
 * one line of printable text, so a value from an imported file cannot add
 * lines to a copy (a fake separator or header in the text export).
 */
export function placeholderValues(
  person: Person,
  owner: Person,
  company: string | null,
): Record<Placeholder, string> {
  const name = printableText(person.name);
  return {
    firstName: name.trim().split(/\s+/)[0] ?? "",
    name,
    company: printableText(company ?? ""),
    latestNews: printableText(person.news ?? ""),
    sharedInterest: printableText(sharedInterest(person, owner)),
  };
}

/** The first interest or hobby of theirs the owner shares (ignoring case), else their first interest: where a conversation can start. */
function sharedInterest(person: Person, owner: Person): string {
  const owners = new Set([...owner.interests, ...owner.hobbies].map((s) => s.toLowerCase()));
  return (
    [...person.interests, ...person.hobbies].find((s) => owners.has(s.toLowerCase())) ??
    person.interests[0] ??
    ""
  );
}

/** Everyone chosen, without duplicates or the owner, ordered by name. */
async function chooseRecipients(
  store: NetworkStore,
  ownerId: string,
  recipients: UpdateRecipients,
  now: Date,
): Promise<Person[]> {
  const category = f.optionalOneOf("recipients.category", recipients.category, CATEGORIES);
  const tag = f.optionalText("recipients.tag", recipients.tag, 500)?.toLowerCase() ?? null;
  const list = f.optionalOneOf("recipients.list", recipients.list, RECIPIENT_LISTS);
  const ids = [...(recipients.personIds ?? [])];
  if (!Array.isArray(recipients.personIds ?? []))
    throw badInput("recipients.personIds", "must be a list of person ids");
  if (category === null && tag === null && list === null && ids.length === 0)
    throw badInput(
      "recipients",
      "choose a category, a tag, a list or people to send the update to",
    );
  if (list !== null) {
    const onList =
      list === "next_contact"
        ? await nextContacts(store, ownerId, { now })
        : await losingTouch(store, ownerId, { now });
    for (const entry of onList) if (!ids.includes(entry.personId)) ids.push(entry.personId);
  }

  const chosen = new Map<string, Person>();
  if (category !== null)
    for (const p of await listAll(store, ownerId, "person", { category })) chosen.set(p.id, p);
  if (tag !== null)
    for (const p of await listAll(store, ownerId, "person", { tag })) chosen.set(p.id, p);
  const named = await store.getMany(
    ownerId,
    "person",
    ids.map((id, i) => f.id(`recipients.personIds[${i}]`, id)),
  );
  named.forEach((p, i) => {
    if (p === null) throw notFound("person", ids[i]!, `recipients.personIds[${i}]`);
    chosen.set(p.id, p);
  });
  const people = [...chosen.values()].filter((p) => !p.isSelf);
  if (people.length === 0)
    throw badInput(
      "recipients",
      "nobody matches: the category, tag and list have no one in them but the owner",
    );
  return people.sort((a, b) => byKey(f.nameKey(a.name), f.nameKey(b.name)) || byKey(a.id, b.id));
}

/** Every copy of a batch, ordered by recipient name as they were drafted; NOT_FOUND for an unknown batch. */
export async function draftsOf(
  store: NetworkStore,
  ownerId: string,
  batch: string,
): Promise<Draft[]> {
  // An empty filter value means "no filter" to the store, so a blank batch must never reach it.
  if (typeof batch !== "string" || batch.trim() === "")
    throw badInput("batch", "must not be empty");
  const drafts = await listAll(store, ownerId, "draft", { batch });
  if (drafts.length === 0) throw notFound("update", batch, "batch");
  // Ids drafted within one millisecond do not sort in drafting order, so names decide.
  const people = await store.getMany(
    ownerId,
    "person",
    drafts.map((d) => d.personId),
  );
  const key = new Map(drafts.map((d, i) => [d.id, f.nameKey(people[i]?.name ?? "")]));
  return drafts.sort((a, b) => byKey(key.get(a.id)!, key.get(b.id)!) || byKey(a.id, b.id));
}

/** Marks a batch sent: each drafted copy becomes sent, an outbound e-mail is logged for its recipient, who is marked askForNews; copies already sent are left alone. */
export async function markUpdateSent(
  store: NetworkStore,
  ownerId: string,
  batch: string,
  options: UpdateOptions = {},
): Promise<Draft[]> {
  const now = options.now ?? new Date();
  const drafts = await draftsOf(store, ownerId, batch);
  const out: Draft[] = [];
  for (const draft of drafts) {
    if (draft.status === "sent") {
      out.push(draft);
      continue;
    }
    // The store has no multi-record transaction: the copy is marked sent last, so an
    // interrupted run is finished by running again rather than losing the logged e-mail.
    await store.create(ownerId, "interaction", {
      personId: draft.personId,
      kind: "email",
      at: now,
      direction: "outbound",
      summary: `Update: ${draft.subject}`,
    });
    await store.update(ownerId, "person", draft.personId, { askForNews: true });
    out.push(await store.update(ownerId, "draft", draft.id, { status: "sent", sentAt: now }));
  }
  return out;
}
