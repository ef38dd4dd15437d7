/** The categories a person is in, edited in place as a group of checkboxes. */
import { useState } from "react";
import { EditInPlace } from "./edit-in-place";
import type { CategoryName } from "./people.documents";
import { CATEGORY_WORDS } from "./person-words";

export function EditableCategories({
  value,
  onSave,
}: {
  value: readonly CategoryName[];
  onSave: (categories: CategoryName[]) => Promise<boolean>;
}) {
  const [chosen, setChosen] = useState<CategoryName[]>([...value]);
  const all = Object.keys(CATEGORY_WORDS) as CategoryName[];

  return (
    <EditInPlace
      label="Categories"
      shown={
        value.length === 0 ? (
          <span className="editable__empty">None: no keep-in-touch cadence from a category</span>
        ) : (
          value.map((c) => CATEGORY_WORDS[c]).join(", ")
        )
      }
      onStart={() => setChosen([...value])}
      onSave={() => onSave(chosen)}
    >
      {(first) => (
        <fieldset className="categories">
          <legend className="editable__label">Categories</legend>
          {all.map((c, i) => (
            <label key={c} className="categories__choice">
              <input
                type="checkbox"
                ref={i === 0 ? first : undefined}
                checked={chosen.includes(c)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, c] : chosen.filter((x) => x !== c))
                }
              />{" "}
              {CATEGORY_WORDS[c]}
            </label>
          ))}
        </fieldset>
      )}
    </EditInPlace>
  );
}
