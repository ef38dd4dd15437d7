/**
 * One request: its parts editable (kept in this browser until sent), copy, open as a mail
 * draft (mailto: or .eml), and its status with a button for each move the pipeline allows.
 */
import { useEffect, useMemo, useState } from "react";
import { useOperation, useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { INTRO_REQUESTS, SET_STATUS, type IntroRequest, type IntroStatus } from "./ask.documents";
import {
  composeMessage,
  emlFilename,
  emlText,
  mailtoHref,
  splitMessage,
  type MessageParts,
} from "./intro-message";
import { StatusSteps } from "./status-steps";

const storageKey = (id: string) => `warmpath:intro-request:${id}`;

function savedParts(request: IntroRequest): MessageParts {
  const original = splitMessage(request.message ?? "");
  try {
    const saved = window.localStorage.getItem(storageKey(request.id));
    return saved ? { ...original, ...(JSON.parse(saved) as Partial<MessageParts>) } : original;
  } catch {
    return original;
  }
}

export function RequestView({ id }: { id: string }) {
  const list = useQuery(INTRO_REQUESTS, {});
  const found =
    list.state.status === "done" ? list.state.data.introRequests.find((r) => r.id === id) : null;
  if (list.state.status === "failed")
    return <ErrorMessage error={list.state.error} onRetry={list.refetch} />;
  if (list.state.status !== "done") return <Loading label="Getting the request…" />;
  if (!found)
    return (
      <p role="alert">
        There is no request {id} among yours. It may have been made on another warmpath.
      </p>
    );
  return <RequestDetail key={found.id} initial={found} />;
}

function RequestDetail({ initial }: { initial: IntroRequest }) {
  const [request, setRequest] = useState(initial);
  const [parts, setParts] = useState<MessageParts>(() => savedParts(initial));
  const [copied, setCopied] = useState<string | null>(null);
  const [outcome, setOutcome] = useState("");
  const move = useOperation(SET_STATUS);
  const body = composeMessage(parts);
  const original = useMemo(() => splitMessage(initial.message ?? ""), [initial.message]);

  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey(request.id), JSON.stringify(parts));
    } catch {
      // Private browsing may refuse storage; the edits then last while the page is open.
    }
  }, [parts, request.id]);

  const mail = {
    to: request.introducer.emails[0] ?? null,
    subject: `Would you introduce me to ${request.target.name}?`,
    body,
  };
  const eml = useMemo(() => {
    const blob = new Blob([emlText(mail)], { type: "message/rfc822" });
    return URL.createObjectURL(blob);
    // The draft changes only with these.
  }, [body, mail.to, mail.subject]);
  useEffect(() => () => URL.revokeObjectURL(eml), [eml]);

  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(
        `This browser did not allow copying: select the ${what.toLowerCase()} and copy it.`,
      );
    }
  };
  const moveTo = async (status: IntroStatus) => {
    const data = await move.run({
      id: request.id,
      status,
      outcome: outcome.trim() === "" ? null : outcome.trim(),
    });
    if (data) {
      setRequest(data.setIntroRequestStatus);
      setOutcome("");
    }
  };
  const set = (patch: Partial<MessageParts>) => setParts({ ...parts, ...patch });
  const edited = composeMessage(original) !== body;

  return (
    <div className="ask-request">
      <h2>
        {request.introducer.name} → {request.target.name}
      </h2>
      <p className="hint">
        Path: {request.path.map((p) => (p.isSelf ? "You" : p.name)).join(" → ")}
      </p>
      <StatusSteps
        request={request}
        outcome={outcome}
        onOutcome={setOutcome}
        onMove={moveTo}
        busy={move.state.status === "loading"}
      />
      {move.state.status === "failed" ? <ErrorMessage error={move.state.error} /> : null}

      <section aria-labelledby="ask-message-title" className="ask-message">
        <h3 id="ask-message-title">The request</h3>
        <p className="hint">
          Edit any part; your changes stay in this browser. Send it from your own mailbox.
        </p>
        <div className="field">
          <label htmlFor="ask-part-ask">To {request.introducer.name}</label>
          <textarea
            id="ask-part-ask"
            rows={8}
            value={parts.ask}
            onChange={(e) => set({ ask: e.target.value })}
          />
        </div>
        {parts.blurbHeader ? (
          <div className="field">
            <label htmlFor="ask-part-blurb">Forwardable blurb (for {request.target.name})</label>
            <textarea
              id="ask-part-blurb"
              rows={4}
              value={parts.blurb}
              onChange={(e) => set({ blurb: e.target.value })}
            />
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void copy("Blurb", parts.blurb)}
            >
              Copy the blurb
            </button>
          </div>
        ) : null}
        {parts.blurbHeader ? (
          <div className="field">
            <label htmlFor="ask-part-pitch">Your pitch</label>
            <textarea
              id="ask-part-pitch"
              rows={4}
              value={parts.pitch}
              onChange={(e) => set({ pitch: e.target.value })}
            />
          </div>
        ) : null}
        <div className="ask-message__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void copy("Message", body)}
          >
            Copy the message
          </button>
          <a className="button" href={mailtoHref(mail)}>
            Open in your mail program
          </a>
          <a className="button" href={eml} download={emlFilename(request.target.name)}>
            Download as .eml
          </a>
          {edited ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setParts(original)}
            >
              Undo my edits
            </button>
          ) : null}
        </div>
        <p role="status" className="hint">
          {copied ?? ""}
        </p>
        {mail.to ? null : (
          <p className="hint">
            warmpath has no e-mail address for {request.introducer.name}: fill in the recipient in
            your mail program.
          </p>
        )}
        <details>
          <summary>The whole message as it will read</summary>
          <pre className="ask-message__preview">{body}</pre>
        </details>
      </section>
    </div>
  );
}
