/**
 * Drafting a request from a path: who is asked and for whom, your pitch (asked for first when
 * you have none: the request carries it), a line of your own, then the draft from the server.
 */
import { useState, type FormEvent } from "react";
import { useOperation, useQuery } from "../../api";
import { navigate } from "../../app/router";
import { ErrorMessage, Loading } from "../../ui";
import { ASK_PEOPLE, CREATE_REQUEST, SET_PITCH } from "./ask.documents";

export function DraftForm({ targetId, introducerId }: { targetId: string; introducerId: string }) {
  const people = useQuery(ASK_PEOPLE, { targetId, introducerId });
  const create = useOperation(CREATE_REQUEST);
  const savePitch = useOperation(SET_PITCH);
  const [note, setNote] = useState("");
  const [pitch, setPitch] = useState<string | null>(null);
  // One key per draft: a repeated click or a retry after a lost answer drafts it once.
  const [key] = useState(() => crypto.randomUUID());

  if (people.state.status === "failed")
    return <ErrorMessage error={people.state.error} onRetry={people.refetch} />;
  if (people.state.status !== "done") return <Loading label="Getting the people…" />;
  const { me, introducer, target } = people.state.data;
  const pitchText = pitch ?? me.elevatorPitch ?? "";
  const busy = create.state.status === "loading" || savePitch.state.status === "loading";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pitchText.trim() !== (me.elevatorPitch ?? "").trim()) {
      const saved = await savePitch.run({ pitch: pitchText.trim() });
      if (!saved) return;
    }
    const data = await create.run({
      targetId,
      introducerId,
      note: note.trim() === "" ? null : note.trim(),
      idempotencyKey: key,
    });
    if (data)
      navigate(`/ask?id=${encodeURIComponent(data.createIntroRequest.id)}`, { replace: true });
  };

  return (
    <form className="form ask-draft" onSubmit={submit}>
      <h2>
        Ask {introducer.name} to introduce you to {target.name}
      </h2>
      <p>
        A double opt-in request: {introducer.name} checks with {target.name} first, and forwards a
        short note about you only if they welcome it.
      </p>
      <div className="field">
        <label htmlFor="ask-pitch">Your elevator pitch</label>
        <p id="ask-pitch-hint" className="hint">
          Who you are and what you are after, in two or three sentences. It goes with every request
          {me.elevatorPitch ? "" : "; you have none yet, so write it here"}.
        </p>
        <textarea
          id="ask-pitch"
          aria-describedby="ask-pitch-hint"
          rows={4}
          required
          value={pitchText}
          onChange={(e) => setPitch(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ask-note">Why {target.name}? (optional)</label>
        <p id="ask-note-hint" className="hint">
          One sentence becomes the last line of the note they forward.
        </p>
        <textarea
          id="ask-note"
          aria-describedby="ask-note-hint"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Drafting…" : "Draft the request"}
      </button>
      {savePitch.state.status === "failed" ? <ErrorMessage error={savePitch.state.error} /> : null}
      {create.state.status === "failed" ? <ErrorMessage error={create.state.error} /> : null}
    </form>
  );
}
