/** Your API tokens: create one (its text shown once), list them with their scopes, revoke. */
import { useState } from "react";
import { useOperation, useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { API_TOKENS, REVOKE_API_TOKEN } from "./account.documents";
import { ConfirmButton } from "./confirm-button";
import { NewTokenForm } from "./new-token-form";
import { ShownOnce } from "./shown-once";
import { when } from "./when";

export function ApiTokensSection() {
  const { state, refetch } = useQuery(API_TOKENS, {});
  const revoking = useOperation(REVOKE_API_TOKEN);
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const [said, setSaid] = useState("");

  const revoke = async (id: string, name: string) => {
    if (await revoking.run({ id })) {
      setSaid(`Revoked the token ${name}.`);
      refetch();
    }
  };

  return (
    <section className="settings__section" aria-labelledby="settings-tokens-title">
      <h2 id="settings-tokens-title">API tokens</h2>
      <p className="hint">
        For scripts and the command line: send one as <code>Authorization: Bearer wp_…</code>. A
        token holds only its scopes.
      </p>
      {state.status === "loading" ? <Loading label="Loading your tokens…" /> : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {fresh ? (
        <ShownOnce name={fresh.name} token={fresh.token} onDone={() => setFresh(null)} />
      ) : null}
      {state.status === "done" ? (
        <>
          {state.data.apiTokens.length === 0 ? (
            <p>You have no API token.</p>
          ) : (
            <ul className="settings__list" aria-label="Your API tokens">
              {state.data.apiTokens.map((t) => (
                <li key={t.id} className="settings__item">
                  <p className="settings__item-title">
                    {t.name}{" "}
                    <code>
                      {t.prefix}…{t.lastFour}
                    </code>
                    {t.revokedAt ? <span className="tag">revoked {when(t.revokedAt)}</span> : null}
                  </p>
                  <p className="hint">
                    Scopes: {t.scopes.join(", ")}. Created {when(t.createdAt)}, ends{" "}
                    {when(t.expiresAt)}, last used {when(t.lastUsedAt)}.
                  </p>
                  {t.revokedAt ? null : (
                    <ConfirmButton
                      label={`Revoke ${t.name}`}
                      question={`Revoke ${t.name}? Scripts using it stop at once.`}
                      confirmLabel="Revoke it"
                      busy={revoking.state.status === "loading"}
                      onConfirm={() => void revoke(t.id, t.name)}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          <NewTokenForm
            held={state.data.viewer.scopes}
            onCreated={(token, row) => {
              setFresh({ name: row.name, token });
              setSaid("");
              refetch();
            }}
          />
        </>
      ) : null}
      <p role="status" className="settings__saved">
        {said}
      </p>
      {revoking.state.status === "failed" ? <ErrorMessage error={revoking.state.error} /> : null}
    </section>
  );
}
