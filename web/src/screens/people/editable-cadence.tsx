/**
 * How often to keep in touch with this person: their own cadence (an ideal and a longest gap,
 * in days), or, when they have none, the cadence of their categories. Edited in place; leaving
 * both empty returns them to their categories' cadence.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { CategoryCadence, CategoryName } from "./people.documents";
import { CATEGORY_WORDS } from "./person-words";

function inEffect(
  ideal: number | null,
  max: number | null,
  categories: readonly CategoryName[],
  cadences: readonly CategoryCadence[],
): string {
  if (ideal !== null && max !== null)
    return `Every ${ideal} days, at most ${max} (their own cadence)`;
  const mine = cadences.filter((c) => categories.includes(c.category));
  if (mine.length === 0) return "None: they are in no category, so no list reminds you of them";
  return mine
    .map((c) => `${CATEGORY_WORDS[c.category]}: every ${c.idealDays} days, at most ${c.maxDays}`)
    .join("; ");
}

export function EditableCadence({
  ideal,
  max,
  categories,
  cadences,
  onSave,
}: {
  ideal: number | null;
  max: number | null;
  categories: readonly CategoryName[];
  cadences: readonly CategoryCadence[];
  onSave: (ideal: number | null, max: number | null) => Promise<boolean>;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [idealText, setIdeal] = useState("");
  const [maxText, setMax] = useState("");
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
    const toDays = (text: string) => (text.trim() === "" ? null : Number(text));
    setBusy(true);
    const ok = await onSave(toDays(idealText), toDays(maxText));
    setBusy(false);
    if (ok) stop();
  };

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
        <fieldset className="cadence">
          <legend className="editable__label">Keep-in-touch cadence</legend>
          <p className="hint" id={`${id}-hint`}>
            In days. Leave both empty to follow their categories’ cadence.
          </p>
          <div className="field">
            <label htmlFor={`${id}-ideal`}>Ideal gap</label>
            <input
              id={`${id}-ideal`}
              ref={first}
              type="number"
              min={1}
              aria-describedby={`${id}-hint`}
              value={idealText}
              onChange={(e) => setIdeal(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>Longest gap</label>
            <input
              id={`${id}-max`}
              type="number"
              min={1}
              aria-describedby={`${id}-hint`}
              value={maxText}
              onChange={(e) => setMax(e.target.value)}
            />
          </div>
        </fieldset>
        <div className="editable__buttons">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save cadence
          </button>
          <button type="button" className="button" onClick={stop}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="editable">
      <span className="editable__label">Keep-in-touch cadence</span>
      <span className="editable__value">{inEffect(ideal, max, categories, cadences)}</span>
      <button
        type="button"
        ref={editButton}
        className="button button--quiet editable__edit"
        aria-label="Edit keep-in-touch cadence"
        onClick={() => {
          setIdeal(ideal === null ? "" : String(ideal));
          setMax(max === null ? "" : String(max));
          setEditing(true);
        }}
      >
        Edit
      </button>
    </div>
  );
}
