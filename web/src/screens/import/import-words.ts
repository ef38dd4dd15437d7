/** The Import screen's words for the API's layouts and outcomes. */
import type { ExportFormat, ImportFormat, RowOutcome } from "./import.documents";

export const LAYOUT_WORDS: Readonly<Record<ImportFormat, string>> = Object.freeze({
  AUTO: "Detect it from the file",
  LINKEDIN: "LinkedIn connections (Connections.csv)",
  GOOGLE: "Google Contacts CSV",
  OUTLOOK: "Outlook CSV",
  VCARD: "vCard (.vcf)",
  WARMPATH_CSV: "warmpath’s own CSV export",
});

export const OUTCOMES: readonly RowOutcome[] = [
  "CREATED",
  "UPDATED",
  "UNCHANGED",
  "SKIPPED",
  "REJECTED",
];

/** How an outcome reads in a count ("4 new") and on a row ("New"), for a dry run or not. */
export const OUTCOME_WORDS: Readonly<Record<RowOutcome, { count: string; row: string }>> =
  Object.freeze({
    CREATED: { count: "new", row: "New person" },
    UPDATED: { count: "updated", row: "Updated" },
    UNCHANGED: { count: "unchanged", row: "Unchanged" },
    SKIPPED: { count: "skipped", row: "Skipped" },
    REJECTED: { count: "rejected", row: "Rejected" },
  });

export const EXPORTS: readonly { format: ExportFormat; label: string; hint: string }[] = [
  { format: "CSV", label: "CSV", hint: "a spreadsheet; warmpath imports it back" },
  { format: "VCARD", label: "vCard", hint: "for address books and phones" },
  { format: "GRAPHML", label: "GraphML", hint: "the network, for graph tools" },
  { format: "GEXF", label: "GEXF", hint: "the network, for Gephi" },
  { format: "JSON", label: "JSON", hint: "your whole backup, private notes included" },
];
