/**
 * A settings form that saves in one go: the caller's fields, then a Save button (disabled while
 * saving, so one click makes one save), a status line that screen readers announce when the
 * save is done, and, below the form, what went wrong when it failed.
 */
import type { FormEvent, ReactNode } from "react";
import type { OperationState } from "../../api";
import { ErrorMessage } from "../../ui";

export function SaveForm({
  className = "form",
  state,
  saveLabel,
  savedText,
  onSubmit,
  children,
}: {
  className?: string;
  /** The state of the save operation. */
  state: OperationState<unknown>;
  saveLabel: string;
  /** What the status line says once saved. */
  savedText: string;
  /** Starts the save; the form's default submission is already prevented. */
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <>
      <form className={className} onSubmit={submit}>
        {children}
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={state.status === "loading"}
          >
            {saveLabel}
          </button>
        </div>
        <p role="status" className="settings__saved">
          {state.status === "done" ? savedText : ""}
        </p>
      </form>
      {state.status === "failed" ? <ErrorMessage error={state.error} /> : null}
    </>
  );
}
