/** The API's enumerations in words, for the People screen. */
import type { CategoryName } from "./people.documents";

export const CATEGORY_WORDS: Readonly<Record<CategoryName, string>> = Object.freeze({
  CLIENT: "Client",
  VENDOR: "Vendor",
  FRIEND: "Friend",
  FAMILY: "Family",
  FORMER_COLLEAGUE: "Former colleague",
  FORMER_EMPLOYER: "Former employer",
  FORMER_CLIENT: "Former client",
  MENTOR: "Mentor",
  RECRUITER: "Recruiter",
  INVESTOR: "Investor",
  COMMUNITY: "Community",
});

const CONTEXT_WORDS: Readonly<Record<string, string>> = Object.freeze({
  WORKED_TOGETHER: "worked together",
  FAMILY: "family",
  FRIEND: "friends",
  CLIENT: "client",
  VENDOR: "vendor",
  SCHOOL: "school",
  COMMUNITY: "community",
  MET_ONCE: "met once",
  OTHER: "other",
});

const PROVENANCE_WORDS: Readonly<Record<string, string>> = Object.freeze({
  MANUAL: "entered by you",
  INTRODUCTION: "from an introduction",
  INTERACTION: "from your contact log",
  LINKEDIN: "imported from LinkedIn",
  INFERRED: "inferred from a shared employer or group, not confirmed",
});

export const contextWords = (context: string | null): string | null =>
  context === null ? null : (CONTEXT_WORDS[context] ?? context.toLowerCase());

export const provenanceWords = (provenance: string): string =>
  PROVENANCE_WORDS[provenance] ?? provenance.toLowerCase();

/** "coffee", "e-mail": an enumeration value as a lower-case word. */
export const lowerWords = (value: string): string =>
  value === "EMAIL" ? "e-mail" : value.toLowerCase().replace(/_/g, " ");

/** "2019-05-01" as it is: dates stay unambiguous; a date-time keeps its day. */
export const day = (value: string | null): string => (value === null ? "" : value.slice(0, 10));
