/**
 * The search's options, folded away until wanted: the longest chain, a warmth floor, the
 * people not to ask, and (for a member of a team) whose network to search.
 */
import { FIND_DEFAULTS, MOST_TIES, WARMTH_FLOORS, type FindOptions } from "./find-options";

export interface TeamChoice {
  id: string;
  name: string;
}

const tiesWords = (n: number): string =>
  n === 1
    ? "1 tie (people you know)"
    : `${n} ties (${n - 1} ${n === 2 ? "introducer" : "introducers"})`;

function summary(options: FindOptions, teams: readonly TeamChoice[]): string {
  const floor = WARMTH_FLOORS.find((f) => f.value === options.minWarmth)?.label ?? "Any warmth";
  const team = teams.find((t) => t.id === options.teamId);
  return [
    `up to ${options.maxHops} ${options.maxHops === 1 ? "tie" : "ties"}`,
    floor.toLowerCase().replace(/ \(.*\)$/, ""),
    ...(options.exclude.length > 0 ? [`${options.exclude.length} left out`] : []),
    team ? `team ${team.name}` : "your network",
  ].join(" · ");
}

export function OptionsPanel({
  options,
  teams,
  onChange,
}: {
  options: FindOptions;
  teams: readonly TeamChoice[];
  onChange: (options: FindOptions) => void;
}) {
  const set = (patch: Partial<FindOptions>) => onChange({ ...options, ...patch });
  return (
    <details className="options">
      <summary>
        Options <span className="options__summary">({summary(options, teams)})</span>
      </summary>
      <div className="options__body">
        <div className="field">
          <label htmlFor="find-max-hops">Longest chain</label>
          <select
            id="find-max-hops"
            value={options.maxHops}
            onChange={(e) => set({ maxHops: Number(e.target.value) })}
          >
            {Array.from({ length: MOST_TIES }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {tiesWords(n)}
                {n === FIND_DEFAULTS.maxHops ? ", the default" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="find-min-warmth">Minimum warmth</label>
          <select
            id="find-min-warmth"
            value={options.minWarmth ?? ""}
            onChange={(e) =>
              set({ minWarmth: e.target.value === "" ? null : Number(e.target.value) })
            }
          >
            {WARMTH_FLOORS.map((f) => (
              <option key={f.label} value={f.value ?? ""}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        {teams.length > 0 ? (
          <fieldset className="field options__scope">
            <legend>Whose network</legend>
            <label>
              <input
                type="radio"
                name="find-scope"
                checked={options.teamId === null}
                onChange={() => set({ teamId: null, exclude: [] })}
              />{" "}
              Mine
            </label>
            {teams.map((team) => (
              <label key={team.id}>
                <input
                  type="radio"
                  name="find-scope"
                  checked={options.teamId === team.id}
                  onChange={() => set({ teamId: team.id, exclude: [] })}
                />{" "}
                Team {team.name} (what teammates share)
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <span id="find-excluded-label">People not to ask</span>
          {options.exclude.length === 0 ? (
            <p className="hint">Nobody. “Don’t ask” on a path leaves someone out.</p>
          ) : (
            <ul className="chips" aria-labelledby="find-excluded-label">
              {options.exclude.map((person) => (
                <li key={person.id} className="chip">
                  {person.name}
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`Ask ${person.name} again`}
                    onClick={() =>
                      set({ exclude: options.exclude.filter((p) => p.id !== person.id) })
                    }
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </details>
  );
}
