/**
 * One person on a Today list: who, why and since when, then the one-click actions (log a call,
 * a coffee or an e-mail; snooze or finish a dated follow-up) and, folded away, a dated
 * follow-up and their news.
 */
import { useId } from "react";
import { Link } from "../../app/router";
import { ErrorMessage } from "../../ui";
import { FollowUpForm } from "./follow-up-form";
import { NewsForm } from "./news-form";
import {
  COMPLETE_FOLLOW_UP,
  LOG_CONTACT,
  SNOOZE_FOLLOW_UP,
  type ContactKind,
} from "./today.documents";
import { addDays, dayWords, todayDay } from "./today-dates";
import type { TodayEntry } from "./today-entry";
import { newKey, useAction } from "./use-action";

const CONTACTS: readonly { kind: ContactKind; label: string; done: string }[] = [
  { kind: "CALL", label: "Log a call", done: "a call" },
  { kind: "COFFEE", label: "Log a coffee", done: "a coffee" },
  { kind: "EMAIL", label: "Log an e-mail", done: "an e-mail" },
];

/** How long "Snooze" hides a follow-up. */
const SNOOZE_DAYS = 7;

export function EntryCard({
  entry,
  onChanged,
}: {
  entry: TodayEntry;
  onChanged: (message: string) => void;
}) {
  const titleId = useId();
  const { person } = entry;
  const action = useAction(onChanged);
  const followUpId = entry.followUpId;

  const log = (kind: ContactKind, done: string) =>
    action.run(async (client) => {
      await client.request(LOG_CONTACT, {
        personId: person.id,
        kind,
        at: new Date().toISOString(),
        idempotencyKey: newKey(),
      });
      return `Logged ${done} with ${person.name}.`;
    });

  return (
    <article className={`entry${entry.urgent ? " entry--urgent" : ""}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="entry__name">
        <Link to={`/people?id=${encodeURIComponent(person.id)}`}>{person.name}</Link>
        {person.title ? <span className="entry__title">, {person.title}</span> : null}
      </h3>
      <p className="entry__why">
        <span className="visually-hidden">Why: </span>
        {entry.why}
      </p>
      <p className="entry__when">
        {entry.urgent ? <span className="tag tag--urgent">Overdue</span> : null}{" "}
        <time dateTime={entry.whenDay}>{entry.when}</time>
      </p>
      {person.news ? (
        <p className="entry__news">
          Their latest news: <q>{person.news}</q>
        </p>
      ) : null}
      <div className="entry__actions" role="group" aria-label={`Actions for ${person.name}`}>
        {CONTACTS.map(({ kind, label, done }) => (
          <button
            key={kind}
            type="button"
            className="button button--quiet"
            disabled={action.busy}
            onClick={() => void log(kind, done)}
          >
            {label}
            <span className="visually-hidden"> with {person.name}</span>
          </button>
        ))}
        {followUpId ? (
          <>
            <button
              type="button"
              className="button button--quiet"
              disabled={action.busy}
              onClick={() =>
                void action.run(async (client) => {
                  const until = addDays(todayDay(), SNOOZE_DAYS);
                  await client.request(SNOOZE_FOLLOW_UP, { id: followUpId, until });
                  return `Snoozed ${person.name}’s follow-up until ${dayWords(until)}.`;
                })
              }
            >
              Snooze a week
              <span className="visually-hidden"> ({person.name}’s follow-up)</span>
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={action.busy}
              onClick={() =>
                void action.run(async (client) => {
                  await client.request(COMPLETE_FOLLOW_UP, { id: followUpId });
                  return `Marked ${person.name}’s follow-up done.`;
                })
              }
            >
              Mark done
              <span className="visually-hidden"> ({person.name}’s follow-up)</span>
            </button>
          </>
        ) : null}
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <details className="entry__more">
        <summary>
          Follow up later or record news<span className="visually-hidden"> for {person.name}</span>
        </summary>
        <FollowUpForm personId={person.id} personName={person.name} onDone={onChanged} />
        <NewsForm personId={person.id} personName={person.name} onDone={onChanged} />
      </details>
    </article>
  );
}
