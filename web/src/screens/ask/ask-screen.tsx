/**
 * Screen 3, "Ask": the address says what to show. `?target=&introducer=` drafts a request
 * from a path, `?id=` follows one, `?team=` (with `person=` and `member=` from a team path)
 * asks a teammate or follows the team's requests; nothing lists your requests.
 */
import { useLocation } from "../../app/router";
import { DraftForm } from "./draft-form";
import { RequestList } from "./request-list";
import { RequestView } from "./request-view";
import { TeamAsk, TeamRequests } from "./team-ask";
import "./ask.css";

export function AskScreen() {
  const params = useLocation().searchParams;
  const get = (name: string) => params.get(name) || null;
  const target = get("target");
  const introducer = get("introducer");
  const id = get("id");
  const team = get("team");
  const person = get("person");
  return (
    <section className="screen ask" aria-labelledby="ask-title">
      <h1 id="ask-title">Introduction requests</h1>
      {team && person ? (
        <TeamAsk
          teamId={team}
          personId={person}
          memberUserId={get("member")}
          memberName={get("memberName") ?? "your teammate"}
          name={get("name") ?? "them"}
        />
      ) : team ? (
        <TeamRequests teamId={team} />
      ) : target && introducer ? (
        <DraftForm key={`${target}>${introducer}`} targetId={target} introducerId={introducer} />
      ) : id ? (
        <RequestView id={id} />
      ) : (
        <RequestList />
      )}
    </section>
  );
}
