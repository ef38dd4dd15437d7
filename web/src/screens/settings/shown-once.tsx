/** A new token's text, shown this once: selectable, copyable, then dismissed for good. */
import { useEffect, useRef, useState } from "react";

export function ShownOnce({
  name,
  token,
  onDone,
}: {
  name: string;
  token: string;
  onDone: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState("");
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("Copied.");
    } catch {
      setCopied("The browser did not allow copying: select the token and copy it yourself.");
    }
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="shown-once"
      role="region"
      aria-labelledby="shown-once-title"
    >
      <h3 id="shown-once-title">Your new token “{name}”</h3>
      <p>Copy it now: it is shown this once and never again.</p>
      <div className="field">
        <label htmlFor="shown-once-token">Token</label>
        <input
          id="shown-once-token"
          type="text"
          readOnly
          value={token}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <div className="shown-once__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy the token
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          I have saved it
        </button>
      </div>
      <p role="status" className="settings__saved">
        {copied}
      </p>
    </div>
  );
}
