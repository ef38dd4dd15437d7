/**
 * The Import screen's state: a file is read, checked by a dry run (nothing written), then
 * imported in parts with the progress counted in rows. Each part carries an idempotency key,
 * so "try again" after a failure resumes at the part that failed and never imports one twice.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { toApiError, useApi, type ApiError } from "../../api";
import { ContactFileError, readContactFile, type ContactFile } from "./contact-file";
import { addReport, emptyReport, importParts, type ImportPart } from "./import-parts";
import { IMPORT_CONTACTS, type ImportFormat, type ImportReport } from "./import.documents";

export type ImportState =
  | { stage: "empty" }
  | { stage: "reading"; name: string }
  | { stage: "unreadable"; name: string; message: string }
  | { stage: "checking"; file: ContactFile }
  | { stage: "check-failed"; file: ContactFile; error: ApiError }
  | { stage: "checked"; file: ContactFile; check: ImportReport }
  | { stage: "importing"; file: ContactFile; check: ImportReport; progress: Progress }
  | {
      stage: "import-failed";
      file: ContactFile;
      check: ImportReport;
      progress: Progress;
      error: ApiError;
    }
  | { stage: "imported"; file: ContactFile; check: ImportReport; report: ImportReport };

export interface Progress {
  parts: ImportPart[];
  /** Parts imported so far, and their rows. */
  partsDone: number;
  rowsDone: number;
  rowsTotal: number;
  report: ImportReport;
  runKey: string;
}

const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, 24);

export function useImport() {
  const client = useApi();
  const [state, setState] = useState<ImportState>({ stage: "empty" });
  // Bumped by every new file or reset, so an answer for an older one is dropped.
  const generation = useRef(0);
  useEffect(() => () => void (generation.current += 1), []);

  const check = useCallback(
    async (file: ContactFile) => {
      const mine = ++generation.current;
      setState({ stage: "checking", file });
      try {
        const data = await client.request(IMPORT_CONTACTS, {
          format: file.format,
          text: file.text,
          dryRun: true,
          idempotencyKey: null,
        });
        if (mine === generation.current)
          setState({ stage: "checked", file, check: data.importContacts });
      } catch (error) {
        if (mine === generation.current)
          setState({ stage: "check-failed", file, error: toApiError(error) });
      }
    },
    [client],
  );

  const choose = useCallback(
    async (picked: File) => {
      const mine = ++generation.current;
      setState({ stage: "reading", name: picked.name });
      try {
        const file = await readContactFile(picked);
        if (mine === generation.current) await check(file);
      } catch (error) {
        if (mine !== generation.current) return;
        const message =
          error instanceof ContactFileError
            ? error.message
            : `${picked.name} could not be read by the browser.`;
        setState({ stage: "unreadable", name: picked.name, message });
      }
    },
    [check],
  );

  const setFormat = useCallback(
    (file: ContactFile, format: ImportFormat) => check({ ...file, format }),
    [check],
  );

  const runParts = useCallback(
    async (file: ContactFile, checked: ImportReport, start: Progress) => {
      const mine = ++generation.current;
      let progress = start;
      setState({ stage: "importing", file, check: checked, progress });
      for (let i = progress.partsDone; i < progress.parts.length; i++) {
        const part = progress.parts[i]!;
        try {
          const data = await client.request(IMPORT_CONTACTS, {
            // The layout the dry run found: a part alone must be read the same way.
            format: checked.layout,
            text: part.text,
            dryRun: false,
            idempotencyKey: `web-import-${progress.runKey}-${i}`,
          });
          if (mine !== generation.current) return;
          progress = {
            ...progress,
            partsDone: i + 1,
            rowsDone: progress.rowsDone + part.rows,
            report: addReport(progress.report, data.importContacts, part.lineOffset),
          };
          setState({ stage: "importing", file, check: checked, progress });
        } catch (error) {
          if (mine === generation.current)
            setState({
              stage: "import-failed",
              file,
              check: checked,
              progress,
              error: toApiError(error),
            });
          return;
        }
      }
      if (mine === generation.current)
        setState({ stage: "imported", file, check: checked, report: progress.report });
    },
    [client],
  );

  const importAll = useCallback(
    (file: ContactFile, checked: ImportReport) => {
      const parts = importParts(file.text, checked.rows);
      return runParts(file, checked, {
        parts,
        partsDone: 0,
        rowsDone: 0,
        rowsTotal: parts.reduce((n, p) => n + p.rows, 0),
        report: emptyReport(checked.layout, false),
        runKey: randomKey(),
      });
    },
    [runParts],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    setState({ stage: "empty" });
  }, []);

  return { state, choose, setFormat, check, importAll, resume: runParts, reset };
}
