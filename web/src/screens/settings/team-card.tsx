/** One team you belong to: your role, what you share with it (and its cap), and leaving it. */
import { useState } from "react";
import { useOperation } from "../../api";
import { ErrorMessage } from "../../ui";
import { ConfirmButton } from "./confirm-button";
import {
  LEAVE_TEAM,
  SET_TEAM_SHARING,
  type MembershipRow,
  type SharingLevel,
} from "./teams.documents";

export const SHARING_WORDS: Readonly<Record<SharingLevel, string>> = Object.freeze({
  OFF: "Nothing: the team does not see your network",
  COMPANY: "Companies only: “someone at Acme, via you”",
  FULL: "Names, titles, companies and how well you know them",
});

const LEVELS = Object.keys(SHARING_WORDS) as SharingLevel[];

export function TeamCard({
  membership,
  onLeft,
}: {
  membership: MembershipRow;
  onLeft: () => void;
}) {
  const [member, setMember] = useState(membership.member);
  const sharing = useOperation(SET_TEAM_SHARING);
  const leaving = useOperation(LEAVE_TEAM);
  const { team } = membership;
  const id = `team-${team.id}`;

  const choose = async (level: SharingLevel) => {
    const data = await sharing.run({ teamId: team.id, sharing: level });
    if (data) setMember(data.setTeamSharing);
  };

  return (
    <li className="settings__item team-card">
      <h3 id={`${id}-name`}>{team.name}</h3>
      <p className="hint">
        You are {member.role === "OWNER" || member.role === "ADMIN" ? "an" : "a"}{" "}
        {member.role.toLowerCase()}.{" "}
        {team.reciprocity ? "A member who shares nothing sees only their own network. " : ""}
        {team.approval ? "An owner or admin approves each request to a teammate." : ""}
      </p>
      <fieldset className="field">
        <legend>What {team.name} may use of your network</legend>
        {LEVELS.map((level) => (
          <label key={level} className="checkbox">
            <input
              type="radio"
              name={`${id}-sharing`}
              value={level}
              checked={member.sharing === level}
              disabled={sharing.state.status === "loading"}
              onChange={() => void choose(level)}
            />{" "}
            {SHARING_WORDS[level]}
          </label>
        ))}
      </fieldset>
      <p className="team-card__effective" role="status">
        {sharing.state.status === "done" ? "Saved: it applies from the next search. " : ""}
        The team uses: {SHARING_WORDS[member.effectiveSharing].split(":")[0]}
        {member.sharingCap !== "FULL"
          ? ` (an owner or admin caps you at ${member.sharingCap.toLowerCase()})`
          : ""}
        .
      </p>
      {sharing.state.status === "failed" ? <ErrorMessage error={sharing.state.error} /> : null}
      <ConfirmButton
        label={`Leave ${team.name}`}
        question={`Leave ${team.name}? You need a new invitation to come back.`}
        confirmLabel="Leave it"
        busy={leaving.state.status === "loading"}
        onConfirm={() =>
          void leaving.run({ teamId: team.id, userId: member.userId }).then((d) => d && onLeft())
        }
      />
      {leaving.state.status === "failed" ? <ErrorMessage error={leaving.state.error} /> : null}
    </li>
  );
}
