/**
 * The app: finds out who is asking (the viewer query), then shows the shell with its screens,
 * the sign-in screen when the server answers UNAUTHENTICATED (accounts mode, at start or at any
 * later request, say when a session ends), or the failure in words with a way to retry.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, ApiProvider, createGraphqlClient } from "../api";
import { ErrorMessage, Loading } from "../ui";
import { SessionContext, type Session } from "./session-context";
import { SIGN_OUT, VIEWER, type Viewer } from "./session.documents";
import { Shell } from "./shell";
import { SignInScreen } from "./sign-in-screen";

type Status =
  | { kind: "loading" }
  | { kind: "signed-in"; viewer: Viewer }
  | { kind: "signed-out" }
  | { kind: "failed"; error: ApiError };

export function App() {
  const [status, setStatus] = useState<Status>({ kind: "loading" });
  const client = useMemo(
    () => createGraphqlClient({ onUnauthenticated: () => setStatus({ kind: "signed-out" }) }),
    [],
  );

  const loadViewer = useCallback(async () => {
    setStatus({ kind: "loading" });
    try {
      const { viewer } = await client.request(VIEWER, {});
      setStatus({ kind: "signed-in", viewer });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError("UNKNOWN", String(error));
      // UNAUTHENTICATED has already switched to the sign-in screen (onUnauthenticated).
      if (failure.code !== "UNAUTHENTICATED") setStatus({ kind: "failed", error: failure });
    }
  }, [client]);
  useEffect(() => void loadViewer(), [loadViewer]);

  const session = useMemo<Session | null>(() => {
    if (status.kind !== "signed-in") return null;
    return {
      viewer: status.viewer,
      singleUser: status.viewer.kind === "owner",
      signOut: async () => {
        await client.request(SIGN_OUT, {}).catch(() => undefined);
        setStatus({ kind: "signed-out" });
      },
    };
  }, [client, status]);

  return (
    <ApiProvider client={client}>
      {session ? (
        <SessionContext value={session}>
          <Shell session={session} />
        </SessionContext>
      ) : (
        <div className="shell">
          <header className="shell__header">
            <span className="shell__brand">warmpath</span>
          </header>
          <main id="main" className="shell__main">
            {status.kind === "signed-out" ? (
              <SignInScreen onSignedIn={(viewer) => setStatus({ kind: "signed-in", viewer })} />
            ) : status.kind === "failed" ? (
              <section className="screen" aria-labelledby="start-failed-title">
                <h1 id="start-failed-title">warmpath could not start</h1>
                <ErrorMessage error={status.error} onRetry={() => void loadViewer()} />
              </section>
            ) : (
              <Loading label="Opening warmpath…" />
            )}
          </main>
        </div>
      )}
    </ApiProvider>
  );
}
