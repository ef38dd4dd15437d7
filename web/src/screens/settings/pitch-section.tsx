/** Your elevator pitch: two minutes on your skills and goals, sent with every intro request. */
import { useState, type FormEvent } from "react";
import { useOperation } from "../../api";
import { ErrorMessage } from "../../ui";
import { SET_PITCH } from "./profile.documents";

const LONGEST = 2000;

export function PitchSection({ pitch }: { pitch: string | null }) {
  const [text, setText] = useState(pitch ?? "");
  const saving = useOperation(SET_PITCH);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run({ pitch: text.trim() });
  };
  return (
    <section className="settings__section" aria-labelledby="settings-pitch-title">
      <h2 id="settings-pitch-title">Elevator pitch</h2>
      <form className="form form--wide" onSubmit={submit}>
        <div className="field">
          <label htmlFor="settings-pitch">Your pitch</label>
          <textarea
            id="settings-pitch"
            rows={5}
            maxLength={LONGEST}
            aria-describedby="settings-pitch-hint"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <span id="settings-pitch-hint" className="hint">
            What you do well and what you are looking for, in a few sentences: it goes with every
            introduction you ask for. {text.length} of {LONGEST} characters.
          </span>
        </div>
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={saving.state.status === "loading"}
          >
            Save pitch
          </button>
        </div>
        <p role="status" className="settings__saved">
          {saving.state.status === "done" ? "Pitch saved." : ""}
        </p>
      </form>
      {saving.state.status === "failed" ? <ErrorMessage error={saving.state.error} /> : null}
    </section>
  );
}
