/**
 * Screen 5, "People": a search that ignores case and accents, and a person's page with what
 * warmpath knows of them, edited in place. The address holds the search (/people?q=chloe) or
 * the person (/people?id=per_...), so reload, back and shared links work.
 */
import { navigate, useLocation } from "../../app/router";
import { PeopleResults } from "./people-results";
import { PeopleSearchForm } from "./people-search-form";
import { PersonPage } from "./person-page";
import "./people.css";

export function PeopleScreen() {
  const params = useLocation().searchParams;
  const text = params.get("q")?.trim() ?? "";
  const id = params.get("id");
  return (
    <section className="screen people" aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <PeopleSearchForm
        text={text}
        onSearch={(q) => navigate(q === "" ? "/people" : `/people?q=${encodeURIComponent(q)}`)}
      />
      {id ? <PersonPage key={id} id={id} /> : <PeopleResults text={text} />}
    </section>
  );
}
