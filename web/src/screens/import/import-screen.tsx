/**
 * Screen 6, "Import": a contact file in (dropped or chosen), a dry run showing what would
 * become of every row, then the import with a progress bar; and the network out, one button
 * per export format.
 */
import { useEffect, useRef } from "react";
import { ErrorMessage, Loading } from "../../ui";
import { DryRun } from "./dry-run";
import { ExportButtons } from "./export-buttons";
import { FileDrop } from "./file-drop";
import { ImportDone } from "./import-done";
import { ImportProgress } from "./import-progress";
import { useImport } from "./use-import";
import "./import.css";

export function ImportScreen() {
  const { state, choose, setFormat, check, importAll, resume, reset } = useImport();
  const heading = useRef<HTMLHeadingElement>(null);
  // A finished step moves focus to its heading, so the keyboard and a screen reader follow.
  useEffect(() => {
    if (state.stage === "checked" || state.stage === "imported") heading.current?.focus();
  }, [state.stage]);

  const chooser =
    state.stage === "empty" ||
    state.stage === "unreadable" ||
    state.stage === "check-failed" ||
    state.stage === "imported";

  return (
    <section className="screen import" aria-labelledby="import-title">
      <h1 id="import-title">Import and export</h1>
      <section aria-labelledby="import-in-title">
        <h2 id="import-in-title">Import contacts</h2>
        {chooser ? <FileDrop onFile={(file) => void choose(file)} busy={false} /> : null}
        {state.stage === "reading" ? <Loading label={`Reading ${state.name}…`} /> : null}
        {state.stage === "unreadable" ? (
          <div className="error-message" role="alert">
            <p className="error-message__title">{state.name} cannot be imported here.</p>
            <p>{state.message}</p>
          </div>
        ) : null}
        {state.stage === "checking" ? (
          <Loading label={`Checking ${state.file.label} (a dry run: nothing is written)…`} />
        ) : null}
        {state.stage === "check-failed" ? (
          <ErrorMessage error={state.error} onRetry={() => void check(state.file)} />
        ) : null}
        {state.stage === "checked" ? (
          <DryRun
            file={state.file}
            check={state.check}
            headingRef={heading}
            onFormat={(format) => void setFormat(state.file, format)}
            onImport={() => void importAll(state.file, state.check)}
            onCancel={reset}
          />
        ) : null}
        {state.stage === "importing" ? <ImportProgress progress={state.progress} /> : null}
        {state.stage === "import-failed" ? (
          <>
            <ImportProgress progress={state.progress} />
            <ErrorMessage
              error={state.error}
              retryLabel="Resume the import"
              onRetry={() => void resume(state.file, state.check, state.progress)}
            />
          </>
        ) : null}
        {state.stage === "imported" ? (
          <ImportDone file={state.file} report={state.report} headingRef={heading} />
        ) : null}
      </section>
      <ExportButtons />
    </section>
  );
}
