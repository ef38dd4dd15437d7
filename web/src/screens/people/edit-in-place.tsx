/**
 * The edit-in-place frame the person's fields share: the value shown with an Edit button;
 * editing swaps in a form with Save and Cancel (Escape cancels), focus goes to the first control
 * (`first`) and comes back to the Edit button afterwards, so keyboard users never lose their
 * place. Each caller draws only its own controls; `onSave` resolves to false when the save
 * failed (its error is shown by the caller), which keeps the form open.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";

/** Typed as both so the one ref fits an `<input>` or a `<textarea>`. */
export type FirstControl = HTMLInputElement & HTMLTextAreaElement;

export function EditInPlace({
  label,
  labelId,
  saveLabel = `Save ${label.toLowerCase()}`,
  shown,
  onStart,
  onSave,
  children,
}: {
  label: string;
  /** An id for the label while not editing. */
  labelId?: string;
  saveLabel?: string;
  /** The value as it shows while not editing. */
  shown: ReactNode;
  /** Resets the caller's draft from the current value, just before editing starts. */
  onStart: () => void;
  onSave: () => Promise<boolean>;
  /** The form's controls (with their own label or legend); `first` goes on the first one. */
  children: (first: RefObject<FirstControl | null>) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const first = useRef<FirstControl>(null);
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
    const ok = await onSave();
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
        {children(first)}
        <div className="editable__buttons">
          <button type="submit" className="button button--primary" disabled={busy}>
            {saveLabel}
          </button>
          <button type="button" className="button" onClick={stop}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="editable">
      <span className="editable__label" id={labelId}>
        {label}
      </span>
      <span className="editable__value">{shown}</span>
      <button
        type="button"
        ref={editButton}
        className="button button--quiet editable__edit"
        aria-label={`Edit ${label.toLowerCase()}`}
        onClick={() => {
          onStart();
          setEditing(true);
        }}
      >
        Edit
      </button>
    </div>
  );
}
