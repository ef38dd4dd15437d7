/**
 * How you reach them (the warmest path, each tie with its evidence in words) and what to talk
 * about (conversation starters from what you share). Asked separately from the page, since
 * the path search takes longer than a read.
 */
import { useQuery } from "../../api";
import { ErrorMessage, Loading, WarmthBadge } from "../../ui";
import { PERSON_WAY_IN, type WayIn } from "./people.documents";

export function PersonWayIn({ id, name }: { id: string; name: string }) {
  const { state, refetch } = useQuery(PERSON_WAY_IN, { id });
  return (
    <section className="person__section" aria-labelledby="person-way-title">
      <h3 id="person-way-title">How you reach {name}, and what to talk about</h3>
      {state.status === "loading" || state.status === "idle" ? (
        <Loading label="Finding the warmest way in…" />
      ) : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" ? <WayInView data={state.data} /> : null}
    </section>
  );
}

function WayInView({ data }: { data: WayIn }) {
  const path = data.introPaths.paths[0];
  const { starters, introducer } = data.conversationStarters;
  return (
    <>
      {path ? (
        <div className="way">
          <WarmthBadge warmth={path.warmth} label={path.label} />
          <ol className="way__hops">
            {path.hops.map((hop) => (
              <li key={`${hop.from.id}-${hop.to.id}`}>
                <strong>{hop.from.name}</strong> <span aria-hidden="true">→</span>
                <span className="visually-hidden"> to </span> <strong>{hop.to.name}</strong>
                {hop.inferred ? (
                  <span className="tag tag--inferred">Inferred, not confirmed</span>
                ) : null}
                <ul className="evidence">
                  {hop.evidence.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p>{data.introPaths.noPathReason ?? "No path found."}</p>
      )}
      <h4>Conversation starters</h4>
      {introducer ? (
        <p className="hint">Through {introducer.name}, who would introduce you.</p>
      ) : null}
      {starters.length === 0 ? (
        <p>Nothing shared yet: record their interests, hobbies and groups to find openers.</p>
      ) : (
        <ul className="person__list">
          {starters.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </>
  );
}
