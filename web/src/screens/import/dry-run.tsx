/**
 * The dry run's answer: how the file was read (and a way to read it otherwise), what importing
 * would do to every row, and the button that imports it.
 */
import { useMemo } from "react";
import type { ContactFile } from "./contact-file";
import { ImportCounts } from "./import-counts";
import type { ImportFormat, ImportReport } from "./import.documents";
import { ImportRows } from "./import-rows";
import { LAYOUT_WORDS } from "./import-words";
import { rowPreviews } from "./row-preview";

const FORMATS = Object.keys(LAYOUT_WORDS) as ImportFormat[];

export function DryRun({
  file,
  check,
  headingRef,
  onFormat,
  onImport,
  onCancel,
}: {
  file: ContactFile;
  check: ImportReport;
  headingRef: React.Ref<HTMLHeadingElement>;
  onFormat: (format: ImportFormat) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const preview = useMemo(() => rowPreviews(file.text), [file.text]);
  const writes = check.created + check.updated + check.unchanged;
  return (
    <section className="dry-run" aria-labelledby="dry-run-title">
      <h3 id="dry-run-title" ref={headingRef} tabIndex={-1}>
        Dry run of {file.label}: nothing is written yet
      </h3>
      <p>
        Read as {LAYOUT_WORDS[check.layout]}, {file.encoding}. {check.rows.length}{" "}
        {check.rows.length === 1 ? "row" : "rows"}; importing would give:
      </p>
      <ImportCounts report={check} />
      <div className="field dry-run__format">
        <label htmlFor="import-format">Read the file as</label>
        <select
          id="import-format"
          value={file.format}
          onChange={(event) => onFormat(event.target.value as ImportFormat)}
        >
          {FORMATS.map((format) => (
            <option key={format} value={format}>
              {LAYOUT_WORDS[format]}
              {format === "AUTO" && file.format === "AUTO"
                ? ` (found: ${LAYOUT_WORDS[check.layout]})`
                : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="dry-run__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onImport}
          disabled={writes === 0}
        >
          Import {writes} {writes === 1 ? "row" : "rows"}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Choose another file
        </button>
      </div>
      {writes === 0 ? (
        <p className="hint">No row would be imported: see the reasons below.</p>
      ) : check.rejected + check.skipped > 0 ? (
        <p className="hint">
          Rejected and skipped rows are left out; fix them in the file and import it again to add
          them.
        </p>
      ) : null}
      <h4>Every row</h4>
      <ImportRows rows={check.rows} preview={preview} />
    </section>
  );
}
