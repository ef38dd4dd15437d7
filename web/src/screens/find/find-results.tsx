/** The answer to one search: which reading it is for, then ranked path cards, no path, or an error. */
import { ErrorMessage, Loading } from "../../ui";
import type { FindOptions } from "./find-options";
import { NoPath } from "./no-path";
import { PathCard } from "./path-card";
import { TargetReadings } from "./target-readings";
import type { FoundPaths } from "./use-find-paths";

export function FindResults({
  found,
  options,
  teamsAvailable,
  onOptions,
}: {
  found: FoundPaths;
  options: FindOptions;
  teamsAvailable: boolean;
  onOptions: (options: FindOptions) => void;
}) {
  const { result, target } = found;
  return (
    <div className="results">
      {target ? (
        <TargetReadings target={target} readings={found.readings} onChoose={found.choose} />
      ) : null}
      {result.status === "loading" ? <Loading label="Finding the warmest paths…" /> : null}
      {result.status === "failed" ? (
        <ErrorMessage error={result.error} onRetry={found.retry} />
      ) : null}
      {result.status === "done" && result.paths.length === 0 ? (
        <NoPath
          reason={result.noPathReason ?? "No path was found within these options."}
          options={options}
          teamsAvailable={teamsAvailable}
          onChange={onOptions}
        />
      ) : null}
      {result.status === "done" && result.paths.length > 0 ? (
        <section aria-labelledby="find-results-title">
          <h2 id="find-results-title">
            {result.paths.length} {result.paths.length === 1 ? "way" : "ways"} in, warmest first
          </h2>
          <p className="visually-hidden" role="status">
            Found {result.paths.length} {result.paths.length === 1 ? "path" : "paths"}.
          </p>
          <ol className="path-list">
            {result.paths.map((path, i) => (
              <li key={path.key}>
                <PathCard
                  path={path}
                  rank={i + 1}
                  teamId={options.teamId}
                  onExclude={(person) =>
                    onOptions({
                      ...options,
                      exclude: [...options.exclude, { id: person.excludeId!, name: person.name }],
                    })
                  }
                />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
