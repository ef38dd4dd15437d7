/**
 * Every row of a report, with its line, what it was (the file's own words), its outcome, and
 * the reason and warnings. A long file shows 200 rows at a time; a filter narrows to one
 * outcome or to the rows that need a look (rejected, skipped, or kept with warnings).
 */
import { useId, useState } from "react";
import type { ImportRow, RowOutcome } from "./import.documents";
import { OUTCOMES, OUTCOME_WORDS } from "./import-words";

const PAGE = 200;

type Filter = "ALL" | "ATTENTION" | RowOutcome;

const needsLook = (row: ImportRow) =>
  row.outcome === "REJECTED" || row.outcome === "SKIPPED" || row.warnings.length > 0;

export function ImportRows({
  rows,
  preview,
}: {
  rows: readonly ImportRow[];
  preview: (line: number) => string;
}) {
  const id = useId();
  const [filter, setFilter] = useState<Filter>("ALL");
  const [shown, setShown] = useState(PAGE);
  const matching = rows.filter((row) =>
    filter === "ALL" ? true : filter === "ATTENTION" ? needsLook(row) : row.outcome === filter,
  );
  return (
    <div className="import-rows">
      <div className="field import-rows__filter">
        <label htmlFor={`${id}-filter`}>Show</label>
        <select
          id={`${id}-filter`}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value as Filter);
            setShown(PAGE);
          }}
        >
          <option value="ALL">Every row ({rows.length})</option>
          <option value="ATTENTION">
            Rows to look at: rejected, skipped or with warnings ({rows.filter(needsLook).length})
          </option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_WORDS[outcome].row} ({rows.filter((r) => r.outcome === outcome).length})
            </option>
          ))}
        </select>
      </div>
      {matching.length === 0 ? (
        <p className="hint">No row matches.</p>
      ) : (
        <ol className="import-rows__list" aria-label="Rows of the file">
          {matching.slice(0, shown).map((row) => (
            <li key={row.line} className="import-row">
              <p className="import-row__head">
                <span className="import-row__line">Line {row.line}</span>{" "}
                <span className={`tag outcome--${row.outcome.toLowerCase()}`}>
                  {OUTCOME_WORDS[row.outcome].row}
                </span>
              </p>
              <p className="import-row__text">
                <code>{preview(row.line) || "(empty line)"}</code>
              </p>
              {row.reason ? <p className="import-row__reason">{row.reason}</p> : null}
              {row.warnings.length > 0 ? (
                <ul className="import-row__warnings" aria-label={`Warnings, line ${row.line}`}>
                  {row.warnings.map((w, i) => (
                    <li key={i}>
                      <span aria-hidden="true">⚠ </span>
                      <strong>{w.field}</strong>: {w.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {matching.length > shown ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, matching.length - shown)} more of {matching.length - shown}
        </button>
      ) : null}
    </div>
  );
}
