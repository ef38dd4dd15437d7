/**
 * A value edited in place: shown with an Edit button; editing swaps in a labelled field with
 * Save and Cancel (Enter saves a one-line field, Escape cancels), and focus comes back to the
 * Edit button afterwards. `onSave` resolves to false when the save failed (its error is shown
 * by the caller's `error`).
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";

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
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) field.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const start = () => {
    setDraft(value);
    setEditing(true);
  };
  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const saved = await onSave(draft);
    setBusy(false);
    if (saved) stop();
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      stop();
    }
  };

  if (editing)
    return (
      <form className="editable editable--editing" onSubmit={save} onKeyDown={escape}>
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
            ref={field}
            rows={5}
            aria-describedby={hint ? `${id}-hint` : undefined}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        ) : (
          <input
            id={`${id}-input`}
            ref={field}
            type="text"
            inputMode={inputMode}
            aria-describedby={hint ? `${id}-hint` : undefined}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        )}
        <div className="editable__buttons">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save {label.toLowerCase()}
          </button>
          <button type="button" className="button" onClick={stop}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="editable">
      <span className="editable__label" id={`${id}-label`}>
        {label}
      </span>
      <span className="editable__value">
        {display ?? (value === "" ? <span className="editable__empty">{empty}</span> : value)}
      </span>
      <button
        type="button"
        ref={editButton}
        className="button button--quiet editable__edit"
        aria-label={`Edit ${label.toLowerCase()}`}
        onClick={start}
      >
        Edit
      </button>
    </div>
  );
}
