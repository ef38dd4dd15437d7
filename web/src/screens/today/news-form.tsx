/** Records someone's news (dated today): it becomes their latest and joins their history. */
import { useId, useState, type FormEvent } from "react";
import { ErrorMessage } from "../../ui";
import { RECORD_NEWS } from "./today.documents";
import { newKey, useAction } from "./use-action";

export function NewsForm({
  personId,
  personName,
  onDone,
}: {
  personId: string;
  personName: string;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const action = useAction(onDone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const news = text.trim();
    if (news === "") return;
    void action.run(async (client) => {
      await client.request(RECORD_NEWS, { personId, text: news, idempotencyKey: newKey() });
      setText("");
      return `Recorded ${personName}’s news.`;
    });
  };
  return (
    <form className="entry-form" onSubmit={submit} aria-label={`${personName}’s news`}>
      <div className="field entry-form__wide">
        <label htmlFor={`${id}-news`}>Their news</label>
        <input
          id={`${id}-news`}
          type="text"
          required
          placeholder="Started a new job at Contoso"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        Record news
      </button>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </form>
  );
}
