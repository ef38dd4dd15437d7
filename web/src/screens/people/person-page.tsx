/**
 * One person's page: their details and notes edited in place, how you reach them, their ties
 * with evidence, work and groups, news, favors and recent contact.
 */
import { useQuery } from "../../api";
import { Link } from "../../app/router";
import { ErrorMessage, Loading } from "../../ui";
import { CATEGORY_CADENCES, PERSON_PAGE, type PersonPageData } from "./people.documents";
import { PersonDetailsList } from "./person-details";
import { PersonNotes } from "./person-notes";
import { PersonRecord } from "./person-record";
import { PersonTies } from "./person-ties";
import { PersonWayIn } from "./person-way-in";
import { PersonWork } from "./person-work";
import { usePersonEdit } from "./use-person-edit";

export function PersonPage({ id }: { id: string }) {
  const page = useQuery(PERSON_PAGE, { id });
  const cadences = useQuery(CATEGORY_CADENCES, {});
  const state = page.state;
  return (
    <div className="person">
      <p>
        <Link to="/people">Back to everyone</Link>
      </p>
      {state.status === "loading" || state.status === "idle" ? (
        <Loading label="Reading what you know of them…" />
      ) : null}
      {state.status === "failed" ? (
        <ErrorMessage error={state.error} onRetry={page.refetch} />
      ) : null}
      {state.status === "done" ? (
        <PersonView
          data={state.data}
          cadences={cadences.state.status === "done" ? cadences.state.data.cadences : []}
        />
      ) : null}
    </div>
  );
}

function PersonView({
  data,
  cadences,
}: {
  data: PersonPageData;
  cadences: Parameters<typeof PersonDetailsList>[0]["cadences"];
}) {
  const edit = usePersonEdit(data.person);
  const { person } = edit;
  return (
    <article className="person__page" aria-labelledby="person-name">
      <h2 id="person-name">
        {person.name}
        {person.isSelf ? <span className="tag">You</span> : null}
      </h2>
      {person.title ? <p className="person__title">{person.title}</p> : null}
      <p className="visually-hidden" role="status">
        {edit.said}
      </p>
      {edit.said ? (
        <p className="person__said" aria-hidden="true">
          {edit.said}
        </p>
      ) : null}
      {edit.error ? <ErrorMessage error={edit.error} /> : null}
      <PersonDetailsList edit={edit} cadences={cadences} />
      <PersonNotes edit={edit} />
      {person.isSelf ? null : <PersonWayIn id={person.id} name={person.name} />}
      <PersonTies ties={data.person.knows} name={person.name} />
      <PersonWork employment={data.person.employment} memberships={data.person.memberships} />
      <PersonRecord data={data} />
    </article>
  );
}
