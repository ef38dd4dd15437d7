/** Where a request stands (drafted → asked → accepted or declined → introduced → met), and its next moves. */
import type { IntroRequest, IntroStatus } from "./ask.documents";
import { moveWords, NEXT_STATUSES, STATUS_ORDER, STATUS_WORDS } from "./request-status";

export function StatusSteps({
  request,
  outcome,
  onOutcome,
  onMove,
  busy,
}: {
  request: IntroRequest;
  outcome: string;
  onOutcome: (text: string) => void;
  onMove: (status: IntroStatus) => void;
  busy: boolean;
}) {
  const at = STATUS_ORDER.indexOf(request.status);
  const steps =
    request.status === "DECLINED"
      ? [...STATUS_ORDER.slice(0, 2), "DECLINED" as const]
      : STATUS_ORDER;
  const next = NEXT_STATUSES[request.status];
  return (
    <section aria-labelledby="ask-status-title" className="ask-status">
      <h3 id="ask-status-title">
        Status: <span className="ask-status__now">{STATUS_WORDS[request.status]}</span>
      </h3>
      <ol className="ask-steps" aria-label="The steps of the request">
        {steps.map((status, i) => {
          const done = request.status === "DECLINED" ? i < 2 : i < at;
          const current = status === request.status;
          return (
            <li
              key={status}
              className={
                current
                  ? "ask-steps__step ask-steps__step--now"
                  : done
                    ? "ask-steps__step ask-steps__step--done"
                    : "ask-steps__step"
              }
              aria-current={current ? "step" : undefined}
            >
              {STATUS_WORDS[status]}
              <span className="visually-hidden">
                {current ? " (now)" : done ? " (done)" : " (to come)"}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="hint">
        {request.waitingDays === 0
          ? "Since today."
          : `For ${request.waitingDays} ${request.waitingDays === 1 ? "day" : "days"}.`}
        {request.outcome ? ` Outcome: ${request.outcome}` : ""}
      </p>
      {next.length > 0 ? (
        <>
          {next.includes("DECLINED") || next.includes("MET") ? (
            <div className="field">
              <label htmlFor="ask-outcome">What happened (optional)</label>
              <input id="ask-outcome" value={outcome} onChange={(e) => onOutcome(e.target.value)} />
            </div>
          ) : null}
          <div className="ask-status__moves">
            {next.map((status) => (
              <button
                key={status}
                type="button"
                className={status === "DECLINED" ? "button" : "button button--primary"}
                disabled={busy}
                onClick={() => onMove(status)}
              >
                {moveWords(status, request.introducer.name, request.target.name)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p>This request is finished.</p>
      )}
    </section>
  );
}
