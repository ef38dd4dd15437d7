/**
 * No path: the engine's reason in its own words, then what to do next, with buttons for the
 * options that may be the cause (too few ties, a warmth floor, people left out).
 */
import { MOST_TIES, type FindOptions } from "./find-options";

export function NoPath({
  reason,
  options,
  teamsAvailable,
  onChange,
}: {
  reason: string;
  options: FindOptions;
  teamsAvailable: boolean;
  onChange: (options: FindOptions) => void;
}) {
  const more = options.maxHops + 1;
  return (
    <section className="no-path" aria-labelledby="find-no-path-title">
      <h2 id="find-no-path-title">No way in yet</h2>
      <p className="no-path__reason">{reason}</p>
      <h3>What you can do</h3>
      <ul className="no-path__actions">
        {options.maxHops < MOST_TIES ? (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => onChange({ ...options, maxHops: more })}
            >
              Allow chains of {more} ties
            </button>
          </li>
        ) : null}
        {options.minWarmth !== null ? (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => onChange({ ...options, minWarmth: null })}
            >
              Show colder paths too
            </button>
          </li>
        ) : null}
        {options.exclude.length > 0 ? (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => onChange({ ...options, exclude: [] })}
            >
              Ask everyone again ({options.exclude.length} left out)
            </button>
          </li>
        ) : null}
        {teamsAvailable && options.teamId === null ? (
          <li>Search a team’s network: choose the team under Options.</li>
        ) : null}
        <li>
          Add the people you know who know them, and record your ties to them: every tie opens
          paths.
        </li>
        <li>
          Import your contacts: <code>warmpath import linkedin Connections.csv</code> (LinkedIn’s
          data export), or a Google, Outlook or vCard file.
        </li>
      </ul>
    </section>
  );
}
