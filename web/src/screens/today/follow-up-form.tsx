/** A dated follow-up for one person: "not hiring until spring: come back on 2027-05-20". */
import { useId, useState, type FormEvent } from "react";
import { ErrorMessage } from "../../ui";
import { ADD_FOLLOW_UP, type FollowUpListName } from "./today.documents";
import { addDays, dayWords, todayDay } from "./today-dates";
import { newKey, useAction } from "./use-action";

export function FollowUpForm({
  personId,
  personName,
  onDone,
}: {
  personId: string;
  personName: string;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const [due, setDue] = useState(() => addDays(todayDay(), 30));
  const [reason, setReason] = useState("");
  const [list, setList] = useState<FollowUpListName>("NEXT_CONTACT");
  const action = useAction(onDone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async (client) => {
      await client.request(ADD_FOLLOW_UP, {
        personId,
        due,
        reason: reason.trim() === "" ? null : reason.trim(),
        list,
        idempotencyKey: newKey(),
      });
      return `Follow-up with ${personName} set for ${dayWords(due)}.`;
    });
  };
  return (
    <form className="entry-form" onSubmit={submit} aria-label={`Follow up with ${personName}`}>
      <div className="field">
        <label htmlFor={`${id}-due`}>Come back on</label>
        <input
          id={`${id}-due`}
          type="date"
          required
          min={todayDay()}
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why</label>
        <input
          id={`${id}-reason`}
          type="text"
          placeholder="Not hiring until spring"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-list`}>On the list</label>
        <select
          id={`${id}-list`}
          value={list}
          onChange={(e) => setList(e.target.value as FollowUpListName)}
        >
          <option value="NEXT_CONTACT">Next Contact</option>
          <option value="IMMEDIATE_FOLLOW_UP">Immediate Follow-up</option>
        </select>
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        Add follow-up
      </button>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </form>
  );
}
