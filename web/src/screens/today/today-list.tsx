/** One of the three lists: a heading with its count, what it is for, and its entries. */
import { useCallback, useRef, type ReactNode } from "react";
import { EntryCard } from "./entry-card";
import type { TodayEntry } from "./today-entry";

export function TodayList({
  id,
  title,
  hint,
  empty,
  entries,
  onChanged,
}: {
  id: string;
  title: string;
  hint: ReactNode;
  empty: string;
  entries: readonly TodayEntry[];
  onChanged: (message: string) => void;
}) {
  // The entry acted on may leave the list: focus goes to the list's heading, not to nowhere.
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = useCallback(
    (message: string) => {
      heading.current?.focus();
      onChanged(message);
    },
    [onChanged],
  );
  return (
    <section className="today-list" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} ref={heading}>
        {title} <span className="today-list__count">({entries.length})</span>
      </h2>
      <p className="hint">{hint}</p>
      {entries.length === 0 ? (
        <p className="today-list__empty">{empty}</p>
      ) : (
        <ul className="today-list__entries">
          {entries.map((entry) => (
            <li key={entry.key}>
              <EntryCard entry={entry} onChanged={changed} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
