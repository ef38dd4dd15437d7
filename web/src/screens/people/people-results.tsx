/** The people a search found, best first, each a link to their page. */
import { useQuery } from "../../api";
import { Link } from "../../app/router";
import { ErrorMessage, Loading } from "../../ui";
import { PEOPLE_SEARCH } from "./people.documents";

/** How many a search shows. */
const SHOWN = 50;

export function PeopleResults({ text }: { text: string }) {
  const { state, refetch } = useQuery(PEOPLE_SEARCH, { text, first: SHOWN });
  if (state.status === "loading" || state.status === "idle")
    return <Loading label="Looking for people…" />;
  if (state.status === "failed") return <ErrorMessage error={state.error} onRetry={refetch} />;
  const { people, totalCount } = state.data.searchPeople;
  const title =
    text === ""
      ? `Everyone (${totalCount})`
      : `${totalCount} ${totalCount === 1 ? "person matches" : "people match"} “${text}”`;
  return (
    <section className="people-results" aria-labelledby="people-results-title">
      <h2 id="people-results-title">{title}</h2>
      <p className="visually-hidden" role="status">
        {title}
      </p>
      {totalCount > people.length ? (
        <p className="hint">The first {people.length} are shown: type more to narrow the search.</p>
      ) : null}
      {people.length === 0 ? (
        <p>Nobody matches. Try part of a name, a title or a company.</p>
      ) : (
        <ul className="people-results__list">
          {people.map((p) => {
            const employers = p.employment.filter((e) => e.current).map((e) => e.organization.name);
            return (
              <li key={p.id}>
                <Link
                  to={`/people?id=${encodeURIComponent(p.id)}`}
                  className="people-results__name"
                >
                  {p.name}
                </Link>
                {p.isSelf ? <span className="tag">You</span> : null}
                <span className="people-results__meta">
                  {[p.title, employers.join(", ")].filter(Boolean).join(" · ")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
