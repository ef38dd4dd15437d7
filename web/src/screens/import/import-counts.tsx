/** An import's outcome in numbers: one count per outcome, each a word as well as a number. */
import type { ImportReport } from "./import.documents";
import { OUTCOMES, OUTCOME_WORDS } from "./import-words";

const FIELD = {
  CREATED: "created",
  UPDATED: "updated",
  UNCHANGED: "unchanged",
  SKIPPED: "skipped",
  REJECTED: "rejected",
} as const;

export function ImportCounts({ report }: { report: ImportReport }) {
  return (
    <ul className="import-counts" aria-label="Rows by outcome">
      {OUTCOMES.map((outcome) => (
        <li key={outcome} className={`import-counts__item outcome--${outcome.toLowerCase()}`}>
          <span className="import-counts__number">{report[FIELD[outcome]]}</span>{" "}
          {OUTCOME_WORDS[outcome].count}
        </li>
      ))}
    </ul>
  );
}
