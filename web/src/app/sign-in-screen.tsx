/**
 * Signing in with a password or a passkey, shown only when the server asks for an identity
 * (accounts mode). A single-user install on this machine never shows it. The session cookie the
 * server sets is HttpOnly: this page never sees it.
 */
import { useState, type FormEvent } from "react";
import { useOperation } from "../api";
import { ErrorMessage, TextField } from "../ui";
import { passkeyProblem, passkeysSupported, signWithPasskey } from "./passkey-ceremony";
import {
  PASSKEY_SIGN_IN_OPTIONS,
  SIGN_IN,
  SIGN_IN_WITH_PASSKEY,
  type Viewer,
} from "./session.documents";

/**
 * The passkey way in: options from the API, the browser's prompt (the passkeys of this site),
 * the answer checked by the API. Offered only where the browser can use passkeys.
 */
function PasskeySignIn({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const options = useOperation(PASSKEY_SIGN_IN_OPTIONS);
  const verify = useOperation(SIGN_IN_WITH_PASSKEY);
  const [prompting, setPrompting] = useState(false);
  const [problem, setProblem] = useState("");
  if (!passkeysSupported()) return null;

  const start = async () => {
    setProblem("");
    const started = await options.run({});
    if (!started) return;
    setPrompting(true);
    let response: string;
    try {
      response = await signWithPasskey(started.passkeySignInOptions);
    } catch (error) {
      setProblem(passkeyProblem(error, "sign-in"));
      return;
    } finally {
      setPrompting(false);
    }
    const data = await verify.run({ response });
    if (data) onSignedIn(data.signInWithPasskey);
  };

  const failed = options.state.status === "failed" ? options.state : verify.state;
  const busy = prompting || options.state.status === "loading" || verify.state.status === "loading";
  return (
    <div className="sign-in__passkey">
      <p>Or, with a passkey on this device or a security key:</p>
      <button type="button" className="button" disabled={busy} onClick={() => void start()}>
        {busy ? "Waiting for your passkey…" : "Use a passkey"}
      </button>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : failed.status === "failed" && failed.error.code === "UNAUTHENTICATED" ? (
        <p className="error-message" role="alert">
          {failed.error.message} This passkey is not one of an account here, or it was removed. Try
          again, or sign in with your password.
        </p>
      ) : failed.status === "failed" ? (
        <ErrorMessage error={failed.error} />
      ) : null}
    </div>
  );
}

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
        <TextField
          id="sign-in-email"
          label="E-mail address"
          type="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
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
      <PasskeySignIn onSignedIn={onSignedIn} />
      <p className="hint">
        No account yet? Whoever runs this server creates the first one with{" "}
        <code>warmpath user create --admin</code>, and invites others.
      </p>
    </section>
  );
}
