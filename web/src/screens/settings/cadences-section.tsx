/** How often to be in touch, per category: the lists of Today follow these. */
import { useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { CadenceRow } from "./cadence-row";
import { CADENCES } from "./cadences.documents";

export function CadencesSection() {
  const { state, refetch } = useQuery(CADENCES, {});
  return (
    <section className="settings__section" aria-labelledby="settings-cadences-title">
      <h2 id="settings-cadences-title">Keep-in-touch cadences</h2>
      <p className="hint">
        For each category: how many days you would like between contacts, and the most before
        someone shows as losing touch. A person’s own cadence, set on their page, comes first.
      </p>
      {state.status === "loading" ? <Loading label="Loading your cadences…" /> : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" ? (
        <ul className="cadences" aria-label="Cadences by category">
          {state.data.cadences.map((cadence) => (
            <CadenceRow key={cadence.category} cadence={cadence} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
