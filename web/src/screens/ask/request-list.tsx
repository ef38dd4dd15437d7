/** Your introduction requests, each with its status and how long it has waited. */
import { useQuery } from "../../api";
import { Link } from "../../app/router";
import { ErrorMessage, Loading } from "../../ui";
import { INTRO_REQUESTS } from "./ask.documents";
import { STATUS_WORDS } from "./request-status";

export function RequestList() {
  const list = useQuery(INTRO_REQUESTS, {});
  if (list.state.status === "failed")
    return <ErrorMessage error={list.state.error} onRetry={list.refetch} />;
  if (list.state.status !== "done") return <Loading label="Getting your requests…" />;
  const requests = list.state.data.introRequests;
  if (requests.length === 0)
    return (
      <p>
        No requests yet. Find a path in <Link to="/find">Find a way in</Link> and choose “Ask” on
        its card.
      </p>
    );
  return (
    <ul className="ask-list">
      {requests.map((r) => (
        <li key={r.id}>
          <Link to={`/ask?id=${encodeURIComponent(r.id)}`}>
            {r.introducer.name} → {r.target.name}
          </Link>{" "}
          <span className="tag">{STATUS_WORDS[r.status]}</span>{" "}
          <span className="hint">
            {r.waitingDays} {r.waitingDays === 1 ? "day" : "days"} in this status
          </span>
        </li>
      ))}
    </ul>
  );
}
