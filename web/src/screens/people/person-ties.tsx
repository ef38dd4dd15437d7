/** Whom this person knows, each tie with where it comes from and how sure warmpath is of it. */
import { Link } from "../../app/router";
import type { PersonTie } from "./people.documents";
import { contextWords, day, provenanceWords } from "./person-words";

function evidence(tie: PersonTie): string[] {
  const lines: string[] = [];
  const context = contextWords(tie.context);
  if (context) lines.push(tie.since ? `${context} since ${day(tie.since)}` : context);
  else if (tie.since) lines.push(`know each other since ${day(tie.since)}`);
  if (tie.lastInteraction) lines.push(`last in touch ${day(tie.lastInteraction)}`);
  lines.push(provenanceWords(tie.provenance));
  lines.push(
    tie.strength === null ? "strength not rated" : `rated ${tie.strength.toFixed(2)} of 1`,
  );
  return lines;
}

export function PersonTies({ ties, name }: { ties: readonly PersonTie[]; name: string }) {
  return (
    <section className="person__section" aria-labelledby="person-ties-title">
      <h3 id="person-ties-title">Ties ({ties.length})</h3>
      {ties.length === 0 ? (
        <p>No ties recorded: connect {name} with the people who know them.</p>
      ) : (
        <ul className="person__ties">
          {ties.map((tie) => (
            <li
              key={tie.id}
              className={tie.provenance === "INFERRED" ? "tie tie--inferred" : "tie"}
            >
              <p className="tie__who">
                {tie.person.isSelf ? (
                  <strong>You</strong>
                ) : (
                  <Link to={`/people?id=${encodeURIComponent(tie.person.id)}`}>
                    {tie.person.name}
                  </Link>
                )}
                {tie.person.title ? <span className="tie__title">, {tie.person.title}</span> : null}
                {tie.provenance === "INFERRED" ? (
                  <span className="tag tag--inferred">Inferred, not confirmed</span>
                ) : null}
              </p>
              <ul className="evidence">
                {evidence(tie).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {tie.notes ? (
                <p className="tie__notes">
                  <span className="tag tag--private">Private</span> {tie.notes}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
