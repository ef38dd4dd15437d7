/** What warmpath knows of a person, each field edited in place. */
import type { ReactNode } from "react";
import { EditableCadence } from "./editable-cadence";
import { EditableCategories } from "./editable-categories";
import { EditableField } from "./editable-field";
import type { CategoryCadence, PersonDetails, PersonPatch } from "./people.documents";
import { splitList, textOrNull, type PersonEdit } from "./use-person-edit";

type TextKey = "title" | "location" | "profileUrl";
type ListKey = "emails" | "phones" | "tags" | "interests" | "hobbies" | "seeking";

const TEXTS: readonly { key: TextKey; label: string; inputMode?: "url" }[] = [
  { key: "title", label: "Title" },
  { key: "location", label: "Location" },
  { key: "profileUrl", label: "Profile URL", inputMode: "url" },
];

const LISTS: readonly { key: ListKey; label: string; hint?: string }[] = [
  { key: "emails", label: "E-mails" },
  { key: "phones", label: "Phones" },
  { key: "tags", label: "Tags", hint: "Free labels, separated by commas." },
  { key: "interests", label: "Interests", hint: "Separated by commas: openers start here." },
  { key: "hobbies", label: "Hobbies", hint: "Separated by commas." },
  {
    key: "seeking",
    label: "Looking for",
    hint: "A company, a role or advice, separated by commas: where you might help.",
  },
];

export function PersonDetailsList({
  edit,
  cadences,
}: {
  edit: PersonEdit;
  cadences: readonly CategoryCadence[];
}) {
  const { person, save } = edit;
  const item = (key: string, node: ReactNode) => <li key={key}>{node}</li>;
  return (
    <section className="person__section" aria-labelledby="person-details-title">
      <h3 id="person-details-title">Details</h3>
      <ul className="person__fields">
        {item(
          "name",
          <EditableField
            label="Name"
            value={person.name}
            onSave={(text) =>
              text.trim() === "" ? Promise.resolve(false) : save({ name: text.trim() }, "the name")
            }
          />,
        )}
        {TEXTS.map(({ key, label, inputMode }) =>
          item(
            key,
            <EditableField
              label={label}
              value={person[key] ?? ""}
              inputMode={inputMode}
              onSave={(text) =>
                save({ [key]: textOrNull(text) } as PersonPatch, label.toLowerCase())
              }
            />,
          ),
        )}
        {LISTS.map(({ key, label, hint }) =>
          item(
            key,
            <EditableField
              label={label}
              value={(person[key] as string[]).join(", ")}
              hint={hint ?? "Separated by commas."}
              onSave={(text) =>
                save({ [key]: splitList(text) } as PersonPatch, label.toLowerCase())
              }
            />,
          ),
        )}
        {item(
          "categories",
          <EditableCategories
            value={person.categories}
            onSave={(categories) => save({ categories }, "the categories")}
          />,
        )}
        {item(
          "cadence",
          <EditableCadence
            ideal={person.cadenceIdealDays}
            max={person.cadenceMaxDays}
            categories={person.categories}
            cadences={cadences}
            onSave={edit.saveCadence}
          />,
        )}
      </ul>
    </section>
  );
}

export type { PersonDetails };
