/** The teams you belong to, what each may use of your network, and joining or starting one. */
import { useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { JoinTeamForm } from "./join-team-form";
import { TeamCard } from "./team-card";
import { MY_TEAMS } from "./teams.documents";

export function TeamsSection() {
  const { state, refetch } = useQuery(MY_TEAMS, {});
  return (
    <section className="settings__section" aria-labelledby="settings-teams-title">
      <h2 id="settings-teams-title">Teams</h2>
      <p className="hint">
        A team pools what its members share to find warmer paths. You share nothing until you choose
        to, and teammates never see your notes or your ties’ numbers.
      </p>
      {state.status === "loading" ? <Loading label="Loading your teams…" /> : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" ? (
        state.data.teams.length === 0 ? (
          <p>You are in no team.</p>
        ) : (
          <ul className="settings__list" aria-label="Your teams">
            {state.data.teams.map((m) => (
              <TeamCard key={m.team.id} membership={m} onLeft={refetch} />
            ))}
          </ul>
        )
      ) : null}
      <JoinTeamForm onChanged={refetch} />
    </section>
  );
}
