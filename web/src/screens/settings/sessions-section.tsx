/** The browsers signed in as you: this one marked; sign any other out, or all of them. */
import { useState } from "react";
import { useApi, useQuery, toApiError, type ApiError } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { REVOKE_SESSION, SESSIONS } from "./account.documents";
import { ConfirmButton } from "./confirm-button";
import { when } from "./when";

export function SessionsSection() {
  const client = useApi();
  const { state, refetch } = useQuery(SESSIONS, {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState("");

  const revoke = async (ids: string[]) => {
    setBusy(true);
    setError(null);
    try {
      for (const id of ids) await client.request(REVOKE_SESSION, { id });
      setDone(ids.length === 1 ? "Signed out that session." : `Signed out ${ids.length} sessions.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
      refetch();
    }
  };

  const others = state.status === "done" ? state.data.sessions.filter((s) => !s.current) : [];
  return (
    <section className="settings__section" aria-labelledby="settings-sessions-title">
      <h2 id="settings-sessions-title">Sessions</h2>
      {state.status === "loading" ? <Loading label="Loading your sessions…" /> : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" ? (
        <>
          <ul className="settings__list" aria-label="Signed-in browsers">
            {state.data.sessions.map((s) => (
              <li key={s.id} className="settings__item">
                <p className="settings__item-title">
                  {s.userAgent ?? "An unknown browser"}
                  {s.current ? <span className="tag">this browser</span> : null}
                </p>
                <p className="hint">
                  Signed in {when(s.createdAt)}, last seen {when(s.lastSeenAt)}, ends{" "}
                  {when(s.expiresAt)}.
                </p>
                {s.current ? null : (
                  <ConfirmButton
                    label="Sign out"
                    question="Sign this session out?"
                    confirmLabel="Sign it out"
                    busy={busy}
                    onConfirm={() => void revoke([s.id])}
                  />
                )}
              </li>
            ))}
          </ul>
          {others.length > 0 ? (
            <ConfirmButton
              label={`Sign out the ${others.length} other ${others.length === 1 ? "session" : "sessions"}`}
              question="Sign out everywhere but here?"
              confirmLabel="Sign them out"
              busy={busy}
              onConfirm={() => void revoke(others.map((s) => s.id))}
            />
          ) : (
            <p className="hint">No other browser is signed in.</p>
          )}
        </>
      ) : null}
      <p role="status" className="settings__saved">
        {done}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
