/** The categories a person is in, edited in place as a group of checkboxes. */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { CategoryName } from "./people.documents";
import { CATEGORY_WORDS } from "./person-words";

export function EditableCategories({
  value,
  onSave,
}: {
  value: readonly CategoryName[];
  onSave: (categories: CategoryName[]) => Promise<boolean>;
}) {
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<CategoryName[]>([...value]);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing) first.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ok = await onSave(chosen);
    setBusy(false);
    if (ok) stop();
  };
  const all = Object.keys(CATEGORY_WORDS) as CategoryName[];

  if (editing)
    return (
      <form
        className="editable editable--editing"
        onSubmit={save}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            stop();
          }
        }}
      >
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
        <div className="editable__buttons">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save categories
          </button>
          <button type="button" className="button" onClick={stop}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="editable">
      <span className="editable__label">Categories</span>
      <span className="editable__value">
        {value.length === 0 ? (
          <span className="editable__empty">None: no keep-in-touch cadence from a category</span>
        ) : (
          value.map((c) => CATEGORY_WORDS[c]).join(", ")
        )}
      </span>
      <button
        type="button"
        ref={editButton}
        className="button button--quiet editable__edit"
        aria-label="Edit categories"
        onClick={() => {
          setChosen([...value]);
          setEditing(true);
        }}
      >
        Edit
      </button>
    </div>
  );
}
