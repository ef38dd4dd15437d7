/**
 * How often to keep in touch with this person: their own cadence (an ideal and a longest gap,
 * in days), or, when they have none, the cadence of their categories. Edited in place; leaving
 * both empty returns them to their categories' cadence.
 */
import { useId, useState } from "react";
import { EditInPlace } from "./edit-in-place";
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
  const [idealText, setIdeal] = useState("");
  const [maxText, setMax] = useState("");
  const toDays = (text: string) => (text.trim() === "" ? null : Number(text));

  return (
    <EditInPlace
      label="Keep-in-touch cadence"
      saveLabel="Save cadence"
      shown={inEffect(ideal, max, categories, cadences)}
      onStart={() => {
        setIdeal(ideal === null ? "" : String(ideal));
        setMax(max === null ? "" : String(max));
      }}
      onSave={() => onSave(toDays(idealText), toDays(maxText))}
    >
      {(first) => (
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
      )}
    </EditInPlace>
  );
}
