/** How far an import is, in rows, as a progress bar with its words beside it. */
import type { Progress } from "./use-import";

export function ImportProgress({ progress }: { progress: Progress }) {
  const { rowsDone, rowsTotal } = progress;
  return (
    <div className="import-progress">
      <label htmlFor="import-progress-bar">Importing</label>
      <progress id="import-progress-bar" max={Math.max(rowsTotal, 1)} value={rowsDone}>
        {rowsDone} of {rowsTotal}
      </progress>
      <p role="status" className="hint">
        {rowsDone} of {rowsTotal} rows imported
        {progress.parts.length > 1
          ? ` (part ${Math.min(progress.partsDone + 1, progress.parts.length)} of ${progress.parts.length})`
          : ""}
        .
      </p>
    </div>
  );
}
