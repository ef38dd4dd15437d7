/**
 * Keep-in-touch cadence rules (after Dex and Monica): an ideal and a maximum
 * gap in days, per person, else per category (the owner's override, else the
 * built-in default). People without categories or an override are not scheduled.
 */
import { badInput } from "../../errors.js";
import * as f from "../model/fields.js";
import { CATEGORIES, type Category, type Person } from "../model/person.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";

/** The cadence in effect for a person or a category, and where it came from. */
export interface CadenceRule {
  idealDays: number;
  maxDays: number;
  source: "person" | "category" | "default";
  category: Category | null;
}

type Gaps = { idealDays: number; maxDays: number };

/** Built-in keep-in-touch cadence per category (days): the maximum gap is about twice the ideal one. */
export const CADENCE_DEFAULTS: Readonly<Record<Category, Readonly<Gaps>>> = Object.freeze({
  family: Object.freeze({ idealDays: 14, maxDays: 30 }),
  client: Object.freeze({ idealDays: 30, maxDays: 60 }),
  mentor: Object.freeze({ idealDays: 60, maxDays: 120 }),
  investor: Object.freeze({ idealDays: 60, maxDays: 120 }),
  friend: Object.freeze({ idealDays: 90, maxDays: 180 }),
  vendor: Object.freeze({ idealDays: 90, maxDays: 180 }),
  recruiter: Object.freeze({ idealDays: 90, maxDays: 180 }),
  former_client: Object.freeze({ idealDays: 120, maxDays: 240 }),
  former_colleague: Object.freeze({ idealDays: 120, maxDays: 240 }),
  community: Object.freeze({ idealDays: 120, maxDays: 240 }),
  former_employer: Object.freeze({ idealDays: 180, maxDays: 365 }),
});

/** Every category with the cadence in effect for this owner: their override, or the default. */
export async function categoryCadences(
  store: NetworkStore,
  ownerId: string,
): Promise<Array<{ category: Category; idealDays: number; maxDays: number; isDefault: boolean }>> {
  const overrides = new Map((await listAll(store, ownerId, "cadence")).map((c) => [c.category, c]));
  return CATEGORIES.map((category) => {
    const override = overrides.get(category);
    const gaps = override ?? CADENCE_DEFAULTS[category];
    return {
      category,
      idealDays: gaps.idealDays,
      maxDays: gaps.maxDays,
      isDefault: override === undefined,
    };
  });
}

/** The owner's cadences keyed by category, as `cadenceFor` wants them. */
export async function cadenceMap(
  store: NetworkStore,
  ownerId: string,
): Promise<Map<Category, Gaps>> {
  return new Map(
    (await categoryCadences(store, ownerId)).map((c) => [
      c.category,
      { idealDays: c.idealDays, maxDays: c.maxDays },
    ]),
  );
}

/** Checks the gaps once for both targets, so the error names the same fields whichever target is set. */
function checkGaps(cadence: Gaps): Gaps {
  const idealDays = f.days("idealDays", cadence.idealDays);
  const maxDays = f.days("maxDays", cadence.maxDays);
  if (idealDays === null) throw badInput("idealDays", "is required");
  if (maxDays === null) throw badInput("maxDays", "is required");
  if (idealDays > maxDays) throw badInput("idealDays", "must not be longer than maxDays");
  return { idealDays, maxDays };
}

/**
 * Sets (or, with a null cadence, clears) the owner's cadence for one category or
 * one person; returns the rule now in effect there (null for a person who is not scheduled).
 */
export async function setCadence(
  store: NetworkStore,
  ownerId: string,
  target: { category?: Category | null; personId?: string | null },
  cadence: { idealDays: number; maxDays: number } | null,
): Promise<CadenceRule | null> {
  const hasCategory = target.category != null;
  const hasPerson = target.personId != null;
  if (hasCategory === hasPerson)
    throw badInput("target", "give exactly one of category or personId");
  const gaps = cadence === null ? null : checkGaps(cadence);

  if (hasPerson) {
    const person = await store.update(ownerId, "person", target.personId as string, {
      cadenceIdealDays: gaps?.idealDays ?? null,
      cadenceMaxDays: gaps?.maxDays ?? null,
    });
    return cadenceFor(person, await cadenceMap(store, ownerId));
  }

  const category = f.oneOf("category", target.category, CATEGORIES);
  if (gaps !== null) {
    const { record } = await store.upsert(ownerId, "cadence", { category, ...gaps });
    return { idealDays: record.idealDays, maxDays: record.maxDays, source: "category", category };
  }
  const stored = (await listAll(store, ownerId, "cadence")).filter((c) => c.category === category);
  for (const c of stored) await store.delete(ownerId, "cadence", c.id);
  return { ...CADENCE_DEFAULTS[category], source: "default", category };
}

/**
 * The rule for one person: their override, else the shortest ideal gap among their
 * categories' cadences, else null (people without categories are not scheduled: a
 * 2,000-connection LinkedIn import must not flood the lists). A half-set override
 * (only ideal or only max) fills the other half as max = 2 x ideal.
 * `byCategory` holds the owner's cadences (overrides merged over the defaults); a
 * category missing from it falls back to the default, and its rule says "default".
 */
export function cadenceFor(
  person: Person,
  byCategory: ReadonlyMap<Category, { idealDays: number; maxDays: number }>,
): CadenceRule | null {
  const { cadenceIdealDays: ideal, cadenceMaxDays: max } = person;
  if (ideal !== null || max !== null) {
    const idealDays = ideal ?? Math.max(1, Math.ceil((max as number) / 2));
    return { idealDays, maxDays: max ?? idealDays * 2, source: "person", category: null };
  }
  let best: CadenceRule | null = null;
  for (const category of person.categories) {
    const given = byCategory.get(category);
    const gaps = given ?? CADENCE_DEFAULTS[category];
    const isDefault =
      given === undefined ||
      (given.idealDays === CADENCE_DEFAULTS[category].idealDays &&
        given.maxDays === CADENCE_DEFAULTS[category].maxDays);
    const rule: CadenceRule = {
      idealDays: gaps.idealDays,
      maxDays: gaps.maxDays,
      source: isDefault ? "default" : "category",
      category,
    };
    if (
      best === null ||
      rule.idealDays < best.idealDays ||
      (rule.idealDays === best.idealDays && rule.maxDays < best.maxDays)
    )
      best = rule;
  }
  return best;
}
