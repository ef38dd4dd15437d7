/**
 * In a team: ask the teammate who knows the target (askTeammate), then follow the team's
 * requests (teamIntroRequests) with the moves a requester makes (met, withdrawn).
 */
import { useState, type FormEvent } from "react";
import { useOperation, useQuery } from "../../api";
import { navigate } from "../../app/router";
import { useSession } from "../../app/session-context";
import { ErrorMessage, Loading } from "../../ui";
import {
  ASK_TEAMMATE,
  MOVE_TEAM_REQUEST,
  TEAM_REQUESTS,
  type TeamRequest,
  type TeamStatus,
} from "./ask.documents";

const TEAM_STATUS_WORDS: Readonly<Record<TeamStatus, string>> = {
  AWAITING_APPROVAL: "Awaiting approval",
  PENDING: "Asked, waiting for the teammate",
  ACCEPTED: "Accepted",
  INTRODUCED: "Introduced",
  MET: "Met",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

const targetName = (r: TeamRequest): string =>
  r.target.__typename === "OpaquePerson"
    ? r.target.company
      ? `someone at ${r.target.company}`
      : "someone"
    : r.target.name;

export function TeamAsk({
  teamId,
  personId,
  memberUserId,
  memberName,
  name,
}: {
  teamId: string;
  personId: string;
  memberUserId: string | null;
  memberName: string;
  name: string;
}) {
  const ask = useOperation(ASK_TEAMMATE);
  const [note, setNote] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await ask.run({ teamId, personId, memberUserId, note: note.trim() || null });
    if (data) navigate(`/ask?team=${encodeURIComponent(teamId)}`, { replace: true });
  };
  return (
    <form className="form" onSubmit={submit}>
      <h2>
        Ask {memberName} to introduce you to {name}
      </h2>
      <p>
        {memberName} knows {name}. They get your request in warmpath and, if they accept, a double
        opt-in note to send {name} from their own mailbox.
      </p>
      <div className="field">
        <label htmlFor="team-ask-note">Why, and your pitch</label>
        <textarea
          id="team-ask-note"
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button--primary"
        disabled={ask.state.status === "loading"}
      >
        Ask {memberName}
      </button>
      {ask.state.status === "failed" ? <ErrorMessage error={ask.state.error} /> : null}
    </form>
  );
}

export function TeamRequests({ teamId }: { teamId: string }) {
  const { viewer } = useSession();
  const list = useQuery(TEAM_REQUESTS, { teamId });
  const move = useOperation(MOVE_TEAM_REQUEST);
  if (list.state.status === "failed")
    return <ErrorMessage error={list.state.error} onRetry={list.refetch} />;
  if (list.state.status !== "done") return <Loading label="Getting the team’s requests…" />;
  const requests = list.state.data.teamIntroRequests;
  const moveTo = async (id: string, status: TeamStatus) => {
    if (await move.run({ teamId, id, status })) list.refetch();
  };
  return (
    <section aria-labelledby="team-requests-title">
      <h2 id="team-requests-title">Team requests</h2>
      {requests.length === 0 ? <p>No requests in this team yet.</p> : null}
      <ul className="ask-list">
        {requests.map((r) => {
          const mine = r.requester.userId === viewer.id;
          return (
            <li key={r.id}>
              {mine ? "You asked" : `${r.requester.name} asked`} {r.member.name} about{" "}
              {targetName(r)}: <span className="tag">{TEAM_STATUS_WORDS[r.status]}</span>
              {r.reason ? <span className="hint"> ({r.reason})</span> : null}{" "}
              {mine && (r.status === "INTRODUCED" || r.status === "ACCEPTED") ? (
                <button type="button" className="button" onClick={() => void moveTo(r.id, "MET")}>
                  We met
                </button>
              ) : null}
              {mine && (r.status === "PENDING" || r.status === "AWAITING_APPROVAL") ? (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void moveTo(r.id, "WITHDRAWN")}
                >
                  Withdraw
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {move.state.status === "failed" ? <ErrorMessage error={move.state.error} /> : null}
    </section>
  );
}
