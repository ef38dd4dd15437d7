/**
 * Signing in with a password, shown only when the server asks for an identity (accounts
 * mode). A single-user install on this machine never shows it. The session cookie the server
 * sets is HttpOnly: this page never sees it.
 */
import { useState, type FormEvent } from "react";
import { useOperation } from "../api";
import { ErrorMessage } from "../ui";
import { SIGN_IN, type Viewer } from "./session.documents";

export function SignInScreen({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { state, run } = useOperation(SIGN_IN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await run({ email: email.trim(), password });
    if (data) onSignedIn(data.signIn);
  };

  return (
    <section className="screen sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to warmpath</h1>
      <p>This warmpath has accounts: sign in to reach your network.</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="sign-in-email">E-mail address</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={state.status === "loading"}
        >
          {state.status === "loading" ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {state.status === "failed" && state.error.code === "UNAUTHENTICATED" ? (
        // A refused sign-in is not "you are signed out": say what the server said.
        <p className="error-message" role="alert">
          {state.error.message} Check both and try again.
        </p>
      ) : state.status === "failed" ? (
        <ErrorMessage error={state.error} />
      ) : null}
      <p className="hint">
        No account yet? Whoever runs this server creates the first one with{" "}
        <code>warmpath user create --admin</code>, and invites others.
      </p>
    </section>
  );
}
