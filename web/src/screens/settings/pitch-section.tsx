/** Your elevator pitch: two minutes on your skills and goals, sent with every intro request. */
import { useState } from "react";
import { useOperation } from "../../api";
import { SET_PITCH } from "./profile.documents";
import { SaveForm } from "./save-form";

const LONGEST = 2000;

export function PitchSection({ pitch }: { pitch: string | null }) {
  const [text, setText] = useState(pitch ?? "");
  const saving = useOperation(SET_PITCH);
  return (
    <section className="settings__section" aria-labelledby="settings-pitch-title">
      <h2 id="settings-pitch-title">Elevator pitch</h2>
      <SaveForm
        className="form form--wide"
        state={saving.state}
        saveLabel="Save pitch"
        savedText="Pitch saved."
        onSubmit={() => void saving.run({ pitch: text.trim() })}
      >
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
      </SaveForm>
    </section>
  );
}
