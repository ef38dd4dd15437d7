/**
 * Your passkeys: listed, added (the registration ceremony, in AddPasskeyForm) and removed.
 */
import { useState } from "react";
import { useOperation, useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { PASSKEYS, REMOVE_PASSKEY, type PasskeyRow } from "./account.documents";
import { AddPasskeyForm } from "./add-passkey-form";
import { ConfirmButton } from "./confirm-button";
import { when } from "./when";

export function PasskeysSection() {
  const { state, refetch } = useQuery(PASSKEYS, {});
  const removing = useOperation(REMOVE_PASSKEY);
  const [said, setSaid] = useState("");

  const remove = async (id: string, name: string) => {
    if (await removing.run({ id })) {
      setSaid(`Removed the passkey ${name}.`);
      refetch();
    }
  };
  const added = (passkey: PasskeyRow) => {
    setSaid(`Added the passkey ${passkey.name}: you can sign in with it from now on.`);
    refetch();
  };

  return (
    <section className="settings__section" aria-labelledby="settings-passkeys-title">
      <h2 id="settings-passkeys-title">Passkeys</h2>
      <p className="hint">
        Sign in with a passkey instead of your password. Your passkeys are listed here; add one for
        each device you use, and remove one you no longer have.
      </p>
      {state.status === "loading" ? <Loading label="Loading your passkeys…" /> : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" && state.data.passkeys.length === 0 ? (
        <p>You have no passkey.</p>
      ) : null}
      {state.status === "done" && state.data.passkeys.length > 0 ? (
        <ul className="settings__list" aria-label="Your passkeys">
          {state.data.passkeys.map((p) => (
            <li key={p.id} className="settings__item">
              <p className="settings__item-title">{p.name}</p>
              <p className="hint">
                Added {when(p.createdAt)}, last used {when(p.lastUsedAt)};{" "}
                {p.deviceType === "MULTI_DEVICE"
                  ? "may sync to your other devices"
                  : "this device only"}
                {p.backedUp ? ", backed up" : ""}.
              </p>
              <ConfirmButton
                label={`Remove ${p.name}`}
                question={`Remove the passkey ${p.name}?`}
                confirmLabel="Remove it"
                busy={removing.state.status === "loading"}
                onConfirm={() => void remove(p.id, p.name)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="settings__saved">
        {said}
      </p>
      {removing.state.status === "failed" ? <ErrorMessage error={removing.state.error} /> : null}
      <AddPasskeyForm onAdded={added} />
    </section>
  );
}
