/** Which reading of the search text the paths are for, and the other readings, one click away. */
import { describeTarget, sameTarget, type SearchTarget } from "./search-target";

const OTHERS_SHOWN = 5;

export function TargetReadings({
  target,
  readings,
  onChoose,
}: {
  target: SearchTarget;
  readings: readonly SearchTarget[];
  onChoose: (target: SearchTarget) => void;
}) {
  const others = readings.filter((r) => !sameTarget(r, target)).slice(0, OTHERS_SHOWN);
  return (
    <div className="readings">
      <p className="readings__current">
        Paths to <strong>{describeTarget(target)}</strong>
      </p>
      {others.length > 0 ? (
        <div className="readings__others">
          <span id="find-readings-label">Or search for:</span>
          <ul aria-labelledby="find-readings-label">
            {others.map((reading) => (
              <li key={reading.kind === "text" ? "text" : reading.id}>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => onChoose(reading)}
                >
                  {describeTarget(reading)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
