/**
 * One text value edited in place (see `EditInPlace`): editing shows a labelled one-line field
 * (Enter saves) or, when `multiline`, a text area.
 */
import { useId, useState, type ReactNode } from "react";
import { EditInPlace } from "./edit-in-place";

export function EditableField({
  label,
  value,
  display,
  empty = "Not recorded",
  multiline = false,
  hint,
  inputMode,
  onSave,
}: {
  label: string;
  /** The text the field starts from. */
  value: string;
  /** How the value shows when not editing (default: the text, or `empty`). */
  display?: ReactNode;
  empty?: string;
  multiline?: boolean;
  hint?: string;
  inputMode?: "text" | "email" | "tel" | "url";
  onSave: (text: string) => Promise<boolean>;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const describedBy = hint ? `${id}-hint` : undefined;

  return (
    <EditInPlace
      label={label}
      labelId={`${id}-label`}
      shown={display ?? (value === "" ? <span className="editable__empty">{empty}</span> : value)}
      onStart={() => setDraft(value)}
      onSave={() => onSave(draft)}
    >
      {(first) => (
        <>
          <label htmlFor={`${id}-input`} className="editable__label">
            {label}
          </label>
          {hint ? (
            <p className="hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          {multiline ? (
            <textarea
              id={`${id}-input`}
              ref={first}
              rows={5}
              aria-describedby={describedBy}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          ) : (
            <input
              id={`${id}-input`}
              ref={first}
              type="text"
              inputMode={inputMode}
              aria-describedby={describedBy}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          )}
        </>
      )}
    </EditInPlace>
  );
}
