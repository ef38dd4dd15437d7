/** Joins a team with an invitation's token, or starts a new team with you as its owner. */
import { useState, type FormEvent } from "react";
import { useOperation } from "../../api";
import { ErrorMessage } from "../../ui";
import { CREATE_TEAM, JOIN_TEAM } from "./teams.documents";

export function JoinTeamForm({ onChanged }: { onChanged: () => void }) {
  const [invitation, setInvitation] = useState("");
  const [name, setName] = useState("");
  const joining = useOperation(JOIN_TEAM);
  const creating = useOperation(CREATE_TEAM);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    if (await joining.run({ invitation: invitation.trim() })) {
      setInvitation("");
      onChanged();
    }
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (await creating.run({ name: name.trim() })) {
      setName("");
      onChanged();
    }
  };

  return (
    <div className="team-forms">
      <form className="form" onSubmit={(e) => void join(e)}>
        <div className="field">
          <label htmlFor="team-invitation">Join a team with an invitation</label>
          <input
            id="team-invitation"
            type="text"
            required
            autoComplete="off"
            value={invitation}
            onChange={(e) => setInvitation(e.target.value)}
          />
        </div>
        <div>
          <button type="submit" className="button" disabled={joining.state.status === "loading"}>
            Join
          </button>
        </div>
        {joining.state.status === "failed" ? <ErrorMessage error={joining.state.error} /> : null}
      </form>
      <form className="form" onSubmit={(e) => void create(e)}>
        <div className="field">
          <label htmlFor="team-new-name">Start a team</label>
          <input
            id="team-new-name"
            type="text"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div>
          <button type="submit" className="button" disabled={creating.state.status === "loading"}>
            Create the team
          </button>
        </div>
        {creating.state.status === "failed" ? <ErrorMessage error={creating.state.error} /> : null}
      </form>
    </div>
  );
}
