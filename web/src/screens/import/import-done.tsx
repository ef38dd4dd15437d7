/** The import's answer: what became of every row, written now. */
import { useMemo } from "react";
import { Link } from "../../app/router";
import type { ContactFile } from "./contact-file";
import { ImportCounts } from "./import-counts";
import type { ImportReport } from "./import.documents";
import { ImportRows } from "./import-rows";
import { rowPreviews } from "./row-preview";

export function ImportDone({
  file,
  report,
  headingRef,
}: {
  file: ContactFile;
  report: ImportReport;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const preview = useMemo(() => rowPreviews(file.text), [file.text]);
  return (
    <section className="import-done" aria-labelledby="import-done-title">
      <h3 id="import-done-title" ref={headingRef} tabIndex={-1}>
        Imported {file.label}
      </h3>
      <ImportCounts report={report} />
      <p>
        Your network has them now: <Link to="/find">find a way in</Link> through them.
      </p>
      <h4>Every row</h4>
      <ImportRows rows={report.rows} preview={preview} />
    </section>
  );
}
