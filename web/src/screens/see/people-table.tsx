/** The text alternative to a drawing: everyone on screen, with their role and distance, and a way to step into each. */
import { useId } from "react";
import { distanceWords, roleOf } from "./person-card";
import type { DrawnPerson } from "./see.documents";

export function PeopleTable({
  people,
  degree,
  centre,
  groupOf,
  onStep,
  onShow,
}: {
  people: readonly DrawnPerson[];
  degree: ReadonlyMap<string, number>;
  centre: string;
  /** The map's words for a person's community and marks ("Community 2, broker"). */
  groupOf?: (person: DrawnPerson) => string;
  onStep: (id: string) => void;
  onShow: (id: string) => void;
}) {
  const captionId = useId();
  return (
    <details className="people-table">
      <summary>
        Everyone in the drawing ({people.length.toLocaleString("en-US")}{" "}
        {people.length === 1 ? "person" : "people"})
      </summary>
      <div className="people-table__scroll">
        <table aria-describedby={captionId}>
          <caption id={captionId} className="visually-hidden">
            The people drawn, nearest first, with their ties in the drawing
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">{groupOf ? "Community" : "Where"}</th>
              <th scope="col">Ties shown</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => onShow(person.id)}
                  >
                    {person.isSelf ? "You" : person.name}
                  </button>
                </th>
                <td>{roleOf(person) ?? "—"}</td>
                <td>{groupOf ? groupOf(person) : distanceWords(person, centre)}</td>
                <td>{degree.get(person.id) ?? 0}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => onStep(person.id)}
                  >
                    Centre on {person.isSelf ? "you" : person.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
