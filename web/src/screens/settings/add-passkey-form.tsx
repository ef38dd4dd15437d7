/**
 * Adds a passkey: its name, then the registration ceremony (options from the API, the
 * browser's prompt, the answer checked and kept by the API). A cancelled prompt, a browser
 * without passkeys or a device that cannot keep one is said in words; nothing is kept then.
 */
import { useState, type FormEvent } from "react";
import { useOperation } from "../../api";
import { createPasskey, passkeyProblem, passkeysSupported } from "../../app/passkey-ceremony";
import { ErrorMessage } from "../../ui";
import {
  PASSKEY_REGISTRATION_OPTIONS,
  REGISTER_PASSKEY,
  type PasskeyRow,
} from "./account.documents";

type Step = "idle" | "prompting" | "saving";

export function AddPasskeyForm({ onAdded }: { onAdded: (passkey: PasskeyRow) => void }) {
  const [name, setName] = useState("");
  const [step, setStep] = useState<Step>("idle");
  const [problem, setProblem] = useState("");
  const options = useOperation(PASSKEY_REGISTRATION_OPTIONS);
  const register = useOperation(REGISTER_PASSKEY);
  const supported = passkeysSupported();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem("");
    if (!passkeysSupported()) {
      setProblem(passkeyProblem(null, "add"));
      return;
    }
    const started = await options.run({});
    if (!started) return;
    setStep("prompting");
    let response: string;
    try {
      response = await createPasskey(started.passkeyRegistrationOptions);
    } catch (error) {
      setStep("idle");
      setProblem(passkeyProblem(error, "add"));
      return;
    }
    setStep("saving");
    const saved = await register.run({ name: name.trim(), response });
    setStep("idle");
    if (saved) {
      setName("");
      onAdded(saved.registerPasskey);
    }
  };

  const busy = step !== "idle" || options.state.status === "loading";
  return (
    <form
      className="form form--wide"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="add-passkey-title"
    >
      <h3 id="add-passkey-title">Add a passkey</h3>
      {supported ? (
        <p className="hint">
          A passkey signs you in with this device’s screen lock (PIN, fingerprint or face) or a
          security key, instead of your password. Your browser asks for it after you press the
          button.
        </p>
      ) : (
        <p className="hint">{passkeyProblem(null, "add")}</p>
      )}
      <div className="field">
        <label htmlFor="passkey-name">Name it, to tell it from others</label>
        <input
          id="passkey-name"
          type="text"
          required
          maxLength={100}
          placeholder="work laptop"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy || !supported}>
        {step === "prompting"
          ? "Waiting for your passkey…"
          : step === "saving"
            ? "Saving…"
            : "Add a passkey"}
      </button>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {options.state.status === "failed" ? <ErrorMessage error={options.state.error} /> : null}
      {register.state.status === "failed" ? <ErrorMessage error={register.state.error} /> : null}
    </form>
  );
}
