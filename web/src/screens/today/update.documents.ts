/**
 * The blanket update's documents: draft a copy per recipient (nothing is sent), export the
 * copies as .eml files, and mark the update sent once you sent it yourself.
 */
import type { CategoryName } from "../../api/category";
import { graphql } from "../../api/typed-document";

export type { CategoryName };

export type RecipientListName = "NEXT_CONTACT" | "LOSING_TOUCH";

export interface UpdateRecipients {
  category: CategoryName | null;
  tag: string | null;
  list: RecipientListName | null;
}

export interface DraftCopy {
  id: string;
  to: string | null;
  subject: string;
  body: string;
  status: "DRAFTED" | "SENT";
  person: { id: string; name: string };
}

export const DRAFT_UPDATE = graphql<
  { draftUpdate: { batch: string; drafts: DraftCopy[] } },
  { subject: string; template: string; recipients: UpdateRecipients; idempotencyKey: string }
>(`
  mutation DraftUpdate(
    $subject: String!
    $template: String!
    $recipients: UpdateRecipientsInput!
    $idempotencyKey: String
  ) {
    draftUpdate(
      input: {
        subject: $subject
        template: $template
        recipients: $recipients
        idempotencyKey: $idempotencyKey
      }
    ) {
      batch
      drafts {
        id
        to
        subject
        body
        status
        person {
          id
          name
        }
      }
    }
  }
`);

export interface ExportedFile {
  filename: string;
  mediaType: string;
  content: string;
}

export const EXPORT_UPDATE = graphql<{ exportUpdate: ExportedFile[] }, { batch: string }>(`
  query ExportUpdate($batch: String!) {
    exportUpdate(batch: $batch, format: EML) {
      filename
      mediaType
      content
    }
  }
`);

export const MARK_UPDATE_SENT = graphql<
  { markUpdateSent: { id: string; status: string; sentAt: string | null }[] },
  { batch: string; idempotencyKey: string }
>(`
  mutation MarkUpdateSent($batch: String!, $idempotencyKey: String) {
    markUpdateSent(batch: $batch, idempotencyKey: $idempotencyKey) {
      id
      status
      sentAt
    }
  }
`);
