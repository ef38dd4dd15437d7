/** Creates an API token: what it is for, its scopes (at most yours), and when it ends. */
import { useState, type FormEvent } from "react";
import { useOperation } from "../../api";
import { ErrorMessage } from "../../ui";
import { CREATE_API_TOKEN, type ApiTokenRow } from "./account.documents";
import { grantable, SCOPE_WORDS } from "./scopes";

const LIFETIMES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days (the default)" },
  { value: "365", label: "A year" },
  { value: "never", label: "Never" },
];

export function NewTokenForm({
  held,
  onCreated,
}: {
  held: readonly string[];
  onCreated: (token: string, row: ApiTokenRow) => void;
}) {
  const allowed = grantable(held);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(
    allowed.includes("paths:read") ? ["paths:read"] : [],
  );
  const [lifetime, setLifetime] = useState("90");
  const creating = useOperation(CREATE_API_TOKEN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await creating.run({
      input: {
        name: name.trim(),
        scopes,
        expiresInDays: lifetime === "never" ? null : Number(lifetime),
        neverExpires: lifetime === "never",
      },
    });
    if (data) {
      setName("");
      onCreated(data.createApiToken.token, data.createApiToken.apiToken);
    }
  };

  return (
    <form
      className="form form--wide"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-token-title"
    >
      <h3 id="new-token-title">New token</h3>
      <div className="field">
        <label htmlFor="token-name">What it is for</label>
        <input
          id="token-name"
          type="text"
          required
          placeholder="import script"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend>Scopes</legend>
        {SCOPE_WORDS.filter((s) => allowed.includes(s.scope)).map((s) => (
          <label key={s.scope} className="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(s.scope)}
              onChange={(e) =>
                setScopes(
                  e.target.checked ? [...scopes, s.scope] : scopes.filter((x) => x !== s.scope),
                )
              }
            />{" "}
            <code>{s.scope}</code>: {s.words}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="token-lifetime">Ends after</label>
        <select id="token-lifetime" value={lifetime} onChange={(e) => setLifetime(e.target.value)}>
          {LIFETIMES.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={creating.state.status === "loading" || scopes.length === 0}
        >
          Create token
        </button>
      </div>
      {scopes.length === 0 ? <p className="hint">Choose at least one scope.</p> : null}
      {creating.state.status === "failed" ? <ErrorMessage error={creating.state.error} /> : null}
    </form>
  );
}
