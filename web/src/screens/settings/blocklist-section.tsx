/** The categories and tags whose people no team ever sees (your blocklist). */
import { useState, type FormEvent } from "react";
import { useOperation, useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { BLOCKED_LABELS, SET_BLOCKED_LABELS } from "./teams.documents";

export function BlocklistSection() {
  const { state, refetch } = useQuery(BLOCKED_LABELS, {});
  const saving = useOperation(SET_BLOCKED_LABELS);
  const [label, setLabel] = useState("");
  const [labels, setLabels] = useState<string[] | null>(null);
  const current =
    labels ?? (state.status === "done" ? state.data.poolingSettings.blockedLabels : []);

  const save = async (next: string[], said: string) => {
    const data = await saving.run({ labels: next });
    if (data) {
      setLabels(data.setBlockedLabels.blockedLabels);
      setSaid(said);
    }
  };
  const [said, setSaid] = useState("");
  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = label.trim();
    if (text === "" || current.includes(text)) return;
    void save([...current, text], `${text} is never shared now.`).then(() => setLabel(""));
  };

  return (
    <section className="settings__section" aria-labelledby="settings-blocklist-title">
      <h2 id="settings-blocklist-title">Never shared with a team</h2>
      <p className="hint">
        People in these categories or with these tags stay out of every team’s pool, whatever you
        share: “family”, “doctor”.
      </p>
      {state.status === "loading" ? <Loading label="Loading your blocklist…" /> : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" ? (
        <>
          {current.length === 0 ? (
            <p>Nothing is blocked.</p>
          ) : (
            <ul className="blocklist" aria-label="Blocked categories and tags">
              {current.map((l) => (
                <li key={l} className="chip">
                  {l}
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`Share ${l} again`}
                    disabled={saving.state.status === "loading"}
                    onClick={() =>
                      void save(
                        current.filter((x) => x !== l),
                        `${l} may be shared again.`,
                      )
                    }
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="blocklist__add" onSubmit={add}>
            <div className="field">
              <label htmlFor="blocklist-label">Category or tag to keep out</label>
              <input
                id="blocklist-label"
                type="text"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            </div>
            <button type="submit" className="button" disabled={saving.state.status === "loading"}>
              Keep out
            </button>
          </form>
        </>
      ) : null}
      <p role="status" className="settings__saved">
        {said}
      </p>
      {saving.state.status === "failed" ? <ErrorMessage error={saving.state.error} /> : null}
    </section>
  );
}
