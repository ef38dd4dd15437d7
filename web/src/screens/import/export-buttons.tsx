/** One button per export format the API has; each downloads the file it answers. */
import { useState } from "react";
import { useOperation } from "../../api";
import { ErrorMessage } from "../../ui";
import { EXPORT_NETWORK, type ExportFormat } from "./import.documents";
import { EXPORTS } from "./import-words";
import { saveFile } from "./save-file";

export function ExportButtons() {
  const exporting = useOperation(EXPORT_NETWORK);
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const run = async (chosen: ExportFormat) => {
    setFormat(chosen);
    setSaved(null);
    const data = await exporting.run({ format: chosen });
    if (data) {
      saveFile(data.exportNetwork);
      setSaved(data.exportNetwork.filename);
    }
  };

  const busy = exporting.state.status === "loading";
  return (
    <section className="exports" aria-labelledby="export-title">
      <h2 id="export-title">Export your network</h2>
      <p className="hint">
        A file to keep or to open in another tool. Only JSON holds your private notes.
      </p>
      <ul className="exports__list">
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-describedby={`export-hint-${e.format}`}
              onClick={() => void run(e.format)}
            >
              Export {e.label}
            </button>{" "}
            <span id={`export-hint-${e.format}`} className="hint">
              {e.hint}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="exports__status">
        {busy && format ? `Preparing the ${format} export…` : saved ? `Saved ${saved}.` : ""}
      </p>
      {exporting.state.status === "failed" && format ? (
        <ErrorMessage error={exporting.state.error} onRetry={() => void run(format)} />
      ) : null}
    </section>
  );
}
