/**
 * What one search box means: a company, a person or a role. The text names an organization
 * when it is one's whole name, else a person when it is exactly one person's whole name, else
 * it is a role (anyone whose name, title or company has it: "VP Engineering", "recruiter").
 * The other readings are offered beside the answer, so a wrong guess is one click away.
 */
import type { Candidates, CandidatePerson, IntroTarget } from "./find.documents";
import type { TeamTarget } from "./find-team.documents";

export type SearchTarget =
  | { kind: "organization"; id: string; name: string }
  | { kind: "person"; id: string; name: string; detail: string | null }
  | { kind: "text"; text: string };

/** Case, accents and spacing do not matter: "chloé  nguyen" is Chloe Nguyen. */
export const searchKey = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** "Engineering Manager at Contoso": a person's role and current employers, when known. */
export function roleLine(person: Pick<CandidatePerson, "title" | "employment">): string | null {
  const employers = person.employment.filter((e) => e.current).map((e) => e.organization.name);
  const at = employers.length > 0 ? `at ${employers.join(", ")}` : null;
  if (person.title && at) return `${person.title} ${at}`;
  return person.title ?? (at ? `Works ${at}` : null);
}

/** Every reading of the text that the candidates allow, most likely first. */
export function readingsOf(text: string, candidates: Candidates): SearchTarget[] {
  const key = searchKey(text);
  const organizations = candidates.organizations.edges.map(({ node }): SearchTarget => ({
    kind: "organization",
    id: node.id,
    name: node.name,
  }));
  const people = candidates.people.edges
    .map((e) => e.node)
    .filter((p) => !p.isSelf)
    .map((p): SearchTarget => ({ kind: "person", id: p.id, name: p.name, detail: roleLine(p) }));
  const exact = (t: SearchTarget) => t.kind !== "text" && searchKey(t.name) === key;
  const exactOrganizations = organizations.filter(exact);
  const exactPeople = people.filter(exact);
  const role: SearchTarget = { kind: "text", text: text.trim() };
  const first: SearchTarget[] =
    exactOrganizations.length > 0
      ? exactOrganizations
      : exactPeople.length === 1
        ? exactPeople
        : [role];
  const rest = [...organizations, ...people, role].filter((t) => !first.includes(t));
  return [...first, ...rest];
}

/** Whether two readings are the same (a re-chosen reading compares equal to the original). */
export const sameTarget = (a: SearchTarget, b: SearchTarget): boolean =>
  a.kind === "text"
    ? b.kind === "text" && a.text === b.text
    : b.kind !== "text" && a.kind === b.kind && a.id === b.id;

/** The reading in words: "anyone at Fabrikam now". */
export function describeTarget(target: SearchTarget): string {
  switch (target.kind) {
    case "organization":
      return `anyone at ${target.name} now`;
    case "person":
      return target.detail ? `${target.name} (${target.detail})` : target.name;
    case "text":
      return `anyone whose name, title or company has “${target.text}”`;
  }
}

export function introTarget(target: SearchTarget): IntroTarget {
  switch (target.kind) {
    case "organization":
      return { organizationId: target.id };
    case "person":
      return { personId: target.id };
    case "text":
      return { filter: { text: target.text } };
  }
}

export function teamTarget(target: SearchTarget): TeamTarget {
  switch (target.kind) {
    case "organization":
      return { organizationId: target.id };
    case "person":
      return { personId: target.id };
    case "text":
      return { text: target.text };
  }
}
