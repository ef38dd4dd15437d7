/** One category's keep-in-touch cadence: the ideal gap and the longest, in days. */
import { useState, type FormEvent } from "react";
import { useOperation } from "../../api";
import { ErrorMessage } from "../../ui";
import { SET_CADENCE, type CategoryCadence } from "./cadences.documents";

export const categoryWords = (category: string): string =>
  category.charAt(0) + category.slice(1).toLowerCase().replace(/_/g, " ");

export function CadenceRow({ cadence: initial }: { cadence: CategoryCadence }) {
  const [cadence, setCadence] = useState(initial);
  const [ideal, setIdeal] = useState(String(cadence.idealDays));
  const [max, setMax] = useState(String(cadence.maxDays));
  const saving = useOperation(SET_CADENCE);
  const words = categoryWords(cadence.category);
  const id = `cadence-${cadence.category.toLowerCase()}`;

  const save = async (idealDays: number | null, maxDays: number | null) => {
    const data = await saving.run({ category: cadence.category, idealDays, maxDays });
    const now = data?.setCadence;
    if (!now) return;
    // The answer is the cadence now in effect: the built-in one after "use the default".
    setCadence({ ...cadence, ...now, isDefault: now.source === "DEFAULT" });
    setIdeal(String(now.idealDays));
    setMax(String(now.maxDays));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(Number(ideal), Number(max));
  };

  return (
    <li className="cadence">
      <form onSubmit={submit} aria-labelledby={`${id}-name`}>
        <p className="cadence__name" id={`${id}-name`}>
          {words} <span className="tag">{cadence.isDefault ? "built-in default" : "yours"}</span>
        </p>
        <div className="cadence__fields">
          <div className="field">
            <label htmlFor={`${id}-ideal`}>Ideal gap (days)</label>
            <input
              id={`${id}-ideal`}
              type="number"
              min={1}
              required
              value={ideal}
              onChange={(e) => setIdeal(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>Longest gap (days)</label>
            <input
              id={`${id}-max`}
              type="number"
              min={1}
              required
              value={max}
              onChange={(e) => setMax(e.target.value)}
            />
          </div>
          <div className="cadence__actions">
            <button
              type="submit"
              className="button button--quiet"
              aria-label={`Save the ${words.toLowerCase()} cadence`}
              disabled={saving.state.status === "loading"}
            >
              Save
            </button>
            {cadence.isDefault ? null : (
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Use the default for ${words.toLowerCase()}`}
                disabled={saving.state.status === "loading"}
                onClick={() => void save(null, null)}
              >
                Use the default
              </button>
            )}
          </div>
        </div>
      </form>
      <p role="status" className="settings__saved">
        {saving.state.status === "done" ? `${words} cadence saved.` : ""}
      </p>
      {saving.state.status === "failed" ? <ErrorMessage error={saving.state.error} /> : null}
    </li>
  );
}
