/** Where they work and worked, and the groups they belong to (chambers, clubs, alumni). */
import type { PersonRecords } from "./people.documents";
import { day, lowerWords } from "./person-words";

const span = (from: string | null, to: string | null, current: boolean): string =>
  current
    ? from
      ? `since ${day(from)}`
      : "now"
    : [from ? day(from) : "?", to ? day(to) : "?"].join(" to ");

export function PersonWork({
  employment,
  memberships,
}: Pick<PersonRecords, "employment" | "memberships">) {
  return (
    <section className="person__section" aria-labelledby="person-work-title">
      <h3 id="person-work-title">Work and groups</h3>
      <h4>Employment</h4>
      {employment.length === 0 ? (
        <p>No employment recorded.</p>
      ) : (
        <ul className="person__list">
          {employment.map((e) => (
            <li key={e.id}>
              <strong>{e.organization.name}</strong>
              {e.title ? `, ${e.title}` : ""} ({span(e.from, e.to, e.current)})
              {e.current ? <span className="tag">Current</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h4>Groups</h4>
      {memberships.length === 0 ? (
        <p>No groups recorded.</p>
      ) : (
        <ul className="person__list">
          {memberships.map((m) => (
            <li key={m.id}>
              <strong>{m.organization.name}</strong> ({lowerWords(m.organization.kind)})
              {m.role ? `, ${m.role}` : ""}
              {m.since || m.until ? ` (${span(m.since, m.until, m.until === null)})` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
