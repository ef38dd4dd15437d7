/** A person of the drawing, as hovering (or choosing them in the list) shows them. */
import { Link } from "../../app/router";
import type { DrawnPerson } from "./see.documents";

export const roleOf = (person: DrawnPerson): string | null => {
  const at = person.employers.length > 0 ? `at ${person.employers.join(", ")}` : null;
  return [person.title, at].filter(Boolean).join(" ") || null;
};

export function distanceWords(person: DrawnPerson, centre: string): string {
  if (person.isSelf) return "You";
  if (person.depth === 0) return centre;
  return `${person.depth} ${person.depth === 1 ? "tie" : "ties"} out`;
}

export function PersonCard({
  person,
  ties,
  centre,
  onStep,
}: {
  person: DrawnPerson | null;
  ties: number;
  /** What depth 0 means here: "On the path", "Centre of the drawing", "Broker or community". */
  centre: string;
  onStep: (id: string) => void;
}) {
  return (
    <aside className="person-card" aria-label="Person" aria-live="polite">
      {person === null ? (
        <p className="hint">
          Point at someone in the drawing, or pick them in the list, to see who they are.
        </p>
      ) : (
        <>
          <h3 className="person-card__name">{person.isSelf ? "You" : person.name}</h3>
          {roleOf(person) ? <p className="person-card__role">{roleOf(person)}</p> : null}
          <p className="person-card__meta">
            {distanceWords(person, centre)} · {ties} {ties === 1 ? "tie" : "ties"} in this drawing
          </p>
          <div className="person-card__actions">
            <button type="button" className="button" onClick={() => onStep(person.id)}>
              Centre on {person.isSelf ? "you" : person.name}
            </button>
            {person.isSelf ? null : (
              <Link
                className="button button--quiet"
                to={`/find?q=${encodeURIComponent(person.name)}`}
              >
                Find paths to {person.name}
              </Link>
            )}
          </div>
        </>
      )}
    </aside>
  );
}
