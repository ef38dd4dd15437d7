/**
 * The Import screen's documents: importing a contact file given as text (a dry run first, then
 * for real, in parts), and exporting the network as a file. Types are written beside them;
 * test/web/documents.test.ts validates the documents against schema.graphql.
 */
import { graphql } from "../../api/typed-document";

/** The layouts the API reads; AUTO detects one (the report says which). */
export type ImportFormat = "AUTO" | "LINKEDIN" | "GOOGLE" | "OUTLOOK" | "VCARD" | "WARMPATH_CSV";

export type RowOutcome = "CREATED" | "UPDATED" | "UNCHANGED" | "SKIPPED" | "REJECTED";

export interface ImportRow {
  line: number;
  outcome: RowOutcome;
  reason: string | null;
  warnings: { field: string; reason: string }[];
}

export interface ImportReport {
  layout: ImportFormat;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  rows: ImportRow[];
}

export const IMPORT_CONTACTS = graphql<
  { importContacts: ImportReport },
  { format: ImportFormat; text: string; dryRun: boolean; idempotencyKey: string | null }
>(`
  mutation ImportContacts(
    $format: ImportFormat!
    $text: String!
    $dryRun: Boolean
    $idempotencyKey: String
  ) {
    importContacts(format: $format, text: $text, dryRun: $dryRun, idempotencyKey: $idempotencyKey) {
      layout
      dryRun
      created
      updated
      unchanged
      skipped
      rejected
      rows {
        line
        outcome
        reason
        warnings {
          field
          reason
        }
      }
    }
  }
`);

export type ExportFormat = "CSV" | "VCARD" | "GRAPHML" | "GEXF" | "JSON";

export interface ExportedFile {
  filename: string;
  mediaType: string;
  content: string;
}

export const EXPORT_NETWORK = graphql<{ exportNetwork: ExportedFile }, { format: ExportFormat }>(`
  query ExportNetwork($format: ExportFormat!) {
    exportNetwork(format: $format) {
      filename
      mediaType
      content
    }
  }
`);
