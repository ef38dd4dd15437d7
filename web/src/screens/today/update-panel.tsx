/**
 * The blanket update: pick recipients, edit the template (placeholders personalize each copy),
 * preview every person's copy, export them as .eml files, and mark the update sent once you
 * have sent it yourself (warmpath never sends mail). Each preview drafts a new batch of copies;
 * an old batch is left as drafts, never sent.
 */
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "../../ui";
import { EmlDownloads } from "./eml-downloads";
import { UpdateRecipientsFields } from "./update-recipients";
import {
  DRAFT_UPDATE,
  EXPORT_UPDATE,
  MARK_UPDATE_SENT,
  type DraftCopy,
  type ExportedFile,
  type UpdateRecipients,
} from "./update.documents";
import { newKey, useAction } from "./use-action";

const DEFAULT_SUBJECT = "News from me, and how are you, {{firstName}}?";
const DEFAULT_TEMPLATE = `Hi {{firstName}},

A short note on what I have been up to: ...

How are things at {{company}}? Last I heard: {{latestNews}}. I would love to hear your news.

Best,
`;

const PLACEHOLDER_HINT =
  "Placeholders: {{firstName}}, {{name}}, {{company}}, {{latestNews}}, {{sharedInterest}}.";

interface Preview {
  batch: string;
  drafts: DraftCopy[];
  files: ExportedFile[] | null;
  sent: boolean;
}

export function UpdatePanel({ onChanged }: { onChanged: (message: string) => void }) {
  const [recipients, setRecipients] = useState<UpdateRecipients>({
    category: null,
    tag: null,
    list: "NEXT_CONTACT",
  });
  const [subject, setSubject] = useState(DEFAULT_SUBJECT);
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [stale, setStale] = useState(false);
  const [said, setSaid] = useState("");
  const action = useAction(setSaid);

  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (preview) setStale(true);
    };

  const draft = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async (client) => {
      const { draftUpdate } = await client.request(DRAFT_UPDATE, {
        subject,
        template,
        recipients,
        idempotencyKey: newKey(),
      });
      setPreview({ ...draftUpdate, files: null, sent: false });
      setStale(false);
      const n = draftUpdate.drafts.length;
      return `Drafted ${n} ${n === 1 ? "copy" : "copies"}; nothing is sent.`;
    });
  };

  const exportEml = (batch: string) =>
    action.run(async (client) => {
      const { exportUpdate } = await client.request(EXPORT_UPDATE, { batch });
      setPreview((p) => (p && p.batch === batch ? { ...p, files: exportUpdate } : p));
      return `${exportUpdate.length} .eml files ready to download.`;
    });

  const markSent = (batch: string) =>
    action.run(async (client) => {
      const { markUpdateSent } = await client.request(MARK_UPDATE_SENT, {
        batch,
        idempotencyKey: newKey(),
      });
      setPreview((p) => (p && p.batch === batch ? { ...p, sent: true } : p));
      const message = `Marked the update sent: an e-mail logged for each of ${markUpdateSent.length} people, who will be asked for their news.`;
      onChanged(message);
      return message;
    });

  return (
    <section className="update" aria-labelledby="update-title">
      <h2 id="update-title">Blanket update</h2>
      <p className="hint">
        A short note on what you have been up to, slightly personal for each person. Ask for their
        news, and record it when they answer.
      </p>
      <form className="update__form" onSubmit={draft}>
        <UpdateRecipientsFields value={recipients} onChange={edited(setRecipients)} />
        <div className="field">
          <label htmlFor="update-subject">Subject</label>
          <input
            id="update-subject"
            type="text"
            required
            value={subject}
            onChange={(e) => edited(setSubject)(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="update-template">Template</label>
          <p className="hint" id="update-template-hint">
            {PLACEHOLDER_HINT}
          </p>
          <textarea
            id="update-template"
            required
            rows={9}
            aria-describedby="update-template-hint"
            value={template}
            onChange={(e) => edited(setTemplate)(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          Preview each person’s copy
        </button>
      </form>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {preview ? (
        <section className="update__preview" aria-labelledby="update-preview-title">
          <h3 id="update-preview-title">
            {preview.drafts.length} {preview.drafts.length === 1 ? "copy" : "copies"}
            {preview.sent ? ", marked sent" : ", drafted (nothing is sent)"}
          </h3>
          {stale ? (
            <p className="update__stale">
              You changed the update since this preview: preview again to see your changes.
            </p>
          ) : null}
          <ol className="update__copies">
            {preview.drafts.map((d) => (
              <li key={d.id}>
                <article className="copy" aria-label={`Copy for ${d.person.name}`}>
                  <p className="copy__to">
                    To: <strong>{d.person.name}</strong>{" "}
                    {d.to ? `<${d.to}>` : "(no e-mail address known: add one to send it)"}
                  </p>
                  <p className="copy__subject">Subject: {d.subject}</p>
                  <pre className="copy__body">{d.body}</pre>
                </article>
              </li>
            ))}
          </ol>
          <div className="update__actions">
            <button
              type="button"
              className="button"
              disabled={action.busy}
              onClick={() => void exportEml(preview.batch)}
            >
              Export .eml files
            </button>
            <button
              type="button"
              className="button"
              disabled={action.busy || preview.sent}
              onClick={() => void markSent(preview.batch)}
            >
              {preview.sent ? "Marked sent" : "I sent it: mark sent"}
            </button>
          </div>
          {preview.files ? <EmlDownloads files={preview.files} /> : null}
        </section>
      ) : null}
    </section>
  );
}
